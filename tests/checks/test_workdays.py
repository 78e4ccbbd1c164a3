import json
from datetime import date

import pytest

from checks import workdays
from checks.workdays import count_working_days


def test_dragon_boat_2023_counts_the_worked_sunday():
    # 端午 06-22..24 off, Sunday 06-25 worked: 19,20,21,25,26,27 → 6 (chinese-calendar 2023).
    assert count_working_days(date(2023, 6, 19), date(2023, 6, 27)) == (6, True)


def test_national_day_2021_leaves_three_working_days():
    # 09-29 Wed … 10-08 Fri; 10-01..07 off, Sunday 09-26 and Saturday 10-09 worked (outside).
    assert count_working_days(date(2021, 9, 29), date(2021, 10, 8)) == (3, True)


def test_reversed_range_is_zero():
    assert count_working_days(date(2023, 7, 14), date(2023, 7, 10)) == (0, True)


def test_unknown_year_counts_weekdays_unverified(monkeypatch, tmp_path):
    monkeypatch.setenv("AWARD_INTAKE_CALENDARS", str(tmp_path / "none"))
    workdays._arrangements.cache_clear()
    assert count_working_days(date(2031, 3, 3), date(2031, 3, 9)) == (5, False)


def test_an_office_file_makes_a_year_known(monkeypatch, tmp_path):
    (tmp_path / "2031.json").write_text(json.dumps({
        "year": 2031, "source": "国务院办公厅关于2031年部分节假日安排的通知（测试）",
        "holidays": ["2031-03-04"], "workdays": ["2031-03-08"]}), encoding="utf-8")
    monkeypatch.setenv("AWARD_INTAKE_CALENDARS", str(tmp_path))
    workdays._arrangements.cache_clear()
    try:
        # Mon 3..Sun 9: Tue 4 off, Sat 8 worked → 5, and now verified.
        assert count_working_days(date(2031, 3, 3), date(2031, 3, 9)) == (5, True)
        assert 2031 in workdays.known_years()
    finally:
        workdays._arrangements.cache_clear()


@pytest.mark.parametrize("year", [2004, 2015, 2026])
def test_library_years_are_verified(year):
    assert count_working_days(date(year, 5, 10), date(year, 5, 20))[1] is True
