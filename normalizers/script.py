"""Which Chinese script a text is written in, and Traditional → Simplified (OpenCC `t2s`).

OpenCC's `t2s` tables map phrases to phrases of the same length and characters to characters,
so conversion never moves a character: the offset map of the input stays valid. `tw2sp` is
never used: it rewrites vocabulary (文件→文档), which is wrong for notices.

The pure-Python OpenCC takes milliseconds per page, so text is converted only where it holds
Traditional characters, and a line of Simplified text with a stray character that both
scripts use (乾, 於) is left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from models.document import Script


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC
    converter = OpenCC("t2s")
    converter.convert("")            # loads the dictionaries once
    return converter


def _dictionary(name: str) -> dict[str, str]:
    import opencc
    path = Path(opencc.__file__).parent / "dictionary" / name
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        table[key] = values.split(" ")[0]
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[int, str]]:
    t2s = {k: v for k, v in _dictionary("TSCharacters.txt").items() if k != v}
    s2t = {k: v for k, v in _dictionary("STCharacters.txt").items() if k != v}
    traditional = "".join(sorted(t2s))
    simplified = "".join(sorted(s2t))
    # A few t2s targets are themselves converted again (薴→苧→苎): follow them to the end,
    # so converting twice changes nothing.
    settle: dict[int, str] = {}
    for source, target in t2s.items():
        seen = {source}
        while target in t2s and target not in seen:
            seen.add(target)
            target = t2s[target]
        if target != t2s[source]:
            settle[ord(t2s[source])] = target
    return (re.compile(f"[{re.escape(traditional)}]"), re.compile(f"[{re.escape(simplified)}]"),
            settle)


def traditional_count(text: str) -> int:
    """Characters that only Traditional writing uses (t2s would change them)."""
    return len(_tables()[0].findall(text))


def simplified_count(text: str) -> int:
    """Characters that only Simplified writing uses (s2t would change them)."""
    return len(_tables()[1].findall(text))


def detect_script(text: str) -> Script:
    """HANT where Traditional-only characters outnumber Simplified-only ones, else HANS."""
    return Script.HANT if traditional_count(text) > simplified_count(text) else Script.HANS


def needs_conversion(text: str, *, document_script: Script) -> bool:
    """Convert a line in a Traditional document whenever it has Traditional characters;
    in a Simplified one only when the line itself is mostly Traditional (a quoted block)."""
    trad = traditional_count(text)
    if trad == 0:
        return False
    return document_script == Script.HANT or trad > simplified_count(text)


def to_simplified(text: str) -> str:
    """OpenCC t2s, same length as the input (checked), so offsets need no change."""
    converted = _converter().convert(text)
    if len(converted) != len(text):
        raise ValueError("t2s changed the text length; the offset map would break")
    settle = _tables()[2]
    return converted.translate(settle) if settle else converted
