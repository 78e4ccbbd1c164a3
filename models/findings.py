"""Findings of the completeness check: exactly the JSON of ../shared/eval/PACKETS.md (contract v1)."""
from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field

from models.document import BBox


class FlagCode(str, Enum):
    MISSING_DOCUMENT = "MISSING_DOCUMENT"
    MISSING_FIELD = "MISSING_FIELD"
    MISSING_SEAL = "MISSING_SEAL"
    LATE_SUBMISSION = "LATE_SUBMISSION"
    PUBLICITY_TOO_SHORT = "PUBLICITY_TOO_SHORT"
    INELIGIBLE_OPERATING_YEARS = "INELIGIBLE_OPERATING_YEARS"
    INELIGIBLE_REGION = "INELIGIBLE_REGION"
    INELIGIBLE_CATEGORY = "INELIGIBLE_CATEGORY"
    RECENT_INCIDENT = "RECENT_INCIDENT"
    REAPPLIED_TOO_SOON = "REAPPLIED_TOO_SOON"
    USCC_INVALID = "USCC_INVALID"
    ID_NUMBER_INVALID = "ID_NUMBER_INVALID"
    NAME_MISMATCH = "NAME_MISMATCH"
    DATE_INCONSISTENT = "DATE_INCONSISTENT"
    DUPLICATE_APPLICATION = "DUPLICATE_APPLICATION"
    DUPLICATE_EVIDENCE = "DUPLICATE_EVIDENCE"
    TEXT_LAYER_MISMATCH = "TEXT_LAYER_MISMATCH"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    CREDENTIAL_LEAK = "CREDENTIAL_LEAK"
    UNREADABLE = "UNREADABLE"


Severity = Literal["error", "warning", "info"]


class EvidenceRef(BaseModel):
    source: str
    page: int | None = None
    text: str = ""
    bbox: BBox | None = None


class Flag(BaseModel):
    code: FlagCode
    severity: Severity
    message: str
    evidence: list[EvidenceRef] = Field(default_factory=list)


class ApplicantSummary(BaseModel):
    name: str | None = None
    kind: Literal["organization", "individual"] | None = None
    id_number: str | None = None


class DocumentSummary(BaseModel):
    kind: str
    source: str
    pages: list[int]          # [first, last], 1-based, inclusive


class PacketFindings(BaseModel):
    packet: str
    applicant: ApplicantSummary = Field(default_factory=ApplicantSummary)
    documents: list[DocumentSummary] = Field(default_factory=list)
    complete: bool = True
    flags: list[Flag] = Field(default_factory=list)

    def settle(self) -> "PacketFindings":
        """`complete` is true only when no error-severity flag stands."""
        self.complete = not any(f.severity == "error" for f in self.flags)
        return self
