import pytest

from normalizers.ocr_digits import repair_digit_lookalikes


@pytest.mark.parametrize("text, repaired", [
    ("请于2024年9月3O日前报送", "请于2024年9月30日前报送"),
    ("邮编：23OO01", "邮编：230001"),
    ("2O24年度", "2024年度"),
    ("传真：0551 6265432O", "传真：0551 62654320"),
    ("赤政办发〔2〇24〕27号", "赤政办发〔2024〕27号"),          # the Chinese zero among digits
    ("联系电话：0476-83l2456 83l2457", "联系电话：0476-8312456 8312457"),   # l between digits
])
def test_letter_o_inside_numbers_becomes_zero(text, repaired):
    assert repair_digit_lookalikes(text) == repaired


@pytest.mark.parametrize("text", ["O2O模式", "Top1O", "ahfl3o@163.com", "MA2O230101X", "3oz", "http://0o.aa/", "scan_1O.pdf", "二〇二四年", "5l", "abc-1O"])
def test_words_codes_and_addresses_stay(text):
    assert repair_digit_lookalikes(text) == text


def test_length_is_kept():
    text = "截至2O24年1O月3O日，编号23OO01"
    assert len(repair_digit_lookalikes(text)) == len(text)


def test_an_address_in_the_same_sentence_does_not_stop_a_repair():
    assert repair_digit_lookalikes("请于9月3O日前发送至abc@163.com") == "请于9月30日前发送至abc@163.com"
