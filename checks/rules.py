"""Eligibility rules of a spec, the forwarded notice's included: the checks' only source of numbers."""
from __future__ import annotations

from models.spec import AwardSpec, EligibilityRule


def all_rules(spec: AwardSpec) -> list[EligibilityRule]:
    return list(spec.eligibility) + (all_rules(spec.forwarded) if spec.forwarded else [])


def rules(spec: AwardSpec, kind: str, applicant_kind: str | None = None) -> list[EligibilityRule]:
    """Rules of one kind that apply to an applicant kind (rules for "any" always apply)."""
    return [r for r in all_rules(spec) if r.rule == kind
            and (applicant_kind is None or r.applicant_kind in ("any", applicant_kind))]


def int_value(rule: EligibilityRule) -> int | None:
    if isinstance(rule.value, int):
        return rule.value
    if isinstance(rule.value, str) and rule.value.strip().isdigit():
        return int(rule.value.strip())
    return None
