"""Consistent Chinese punctuation, character for character (the offset map stays valid).

- ASCII `, ; : ! ?` next to Chinese become `，；：！？`; between digits, Latin, in URLs and
  e-mail addresses they stay (`9:30`, `http://`).
- ASCII parentheses around Chinese become `（）` as a pair (`(一)` → `（一）`, `(市)` → `（市）`);
  `(1)` stays. ASCII double quotes around Chinese and corner quotes become `“”`
  (`"两个确立"`, `「兩個確立」`).
- The year bracket of a document number becomes 〔〕 whatever the text used:
  `藏市监（2023）55号`, `[2023]`, `【2023】`, `﹝2023﹞` → `藏市监〔2023〕55号`.
- Dashes between two digits become `-` (`0891—6815193`).
Nothing else is rewritten: dots, other quotes and everything inside numbers, URLs and
e-mail addresses stay as written.
"""
from __future__ import annotations

import re

from normalizers.chars import CJK_PUNCT, HAN, SPACE

_CJK = f"[{HAN}{CJK_PUNCT}]"
_SP = f"[{SPACE}]*"

_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}

# `,;:!?` with Chinese on one side (spaces between allowed).
_CLAUSE_MARK = re.compile(f"(?<={_CJK}){_SP}([,;:!?])|([,;:!?])(?={_SP}{_CJK})")
# Innermost ASCII parenthesis pair on one line.
_PAREN_PAIR = re.compile(r"\(([^()\n]*)\)")
_HAN_RE = re.compile(f"[{HAN}]")
_QUOTE_PAIR = re.compile(r'"([^"\n]*)"')
# Traditional-style corner quotes read as the curly quotes Simplified text uses.
_CORNER_TO_CURLY = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_CORNER_QUOTE = re.compile("[「」『』]")
_LONE_OPEN = re.compile(f"\\((?={_SP}[{HAN}])")
_LONE_CLOSE = re.compile(f"(?<=[{HAN}])\\)")
# Issuer abbreviation + year in any bracket + serial + 号: the brackets are unified.
DOC_NUMBER_BRACKETS = re.compile(
    f"(?<=[{HAN}]){_SP}([(（\\[【〔﹝［〖])({_SP}(?:19|20)\\d{{2}}{_SP})([)）\\]】〕﹞］〗])(?={_SP}第?{_SP}\\d{{1,5}}{_SP}号)")
_DIGIT_DASH = re.compile(r"(?<=\d)[\u2010-\u2015\u2212\ufe58\ufe63](?=\d)")
# URLs and e-mail addresses are copied exactly, whatever punctuation they hold.
_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&'*+=%]"
URL = re.compile(
    rf"(?:https?|ftp)://{_URL_CHARS}+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/{_URL_CHARS}*)?")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def unify_punctuation(text: str) -> str:
    """Same length as the input; see the module docstring for what changes."""
    chars: list[str] | None = None
    protected = _address_positions(text)

    def put(index: int, ch: str) -> None:
        nonlocal chars
        if text[index] != ch and index not in protected:
            if chars is None:
                chars = list(text)
            chars[index] = ch

    for match in _CORNER_QUOTE.finditer(text):
        put(match.start(), _CORNER_TO_CURLY[match.group()])
    opens, closes = _chinese_parens(text)
    for at in opens:
        put(at, "（")
    for at in closes:
        put(at, "）")
    for match in _QUOTE_PAIR.finditer(text):
        if _HAN_RE.search(match.group(1)):
            put(match.start(), "“")
            put(match.end() - 1, "”")
    # After the parentheses, so `（组织）:` sees its Chinese neighbour; again until a run
    # like `,,` after Chinese is all converted, so a second pass finds nothing to do.
    while True:
        widened = text if chars is None else "".join(chars)
        marks = [m for m in _CLAUSE_MARK.finditer(widened) if m.start(1 if m.group(1) else 2) not in protected]
        if not marks:
            break
        for match in marks:
            group = 1 if match.group(1) else 2
            put(match.start(group), _TO_FULL[match.group(group)])
    for match in DOC_NUMBER_BRACKETS.finditer(text):
        put(match.start(1), "〔")
        put(match.start(3), "〕")
    for match in _DIGIT_DASH.finditer(text):
        put(match.start(), "-")
    return text if chars is None else "".join(chars)


def _chinese_parens(text: str) -> tuple[list[int], list[int]]:
    """Indices of ASCII `(` and `)` to widen: pairs that enclose Chinese, lone ones touching Han."""
    if "(" not in text and ")" not in text:
        return [], []
    opens: list[int] = []
    closes: list[int] = []
    paired: set[int] = set()
    work = text
    while True:
        matches = list(_PAREN_PAIR.finditer(work))
        if not matches:
            break
        masked = list(work)
        for match in matches:
            first, last = match.start(), match.end() - 1
            if _HAN_RE.search(text, first, last):
                opens.append(first)
                closes.append(last)
            paired.update((first, last))
            # Mask the pair so the enclosing pair is found on the next round.
            masked[first] = masked[last] = "\x00"
        work = "".join(masked)
    opens += [m.start() for m in _LONE_OPEN.finditer(text) if m.start() not in paired]
    closes += [m.start() for m in _LONE_CLOSE.finditer(text) if m.start() not in paired]
    return opens, closes


def _address_positions(text: str) -> set[int]:
    if "@" not in text and "//" not in text and "www." not in text:
        return set()
    # Searched apart: an address run into a URL (`a@b.cnhttp://…`) must not hide the URL.
    return {i for pattern in (URL, EMAIL) for match in pattern.finditer(text)
            for i in range(*match.span())}
