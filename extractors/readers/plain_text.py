"""Plain .txt: one Line per text line; a form feed starts a new page."""
from __future__ import annotations

from models import Line, Origin, Page

from extractors.readers.sniff import decode_text


def read_text_pages(data: bytes) -> list[Page]:
    return text_to_pages(decode_text(data) or "", Origin.PLAIN_TEXT)


def text_to_pages(text: str, origin: Origin) -> list[Page]:
    pages = []
    for number, chunk in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\f"), 1):
        lines, after_blank = [], True
        for raw in chunk.split("\n"):
            stripped = raw.strip()
            if not stripped:
                after_blank = True
                continue
            lines.append(Line(text=stripped, origin=origin, paragraph_start=after_blank))
            after_blank = False
        pages.append(Page(number=number, origin=origin, lines=lines))
    return pages
