"""Normalized text of a document, with a map back to the lines (and boxes) it came from."""
from __future__ import annotations

from bisect import bisect_right

from pydantic import BaseModel, Field

from models.document import BBox, Script
from models.provenance import Provenance


class LineSpan(BaseModel):
    """Where one reader Line sits in `NormalizedDocument.original`."""
    page: int
    line: int                  # index in Page.lines
    start: int
    end: int
    bbox: BBox | None = None
    script: Script = Script.UNKNOWN


class NormalizedDocument(BaseModel):
    source: str
    sha256: str
    # What the Chinese extractors read: Simplified, repaired, Tibetan-script lines left out.
    text: str
    # What a person reads (`award-intake text`): the same, Tibetan lines kept in place.
    display_text: str
    # Reader lines joined by "\n" (pages by "\f") before any normalization.
    original: str
    # offsets[i] = index in `original` of the character text[i] came from; len(text) + 1 entries.
    offsets: list[int]
    lines: list[LineSpan] = Field(default_factory=list)
    script: Script = Script.UNKNOWN          # script the document was written in
    tibetan_lines: list[str] = Field(default_factory=list)

    def provenance(self, start: int, end: int) -> Provenance:
        """Provenance of text[start:end]: page, span in `text`, and the box of its first line."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        page, bbox = None, None
        if self.lines and self.offsets:
            orig = self.offsets[start]
            starts = [ls.start for ls in self.lines]
            idx = max(0, bisect_right(starts, orig) - 1)
            page, bbox = self.lines[idx].page, self.lines[idx].bbox
        return Provenance(document=self.source, page=page, start=start, end=end,
                          bbox=bbox, text=self.text[start:end])
