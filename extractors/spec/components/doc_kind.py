"""Document kind: notice, forwarding notice, regulation, interpretation (解读), other.

Cue words are matched on jieba tokens of the title (a spaCy PhraseMatcher), so a cue must be
a word of its own there: `转发` in `关于转发《…》的通知`, not a character run across words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from extractors.spec.context import NoticeContext
from models.spec import DocumentKind

NAME = "spec_kind"
VERSION = "1"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("kind", "title")

_CUES = {
    DocumentKind.INTERPRETATION: ["解读", "政策解读", "图解", "问答"],
    DocumentKind.FORWARDING_NOTICE: ["转发"],
    DocumentKind.REGULATION: ["管理办法", "实施细则", "评审细则", "实施办法", "管理规定", "评选办法", "办法", "细则"],
    DocumentKind.NOTICE: ["通知", "通告", "公告", "函"],
}
_PRECEDENCE = list(_CUES)
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条", re.M)


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> PhraseMatcher:
    from extractors.spec.pipeline import build_nlp
    nlp = build_nlp()
    matcher = PhraseMatcher(vocab)
    for kind, words in _CUES.items():
        matcher.add(kind.value, [nlp.make_doc(w) for w in words])
    return matcher


def extract(ctx: NoticeContext) -> dict:
    seg, doc = ctx.segment, ctx.doc
    found: set[DocumentKind] = set()
    # The title and the line or two under it (`解 读` often stands below a slide title).
    head_end = min(ctx.end, (seg.title_span[1] + 12) if seg.title_span else ctx.start + 200)
    if doc is not None:
        head = doc.char_span(0, head_end - ctx.start, alignment_mode="expand")
        if head is not None:
            matcher = _matcher(doc.vocab)
            found = {DocumentKind(doc.vocab.strings[mid]) for mid, _, _ in matcher(head)}
    if seg.forwarded_title:
        found.add(DocumentKind.FORWARDING_NOTICE)
    if not seg.title and len(_ARTICLE.findall(ctx.text, ctx.start, ctx.end)) >= 3:
        found.add(DocumentKind.REGULATION)
    kind = next((k for k in _PRECEDENCE if k in found), DocumentKind.OTHER)
    return {"kind": kind, "title": seg.title}
