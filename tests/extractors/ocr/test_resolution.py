import io

from PIL import Image

from extractors.ocr.resolution import MAX_OCR_PIXELS, fit_for_ocr, ocr_scale
from extractors.readers import read_document
from normalizers.script import to_simplified
from tests.extractors.ocr.test_ocr import SCANS


def test_pages_within_the_cap_are_left_alone():
    image = Image.new("RGB", (1654, 2339), "white")
    fitted, shrunk = fit_for_ocr(image)
    assert fitted is image and shrunk == 1.0
    assert ocr_scale(1654, 2339) == 1.0


def test_a_huge_jpeg_is_decoded_small():
    image = Image.new("RGB", (8000, 11000), "white")
    data = io.BytesIO()
    image.save(data, "JPEG", quality=50)
    fitted, shrunk = fit_for_ocr(Image.open(io.BytesIO(data.getvalue())))
    assert fitted.width * fitted.height <= MAX_OCR_PIXELS
    assert abs(fitted.width / 8000 - shrunk) < 1e-9
    assert shrunk > 0.3          # not cut further than the cap asks


def test_an_oversized_scan_reads_the_same_with_boxes_in_its_own_pixels(tmp_path):
    # A committed scan blown up to 4x its area, past the cap: it must read as before, with
    # boxes in the big file's pixel frame.
    small = Image.open(SCANS / "004_traditional_scan.jpg").convert("RGB")
    big = small.resize((small.width * 2, small.height * 2), Image.Resampling.BICUBIC)
    assert big.width * big.height > MAX_OCR_PIXELS
    path = tmp_path / "big_scan.jpg"
    big.save(path, quality=90)
    page = read_document(path).pages[0]
    # One scale for both axes: rounding the shrunk size may leave the height a pixel off.
    assert abs(page.width - big.width) < 1 and abs(page.height - big.height) < 1
    assert max(line.bbox[2] for line in page.lines) > small.width      # not the shrunk frame
    text = to_simplified("".join(line.text for line in page.lines))
    assert "质量" in text and len(text) > 500
