"""What every field component reads: one notice (segment) of a normalized document."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractors.spec.layout import Segment, TextLine
from models.provenance import Provenance
from normalizers.script import to_simplified
from normalizers.width import fold_width
from models.text import NormalizedDocument


@dataclass
class NoticeContext:
    ndoc: NormalizedDocument
    segment: Segment
    # Results of earlier components that later ones build on (issue date → year, …).
    found: dict[str, object] = field(default_factory=dict)
    fallback_year: int | None = None      # the outer notice's year, for a forwarded one
    doc: Doc | None = None                # the segment's spaCy Doc (jieba tokens), for matchers

    @property
    def text(self) -> str:
        return self.ndoc.text

    @property
    def start(self) -> int:
        return self.segment.start

    @property
    def end(self) -> int:
        return self.segment.end

    @property
    def lines(self) -> tuple[TextLine, ...]:
        return self.segment.lines

    def prov(self, start: int, end: int) -> Provenance:
        return self.ndoc.provenance(start, end)

    def original(self, start: int, end: int) -> str:
        """The reader text behind text[start:end] with its spacing kept (in Simplified):
        `朗 杰  王 五` tells two names apart where the normalized `朗杰王五` cannot."""
        offsets = self.ndoc.offsets
        if len(offsets) <= end:
            return self.text[start:end]
        raw = self.ndoc.original[offsets[start]:offsets[end]]
        try:
            return to_simplified(fold_width(raw))
        except ValueError:
            return raw
