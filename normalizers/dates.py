"""Dates as notices write them, to ISO, with a confidence and the span they came from.

Forms: `2023年8月5日`, `2023 年 5 月 25 日`, `2023.8.5`, `2023/08/05`, `二〇二三年六月二十七日`,
Minguo `民國113年5月2日` / `113-05-02`, month-day without year (`8月14日`, year from the
document), ranges (`2月15日至3月15日`, `5月1日至15日`), and what copying out of PDFs does to
them: `2023215日`, `202211月21日`, `2024 5 13 日`, `1228日`, `20221229`. A damaged date is repaired when only
one reading is a valid date and flagged `uncertain` (with every reading) when several are.
Work is on characters, before any tokenizer: jieba glues `日` to what follows (`5|日前`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from normalizers.numbers import chinese_to_int

MINGUO_OFFSET = 1911        # 民國113年 = 2024
_CN = "〇○ＯO零一二两三四五六七八九十廿卅"
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
# OCR splits a two-digit month or day (`2024年3 月1 5日`); after 年 or 月 and before 月 or 日
# nothing else reads `1 5` as two numbers.
_NUM_OR_SPLIT = rf"(?:\d[ \t\u3000]\d|{_NUM})"
_YEAR = rf"(?:\d{{4}}|[{_CN}]{{4}})"
_S = r"[ \t\u3000]*"          # spaces copying puts between characters, never a line break
_DAY_END = r"[日号號曰]"          # (曰: OCR reads 日 so)


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text; `iso` is None when the year is unknown."""
    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int
    form: str                          # full, numeric, chinese, minguo, month_day, damaged, compact
    confidence: float = 1.0
    uncertain: bool = False
    alternatives: tuple[str, ...] = field(default=())   # every valid reading, ISO or MM-DD

    @property
    def has_year(self) -> bool:
        return self.year is not None

    @property
    def iso(self) -> str | None:
        if self.year is None or not _valid(self.year, self.month, self.day):
            return None
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int) -> "DateMatch":
        """The same date placed in `year` (for month-day forms that take the document's year)."""
        if self.year is not None or not _valid(year, self.month, self.day):
            return self
        alts = tuple(f"{year:04d}-{a}" if len(a) == 5 else a for a in self.alternatives)
        return replace(self, year=year, alternatives=alts)


@dataclass(frozen=True)
class DateRange:
    """`2月15日至3月15日`: a window; for a submission window the end is the deadline."""
    start: DateMatch
    end: DateMatch

    @property
    def span(self) -> tuple[int, int]:
        return self.start.start, self.end.end


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _valid_md(month: int, day: int) -> bool:
    return _valid(2000, month, day)     # a leap year, so 2月29日 stays possible


def _num(text: str) -> int | None:
    text = re.sub(r"[ \t\u3000]", "", text.replace("Ｏ", "〇").replace("O", "〇"))
    return chinese_to_int(text)


def _md_readings(digits: str) -> list[tuple[int, int]]:
    """Ways to split glued month-day digits (`215` → 2-15; `111` → 1-11 or 11-1)."""
    readings = []
    for cut in (1, 2):
        if 0 < cut < len(digits) and len(digits) - cut <= 2:
            month, day = int(digits[:cut]), int(digits[cut:])
            if digits[cut:][0] != "0" or len(digits) - cut == 2:
                if _valid_md(month, day):
                    readings.append((month, day))
    return readings


_FULL_RE = re.compile(rf"(?P<y>{_YEAR}){_S}年{_S}(?P<m>{_NUM_OR_SPLIT}){_S}月{_S}(?P<d>{_NUM_OR_SPLIT}){_S}{_DAY_END}")
_MINGUO_RE = re.compile(
    rf"(?:(?:中[华華])?民[国國]{_S}(?P<y>\d{{2,3}}|[{_CN}]{{1,4}}){_S}年{_S}(?P<m>{_NUM}){_S}月{_S}(?P<d>{_NUM}){_S}{_DAY_END}?"
    rf"|(?<![\d.])(?P<y2>1[0-4]\d){_S}(?:年{_S}(?P<m2>\d{{1,2}}){_S}月{_S}(?P<d2>\d{{1,2}}){_S}{_DAY_END}?"
    rf"|(?P<sep>[-/.])(?P<m3>\d{{1,2}})(?P=sep)(?P<d3>\d{{1,2}})(?![\d.])))")
_NUMERIC_RE = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})(?![\d.])")
_MONTH_DAY_RE = re.compile(rf"(?<![\d年{_CN}])(?P<m>{_NUM}){_S}月{_S}(?P<d>{_NUM_OR_SPLIT}){_S}{_DAY_END}")
# Damaged by copying: the 年/月 between numbers lost.
_GLUED_YMD_RE = re.compile(rf"(?<![\d〔\[［【(（])(?P<y>(?:19|20)\d\d)(?P<md>\d{{2,4}}){_S}{_DAY_END}")
_GLUED_YM_RE = re.compile(rf"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>\d{{1,2}}){_S}月{_S}(?P<d>\d{{1,2}}){_S}{_DAY_END}")
# Both lost with the spaces around them kept (`2024 5 13 日`): the spaces still separate the numbers.
_SPACED_YMD_RE = re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d\d)[ \t\u3000]+(?P<m>\d{{1,2}})[ \t\u3000]+(?P<d>\d{{1,2}}){_S}{_DAY_END}")
_GLUED_MD_AFTER_YEAR_RE = re.compile(rf"(?P<y>(?:19|20)\d\d){_S}年{_S}(?P<md>\d{{3,4}}){_S}{_DAY_END}")
_GLUED_MD_RE = re.compile(rf"(?<![\d年月.〔\[［【(（/-])(?P<md>\d{{3,4}}){_S}{_DAY_END}")
# Eight bare digits only where they stand alone, not inside a code (`MA20230101X`) or number.
_COMPACT_RE = re.compile(
    r"(?<![\dA-Za-z.\-/〔\[［【(（@_])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\dA-Za-z号號_])")


def _full(m: re.Match) -> DateMatch | None:
    year, month, day = _num(m["y"]), _num(m["m"]), _num(m["d"])
    if None in (year, month, day) or not _valid(year, month, day):
        return None
    form = "full" if m["y"].isdigit() else "chinese"
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, form)


def _minguo(m: re.Match) -> DateMatch | None:
    raw_y = m["y"] or m["y2"]
    year, month, day = _num(raw_y), _num(m["m"] or m["m2"] or m["m3"]), _num(m["d"] or m["d2"] or m["d3"])
    if None in (year, month, day):
        return None
    year += MINGUO_OFFSET
    if not _valid(year, month, day):
        return None
    explicit = m["y"] is not None
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, "minguo",
                     confidence=0.95 if explicit else 0.8)


def _numeric(m: re.Match) -> DateMatch | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(year, month, day):
        return None
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, "numeric")


def _month_day(m: re.Match) -> DateMatch | None:
    month, day = _num(m["m"]), _num(m["d"])
    if None in (month, day) or not _valid_md(month, day):
        return None
    return DateMatch(m.start(), m.end(), m.group(), None, month, day, "month_day", confidence=0.9)


def _from_readings(m: re.Match, year: int | None, readings: list[tuple[int, int]]) -> DateMatch | None:
    if year is not None:
        readings = [(mo, d) for mo, d in readings if _valid(year, mo, d)]
    if not readings:
        return None
    month, day = readings[0]
    many = len(readings) > 1
    alts = tuple((f"{year:04d}-" if year else "") + f"{mo:02d}-{d:02d}" for mo, d in readings)
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, "damaged",
                     confidence=0.4 if many else 0.8, uncertain=many, alternatives=alts if many else ())


def _glued_ymd(m: re.Match) -> DateMatch | None:
    return _from_readings(m, int(m["y"]), _md_readings(m["md"]))


def _glued_ym(m: re.Match) -> DateMatch | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(year, month, day):
        return None
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, "damaged", confidence=0.8)


def _glued_md(m: re.Match) -> DateMatch | None:
    year = int(m["y"]) if "y" in m.re.groupindex else None
    return _from_readings(m, year, _md_readings(m["md"]))


def _compact(m: re.Match) -> DateMatch | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid(year, month, day):
        return None
    return DateMatch(m.start(), m.end(), m.group(), year, month, day, "compact", confidence=0.85)


# Most specific first: where two forms claim the same characters the earlier one wins.
_FORMS = [(_MINGUO_RE, _minguo), (_FULL_RE, _full), (_NUMERIC_RE, _numeric),
          (_GLUED_YM_RE, _glued_ym), (_SPACED_YMD_RE, _glued_ym), (_GLUED_MD_AFTER_YEAR_RE, _glued_md), (_GLUED_YMD_RE, _glued_ymd),
          (_COMPACT_RE, _compact), (_MONTH_DAY_RE, _month_day), (_GLUED_MD_RE, _glued_md)]


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date in `text`, left to right, without overlaps; month-day forms take
    `default_year` when given (else `year` stays None)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    for rank, (regex, build) in enumerate(_FORMS):
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parsed = build(m)
            if parsed is None:
                continue
            taken.append((parsed.start, parsed.end))
            found.append(parsed)
    found.sort(key=lambda d: d.start)
    if default_year is not None:
        found = [d.with_year(default_year) for d in found]
    return found


def parse_date(text: str, default_year: int | None = None) -> DateMatch | None:
    """The first date in `text`, or None."""
    dates = find_dates(text, default_year)
    return dates[0] if dates else None


_RANGE_JOIN_RE = re.compile(r"^\s*(?:至|到|—{1,2}|－|-|–|~|～)\s*")
_DAY_ONLY_RE = re.compile(rf"(?P<d>\d{{1,2}}|[{_CN}]{{1,3}}){_S}{_DAY_END}")


def find_ranges(text: str, default_year: int | None = None) -> list[DateRange]:
    """Date windows: `2月15日至3月15日`, `2023年5月1日—6月30日`, `5月1日至15日`."""
    dates = find_dates(text, default_year)
    ranges = []
    for i, first in enumerate(dates):
        join = _RANGE_JOIN_RE.match(text[first.end:first.end + 6])
        if not join:
            continue
        at = first.end + join.end()
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        if nxt is not None and nxt.start == at:
            end = nxt if nxt.year is not None or first.year is None else nxt.with_year(first.year)
            ranges.append(DateRange(first, end))
            continue
        day_only = _DAY_ONLY_RE.match(text, at)
        if day_only:
            day = _num(day_only["d"])
            year = first.year or 2000
            if day is not None and _valid(year, first.month, day) and day > first.day:
                end = DateMatch(at, day_only.end(), day_only.group(), first.year, first.month, day,
                                first.form, confidence=first.confidence)
                ranges.append(DateRange(first, end))
    return ranges
