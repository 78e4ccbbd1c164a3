"""The flat field view of a notice: exactly the keys of ../shared/eval/FIELDS.md (contract v1)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class FieldQuota(BaseModel):
    scope: Literal["award", "submission"]
    category: str
    max: int


class FieldView(BaseModel):
    doc_numbers: list[str] = Field(default_factory=list)
    issue_date: str | None = None
    deadlines: list[str] = Field(default_factory=list)
    quotas: list[FieldQuota] = Field(default_factory=list)
    contact_names: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    postcodes: list[str] = Field(default_factory=list)
    award_names: list[str] = Field(default_factory=list)
    issuers: list[str] = Field(default_factory=list)
    secrets: int = 0
