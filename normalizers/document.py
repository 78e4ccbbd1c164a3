"""Reader Document → NormalizedDocument: the text extractors read, mapped back to lines and boxes."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from models.document import Document, Line, LineRole, Origin, Page, Script
from models.text import LineSpan, NormalizedDocument
from normalizers.lines import running_marks, running_marks_between_page_numbers
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


@dataclass(frozen=True, slots=True)
class _PageFacts:
    """What the join and furniture decisions need to know about a reader page."""
    edges: frozenset[int]            # first and last non-blank lines
    first_body: int                  # first non-blank, non-furniture line (-1: none)
    trust_paragraph_starts: bool     # the reader's flags say something on this page
    marks_paragraphs: bool           # the reader flags paragraph starts here at all

    @classmethod
    def of(cls, page: Page) -> "_PageFacts":
        content = [i for i, line in enumerate(page.lines) if line.text.strip()]
        first_body = next((i for i in content if page.lines[i].role not in _FURNITURE), -1)
        return cls(
            edges=frozenset({content[0], content[-1]} if content else ()),
            first_body=first_body,
            trust_paragraph_starts=_paragraph_starts_informative(page),
            marks_paragraphs=any(line.paragraph_start for i, line in enumerate(page.lines)
                                 if i != first_body))


def _layout(doc: Document) -> tuple[str, list[LineSpan], list[SourceLine]]:
    """Lay the reader lines out as `original` and read it back as SourceLines: one per line
    break-separated piece, each with the flags of the reader line it lies in."""
    pieces: list[str] = []
    spans: list[LineSpan] = []
    owners: list[tuple[int, int, Line, _PageFacts]] = []
    at = 0
    for page_index, page in enumerate(doc.pages):
        if page_index:
            pieces.append(PAGE_SEPARATOR)
            at += 1
        facts = _PageFacts.of(page)
        for line_index, line in enumerate(page.lines):
            if line_index:
                pieces.append(LINE_SEPARATOR)
                at += 1
            pieces.append(line.text)
            spans.append(LineSpan(page=page.number, line=line_index, start=at,
                                  end=at + len(line.text), bbox=line.bbox, script=_line_script(line)))
            owners.append((page_index, line_index, line, facts))
            at += len(line.text)
    original = "".join(pieces)
    # Running marks by repetition, where the reader left every line a body line.
    repeated: set[tuple[int, int]] = set()
    if all(line.role == LineRole.BODY for page in doc.pages for line in page.lines):
        repeated = running_marks([[line.text for line in page.lines] for page in doc.pages])
        if len(doc.pages) == 1:
            repeated = {(0, i) for i in running_marks_between_page_numbers([line.text for line in doc.pages[0].lines])}
    starts = [span.start for span in spans]
    sources: list[SourceLine] = []
    for start, end in line_bounds(original):
        owner = bisect_right(starts, start) - 1
        if owner < 0:
            sources.append(SourceLine(original[start:end], start))
            continue
        page_index, line_index, line, facts = owners[owner]
        # A reader line holding a line break is read as two lines; flags go with the first.
        first_part = start == spans[owner].start
        # A page break is no evidence of a new paragraph, whatever the reader flagged.
        page_top = page_index > 0 and line_index == facts.first_body
        sources.append(SourceLine(
            text=original[start:end], start=start,
            paragraph_start=(facts.trust_paragraph_starts and line.paragraph_start and first_part
                             and not page_top),
            furniture=line.role in _FURNITURE or (page_index, line_index) in repeated,
            page_edge=line_index in facts.edges,
            own_block=line.role == LineRole.TABLE_ROW,
            layout_continues=(facts.marks_paragraphs and line.origin in _LAYOUT_ORIGINS
                              and not line.paragraph_start and first_part
                              and line_index != facts.first_body)))
    return original, spans, sources


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
