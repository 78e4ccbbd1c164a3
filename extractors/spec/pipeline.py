"""The spec pipeline: blank spaCy `zh` (jieba segmenter) plus one component per field family.

Each component module declares NAME, VERSION, REQUIRES and ASSIGNS and a pure
`extract(NoticeContext) -> dict`; here they become spaCy components whose declared inputs and
outputs are `doc._.spec_<field>` extensions, so `nlp.analyze_pipes()` checks the order.
The pipeline runs once per notice segment (a forwarding notice and the notice it forwards).
"""
from __future__ import annotations

import hashlib
import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.spec.components import (awards, contacts, dates, deadlines, doc_kind, doc_numbers,
                                        eligibility, issuers, materials, quotas, secrets)
from extractors.spec.context import NoticeContext

LAYOUT_VERSION = "5"
COMPONENTS = (doc_kind, doc_numbers, dates, issuers, awards, quotas, deadlines, contacts,
              eligibility, materials, secrets)
COMPONENT_VERSIONS: dict[str, str] = {"layout": LAYOUT_VERSION, **{m.NAME: m.VERSION for m in COMPONENTS}}
SPEC_VERSION = "spec-" + hashlib.sha1(
    repr(sorted(COMPONENT_VERSIONS.items())).encode()).hexdigest()[:10]


def _extension(field: str) -> str:
    return f"spec_{field}"


def _register(module) -> None:
    if module.NAME in Language.factories:
        return
    for field in module.ASSIGNS:
        if not Doc.has_extension(_extension(field)):
            Doc.set_extension(_extension(field), default=None)

    def component(doc: Doc) -> Doc:
        ctx: NoticeContext = doc._.notice
        for field, value in module.extract(ctx).items():
            ctx.found[field] = value
            doc._.set(_extension(field), value)
        return doc

    Language.component(module.NAME, func=component,
                       requires=[f"doc._.{_extension(f)}" for f in module.REQUIRES],
                       assigns=[f"doc._.{_extension(f)}" for f in module.ASSIGNS])


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """Built once per process (≈1 s); jieba loads its dictionary on first use."""
    if not Doc.has_extension("notice"):
        Doc.set_extension("notice", default=None)
    # jieba announces loading its dictionary on stderr at DEBUG; stderr is for error records.
    import jieba
    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for module in COMPONENTS:
        _register(module)
        nlp.add_pipe(module.NAME)
    return nlp


def run(ctx: NoticeContext) -> dict[str, object]:
    """Every field of one notice segment, as the components left them."""
    nlp = build_nlp()
    doc = nlp.make_doc(ctx.text[ctx.start:ctx.end])
    doc._.notice = ctx
    ctx.doc = doc
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return ctx.found
