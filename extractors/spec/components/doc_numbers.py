"""Document numbers (文号) this notice carries or forwards, in every bracket variant.

A number counts when it stands on its own line (letterhead), sits in the header, or is given
as the forwarded/attached notice's number; numbers of rules merely cited as a basis
(`根据《XX管理办法》（X〔2020〕10号）`) do not.
"""
from __future__ import annotations

import re

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import DOC_NUMBER_RE, format_doc_number, sentence_bounds, squash
from models.spec import TextValue

NAME = "spec_doc_numbers"
VERSION = "3"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("doc_numbers",)

_FORWARD_CUE = re.compile(r"转发|印发|现将|附件|文号")
_BASIS_CUE = re.compile(r"根据|按照|依据|依照|参照|贯彻|落实")
_TITLE_BEFORE = re.compile(r"《([^《》]+)》\s*[（(]?\s*$")
_NOTICE_TITLE = re.compile(r"(通知|函|决定)$")
_RULES_TITLE = re.compile(r"(办法|细则|规定|条例|规范|准则|标准|纲要)》\s*[（(]?\s*$")


def _confidence(ctx: NoticeContext, m: re.Match) -> float | None:
    text = ctx.text
    for line in ctx.lines:
        if line.start <= m.start() < line.end:
            if DOC_NUMBER_RE.fullmatch(squash(line.text).lstrip("-")):
                return 1.0
            if line.squashed.startswith(("附件", "-附件", "《")) and not _RULES_TITLE.search(text[line.start:m.start()]):
                return 0.9
            break
    if m.start() < ctx.segment.header_end:
        return 0.95
    s, _ = sentence_bounds(text, m.start(), ctx.start, ctx.end)
    before = text[s:m.start()]
    if _RULES_TITLE.search(before):
        return None
    # The clause that names the numbered document: up to the 《title》 right before the number.
    titled = _TITLE_BEFORE.search(before)
    head = before[:titled.start()] if titled else before
    clause = re.split(r"[，,；]", head)[-1]
    if _FORWARD_CUE.search(clause) and not _BASIS_CUE.search(clause):
        return 0.85
    # A notice named without a basis cue (`…见《关于评选…的通知》（X〔2023〕35号）`) counts; one
    # merely cited as the basis (`根据《关于评选…的通知》（…）`) is neither forwarded nor
    # attached (FIELDS.md), like rules cited so.
    if titled and _NOTICE_TITLE.search(titled.group(1)) and not _BASIS_CUE.search(clause):
        return 0.8
    title = ctx.segment.forwarded_title
    if title and titled and squash(titled.group(1)) == title:
        return 0.9
    return None


# Numbers without a year bracket, as Taiwan's agencies write them: `發文字號：府授經字第11330012345號`.
_LABELLED_NUMBER = re.compile(r"(?:发文字号|文号|字号)\s*[:：]\s*(?P<number>[\u4e00-\u9fff]{1,12}字第\s*\d{3,14}\s*号)")


def extract(ctx: NoticeContext) -> dict:
    seen: dict[str, TextValue] = {}
    for m in _LABELLED_NUMBER.finditer(ctx.text, ctx.start, ctx.end):
        value = squash(m["number"])
        seen[value] = TextValue(value=value, confidence=0.9, provenance=ctx.prov(m.start("number"), m.end("number")))
    for m in DOC_NUMBER_RE.finditer(ctx.text, ctx.start, ctx.end):
        value = format_doc_number(m)
        if value is None or value in seen:
            continue
        confidence = _confidence(ctx, m)
        if confidence is not None:
            seen[value] = TextValue(value=value, confidence=confidence, provenance=ctx.prov(m.start(), m.end()))
    return {"doc_numbers": list(seen.values())}
