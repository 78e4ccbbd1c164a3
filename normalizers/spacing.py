"""Remove the spaces that scanning and PDF copying put into Chinese text.

Removed: spaces between Chinese characters (`质 量 协 会 文 件`, `朗 杰`, `开展第二届 西藏质量奖`),
next to Chinese punctuation, around a short plain number or Latin word inside Chinese
(`罗布林卡路 21 号`, `近 5 年`, `QC 小组`), beside the hyphen of a number (`0891 - 6815193`),
at line ends, and zero-width characters.

Kept: spaces between numbers (`0891-6815193 6347266`), between Latin words, around dates,
phone numbers, e-mail addresses and URLs (`2023-02-01     来源`, `2023年2月1日 来源：`),
before the next field's label (`朗杰 电话：`), after an article marker (`第一条 为…`), and
between person names (`鲁永武 王宏`, `质量发展局 鲁永武`).
"""
from __future__ import annotations

import re

from normalizers.chars import CJK_PUNCT, HAN, SPACE
from normalizers.names import looks_like_name
from normalizers.offsets import Mapped, TextBuilder

_SPACE_RUN = re.compile(f"[{SPACE}]+|[\u200b-\u200d\u2060\ufeff]+")
_HAN_CHAR = re.compile(f"[{HAN}]")
_PUNCT_CHAR = re.compile(f"[{CJK_PUNCT}]")
_HAN_RUN_END = re.compile(f"[{HAN}]+$")
_HAN_RUN_START = re.compile(f"[{HAN}]+")
_WORD_START = re.compile(r"[A-Za-z0-9.]+")
_WORD_END = re.compile(r"[A-Za-z0-9.]+$")
# A number or Latin word that reads as part of the Chinese around it.
_INLINE_TOKEN = re.compile(r"\d{1,5}(?:\.\d+)?|[A-Za-z]{1,12}")
_ARTICLE_MARKER = re.compile(r"第[一二三四五六七八九十百零〇两\d]+[编章节条款]$")
_DATE_END = re.compile(r"\d{1,2}[日号]$|\d{4}年$|\d{1,2}月$")
# Words that follow a date on a page header rather than continue its sentence.
_NEXT_AFTER_DATE = re.compile(f"[{HAN}]{{1,6}}[：:]|星期|周[一二三四五六日天]|上午|下午|晚上|来源|发布|作者|阅读|浏览")
# A space beside the hyphen of a phone or number range: `0891 -6815193`, `0891- 6815193`.
_DIGIT_DASH_GAP = re.compile(r".?\d\|-\s*\d|\d-\|\d")
# The next field's label on the same line (a single letter-spaced character is not one).
_FIELD_LABEL_AHEAD = re.compile(f"[{HAN}]{{2,6}}[：:]")
_ORG_ENDINGS = tuple("局处科室部会办司厅委院校所站队组") + ("中心",)
_MAX_GAP_BETWEEN_WORDS = 2     # a wider gap is a column or field separator


def remove_spaces(text: str) -> Mapped:
    """The text without the spaces described in the module docstring, with its offset map."""
    result, judged_words = _remove_once(text)
    # A kept space between two words was judged on the word after it, which a deletion
    # further on can still lengthen (`鲁永武 鲁永武 评选`): repeat until nothing changes.
    while judged_words:
        again, judged_words = _remove_once(result.text)
        if again.text == result.text:
            break
        result = result.then(again)
    return result


def _remove_once(text: str) -> tuple[Mapped, bool]:
    """One pass, and whether it kept a space between two Chinese words (see above)."""
    builder = TextBuilder(text)
    out_tail = ""                 # the output so far, as far back as decisions need
    last = 0
    judged_words = False
    for match in _SPACE_RUN.finditer(text):
        start, end = match.span()
        out_tail = (out_tail + text[last:start])[-16:]
        last = end
        if _drop(text, start, end, out_tail):
            builder.delete(start, end)
        else:
            out_tail = (out_tail + text[start:end])[-16:]
            judged_words = judged_words or bool(_HAN_CHAR.match(text[start - 1]) and end < len(text)
                                                and _HAN_CHAR.match(text[end]))
    return builder.build(), judged_words


def _drop(text: str, start: int, end: int, before: str) -> bool:
    if text[start] in "\u200b\u200c\u200d\u2060\ufeff":
        return True
    left = before[-1] if before else "\n"
    right = text[end] if end < len(text) else "\n"
    if left in "\n\r\t\f" or right in "\n\r\t\f":
        return True                                   # line ends and indentation
    if _PUNCT_CHAR.match(left) or _PUNCT_CHAR.match(right):
        return True
    if _DIGIT_DASH_GAP.match(before[-2:] + "|" + text[end:end + 3]):
        return True                                   # OCR: 0891 - 6815193
    gap = end - start
    left_han, right_han = bool(_HAN_CHAR.match(left)), bool(_HAN_CHAR.match(right))
    if left_han and right_han:
        return _join_words(text, start, end, before, gap)
    if gap > _MAX_GAP_BETWEEN_WORDS:
        return False
    if left_han:
        word = _WORD_START.match(text, end)
        return bool(word and _INLINE_TOKEN.fullmatch(word.group()) and _ends_word(text, word.end()))
    if right_han:
        word = _WORD_END.search(before)
        return bool(word and _INLINE_TOKEN.fullmatch(word.group())
                    and _starts_word(before, word.start()))
    return False


def _ends_word(text: str, at: int) -> bool:
    """The Latin/number token ends at a space, Chinese, or the line end (not `21-3`)."""
    return at >= len(text) or not re.match(r"[-@/_:%+#&=~]", text[at])


def _starts_word(before: str, at: int) -> bool:
    return at == 0 or not re.match(r"[-@/_:%+#&=~]", before[at - 1])


def _join_words(text: str, start: int, end: int, before: str, gap: int) -> bool:
    if _ARTICLE_MARKER.search(before):
        return False                                   # 第一条 为…
    if _DATE_END.search(before) and (gap > 1 or _NEXT_AFTER_DATE.match(text, end)):
        return False                                   # 2023年2月1日  来源：…, 5日 星期六
    if _FIELD_LABEL_AHEAD.match(text, end):
        return False                                   # 联系人：朗 杰 电话：…
    written_left = _HAN_RUN_END.search(text, max(0, start - 16), start).group()
    written_right = _HAN_RUN_START.match(text, end).group()
    if len(written_left) == 1 or len(written_right) == 1:
        return gap <= 4                                # letter-spaced: 质 量 协 会, 朗 杰
    if gap > _MAX_GAP_BETWEEN_WORDS:
        return False
    left_word = _HAN_RUN_END.search(before).group()
    right_word = _right_word(text, end)
    if looks_like_name(right_word) and (looks_like_name(left_word) or left_word.endswith(_ORG_ENDINGS)):
        return False                                   # 鲁永武 王宏, 发展局 鲁永武
    return True


def _right_word(text: str, at: int) -> str:
    """The Han word after a space; letter-spaced single characters (`李 明`) count as one."""
    word = _HAN_RUN_START.match(text, at).group()
    at += len(word)
    while len(word) < 4 and at + 1 < len(text) and text[at] == " " and _HAN_CHAR.match(text[at + 1]) \
            and (at + 2 >= len(text) or not _HAN_CHAR.match(text[at + 2])):
        word += text[at + 1]
        at += 2
    return word
