"""Text layer against the OCR of the rendered page (OCR text given here, as the OCR stage returns it)."""
from checks.text_layer import line_coverage, mismatched_lines, similarity

LAYER = "申报单位名称\t西藏天路物流有限责任公司\n联系电话\t13912340000\n法定代表人\t扎西次仁"
OCR = "申报单位名称 西藏天路物流有限责任公司\n联系电话 13912345678\n法定代表人 扎西次仁"


def test_identical_text_modulo_spacing_and_width():
    assert similarity("联系电话：１３９１２３４５６７８", "联系电话 13912345678") == 1.0


def test_a_changed_number_is_the_mismatched_line():
    assert mismatched_lines(LAYER, OCR) == ["联系电话\t13912340000"]


def test_ocr_slips_do_not_count():
    # one misread character in a long line (≈1% CER) stays above the line threshold
    noisy = OCR.replace("物流", "物沇")
    assert mismatched_lines(LAYER.replace("13912340000", "13912345678"), noisy) == []


def test_hidden_text_absent_from_the_image():
    assert line_coverage("本单位近五年未发生任何事故", OCR) < 0.5
