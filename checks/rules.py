"""Eligibility rules of a spec, the forwarded notice's included: the checks' only source of numbers."""
from __future__ import annotations

from models.spec import AwardSpec, EligibilityRule

# Words by which a rule's own sentence says whom it binds.
_KIND_WORDS = {"organization": ("组织", "单位", "企业", "机构"), "individual": ("个人",)}
# Rules about the procedure rather than the applicant: where the notice states one once (often
# after describing individuals), it binds every applicant.
PROCEDURAL = {"publicity_min_working_days", "no_consecutive_application", "reapply_ban_years",
              "single_channel"}


def all_rules(spec: AwardSpec) -> list[EligibilityRule]:
    return list(spec.eligibility) + (all_rules(spec.forwarded) if spec.forwarded else [])


def applies(rule: EligibilityRule, applicant_kind: str | None) -> bool:
    """The rule's scope covers the kind; for procedural rules, so does the rule's own wording
    ("获得过质量奖的组织和个人，不得连续申报"). Applicant rules keep their scope: "组织管理人员…
    10年以上" is about a person, however it reads."""
    if applicant_kind is None or rule.applicant_kind in ("any", applicant_kind):
        return True
    return rule.rule in PROCEDURAL and any(w in rule.text for w in _KIND_WORDS.get(applicant_kind, ()))


def rules(spec: AwardSpec, kind: str, applicant_kind: str | None = None) -> list[EligibilityRule]:
    """Rules of one kind that bind an applicant kind."""
    of_kind = [r for r in all_rules(spec) if r.rule == kind]
    binding = [r for r in of_kind if applies(r, applicant_kind)]
    return binding or (of_kind if kind in PROCEDURAL else [])


def int_value(rule: EligibilityRule) -> int | None:
    if isinstance(rule.value, int):
        return rule.value
    if isinstance(rule.value, str) and rule.value.strip().isdigit():
        return int(rule.value.strip())
    return None
