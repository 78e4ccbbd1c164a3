"""Letters OCR reads for digits inside numbers: `9月3O日`, `邮编：23OO01`, `2O24年`, `83l2456`,
and the Chinese zero typed among Arabic digits: `〔2〇24〕`.

Only a run that starts with a digit and holds nothing but digits and O/o, standing apart from
Latin letters, digits and the punctuation of addresses, is touched, so `O2O`, `Top1O`, codes and e-mail addresses stay as
they are. Character for character: the offset map of the input stays valid.
"""
from __future__ import annotations

import re

# Not inside an address, a URL or a file name either: no `.`, `/`, `@`, `_`, `-` or `:` next to it.
# (A hyphen between digits is a phone number's: `0476-83l2456`.)
_NUMBER_WITH_LETTER_O = re.compile(r"(?<![A-Za-z0-9./@_:])(?<![^0-9]-)\d[0-9Oo〇lI]*[Oo〇lI][0-9Oo〇lI]*"
                                   r"(?![A-Za-z0-9./@_:])(?!-[^0-9])")
# l and I only between digits: `83l2456`; at a run's end they may be a unit or a word.
_L_BETWEEN_DIGITS = re.compile(r"(?<=[0-9Oo〇])[lI](?=[0-9Oo〇])")
_ZERO = str.maketrans({"O": "0", "o": "0", "〇": "0"})


def _repair(run: str) -> str:
    if len(re.sub(r"\D", "", run)) < 1:
        return run
    return _L_BETWEEN_DIGITS.sub("1", run).translate(_ZERO) if not re.search(r"[lI]$", run) else run


_ADDRESS_MARKS = ("@", "://", "www.")
_TOKEN_EDGE = re.compile(r"[^\x21-\x7e]")       # an address is one run of visible ASCII


def repair_digit_lookalikes(text: str) -> str:
    def fix(m: re.Match) -> str:
        # Inside an address (`http://0.aa/=0o`, `a1o@…`) every character is as written.
        start, end = m.start(), m.end()
        while start > 0 and not _TOKEN_EDGE.match(text[start - 1]):
            start -= 1
        while end < len(text) and not _TOKEN_EDGE.match(text[end]):
            end += 1
        token = text[start:end]
        return m.group() if any(mark in token for mark in _ADDRESS_MARKS) else _repair(m.group())
    return _NUMBER_WITH_LETTER_O.sub(fix, text)
