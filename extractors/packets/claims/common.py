"""Shared pieces of claim readers: a document's rows, claims with provenance, dates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.packet import Claim
from models.provenance import Provenance
from normalizers.dates import find_dates, find_ranges

from extractors.packets.rows import Cell, Row

# Characters of a cell text that only decorate it: colons, brackets around 盖章, spaces.
_LABEL_TRIM = re.compile(r"[:：\s]+$")


@dataclass
class DocRows:
    """The rows of one packet document: what every claim reader takes."""
    source: str                        # file name inside the packet
    rows: list[Row]

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.rows)


def claim(doc: DocRows, field: str, value, row: Row | None = None, cell: Cell | None = None,
          evidence: str | None = None, confidence: float = 1.0) -> Claim:
    bbox = cell.bbox if cell is not None and cell.bbox else (row.bbox if row else None)
    text = evidence if evidence is not None else (cell.text if cell else (row.text if row else ""))
    prov = Provenance(document=doc.source, page=row.page if row else None, bbox=bbox, text=text)
    return Claim(field=field, value=value, provenance=prov, confidence=confidence)


def iso_date(text: str) -> str | None:
    """The first complete date in `text` as YYYY-MM-DD."""
    for d in find_dates(text):
        if d.iso:
            return d.iso
    return None


def dates_in(text: str) -> list[str]:
    return [d.iso for d in find_dates(text) if d.iso]


def first_range(text: str) -> tuple[str, str] | None:
    for r in find_ranges(text):
        if r.start.iso and r.end.iso:
            return r.start.iso, r.end.iso
    return None


def trim_label(text: str) -> str:
    return _LABEL_TRIM.sub("", text)


def last_date_row(doc: DocRows) -> tuple[str, Row] | None:
    """The last complete date standing on its own near the end: the signature date."""
    for row in reversed(doc.rows):
        if len(row.text) > 40:
            continue
        found = dates_in(row.text)
        if found:
            return found[-1], row
    return None


def sentences(doc: DocRows) -> list[tuple[str, Row]]:
    """Body text cut at 。；!, each piece with the first row it starts in. A short row without
    sentence punctuation (a title, a signature line) stands alone."""
    out: list[tuple[str, Row]] = []
    buf, first = "", None
    for row in doc.rows:
        if len(row.text) <= 30 and not re.search(r"[，,。；;!！]", row.text):
            if buf:
                out.append((buf, first))
            out.append((row.text, row))
            buf, first = "", None
            continue
        for piece in re.split(r"(?<=[。；!！])", row.text):
            if not piece:
                continue
            if first is None:
                first = row
            buf += piece
            if re.search(r"[。；!！]$", piece):
                out.append((buf, first))
                buf, first = "", None
    if buf and first is not None:
        out.append((buf, first))
    return out
