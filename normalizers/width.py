"""Full-width digits, Latin letters and the symbols inside numbers and addresses → half-width.

Only what extractors match on is folded: `０８９１－６８１５１９３`, `ｘｚ＠１６３．ｃｏｍ`.
Chinese punctuation (，：（）) stays full-width; `punctuation.py` makes it consistent.
"""
from __future__ import annotations

from normalizers.chars import SPACE_CHARS

_FOLDED_SYMBOLS = "＠－．／＿＋％＆＝＃＊"

_TABLE = str.maketrans(
    {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},      # ０-９
     **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},      # Ａ-Ｚ
     **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},      # ａ-ｚ
     **{ch: chr(ord(ch) - 0xFEE0) for ch in _FOLDED_SYMBOLS},
     # Ideographic and no-break spaces become plain spaces, so spacing sees one kind.
     **{ch: " " for ch in SPACE_CHARS if ch != " "}})


def fold_width(text: str) -> str:
    """Character-for-character: the offset map of the input stays valid."""
    return text.translate(_TABLE)
