"""Hand-made packet pages: Word-like table rows, or laid-out pages read as a perfect OCR would."""
from __future__ import annotations

import hashlib

from models import Document, Line, LineRole, Origin, Page
from sample_docs.generator.packet_render import PT_TO_MM, TextOp, layout, text_width_mm

PX_PER_MM = 150 / 25.4


def docx_doc(rows: list[list[str] | str], source: str = "form.docx") -> Document:
    """One page as the .docx reader gives it: a table row is one TAB-joined line."""
    lines = [Line(text="\t".join(r), role=LineRole.TABLE_ROW, origin=Origin.DOCX)
             if isinstance(r, list) else Line(text=r, origin=Origin.DOCX) for r in rows]
    return Document(source=source, sha256=hashlib.sha256(repr(rows).encode()).hexdigest(),
                    media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    pages=[Page(number=1, origin=Origin.DOCX, lines=lines)])


def ocr_page(number: int, laid) -> Page:
    k = PX_PER_MM
    lines = []
    for op in laid.ops:
        if isinstance(op, TextOp) and op.text.strip():
            w = text_width_mm(op.text, op.size)
            h = op.size * PT_TO_MM
            lines.append(Line(text=op.text, bbox=(op.x * k, op.y * k, (op.x + w) * k, (op.y + h) * k),
                              confidence=0.98, origin=Origin.OCR))
    return Page(number=number, width=210 * k, height=297 * k, unit="px", origin=Origin.OCR, lines=lines)


def ocr_doc(*block_lists, source: str = "scan.pdf") -> Document:
    """Blocks laid out on A4 pages (each list starts a new page), with one box per text line."""
    pages = []
    for blocks in block_lists:
        for laid in layout(blocks):
            pages.append(ocr_page(len(pages) + 1, laid))
    return Document(source=source, sha256=hashlib.sha256(repr(block_lists).encode()).hexdigest(),
                    media_type="application/pdf", pages=pages)
