"""Does a PDF's text layer say what its page image shows? Character-level comparison with OCR."""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from models.findings import Flag, FlagCode
from models.packet import Packet

from checks.evidence import claims, cite, make_flag

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
# OCR of a clean render misses ≈1% of characters; a line below this share was not on the page.
LINE_MATCH_MIN = 0.8


def comparable(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def similarity(a: str, b: str) -> float:
    """Share of characters the two texts have in common, in order (1.0 = same)."""
    a, b = comparable(a), comparable(b)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def line_coverage(line: str, ocr_text: str) -> float:
    """How much of one text-layer line the OCR of the page contains, in order."""
    line, page = comparable(line), comparable(ocr_text)
    if not line:
        return 1.0
    blocks = SequenceMatcher(None, line, page, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(line)


def mismatched_lines(text_layer: str, ocr_text: str, *, min_chars: int = 4) -> list[str]:
    """Text-layer lines the page image does not show (hidden or overwritten text)."""
    return [line.strip() for line in text_layer.splitlines()
            if len(comparable(line)) >= min_chars and line_coverage(line, ocr_text) < LINE_MATCH_MIN]


def check_text_layer(packet: Packet) -> list[Flag]:
    """A warning: the page image is what was signed; the reviewer reads it and decides."""
    flags = []
    for doc, claim in claims(packet, "text_layer_mismatch"):
        lines = claim.value if isinstance(claim.value, list) else [str(claim.value)]
        shown = "；".join(str(v) for v in lines[:3])
        flags.append(make_flag(
            FlagCode.TEXT_LAYER_MISMATCH,
            f"{doc.source} 的文字层与页面图像不一致：文字层中的“{shown}”在页面上看不到，可能被改动",
            [cite(doc, claim, shown)], severity="warning"))
    return flags
