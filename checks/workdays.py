"""Mainland-China working days: statutory holidays and make-up working days (调休) respected.

`chinese-calendar` carries the State Council arrangements it was released with; an office adds a
later year as `checks/calendars/<year>.json` (or a folder named by AWARD_INTAKE_CALENDARS) from the
国务院办公厅 notice. Outside every known year we count weekdays and say the count is unverified,
because a guessed holiday calendar would silently pass or fail a publicity period.
"""
from __future__ import annotations

import json
import os
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import chinese_calendar
from pydantic import BaseModel, Field

BUNDLED_CALENDARS = Path(__file__).with_name("calendars")


class YearArrangement(BaseModel):
    """One year's holiday arrangement as the State Council published it."""
    year: int
    source: str                      # the notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔…〕…号）
    holidays: list[date] = Field(default_factory=list)   # days off that would be weekdays or weekends
    workdays: list[date] = Field(default_factory=list)   # make-up working days (调休上班)


def calendar_dirs() -> list[Path]:
    extra = os.environ.get("AWARD_INTAKE_CALENDARS")
    office = [Path(p) for p in extra.split(os.pathsep) if p] if extra else []
    return office + [BUNDLED_CALENDARS]


@lru_cache(maxsize=None)
def _arrangements(dirs: tuple[Path, ...]) -> dict[int, YearArrangement]:
    found: dict[int, YearArrangement] = {}
    for folder in reversed(dirs):          # earlier folders win
        for path in sorted(folder.glob("[0-9][0-9][0-9][0-9].json")):
            arrangement = YearArrangement.model_validate(json.loads(path.read_text(encoding="utf-8")))
            found[arrangement.year] = arrangement
    return found


def _library_years() -> range:
    years = {d.year for d in chinese_calendar.holidays}
    return range(min(years), max(years) + 1)


def known_years() -> set[int]:
    return set(_library_years()) | set(_arrangements(tuple(calendar_dirs())))


def is_working_day(day: date) -> tuple[bool, bool]:
    """(is a working day, whether an official arrangement backs the answer)."""
    arrangement = _arrangements(tuple(calendar_dirs())).get(day.year)
    if arrangement is not None:
        if day in arrangement.workdays:
            return True, True
        if day in arrangement.holidays:
            return False, True
        return day.weekday() < 5, True
    if day.year in _library_years():
        return chinese_calendar.is_workday(day), True
    return day.weekday() < 5, False


def count_working_days(start: date, end: date) -> tuple[int, bool]:
    """Working days from start to end, both inclusive; verified=False where a year is unknown."""
    if end < start:
        return 0, True
    count, verified = 0, True
    day = start
    while day <= end:
        working, backed = is_working_day(day)
        count += working
        verified &= backed
        day += timedelta(days=1)
    return count, verified
