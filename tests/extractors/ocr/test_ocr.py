"""OCR on real scanned renders from sample_docs/scans (kept to a handful of pages for CI)."""
import json
import shutil
import subprocess
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
import pdfplumber
import pytest
from PIL import Image

from extractors import ocr
from extractors.ocr import tibetan
from extractors.ocr.text_layer import edit_distance
from extractors.readers import read_document
from models import Origin, Script
from normalizers.script import to_simplified
from sample_docs.generator import scans

SCANS = Path(__file__).resolve().parents[3] / "sample_docs" / "scans"
PDFS = Path(__file__).resolve().parents[3] / "sample_docs" / "pdf"


def squash(text: str) -> str:
    return to_simplified("".join(unicodedata.normalize("NFKC", text).split()))


@lru_cache(maxsize=None)
def scan(name: str):
    truth = json.loads((SCANS / f"{name}.truth.json").read_text(encoding="utf-8"))
    rgb = np.asarray(Image.open(SCANS / truth["image"]).convert("RGB"))
    return truth, ocr.ocr_image(rgb, 1)


def chinese_cer(truth, page) -> float:
    want = squash("".join(l["text"] for l in truth["lines"] if l["script"] != "bo"))
    got = squash("".join(l.text for l in page.lines if l.script != Script.TIBETAN))
    return edit_distance(want, got) / len(want)


def test_tibetan_letterhead_lines_are_read_and_tagged():
    truth, page = scan("000_letterhead_tibetan")
    want = [l["text"] for l in truth["lines"] if l["script"] == "bo"]
    got = [l.text for l in page.lines if l.script == Script.TIBETAN]
    if not tibetan.tesseract_available():
        pytest.skip("Tesseract with `bod` data is not installed")
    assert ["".join(t.split()) for t in got] == want
    assert chinese_cer(truth, page) < 0.01
    # Letterhead first: the Tibetan lines lead the page in reading order.
    assert page.lines[0].script == Script.TIBETAN


def test_tibetan_subjoined_letters_survive_a_tight_line_box():
    # The undamaged letterhead: the detector's box for བོད་རང་སྐྱོང་ལྗོངས ends at the subjoined
    # ya, which Tesseract lost (སྐོང) until it was given a margin around the box.
    if not tibetan.tesseract_available():
        pytest.skip("Tesseract with `bod` data is not installed")
    case = next(c for c in scans.CASES if c[0] == "000_letterhead_tibetan")
    clean, = scans.scanned_pages([case[:-1] + (scans.Damage(),)])
    page = ocr.ocr_image(np.asarray(clean.image.convert("RGB")), 1)
    want = [t.text for t in clean.truth if t.script == "bo"]
    assert ["".join(l.text.split()) for l in page.lines if l.script == Script.TIBETAN] == want


def test_red_seal_over_text_keeps_the_text_under_it():
    truth, page = scan("001_seal_over_text")
    assert truth["damage"]["seal"]
    assert chinese_cer(truth, page) < 0.01


def test_upside_down_page_is_turned_and_read():
    truth, page = scan("003_upside_down")
    assert page.rotation == 180
    assert chinese_cer(truth, page) < 0.01
    height = page.height
    for line in page.lines:
        assert 0 <= line.bbox[1] < line.bbox[3] <= height + 1
        assert 0.0 <= line.confidence <= 1.0


def test_two_columns_are_read_column_by_column():
    truth, page = scan("002_two_columns")
    want = squash("".join(l["text"] for l in truth["lines"]))
    got = squash("".join(l.text for l in page.lines))
    assert edit_distance(want, got) / len(want) < 0.01


def test_without_tesseract_tibetan_lines_are_marked_unread(monkeypatch):
    truth, _ = scan("000_letterhead_tibetan")
    monkeypatch.setattr(tibetan, "tesseract_available", lambda: False)
    rgb = np.asarray(Image.open(SCANS / truth["image"]).convert("RGB"))
    page = ocr.ocr_image(rgb, 1)
    unread = [l for l in page.lines if l.unread]
    assert len(unread) == sum(l["script"] == "bo" for l in truth["lines"])
    assert all(l.script == Script.TIBETAN and l.text == "" for l in unread)
    assert chinese_cer(truth, page) < 0.01


def test_text_layer_decision():
    with pdfplumber.open(next(PDFS.glob("*.pdf"))) as pdf:
        assert not ocr.pdf_page_needs_ocr(pdf.pages[0])
    with pdfplumber.open(SCANS / "scan_only.pdf") as pdf:
        assert ocr.pdf_page_needs_ocr(pdf.pages[0])

    class GarbageLayer:
        chars = [{"text": "(cid:12)"}] * 30 + [{"text": "通"}]
    assert ocr.pdf_page_needs_ocr(GarbageLayer())


def test_scanned_pdf_goes_through_ocr_with_boxes_in_points():
    doc = read_document(SCANS / "scan_only.pdf")
    assert [p.origin for p in doc.pages] == [Origin.OCR, Origin.OCR]
    first = doc.pages[0]
    assert first.unit == "pt" and 590 < first.width < 600      # A4 in points
    assert all(0 <= l.bbox[2] <= first.width + 1 for l in first.lines)
    assert "攀枝花" in to_simplified("".join(l.text for l in first.lines))


def test_multipage_tiff_gives_a_page_per_frame():
    doc = read_document(SCANS / "stack_two_pages.tif")
    assert len(doc.pages) == 2
    assert doc.pages[1].rotation == 180


@pytest.mark.skipif(not shutil.which("unshare"), reason="unshare (util-linux) not installed")
def test_ocr_needs_no_network(tmp_path):
    code = ("import numpy as np; from PIL import Image; from extractors.ocr import ocr_image;"
            f"p = ocr_image(np.asarray(Image.open({str(SCANS / '004_traditional_scan.jpg')!r}).convert('RGB')), 1);"
            "assert p.lines, 'nothing read'")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a network namespace here (needs root)")
    result = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True,
                            text=True, cwd=Path(__file__).resolve().parents[3], timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
