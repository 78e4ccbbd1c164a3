"""Tibetan script (U+0F00–U+0FFF): kept and tagged, never fed to the Chinese extractors.

Letterheads of Tibet Autonomous Region notices carry the issuer's name in Tibetan above the
Chinese one. Those lines stay in the display text and in `tibetan_lines`; the Chinese view
leaves them (and Tibetan runs inside mixed lines) out.
"""
from __future__ import annotations

import re

from normalizers.chars import SPACE, TIBETAN
from normalizers.offsets import Mapped, TextBuilder

# A run of Tibetan syllables with the spaces between them.
TIBETAN_RUN = re.compile(f"[{TIBETAN}]+(?:[{SPACE}]+[{TIBETAN}]+)*")
_LETTER = re.compile(r"[^\W\d_]")


def tibetan_share(text: str) -> float:
    """Share of the letters in `text` that are Tibetan script."""
    letters = _LETTER.findall(text)
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0f00" <= ch <= "\u0fff") / len(letters)


def is_tibetan_line(text: str) -> bool:
    """A line written mostly in Tibetan script."""
    return has_tibetan(text) and tibetan_share(text) > 0.5


def has_tibetan(text: str) -> bool:
    return bool(TIBETAN_RUN.search(text))


def strip_tibetan(text: str) -> Mapped:
    """`text` without its Tibetan runs, with the offset map."""
    builder = TextBuilder(text)
    for match in TIBETAN_RUN.finditer(text):
        builder.delete(match.start(), match.end())
    return builder.build()
