"""Where a value came from, precise enough for a reviewer to click through to it."""
from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel

from models.document import BBox

T = TypeVar("T")


class Provenance(BaseModel):
    document: str                  # Document.source
    page: int | None = None        # 1-based
    start: int | None = None       # character span in the document's normalized text
    end: int | None = None
    bbox: BBox | None = None       # on `page`, in the page's unit
    text: str = ""                 # the evidence as it reads in the normalized text


class Extracted(BaseModel, Generic[T]):
    value: T
    provenance: Provenance | None = None
    confidence: float = 1.0
