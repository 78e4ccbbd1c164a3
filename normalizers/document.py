"""Reader Document → NormalizedDocument: the text extractors read, mapped back to lines and boxes."""
from __future__ import annotations

from models.document import Document, Line, LineRole, Origin, Page, Script
from models.text import LineSpan, NormalizedDocument
from normalizers.pipeline import SourceLine, assemble, line_bounds
from normalizers.script import detect_script
from normalizers.tibetan import is_tibetan_line

_FURNITURE = frozenset({LineRole.HEADER, LineRole.FOOTER, LineRole.PAGE_NUMBER})
_BLANK_LINE_ORIGINS = frozenset({Origin.PLAIN_TEXT, Origin.HTML})
# Readers that see the page: their paragraph_start=False means "no gap, no indent here".
_LAYOUT_ORIGINS = frozenset({Origin.TEXT_LAYER, Origin.OCR})
_DOUBLE_SPACED_SHARE = 0.7
LINE_SEPARATOR, PAGE_SEPARATOR = "\n", "\f"


def normalize_document(doc: Document) -> NormalizedDocument:
    """Normalize every page of `doc` in reading order (see `normalizers.pipeline`).

    `original` is the reader lines joined by "\\n", pages by "\\f"; `offsets` maps each
    character of `text` into it, and `lines` says which page, line and box each span is.
    """
    original, spans, sources = _layout(doc)
    script = detect_script(original)
    assembled = assemble(sources, original, script=script)
    for span in spans:
        if span.script == Script.UNKNOWN:
            span.script = script
    return NormalizedDocument.model_construct(
        source=doc.source, sha256=doc.sha256, text=assembled.text.text,
        display_text=assembled.display.text, original=original, offsets=assembled.text.offsets,
        lines=spans, script=script, tibetan_lines=assembled.tibetan_lines)


def _layout(doc: Document) -> tuple[str, list[LineSpan], list[SourceLine]]:
    """Lay the reader lines out as `original`; one SourceLine per text line inside each Line."""
    pieces: list[str] = []
    spans: list[LineSpan] = []
    sources: list[SourceLine] = []
    at = 0
    for page_index, page in enumerate(doc.pages):
        if page_index:
            pieces.append(PAGE_SEPARATOR)
            at += 1
        if not page.lines:
            sources.append(SourceLine(text="", start=at))   # an empty page still has its place
        content = [i for i, line in enumerate(page.lines) if line.text.strip()]
        edges = {content[0], content[-1]} if content else set()
        trust_paragraphs = _paragraph_starts_informative(page)
        # A page break is no evidence of a new paragraph, whatever the reader flagged.
        first_line = next((i for i in content if page.lines[i].role not in _FURNITURE), -1)
        for line_index, line in enumerate(page.lines):
            if line_index:
                pieces.append(LINE_SEPARATOR)
                at += 1
            pieces.append(line.text)
            spans.append(LineSpan(page=page.number, line=line_index, start=at,
                                  end=at + len(line.text), bbox=line.bbox, script=_line_script(line)))
            # A reader line holding a line break is laid out as it is but read as two lines.
            for part_index, (start, end) in enumerate(line_bounds(line.text, base=at)):
                sources.append(SourceLine(
                    text=line.text[start - at:end - at], start=start,
                    paragraph_start=(trust_paragraphs and line.paragraph_start and part_index == 0
                                     and not (page_index and line_index == first_line)),
                    furniture=line.role in _FURNITURE,
                    page_edge=line_index in edges,
                    own_block=line.role == LineRole.TABLE_ROW,
                    layout_continues=(line.origin in _LAYOUT_ORIGINS and not line.paragraph_start
                                      and part_index == 0 and line_index != first_line)))
            at += len(line.text)
    if not doc.pages:
        sources.append(SourceLine(text="", start=0))
    return "".join(pieces), spans, sources


def _paragraph_starts_informative(page: Page) -> bool:
    """Text readers flag a line after a blank line as a paragraph start. A file that puts a
    blank line after every line (copied web pages, converted notices) flags nearly every
    line, broken ones included (`推` / `荐意见`): there the flag says nothing, and the line
    joiner decides alone."""
    body = [line for line in page.lines if line.role not in _FURNITURE and line.text.strip()]
    if len(body) < 4 or any(line.origin not in _BLANK_LINE_ORIGINS for line in body):
        return True
    return sum(line.paragraph_start for line in body) < _DOUBLE_SPACED_SHARE * len(body)


def _line_script(line: Line) -> Script:
    """The reader's script where it knew one; Tibetan by content; else the document's (later)."""
    if line.script != Script.UNKNOWN:
        return line.script
    return Script.TIBETAN if is_tibetan_line(line.text) else Script.UNKNOWN
