"""Which Chinese script a text is written in, and Traditional → Simplified (OpenCC `t2s`).

OpenCC's `t2s` tables map phrases to phrases of the same length and characters to characters,
so conversion never moves a character: the offset map of the input stays valid. `tw2sp` is
never used: it rewrites vocabulary (文件→文档), which is wrong for notices.

The pure-Python OpenCC package takes 6–10 ms per page, so its `t2s` dictionaries are applied
here directly: phrases first (longest at each position, as OpenCC prefers them), then one
`str.translate` for single characters — the same output (tested against OpenCC on the seeds)
at C speed. Text is converted only where it holds Traditional characters, and a line of
Simplified text with a stray character both scripts use (乾, 於) is left alone; a character
Simplified writing never uses (醫, 衛: outside GB 2312), which OCR or copying strews into a
Simplified notice, is converted wherever it stands.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from models.document import Script


def _dictionary(name: str) -> dict[str, str]:
    import opencc
    path = Path(opencc.__file__).parent / "dictionary" / name
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        table[key] = values.split(" ")[0]
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset[str], frozenset[str], dict[int, str]]:
    t2s = {k: v for k, v in _dictionary("TSCharacters.txt").items() if k != v}
    s2t = {k: v for k, v in _dictionary("STCharacters.txt").items() if k != v}
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
    return frozenset(t2s), frozenset(s2t), settle


# Set look-ups in C: a regex class of 4,000 characters was the slowest part of normalizing.
def traditional_count(text: str) -> int:
    """Characters that only Traditional writing uses (t2s would change them)."""
    traditional = _tables()[0]
    return 0 if traditional.isdisjoint(text) else sum(map(traditional.__contains__, text))


def simplified_count(text: str) -> int:
    """Characters that only Simplified writing uses (s2t would change them)."""
    simplified = _tables()[1]
    return 0 if simplified.isdisjoint(text) else sum(map(simplified.__contains__, text))


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
    """OpenCC t2s, same length as the input, so offsets need no change."""
    phrases, characters = _t2s()
    converted = text.translate(characters)
    if not _phrase_initials().isdisjoint(text):
        converted = _apply_phrases(text, converted, phrases)
    return converted


def _apply_phrases(text: str, converted: str, phrases: re.Pattern[str]) -> str:
    pieces, last = [], 0
    table = _phrase_table()
    for match in phrases.finditer(text):
        pieces += [converted[last:match.start()], table[match.group()]]
        last = match.end()
    return "".join(pieces) + converted[last:] if pieces else converted


@lru_cache(maxsize=1)
def _phrase_table() -> dict[str, str]:
    # OpenCC phrases are all as long as their conversion; any other would break the map.
    table = {k: v for k, v in _dictionary("TSPhrases.txt").items() if len(k) == len(v)}
    # A converted phrase (乾清宫) must survive a second pass, where 乾 alone would become 干.
    return {v: v for v in table.values()} | table


@lru_cache(maxsize=1)
def _phrase_initials() -> frozenset[str]:
    return frozenset(key[0] for key in _phrase_table())


@lru_cache(maxsize=1)
def _t2s() -> tuple[re.Pattern[str], dict[int, str]]:
    keys = sorted(_phrase_table(), key=len, reverse=True)
    characters = {ord(k): v for k, v in _dictionary("TSCharacters.txt").items() if k != v}
    for source, target in _tables()[2].items():
        characters.update({k: target for k, v in characters.items() if ord(v) == source})
    return re.compile("|".join(map(re.escape, keys))), characters


@lru_cache(maxsize=1)
def _strictly_traditional() -> dict[int, str]:
    """t2s for the characters outside GB 2312, the Simplified character set: 醫 is never
    written in Simplified text, 乾 and 於 are."""
    def in_gb2312(ch: str) -> bool:
        try:
            ch.encode("gb2312")
            return True
        except UnicodeEncodeError:
            return False
    return {code: target for code, target in _t2s()[1].items() if not in_gb2312(chr(code))}


def strays_to_simplified(text: str) -> str:
    """Only the characters Simplified writing never uses, one for one (offsets keep)."""
    return text.translate(_strictly_traditional())
