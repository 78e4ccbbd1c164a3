"""NormalizedDocument → AwardSpec: run the pipeline per notice segment, nest the forwarded one."""
from __future__ import annotations

from extractors.spec.components.awards import award_name
from extractors.spec.components.issuers import forwarded_issuer
from extractors.spec.context import NoticeContext
from extractors.spec.layout import Segment, segments
from extractors.spec.pipeline import COMPONENT_VERSIONS, run
from extractors.spec.secrets import redact
from models.spec import AwardSpec, DocumentKind, TextValue
from models.text import NormalizedDocument

_FIELDS = ("kind", "title", "doc_numbers", "issuers", "issue_date", "publication_date", "award_names",
           "edition", "categories", "quotas", "deadlines", "contacts", "eligibility", "materials",
           "attachments", "procedure", "evaluation_standards", "region", "secrets")


def _spec(ndoc: NormalizedDocument, found: dict) -> AwardSpec:
    values = {k: found[k] for k in _FIELDS if found.get(k) is not None}
    return AwardSpec(document=ndoc.source, sha256=ndoc.sha256, script=ndoc.script.value,
                     versions=dict(COMPONENT_VERSIONS), **values)


def _named_only(ndoc: NormalizedDocument, ctx: NoticeContext, title: str) -> AwardSpec:
    """The forwarded notice when only its title is in the text (not the notice itself)."""
    names = [n for n in (award_name(title[: i + 1]) for i, ch in enumerate(title) if ch == "奖") if n]
    awards = [TextValue(value=n, confidence=0.7) for n in dict.fromkeys(names)]
    return AwardSpec(document=ndoc.source, sha256=ndoc.sha256, kind=DocumentKind.NOTICE, title=title,
                     issuers=forwarded_issuer(ctx, title), award_names=awards,
                     versions=dict(COMPONENT_VERSIONS))


def _redacted(spec: AwardSpec) -> AwardSpec:
    """Credentials masked in every string the spec carries (evidence texts included)."""
    def scrub(value):
        if isinstance(value, str):
            return redact(value)
        if isinstance(value, list):
            return [scrub(v) for v in value]
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items()}
        return value
    return AwardSpec.model_validate(scrub(spec.model_dump()))


def extract_spec(ndoc: NormalizedDocument) -> AwardSpec:
    """Every field of the award spec a notice gives, each with provenance and confidence."""
    chain: list[Segment] = segments(ndoc.text)
    specs, year = [], None
    for seg in chain:
        ctx = NoticeContext(ndoc, seg, fallback_year=year)
        found = run(ctx)
        year = found.get("year") or year
        spec = _spec(ndoc, found)
        if seg is chain[-1] and seg.forwarded_title:
            spec.forwarded = _named_only(ndoc, ctx, seg.forwarded_title)
        specs.append(spec)
    for outer, inner in zip(specs, specs[1:]):
        outer.forwarded = inner
    for spec in specs:
        if spec.forwarded is not None:
            spec.kind = DocumentKind.FORWARDING_NOTICE
    return _redacted(specs[0])
