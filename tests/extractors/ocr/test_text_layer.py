"""Text layer versus page image: a layer laid over a scan is trusted only if the scan reads the same."""
import io
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image

from extractors import ocr
from extractors.ocr import text_layer

ROOT = Path(__file__).resolve().parents[3]
BORN_DIGITAL = ROOT / "sample_docs" / "pdf" / "000_ede6b576285f0092.pdf"
OTHER_SCAN = ROOT / "sample_docs" / "scans" / "004_traditional_scan.jpg"


def lay_image_over(src: Path, picture: Image.Image, out: Path) -> Path:
    """First page of `src` with `picture` drawn over the whole page: the text layer stays, what
    shows is the picture (as in a scan PDF with an OCR layer)."""
    pdf = pdfium.PdfDocument(str(src))
    page = pdf[0]
    width, height = page.get_size()
    jpeg = io.BytesIO()
    picture.convert("RGB").save(jpeg, "JPEG", quality=70)
    jpeg.seek(0)
    image = pdfium.PdfImage.new(pdf)
    image.load_jpeg(jpeg, inline=True)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    single = pdfium.PdfDocument.new()
    single.import_pages(pdf, [0])
    single.save(str(out))
    return out


@pytest.fixture(scope="module")
def own_render() -> Image.Image:
    return pdfium.PdfDocument(str(BORN_DIGITAL))[0].render(scale=200 / 72).to_pil()


def test_vector_text_is_trusted_without_looking():
    with pdfplumber.open(BORN_DIGITAL) as pdf:
        page = pdf.pages[0]
        assert not text_layer.covered_by_image(page)
        assert not ocr.pdf_page_needs_ocr(page)


def test_layer_over_its_own_scan_is_kept(tmp_path, own_render):
    path = lay_image_over(BORN_DIGITAL, own_render, tmp_path / "honest.pdf")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert text_layer.covered_by_image(page)
        assert text_layer.layer_agreement(page) > 0.9
        assert not ocr.pdf_page_needs_ocr(page)


def test_layer_over_another_pages_scan_sends_the_page_to_ocr(tmp_path):
    path = lay_image_over(BORN_DIGITAL, Image.open(OTHER_SCAN), tmp_path / "lying.pdf")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert text_layer.layer_agreement(page) < 0.3
        assert ocr.pdf_page_needs_ocr(page)


@pytest.mark.parametrize("expected, got, want", [
    ("关于开展质量奖", "关于开展质量奖", 1.0),
    ("关于 开展质量奖", "关于开展質量奖", 1 - 1 / 7),
    ("关于开展质量奖", "", 0.0),
    ("短", "完全不同的一行很长的字", 0.0),
])
def test_similarity(expected, got, want):
    assert text_layer.similarity(expected, got) == pytest.approx(want)
