from hypothesis import given, strategies as st

from normalizers.numbers import chinese_to_int, find_durations

_DIGITS = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Reference writer for 1..9999 in the usual reading form (十五, 一百零五, 两千 not used)."""
    if n < 10:
        return _DIGITS[n]
    parts, zero = [], False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10)):
        digit, n = divmod(n, size)
        if digit:
            if zero:
                parts.append("零")
                zero = False
            parts.append(("" if (unit == "十" and not parts and digit == 1) else _DIGITS[digit]) + unit)
        elif parts:
            zero = True
    if n:
        if zero:
            parts.append("零")
        parts.append(_DIGITS[n])
    return "".join(parts)


def test_common_numerals():
    cases = {"三": 3, "十": 10, "九十": 90, "一百二十": 120, "两": 2, "十五": 15, "二十": 20,
             "一百零五": 105, "两千零二十三": 2023, "二〇二三": 2023, "3万": 30000, "５": 5}
    for text, value in cases.items():
        assert chinese_to_int(text) == value, text


def test_not_a_numeral():
    assert chinese_to_int("") is None
    assert chinese_to_int("组织") is None


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_round_trip(n):
    assert chinese_to_int(_to_chinese(n)) == n


@given(st.text(max_size=40))
def test_never_crashes(text):
    chinese_to_int(text)
    find_durations(text)


def test_durations_are_typed():
    found = find_durations("公示时间不少于5个工作日，近3年内无重大事故，正常经营5年以上，获奖后五年内不得再次申报")
    as_tuples = [(d.value, d.unit, d.bound) for d in found]
    assert as_tuples == [(5, "working_day", "min"), (3, "year", "within"), (5, "year", "min"),
                         (5, "year", "within")]


def test_calendar_positions_are_not_durations():
    assert find_durations("请于2023年8月5日前报送") == []
