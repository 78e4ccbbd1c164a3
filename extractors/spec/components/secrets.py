"""Exposed credentials: counted and flagged; the spec keeps only masked evidence."""
from __future__ import annotations

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import sentence_bounds
from extractors.spec.secrets import find_secrets, redact
from models.spec import Secret

NAME = "spec_secrets"
VERSION = "4"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("secrets",)


def extract(ctx: NoticeContext) -> dict:
    found = []
    segment_text = ctx.text[ctx.start:ctx.end]
    seen: set[str] = set()
    for start, end, kind in find_secrets(segment_text):
        # One credential printed twice (`?pwd=fk24` … `提取码：fk24`) is one exposed.
        if segment_text[start:end] in seen:
            continue
        seen.add(segment_text[start:end])
        s, e = sentence_bounds(ctx.text, ctx.start + start, ctx.start, ctx.end)
        prov = ctx.prov(s, e)
        prov.text = redact(prov.text)
        found.append(Secret(kind=kind, redacted=prov.text, provenance=prov))
    return {"secrets": found}
