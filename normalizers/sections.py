"""Headings and list items of normalized text, so extractors can work section by section.

Recognised at the start of a line: 附件, 第X编/章/节/条, 一、, （一）, 1. / 1、, (1) / （1）,
①, and bullets (● • ▪ ■ ◆ -). Levels follow the usual nesting of Chinese official documents
(章 above 节 above 条 above 一、 above （一） above 1. above (1) above ① above bullets),
numbered among the kinds the text actually uses: a notice with 一、/（一）/1. gets levels 1/2/3,
a regulation with 章/条/（一） gets 1/2/3 too. An attachment heading is always level 1.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CHINESE_NUMERALS = "一二三四五六七八九十百零〇两"
_CN = f"[{CHINESE_NUMERALS}]+"
_NUM = rf"(?:{_CN}|\d+)"

# (kind, pattern) in nesting order, outermost first.
MARKERS: tuple[tuple[str, str], ...] = (
    ("attachment", r"附件\s*(?P<n_attachment>\d{1,2})?(?:[：:]|\s|$|(?=[^\d]))"),
    ("part", rf"第(?P<n_part>{_NUM})编"),
    ("chapter", rf"第(?P<n_chapter>{_NUM})章"),
    ("section", rf"第(?P<n_section>{_NUM})节"),
    ("article", rf"第(?P<n_article>{_NUM})条"),
    ("cn_item", rf"(?P<n_cn_item>{_CN})[、.]"),
    ("cn_paren", rf"[（(]\s*(?P<n_cn_paren>{_CN})\s*[）)]"),
    ("num_item", r"(?P<n_num_item>\d{1,2})(?:[、]|\.(?!\d))"),
    ("num_paren", r"[（(]\s*(?P<n_num_paren>\d{1,2})\s*[）)]"),
    ("circled", r"(?P<n_circled>[\u2460-\u2473])"),
    # (Web pages and WeChat posts bullet headings with arrows, stars and emoji: `📌 四、联系方式`.)
    ("bullet", r"[●•▪■◆◇○▶►▸★☆◎◉※\u2600-\u27bf\U0001f300-\U0001faff]\s*|-(?:\s+|(?=[（(])|$)"),
)
_KIND_ORDER = {kind: i for i, (kind, _) in enumerate(MARKERS)}
_MARKER_RE = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in MARKERS))
_LINE_START = re.compile(r"^[ \t]*", re.M)
_TITLE_END = re.compile(r"[。；;：:！？\n]")
_MAX_TITLE = 60


@dataclass(frozen=True, slots=True)
class Section:
    level: int
    kind: str           # one of the MARKERS kinds
    marker: str         # as written: "一、", "（一）", "第三条", "附件1"
    number: int | None  # 一、 → 1, (3) → 3, ① → 1; None for bullets and a bare 附件
    title: str          # the heading text after the marker, up to 。/：/; or the line end
    start: int          # offset of the marker in the text
    end: int            # where the next heading of the same or a higher level starts
    body_start: int     # just after the marker

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def heading_marker(line: str) -> tuple[str, re.Match[str]] | None:
    """The kind and match of the marker that starts `line` (after a bullet, if both), or None."""
    match = _MARKER_RE.match(line)
    if match is None:
        return None
    if match.lastgroup == "bullet" or match.group("bullet"):
        inner = _MARKER_RE.match(line, match.end())
        if inner is not None and not inner.group("bullet"):
            return _kind(inner), inner
        return "bullet", match
    return _kind(match), match


def _kind(match: re.Match[str]) -> str:
    return next(kind for kind, _ in MARKERS if match.group(kind) is not None)


def split_sections(text: str) -> list[Section]:
    """Every heading or list item at a line start, with its level and extent."""
    found: list[tuple[str, re.Match[str], int]] = []
    for line_start in _LINE_START.finditer(text):
        at = line_start.end()
        line_end = text.find("\n", at)
        line = text[at: len(text) if line_end < 0 else line_end]
        hit = heading_marker(line)
        if hit is not None:
            found.append((hit[0], hit[1], at))
    kinds = sorted({kind for kind, _, _ in found if kind != "attachment"}, key=_KIND_ORDER.get)
    level_of = {kind: i + 1 for i, kind in enumerate(kinds)} | {"attachment": 1}

    sections: list[Section] = []
    for index, (kind, match, at) in enumerate(found):
        level = level_of[kind]
        end = next((other_at for other_kind, _, other_at in found[index + 1:]
                    if level_of[other_kind] <= level), len(text))
        body_start = at + match.end()
        title_end = _TITLE_END.search(text, body_start)
        title_stop = min(title_end.start() if title_end else len(text), body_start + _MAX_TITLE)
        sections.append(Section(
            level=level, kind=kind, marker=match.group(0).strip(), number=_number(match, kind),
            title=text[body_start:title_stop].strip(), start=at, end=end, body_start=body_start))
    return sections


def _number(match: re.Match[str], kind: str) -> int | None:
    group = f"n_{kind}"
    if kind == "bullet" or match.group(group) is None:
        return None
    value = match.group(group)
    if kind == "circled":
        return ord(value) - 0x2460 + 1
    if value.isdigit():
        return int(value)
    return chinese_ordinal(value)


def chinese_ordinal(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105: the small numbers headings use."""
    digits = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
