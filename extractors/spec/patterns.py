"""Character-level patterns the field components share (doc numbers, organisation names)."""
from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"
_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace removed: copying and letterheads put spaces between characters (`朗 杰`)."""
    return _WS.sub("", text)


# What official organisation names end with, longest first so `领导小组办公室` wins over `室`.
ORG_SUFFIXES = sorted([
    "局", "委员会", "委", "办公室", "办公厅", "办", "协会", "学会", "联合会", "商会", "促进会",
    "研究会", "人民政府", "政府", "厅", "部", "署", "中心", "院", "领导小组", "小组", "公署",
    "管委会", "总局", "处", "科", "站", "集团", "公司", "研究所", "联盟", "基金会", "总会",
    "工会", "科协", "侨联", "妇联", "残联", "文联", "工商联", "基金",
], key=len, reverse=True)
ORG_SUFFIX = "|".join(ORG_SUFFIXES)
# A line that is nothing but an organisation name (letterhead, signature block).
ORG_LINE_RE = re.compile(rf"[{CJK}][{CJK}（）()、]{{1,45}}(?:{ORG_SUFFIX})(?:[（(][{CJK}]{{2,20}}[)）])?")

# 文号: prefix, year in any bracket (or none), serial, 号. `〔2016512号` (closing bracket lost)
# is read as year 2016, serial 512. OCR may split the serial with a space (`〔2024〕4 2号`).
DOC_NUMBER_RE = re.compile(
    rf"(?P<prefix>[{CJK}]{{1,14}})\s*(?P<open>[〔\[［【(（]?)\s*(?P<year>(?:19|20)\d\d)\s*"
    rf"(?P<close>[〕\]］】)）]?)\s*(?P<di>第?)\s*(?P<serial>\d(?:[ \t]?\d){{0,4}})\s*(?P<hao>号|號)")
# Words that run into a number's prefix in prose: `根据阳政发〔2020〕10号`.
_PREFIX_LEAD = re.compile(r"^.*(?:根据|按照|依据|依照|参照|转发|印发|文号|精神|通知|办法|细则|简称|见|即|和|及|与|的|是|为)")


def doc_number_prefix(prefix: str) -> str:
    return _PREFIX_LEAD.sub("", prefix)


def format_doc_number(m: re.Match) -> str | None:
    """`藏质协字（2023）11 号` → `藏质协字〔2023〕11号`; None when the prefix is not one."""
    prefix = doc_number_prefix(m["prefix"])
    if len(prefix) < 2 or prefix.startswith("第"):
        return None
    serial = re.sub(r"\s", "", m["serial"])
    return f"{prefix}〔{m['year']}〕{m['di']}{serial}号"


_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def sentence_bounds(text: str, pos: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """[start, end) of the sentence around `pos`, within [lo, hi)."""
    hi = len(text) if hi is None else hi
    start = pos
    while start > lo and not _SENTENCE_END.match(text[start - 1]):
        start -= 1
    m = _SENTENCE_END.search(text, pos, hi)
    return start, (m.end() if m else hi)


def sentences(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentences (and lines) of text[lo:hi] as [start, end) spans."""
    hi = len(text) if hi is None else hi
    spans, start = [], lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if text[start:m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:hi].strip():
        spans.append((start, hi))
    return spans
