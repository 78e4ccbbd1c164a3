"""A 2,000-page PDF is read page by page: memory held grows by the pages' text, not by the
parser's per-page objects, and the page limit turns a longer file into a record."""
from __future__ import annotations

import os

import pytest

from badinput import many_pages_pdf
from extractors.limits import Limits
from extractors.readers import pdf as pdf_reader
from extractors.readers import read_document
from models import ErrorCode, IntakeError

PAGES = 2000


def _rss_bytes() -> int:
    # Resident set size now (not the peak): /proc is cheap enough to read after every page,
    # where tracemalloc would make the read ten times slower.
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_2000_pages_are_streamed_with_flat_memory(tmp_path, monkeypatch):
    long_pdf = tmp_path / "2000-pages.pdf"
    long_pdf.write_bytes(many_pages_pdf(PAGES))
    rss_after_page: list[int] = []
    read_page = pdf_reader._read_page

    def measured(*args, **kwargs):
        page = read_page(*args, **kwargs)
        rss_after_page.append(_rss_bytes())
        return page

    monkeypatch.setattr(pdf_reader, "_read_page", measured)
    doc = read_document(long_pdf)
    assert len(doc.pages) == PAGES
    assert doc.pages[-1].lines[0].text.startswith("Quality Award")
    # After a warm-up, each further page may keep only its own small Page model (a line of
    # text and a box), not pdfminer's layout objects for it: those run to tens of kB a page.
    growth_per_page = (rss_after_page[-1] - rss_after_page[199]) / (PAGES - 200)
    assert growth_per_page < 10_000, f"{growth_per_page:.0f} bytes kept per page"


def test_page_limit_is_a_record_not_a_crash(tmp_path):
    path = tmp_path / "60-pages.pdf"
    path.write_bytes(many_pages_pdf(60))
    with pytest.raises(IntakeError) as info:
        read_document(path, Limits(max_pages=50))
    assert info.value.record.code == ErrorCode.TOO_LARGE
    assert "60 pages" in info.value.record.message
