"""Does a PDF page's text layer say what its picture shows?

A scanned page with an OCR text layer (or a picture with text laid over it) can be edited in
the text layer alone: a reviewer sees one phone number, a program reads another. Only pages
that have both a text layer and a picture covering most of the page are checked, so the cost
(one OCR per such page) falls where the risk is. OCR is the project's own
(`extractors.ocr.ocr_pdf_page`, the call the PDF reader makes for scanned pages).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

from models import Document, Origin

log = logging.getLogger(__name__)

IMAGE_SHARE = 0.6              # a picture this large is the page, not a logo
LINE_MATCH_MIN = 0.8           # share of a text-layer line the page picture must show
MIN_CHARS = 4
_NOISE = re.compile(r"[\W_]+", re.UNICODE)


def comparable(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def covered(line: str, page_text: str) -> float:
    """Share of `line`'s characters found, in order, in `page_text`."""
    line = comparable(line)
    if not line:
        return 1.0
    blocks = SequenceMatcher(None, line, page_text, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(line)


_DIGITS = re.compile(r"\d{4,}")


def shown(line: str, page_text: str) -> bool:
    """Is a text-layer line on the picture? Most of its characters in order, and every run of
    digits verbatim: a changed phone number or date moves few characters but all the meaning."""
    return covered(line, page_text) >= LINE_MATCH_MIN and \
        all(run in page_text for run in _DIGITS.findall(comparable(line)))


def picture_pages(path: Path) -> list[int]:
    """0-based indexes of pages with a text layer and a page-sized picture."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            area = float(page.width * page.height) or 1.0
            if page.chars and any((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) / area
                                  >= IMAGE_SHARE for img in page.images):
                out.append(index)
            page.close()
    return out


def mismatched_lines(path: Path, doc: Document) -> dict[int, list[str]]:
    """page number (1-based) → text-layer lines its picture does not show."""
    if doc.media_type != "application/pdf":
        return {}
    try:
        from extractors.ocr import ocr_pdf_page
        indexes = picture_pages(path)
    except Exception as exc:  # no OCR installed, or a PDF pdfplumber already struggled with
        log.info("text layer of %s not compared: %s", path, exc)
        return {}
    out: dict[int, list[str]] = {}
    for index in indexes:
        page = doc.pages[index] if index < len(doc.pages) else None
        if page is None or page.origin != Origin.TEXT_LAYER:
            continue
        try:
            seen = comparable(ocr_pdf_page(path, index, index + 1).text())
        except Exception as exc:
            log.warning("OCR of %s page %d failed: %s", path, index + 1, exc)
            continue
        lines = [ln.text.strip() for ln in page.lines
                 if len(comparable(ln.text)) >= MIN_CHARS and not shown(ln.text, seen)]
        if lines:
            out[index + 1] = lines
    return out
