"""Word .docx: paragraphs and tables in document order; a table row becomes one TAB-joined line.

python-docx reads the package's XML only: external links, linked images and macros are never
followed or run.
"""
from __future__ import annotations

import io

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from models import Line, LineRole, Origin, Page


def read_docx_pages(data: bytes) -> list[Page]:
    doc = open_docx(io.BytesIO(data))
    lines: list[Line] = []
    for section in doc.sections[:1]:
        for paragraph in section.header.paragraphs:
            if paragraph.text.strip():
                lines.append(Line(text=paragraph.text.strip(), origin=Origin.DOCX,
                                  role=LineRole.HEADER, paragraph_start=True))
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(_paragraph_lines(block))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    for section in doc.sections[:1]:
        for paragraph in section.footer.paragraphs:
            if paragraph.text.strip():
                lines.append(Line(text=paragraph.text.strip(), origin=Origin.DOCX,
                                  role=LineRole.FOOTER, paragraph_start=True))
    return [Page(number=1, origin=Origin.DOCX, lines=lines)]


def _paragraph_lines(paragraph: Paragraph) -> list[Line]:
    # A soft line break inside a paragraph is a line of its own, but not a new paragraph.
    parts = [p.strip() for p in paragraph.text.split("\n")]
    return [Line(text=part, origin=Origin.DOCX, paragraph_start=(i == 0))
            for i, part in enumerate(parts) if part]


def _table_lines(table: Table) -> list[Line]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen = set()
        for cell in row.cells:
            # Merged cells repeat the same underlying element once per grid column.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append(Line(text="\t".join(cells), origin=Origin.DOCX,
                              role=LineRole.TABLE_ROW, paragraph_start=True))
    return lines
