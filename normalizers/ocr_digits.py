"""Characters OCR and typing put among digits: `9月3O日`, `邮编：23OO01`, `83l2456`, and the
Chinese zero typed among Arabic digits, `〔2〇24〕`.

Only a run that starts with a digit and holds nothing but digits, O/o, 〇 and l/I is touched,
and only where no Latin letter, digit or address punctuation stands next to it: `O2O`, `Top1O`,
codes, file names, e-mail addresses and URLs stay as written. l and I become 1 only between
digits (at a run's end they may be a unit or a word). Character for character: the offset map
of the input stays valid.
"""
from __future__ import annotations

import re

# (A hyphen between digits is a phone number's: `0476-83l2456`.)
_LOOKALIKE_RUN = re.compile(r"(?<![A-Za-z0-9./@_:])(?<![^0-9]-)\d[0-9Oo〇lI]*[Oo〇lI][0-9Oo〇lI]*"
                            r"(?![A-Za-z0-9./@_:])(?!-[^0-9])")
_L_BETWEEN_DIGITS = re.compile(r"(?<=[0-9Oo〇])[lI](?=[0-9Oo〇])")
_ZERO = str.maketrans({"O": "0", "o": "0", "〇": "0"})
# Inside an address (`http://0.aa/=0o`, `a1o@…`) every character is as written; an address is
# one run of visible ASCII.
_ADDRESS_MARKS = ("@", "://", "www.")
_NOT_ADDRESS = re.compile(r"[^\x21-\x7e]")


def repair_digit_lookalikes(text: str) -> str:
    def fix(m: re.Match) -> str:
        run = m.group()
        start, end = m.start(), m.end()
        while start > 0 and not _NOT_ADDRESS.match(text[start - 1]):
            start -= 1
        while end < len(text) and not _NOT_ADDRESS.match(text[end]):
            end += 1
        if any(mark in text[start:end] for mark in _ADDRESS_MARKS) or run[-1] in "lI":
            return run
        return _L_BETWEEN_DIGITS.sub("1", run).translate(_ZERO)
    return _LOOKALIKE_RUN.sub(fix, text)
