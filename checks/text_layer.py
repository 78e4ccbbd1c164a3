"""TEXT_LAYER_MISMATCH: a PDF whose text layer says something its page image does not show.

The comparison itself (OCR of the rendered page against the text layer, character by character)
runs where the files are read, in `extractors.packets.text_layer`, and leaves the disagreeing
lines as the claim `text_layer_mismatch`; this check turns them into the reviewer's flag.
"""
from __future__ import annotations

from models.findings import Flag, FlagCode
from models.packet import Packet

from checks.evidence import claims, cite, make_flag


def check_text_layer(packet: Packet) -> list[Flag]:
    """A warning: the page image is what was signed; the reviewer reads it and decides."""
    flags = []
    for doc, claim in claims(packet, "text_layer_mismatch"):
        lines = claim.value if isinstance(claim.value, list) else [str(claim.value)]
        shown = "；".join(str(v) for v in lines[:3])
        flags.append(make_flag(
            FlagCode.TEXT_LAYER_MISMATCH,
            f"{doc.source} 的文字层与页面图像不一致：文字层中的“{shown}”在页面图像上读不到，"
            f"文字层可能被改动，请以页面图像为准核对",
            [cite(doc, claim, shown)], severity="warning"))
    return flags
