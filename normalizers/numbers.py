"""Chinese and mixed numerals to integers, and the durations notices state rules with.

Notices write counts both ways (`3个`, `三个`, `一百二十名`, `两年`) and state eligibility
rules as durations (`不少于5个工作日`, `近3年内`, `5年以上`); checks need them as typed values.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

_DIGITS = {"零": 0, "〇": 0, "○": 0,
           "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
           "八": 8, "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_SHORTCUTS = {"廿": 20, "卅": 30}

CHINESE_NUMERAL_CHARS = "".join([*_DIGITS, *_UNITS, *_BIG, *_SHORTCUTS])
# An integer as notices write it: Arabic (any width) or Chinese, e.g. `5`, `５`, `十五`, `两`.
NUMBER = rf"(?:\d+|[{CHINESE_NUMERAL_CHARS}]+)"


def _positional(text: str) -> int | None:
    """`二〇二三` → 2023: digits written one by one, as in years."""
    if all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return None


def _small(text: str) -> int | None:
    """Below 10,000 with 十/百/千 units, e.g. `一百二十` → 120, `十` → 10, `九十` → 90."""
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None          # two digits in a row without a unit: not this form
            digit = _DIGITS[ch] if _DIGITS[ch] != 0 else None
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch in _SHORTCUTS:
            total += _SHORTCUTS[ch]
        else:
            return None
    return total + (digit or 0)


def chinese_to_int(text: str) -> int | None:
    """Chinese (or mixed, `3万`) numeral to int; None when `text` is not a numeral."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if not any(ch in _UNITS or ch in _BIG or ch in _SHORTCUTS for ch in text):
        return _positional(text)
    total, rest = 0, text
    for big, factor in sorted(_BIG.items(), key=lambda kv: -kv[1]):
        if big in rest:
            head, rest = rest.split(big, 1)
            value = int(head) if head.isdigit() else (_small(head) if head else 1)
            if value is None:
                return None
            total += value * factor
    if rest:
        value = int(rest) if rest.isdigit() else _small(rest)
        if value is None:
            return None
        total += value
    return total


def parse_int(text: str) -> int | None:
    """Arabic (any width) or Chinese numeral to int."""
    return chinese_to_int(text)


DurationUnit = Literal["working_day", "day", "month", "year", "hour"]
Bound = Literal["min", "max", "within", "exact"]


@dataclass(frozen=True)
class Duration:
    """`不少于5个工作日` → value 5, unit working_day, bound min; span in the searched text."""
    value: int
    unit: DurationUnit
    bound: Bound
    start: int
    end: int
    text: str


_UNIT_WORDS = {"个工作日": "working_day", "工作日": "working_day", "个自然日": "day", "日": "day",
               "天": "day", "个月": "month", "月": "month", "周年": "year", "年": "year",
               "小时": "hour"}
_UNIT = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_MIN_BEFORE = r"不少于|不低于|不短于|至少|满|超过|达到"
_MAX_BEFORE = r"不超过|不多于|不得超过|最多|最长"
_DURATION_RE = re.compile(
    rf"(?P<pre>{_MIN_BEFORE}|{_MAX_BEFORE}|近|最近|连续)?\s*(?P<num>{NUMBER})\s*(?P<unit>{_UNIT})"
    rf"(?P<post>以上|及以上|以内|之内|内|以下)?")


def _bound(pre: str | None, post: str | None) -> Bound:
    if post in ("以上", "及以上") or (pre and re.fullmatch(_MIN_BEFORE, pre)):
        return "min"
    if pre in ("近", "最近") or post in ("以内", "之内", "内"):
        return "within"
    if post == "以下" or (pre and re.fullmatch(_MAX_BEFORE, pre)):
        return "max"
    return "exact"


def find_durations(text: str) -> list[Duration]:
    """Every duration in `text`; dates (`2023年`, `5月`) are not durations and are skipped."""
    found = []
    for m in _DURATION_RE.finditer(text):
        value = chinese_to_int(m["num"])
        unit = _UNIT_WORDS[m["unit"]]
        if value is None or value == 0:
            continue
        # `2023年`, `8月5日`: calendar positions, not lengths of time.
        if unit == "year" and value >= 1000:
            continue
        if unit in ("month", "day") and m["unit"] in ("月", "日") and not (m["pre"] or m["post"]):
            continue
        if m["unit"] == "月" and re.match(r"\s*\d", text[m.end():]):
            continue
        found.append(Duration(value=value, unit=unit, bound=_bound(m["pre"], m["post"]),
                              start=m.start(), end=m.end(), text=m.group()))
    return found
