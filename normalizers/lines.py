"""Which lines are page furniture, and which line continues the paragraph before it.

PDF text layers, scans and copied web pages break paragraphs wherever the page or the
window ended (`推\n\n荐意见`, `…关于\n开展第二届…\n的通知》的通知`), and double-spaced text
files put a blank line after every line, so blank lines are no evidence of a paragraph
end. A line continues the paragraph when the paragraph is visibly unfinished (an open
《 or （, a trailing ，/、, a sentence cut off mid-clause) or the line cannot start one
(`、监督管理`, `的通知》`, `为2` / `年`); it never does when it starts a heading, a list
item or a `label：value` field, or is a document number or a date standing alone. A reader's
paragraph start (a gap on the page) gives way only to the visible evidence above; a page
reader's "no gap here" is enough unless the paragraph ended a sentence.
"""
from __future__ import annotations

import re
from collections import Counter

from normalizers.chars import HAN
from normalizers.sections import heading_marker

_PAGE_MARKS = re.compile(
    r"^\s*(?:"
    r"[-—–―－~_·•]+\s*\d{1,4}\s*[-—–―－~_·•]+"        # — 6 —   - 2 -   ·3·
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第 3 页, 第3页 共10页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"                          # 3 / 10
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
    r")\s*$")
_EDGE_LINES = 1
_RUNNING_MAX = 40          # running marks are short: a name, a title, a page number
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")

_OPENERS, _CLOSERS = "《（(【〔“‘「『", "》）)】〕”’」』"
_PAIRS = dict(zip(_OPENERS, _CLOSERS))
_CONTINUES_AFTER = set("，、（《“‘【〔「(")
# ASCII , ; : ? ! ) too: a line holding only such a mark keeps its ASCII form (it has no Chinese
# neighbour to be made full-width by), and would join on the next pass if not here.
_CANNOT_START = set("，。、；：？！）》”’】〕」…,;:?!)") | set("的地得之及与和或等了着们")
# What follows a number in a sentence: `为2` / `年`, `5月25` / `日前`.
_UNITS = set("年月日号时分秒个名项家次份人条款届元万亿%‰")
_CLAUSE_PUNCT = re.compile("[，、。；]")
_TERMINAL = set("。！？；：!?;:…") | set(_CLOSERS)
_HAN_OR_WORD = re.compile(f"[{HAN}A-Za-z0-9]")
_LABEL = re.compile(f"^[{HAN}]{{1,8}}[：:](?=.)")
# `海北州、黄南州 | 1 | 3`: cells set apart by bars (text copied out of a table).
_BAR_ROW = re.compile(r"\S[ \t]*[|｜][ \t]*\S[^\n]*[|｜]|^[^|｜\n]{1,30}[ \t]+[|｜][ \t]+\S")
_TAIL_ROW = 60
_WRAPPING_LABEL = re.compile(f"^[{HAN}]{{0,4}}(?:地址|地点|住所|单位|名称)[：:]")
_HAN_START = re.compile(f"[{HAN}]")
_DOC_NUMBER_LINE = re.compile(f"^[{HAN}]{{1,12}}〔\\d{{4}}〕第?\\d{{1,5}}号$")
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d〇零一二三四五六七八九十]{1,3}月"
                        r"[\d〇零一二三四五六七八九十]{1,3}日(?:印发|发布|制发)?$")
# A title broken over lines: it opens with 关于 (or a 《) and the last line names the kind.
# A slide deck's section heading, numbered `01`…`09` (`06 咨询服务`): after a dropped page
# mark it would otherwise read as the rest of the previous slide's last bullet.
_SLIDE_SECTION = re.compile(f"^0[1-9]\\s*[{HAN}]{{2,12}}$")
_TITLE_START = re.compile("^《|关于")
_TITLE_END = re.compile("(?:通知|通报|办法|细则|决定|意见|公告|通告|函|批复|规定|方案|报告|解读|条例|规则|指南)[》）]*$")
_TITLE_MAX = 60
# A phone, fax or mobile number ends the line's field; what follows starts the next one.
_FIELD_NUMBER_END = re.compile(r"(?<![\d.])\d{7,12}$")
# An address that reached a floor or room is complete: the next line is not its rest.
_ADDRESS_END = re.compile(f"\\d+\\s*[楼层室]$")
_FIELD_VALUE_MIN = 10      # a label line this long may wrap onto the next line
# How far back an unclosed bracket keeps a paragraph open: a stray （ from OCR must not
# swallow the rest of the document.
_BRACKET_REACH = 120


def is_page_mark(line: str) -> bool:
    """`— 6 —`, `- 2 -`, `第 3 页`, `3/10`, `Page 2 of 5`: page numbering, not content."""
    return bool(_PAGE_MARKS.match(line))


def is_bare_page_number(line: str) -> bool:
    """A line holding only a small number: a page number where it is a page's first or last."""
    return bool(_BARE_NUMBER.match(line))


def running_marks(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page index, line index) of running headers and footers: a page's first or last line
    that repeats, digits aside, on at least half the pages (three or more).
    Readers with page geometry tag these themselves; this catches text and OCR pages."""
    if len(pages) < 3:
        return set()
    edges: list[list[tuple[int, str]]] = []
    for lines in pages:
        content = [i for i, text in enumerate(lines) if text.strip()]
        chosen = content[:_EDGE_LINES] + content[-_EDGE_LINES:]
        edges.append([(i, _running_key(lines[i])) for i in dict.fromkeys(chosen)])
    counts = Counter(key for page in edges for key in {key for _, key in page}
                     if len(key) <= _RUNNING_MAX and "。" not in key)
    needed = max(3, len(pages) / 2)
    return {(p, i) for p, page in enumerate(edges) for i, key in page if counts[key] >= needed}


def running_marks_between_page_numbers(lines: list[str]) -> set[int]:
    """Running marks in text that kept its page numbers but lost its page breaks (a PDF's
    text copied out, a plain-text reader's one page): the page-number lines (`- 2 -`) end
    the pages. A header printed on every page (`…办公室    黔质奖办〔2024〕3号`) would
    otherwise be joined into the sentence running across the page break."""
    pages: list[list[int]] = [[]]
    for i, text in enumerate(lines):
        if is_page_mark(text):
            pages.append([])
        else:
            pages[-1].append(i)
    if len(pages) < 3:
        return set()
    repeated = running_marks([[lines[i] for i in page] for page in pages])
    return {pages[p][i] for p, i in repeated}


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def starts_block(line: str) -> bool:
    """The line starts something of its own: heading, list item, field, or it is a document
    number or a date standing alone (a letterhead's 文号, a signature's date)."""
    return bool(heading_marker(line) or _LABEL.match(line) or _DOC_NUMBER_LINE.match(line)
                or _DATE_LINE.match(line) or _SLIDE_SECTION.match(line))


def continues(paragraph: str, line: str, *, paragraph_start: bool = False,
              layout_continues: bool = False) -> bool:
    """Whether `line` continues `paragraph` (both normalized, neither empty).

    `paragraph_start` is a reader's word that a paragraph starts at `line` (a gap or an
    indent on the page, a blank line before it). Only evidence in the text itself
    overrides it: an open 《/（ or a trailing ，/、 before, or a line that cannot start
    anything (`、监督管理`, `的通知》`, a lone `：`). `layout_continues` is a page reader's
    word that nothing on the page separates the two lines: enough, unless the paragraph
    ended a sentence or the line starts a block of its own.
    """
    hit = heading_marker(paragraph)
    body = paragraph[hit[1].end():] if hit else paragraph
    if hit and not body.strip():
        # `（一）` or `-` alone: its text is on the next line (a bullet's may be a marker too).
        if hit[0] == "bullet" or (hit[0] != "attachment" and not heading_marker(line)):
            return True
    if starts_block(line) or _BAR_ROW.search(line) or _BAR_ROW.search(paragraph[-_TAIL_ROW:]):
        return False                                    # (a table row set out with bars is a line of its own)
    if (_open_bracket(paragraph) or paragraph[-1] in _CONTINUES_AFTER or line[0] in _CANNOT_START
            or paragraph[-1].isdigit() and line[0] in _UNITS):
        return True
    if paragraph_start:
        return False
    last, first = paragraph[-1], line[0]
    if layout_continues and last not in _TERMINAL:
        return True
    # A line may open with a bracket: `…教育机构` / `（仅限小学…`.
    if last in _TERMINAL or not _HAN_OR_WORD.match(last) or not (first in _OPENERS or _HAN_OR_WORD.match(first)):
        return False
    if _FIELD_NUMBER_END.search(paragraph):
        return False                                    # `…，18906621234` / `陆 瑶 0574-…`: a contact line ended
    if _CLAUSE_PUNCT.search(body):
        return True                                     # a sentence cut off mid-clause
    if _TITLE_START.search(paragraph) and not _TITLE_END.search(paragraph) \
            and len(paragraph) <= _TITLE_MAX and len(line) <= _TITLE_MAX \
            and _TITLE_END.search(line) and not _CLAUSE_PUNCT.search(line):
        return True                                     # 关于开展第二届西藏质量奖 / 评选表彰工作的通知
    # An address wraps onto the next line: 地址：…罗布林卡路21号德丹 / 林小区五栋一单元101室.
    label = _WRAPPING_LABEL.match(body)
    return bool(label and len(body) - label.end() >= _FIELD_VALUE_MIN and _HAN_START.match(line)
                and not _ADDRESS_END.search(body))


def joiner(paragraph: str, line: str) -> str:
    """What goes between a paragraph and its continuation: a space between two Latin words."""
    if paragraph[-1].isascii() and paragraph[-1].isalnum() and line[0].isascii() and line[0].isalnum():
        return " "
    return ""


def _open_bracket(text: str) -> bool:
    """An opening 《 （ … with no closing one after it, near the end of `text`."""
    tail = text[-_BRACKET_REACH:]
    return any(tail.rfind(opener) > tail.rfind(_PAIRS[opener]) for opener in "《（(【〔")
