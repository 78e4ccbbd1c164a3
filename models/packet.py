"""Application packets: the documents an applicant sent and the claims read from them."""
from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field

from models.provenance import Provenance


class PacketDocKind(str, Enum):
    APPLICATION_FORM = "application_form"
    SELF_ASSESSMENT = "self_assessment"
    EVIDENCE = "evidence"
    PUBLICITY_PROOF = "publicity_proof"
    RECOMMENDATION = "recommendation"
    COVER_LETTER = "cover_letter"
    OTHER = "other"


class Claim(BaseModel):
    """One value the applicant states, e.g. field="founding_date", value="2015-03-02"."""
    field: str
    value: str | int | bool | list[str] | None
    provenance: Provenance | None = None
    confidence: float = 1.0


class SealMark(BaseModel):
    source: str
    page: int
    bbox: tuple[float, float, float, float] | None = None
    text: str = ""                 # text read around the impression, where OCR could
    score: float = 1.0


class PacketDocument(BaseModel):
    kind: PacketDocKind
    source: str                    # file name inside the packet
    pages: list[int]               # [first, last], 1-based, inclusive, within `source`
    copies: int = 1                # 纸质一式三份 → 3, duplicates dropped
    claims: list[Claim] = Field(default_factory=list)
    seals: list[SealMark] = Field(default_factory=list)
    # How the pages were read ("docx", "text_layer", "ocr", …) and what they say, normalized,
    # pages joined by "\f": text checks (credentials, names) read this, not the files again.
    origin: str | None = None
    text: str = ""
    title: str = ""                # the heading the classifier saw, e.g. "公示情况说明"

    def claim(self, field: str) -> Claim | None:
        return next((c for c in self.claims if c.field == field), None)


class Packet(BaseModel):
    name: str                      # folder name or the envelope PDF's stem
    path: str
    applicant_kind: Literal["organization", "individual"] | None = None
    documents: list[PacketDocument] = Field(default_factory=list)
    unreadable: list[str] = Field(default_factory=list)   # files that could not be read
    pages_read: int = 0

    def of_kind(self, kind: PacketDocKind) -> list[PacketDocument]:
        return [d for d in self.documents if d.kind == kind]

    def claims(self, field: str) -> list[Claim]:
        """Every claim named `field`, across documents, in document order."""
        return [c for d in self.documents for c in d.claims if c.field == field]
