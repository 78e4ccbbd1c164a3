"""AwardSpec: everything a reviewer needs from a notice, each value with its provenance.

Rules are data: a check reads "minimum years operating: 5 (3 for new-tech)" from here,
never from a constant for one award.
"""
from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field

from models.provenance import Provenance


class Sourced(BaseModel):
    provenance: Provenance | None = None
    confidence: float = 1.0


class DocumentKind(str, Enum):
    NOTICE = "notice"
    FORWARDING_NOTICE = "forwarding_notice"
    REGULATION = "regulation"          # 管理办法 / 实施细则
    INTERPRETATION = "interpretation"  # 解读, slides
    OTHER = "other"


class TextValue(Sourced):
    value: str


class DateValue(Sourced):
    value: str                         # YYYY-MM-DD
    uncertain: bool = False
    alternatives: list[str] = Field(default_factory=list)


class Quota(Sourced):
    scope: Literal["award", "submission"]
    category: str
    max: int
    per: str | None = None             # who the cap applies to: 每个县(区), 每个推荐单位


class Deadline(Sourced):
    date: str                          # YYYY-MM-DD
    kind: Literal["deadline", "start", "reception"] = "deadline"
    what: str | None = None            # 申报材料, 推荐意见 …
    submitter: str | None = None       # applicant, recommender …
    recipient: str | None = None       # 秘书处, 领导小组办公室 …
    uncertain: bool = False


class Contact(Sourced):
    names: list[str] = Field(default_factory=list)
    department: str | None = None
    phones: list[str] = Field(default_factory=list)
    faxes: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    address: str | None = None
    postcode: str | None = None


RuleKind = Literal[
    "region",                      # value: region name the applicant must be registered in
    "legal_form",                  # value: text of the admitted legal forms
    "min_years_operating",         # value: int years; `alt_value` for new-tech organizations
    "no_incidents_within_years",   # value: int look-back years
    "admitted_categories",         # value: list[str]
    "reapply_ban_years",           # value: int years after winning
    "no_consecutive_application",
    "single_channel",
    "publicity_min_working_days",  # value: int
]


class EligibilityRule(Sourced):
    applicant_kind: Literal["organization", "individual", "any"] = "any"
    rule: RuleKind
    value: int | str | list[str] | None = None
    alt_value: int | None = None
    alt_condition: str | None = None
    text: str = ""


class Material(Sourced):
    name: str
    copies: int | None = None
    formats: list[str] = Field(default_factory=list)   # 纸质, Word, PDF, U盘 …
    required: bool = True
    document_kind: str | None = None   # the packet document kind that satisfies it


class Attachment(Sourced):
    number: int | None = None
    title: str


class ProcedureStep(Sourced):
    order: int
    title: str
    text: str = ""


class Secret(Sourced):
    kind: str                          # password, access_code, api_key
    redacted: str                      # the evidence with the secret masked


class AwardSpec(BaseModel):
    document: str
    sha256: str | None = None
    kind: DocumentKind = DocumentKind.OTHER
    title: str | None = None
    doc_numbers: list[TextValue] = Field(default_factory=list)
    issuers: list[TextValue] = Field(default_factory=list)
    issue_date: DateValue | None = None
    publication_date: DateValue | None = None
    award_names: list[TextValue] = Field(default_factory=list)
    edition: TextValue | None = None
    categories: list[TextValue] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    eligibility: list[EligibilityRule] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    procedure: list[ProcedureStep] = Field(default_factory=list)
    evaluation_standards: list[TextValue] = Field(default_factory=list)
    region: TextValue | None = None
    secrets: list[Secret] = Field(default_factory=list)
    forwarded: AwardSpec | None = None
    script: str | None = None          # script the notice was written in
    versions: dict[str, str] = Field(default_factory=dict)   # component → version
