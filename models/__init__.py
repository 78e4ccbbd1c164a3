"""Typed vocabulary shared by every stage: readers, normalizers, extractors, checks, pipelines.

Nothing passes raw dicts between stages; every extracted value carries a `Provenance` that
points back to document, page, character span and (where the page has geometry) box.
"""
from models.document import BBox, Document, Line, LineRole, Origin, Page, Script
from models.provenance import Extracted, Provenance
from models.errors import ErrorCode, ErrorRecord, IntakeError

__all__ = [
    "BBox", "Document", "Line", "LineRole", "Origin", "Page", "Script",
    "Extracted", "Provenance", "ErrorCode", "ErrorRecord", "IntakeError",
]
