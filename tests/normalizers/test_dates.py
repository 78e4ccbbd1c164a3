from datetime import date

import pytest
from hypothesis import given, strategies as st

from normalizers.dates import find_dates, find_ranges, parse_date
from normalizers.numbers import chinese_to_int

_CN_DIGITS = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("" if tens == 1 else _CN_DIGITS[tens]) + "十") + (_CN_DIGITS[ones] if ones else "")


FORMS = {
    "full": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "spaced": lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日",
    "dotted": lambda d: f"{d.year}.{d.month}.{d.day}",
    "slashed": lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    "dashed": lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    "chinese": lambda d: "".join(_CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日",
    "minguo": lambda d: f"民國{d.year - 1911}年{d.month}月{d.day}日",
    "compact": lambda d: f"{d.year}{d.month:02d}{d.day:02d}",
}


@pytest.mark.parametrize("form", sorted(FORMS))
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
def test_round_trip(form, day):
    text = f"请于{FORMS[form](day)}前报送"
    found = parse_date(text)
    assert found is not None and found.iso == day.isoformat()
    assert text[found.start:found.end] == found.text


@given(st.text(max_size=60))
def test_never_crashes(text):
    for d in find_dates(text, 2023):
        assert 0 <= d.start < d.end <= len(text)
    find_ranges(text, 2023)


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
def test_month_day_takes_document_year(day):
    found = parse_date(f"材料接收时间截止至{day.month}月{day.day}日。", default_year=day.year)
    assert found.iso == day.isoformat() and found.form == "month_day"


@pytest.mark.parametrize("text, iso", [
    ("2023215日后", "2023-02-15"),
    ("2023315日前", "2023-03-15"),
    ("20221229", "2022-12-29"),
    ("202211月21日", "2022-11-21"),
    ("2023年815日", "2023-08-15"),
    ("發布日期：113-05-02", "2024-05-02"),
    ("5月25日前", "2023-05-25"),
    ("2024年3 月1 5日", "2024-03-15"),      # OCR splits the day of a signature date
    ("于 2024年4月3 0日前报送", "2024-04-30"),
    ("5 月2 0日前", "2023-05-20"),
    ("2024 5 13 日", "2024-05-13"),         # 年 and 月 lost, their spaces kept
])
def test_damaged_and_regional_forms(text, iso):
    found = parse_date(text, default_year=2023)
    assert found.iso == iso and not found.uncertain


def test_glued_month_day_without_year():
    found = parse_date("截止1228日", default_year=2022)
    assert found.iso == "2022-12-28" and found.confidence < 1


def test_two_readings_are_flagged():
    found = parse_date("2023111日")
    assert found.uncertain
    assert set(found.alternatives) == {"2023-01-11", "2023-11-01"}


def test_codes_are_not_dates():
    assert find_dates("统一社会信用代码：91MA20230101X4") == []
    assert find_dates("账号6222020230101123") == []


def test_doc_number_is_not_a_date():
    assert find_dates("阳政发〔2016512号") == []
    assert find_dates("藏市监〔2023〕55号") == []


def test_ranges():
    (r,) = find_ranges("申报时间为2月15日至3月15日", 2023)
    assert (r.start.iso, r.end.iso) == ("2023-02-15", "2023-03-15")
    (r,) = find_ranges("2023年5月1日至15日", None)
    assert r.end.iso == "2023-05-15"


def test_split_digits_need_a_date_around_them():
    assert find_dates("共3 5日") == []
    assert [d.iso for d in find_dates("2024年3月1日 5日")] == ["2024-03-01"]


def test_invalid_dates_are_skipped():
    assert find_dates("2023年2月30日") == []
    assert chinese_to_int("二十七") == 27
