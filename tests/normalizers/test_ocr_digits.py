import pytest

from normalizers.ocr_digits import repair_letter_o


@pytest.mark.parametrize("text, repaired", [
    ("请于2024年9月3O日前报送", "请于2024年9月30日前报送"),
    ("邮编：23OO01", "邮编：230001"),
    ("2O24年度", "2024年度"),
    ("传真：0551 6265432O", "传真：0551 62654320"),
])
def test_letter_o_inside_numbers_becomes_zero(text, repaired):
    assert repair_letter_o(text) == repaired


@pytest.mark.parametrize("text", ["O2O模式", "Top1O", "ahfl3o@163.com", "MA2O230101X", "3oz", "http://0o.aa/", "scan_1O.pdf"])
def test_words_codes_and_addresses_stay(text):
    assert repair_letter_o(text) == text


def test_length_is_kept():
    text = "截至2O24年1O月3O日，编号23OO01"
    assert len(repair_letter_o(text)) == len(text)
