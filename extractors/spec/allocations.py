"""Recommendation quotas allocated place by place: each place's share is a cap on what that
place may submit.

Notices give the allocation inline (`南京市8项，无锡市7项，…`, `宣州区二个、广德市二个、宁国市一个`)
or as a 名额分配表 flattened to one row per line (`1 杭州市 5`, read as `1杭州市5`). Both are
read only where the text around them speaks of 名额/推荐/分配, and only as a run of at least
three places, so `杭州市2家企业` in prose is no allocation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from normalizers.numbers import NUMBER, chinese_to_int

_HAN = r"\u4e00-\u9fff"
_PLACE = rf"[{_HAN}]{{1,6}}?(?:市|区|县|州|盟|旗)"
_UNIT = r"(?:个|名|家|项|件|人)"
_ITEM = re.compile(rf"(?P<place>{_PLACE})\s*(?P<n>{NUMBER})\s*{_UNIT}")
_ITEM_SEP = re.compile(r"^\s*[，,、；;]\s*$")
# One row of a flattened table: optional serial number, the place, its count(s).
# A table row may name the recommending body rather than the place (`福州市市场监督管理局 6 3`,
# `省直有关单位 3 1`).
# Universities and institutes get their own rows too (`河南科技大学 8`), and so do classes of
# schools (`民办高校  每校 2`).
_BODY = rf"[{_HAN}（）()]{{1,24}}?(?:局|委|会|厅|办|单位|部门|管委会|大学|学院|高校|院校|学校|研究院|研究所|科学院|企业|集团|公司)"
# The last row may cover the places not listed, one each: `其余13个市（州）  各1`.
_REST = rf"(?:其余|其他)[{_HAN}\d]{{1,10}}(?:[（(][{_HAN}]{{1,6}}[)）])?"
# A class of bodies may get a share each: `其他公办本科高校   每校 4`.
# A note may follow the place (`贵阳市（含贵安新区）`); a dash is a column the place gets no share of.
# Cells may be set apart by `|`; places listed together share the row (`海北州、黄南州 | 1 | 3`,
# `榆阳区、神木市 | 各4名`).
_COUNT_CELL = rf"(?:各|每[校所家个])?\s*(?:\d{{1,3}}|[—－/-])\s*{_UNIT}?"
_ROW = re.compile(rf"^\s*(?:\d{{1,3}}[.、]?\s*)?(?P<place>(?:{_BODY}|{_PLACE})(?:、(?:{_BODY}|{_PLACE})){{0,5}}|{_REST})"
                  rf"(?:[（(][^）)\d]{{1,12}}[)）])?[\s|｜]*(?P<counts>{_COUNT_CELL}(?:[\s|｜]+{_COUNT_CELL})*)[\s|｜]*$")
# A table set out several places to a line: `合肥市 15   淮北市 6   亳州市 8   宿州市 9`.
_PAIR = re.compile(rf"(?P<place>{_PLACE}|{_BODY})\s*(?P<n>\d{{1,3}})\s*{_UNIT}?")
_PAIRS_ROW = re.compile(rf"^\s*(?:(?:{_PLACE}|{_BODY})\s*\d{{1,3}}\s*{_UNIT}?\s+){{1,7}}(?:{_PLACE}|{_BODY})\s*\d{{1,3}}\s*{_UNIT}?\s*$")
_CUE = re.compile(r"名额|推荐|分配|限报|申报数")
_CUE_REACH = 120
_MIN_RUN = 3


@dataclass(frozen=True)
class Allocation:
    start: int
    end: int
    place: str
    max: int


def _cued(text: str, start: int, lo: int) -> bool:
    return bool(_CUE.search(text, max(lo, start - _CUE_REACH), start))


def _inline(text: str, lo: int, hi: int) -> list[Allocation]:
    found: list[Allocation] = []
    run: list[Allocation] = []

    def close() -> None:
        if len(run) >= _MIN_RUN and _cued(text, run[0].start, lo):
            found.extend(run)
        run.clear()

    for m in _ITEM.finditer(text, lo, hi):
        n = chinese_to_int(m["n"])
        if n is None or n == 0 or n >= 1000:
            close()
            continue
        if run and not _ITEM_SEP.match(text[run[-1].end:m.start()]):
            close()
        run.append(Allocation(m.start(), m.end(), m["place"], n))
    close()
    return found


def _table(text: str, lo: int, hi: int) -> list[Allocation]:
    found: list[Allocation] = []
    run: list[Allocation] = []

    def close() -> None:
        places = {a.place for a in run}
        if len(places) >= _MIN_RUN and _cued(text, run[0].start, lo):
            found.extend(run)
        run.clear()

    pos = lo
    for line in text[lo:hi].split("\n"):
        m = _ROW.match(line)
        if m:
            at = pos + m.start("counts")
            for place in (m["place"].split("、") if not m["place"].startswith(("其余", "其他")) else [m["place"]]):
                for n in re.findall(r"\d+", m["counts"]):
                    if 0 < int(n) < 1000:
                        run.append(Allocation(pos + m.start("place"), at + len(m["counts"]), place, int(n)))
        elif _PAIRS_ROW.match(line):
            run.extend(Allocation(pos + p.start(), pos + p.end(), p["place"], int(p["n"]))
                       for p in _PAIR.finditer(line) if 0 < int(p["n"]) < 1000)
        elif line.strip():
            close()
        pos += len(line) + 1
    close()
    return found


def allocations(text: str, lo: int, hi: int) -> list[Allocation]:
    """Each place's share in the allocations of text[lo:hi], in text order."""
    return sorted(_inline(text, lo, hi) + _table(text, lo, hi), key=lambda a: a.start)
