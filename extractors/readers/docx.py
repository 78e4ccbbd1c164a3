"""Word .docx: paragraphs and tables in document order; a table row becomes one TAB-joined line.

python-docx reads the package's XML only: external links, linked images and macros are never
followed or run, and its XML parser does not resolve entities (no XXE, no billion laughs).
"""
from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from models import Line, LineRole, Origin, Page


_PLAIN_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Same body XML as a .docx; python-docx refuses them by content type alone.
_OTHER_MAINS = (b"application/vnd.ms-word.document.macroEnabled.main+xml",
                b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")


def read_docx_pages(data: bytes) -> list[Page]:
    doc = open_docx(io.BytesIO(_as_plain_docx(data)))
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


def _as_plain_docx(data: bytes) -> bytes:
    """A macro-enabled document (.docm) or a template (.dotx/.dotm) relabelled as a plain
    document, so its text can be read; the macros stay inert bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        types = src.read("[Content_Types].xml")
        if not any(main in types for main in _OTHER_MAINS):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                body = src.read(info)
                if info.filename == "[Content_Types].xml":
                    for main in _OTHER_MAINS:
                        body = body.replace(main, _PLAIN_MAIN)
                dst.writestr(info, body)
    return out.getvalue()


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
