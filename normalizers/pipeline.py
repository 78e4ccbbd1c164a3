"""The normalization order, applied to reader lines, with the offset map kept end to end.

Characters (each step sees the previous step's output; all work within lines):
  1. width        full-width digits/Latin/number symbols → half-width   (same length)
  2. script       Traditional → Simplified where the line has Traditional (same length)
  3. punctuation  consistent Chinese punctuation, 〔〕 in document numbers (same length)
  4. spacing      spaces inside Chinese removed                          (deletions)
Lines:
  5. furniture    running headers/footers, page numbers (`— 6 —`) dropped
  6. paragraphs   lines a page or window broke are rejoined; other line ends become "\n"
  7. tibetan      Tibetan-script lines kept in the display text, left out of the Chinese view
  8. settle       steps 3–4 again where a rejoin brought new neighbours together
Steps 1–3 never change the length, so the character map comes from step 4 alone; steps
5–8 carry each line's slice of that map into the output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from models.document import Script
from normalizers.lines import (continues, is_bare_page_number, is_page_mark, joiner, running_marks,
                               running_marks_between_page_numbers)
from normalizers.ocr_digits import repair_digit_lookalikes
from normalizers.offsets import Mapped
from normalizers.punctuation import unify_punctuation
from normalizers.script import (detect_script, needs_conversion, strays_to_simplified, to_simplified,
                                traditional_count)
from normalizers.spacing import remove_spaces
from normalizers.tibetan import has_tibetan, is_tibetan_line, strip_tibetan
from normalizers.width import fold_width

# Each of these characters ends a line (a CRLF leaves an empty line between, which is
# skipped): spacing may bring "\r" and "\n" together, and the split must not change.
LINE_BREAK = re.compile(r"[\r\n\f]")
# How much of a paragraph the join decision needs to see: its start (for a heading
# marker) and its recent end (open brackets, clause punctuation).
_HEAD, _TAIL = 40, 400


def normalize_line(text: str, *, script: Script = Script.HANS) -> Mapped:
    """Steps 1–4 on one line; offsets index into `text`."""
    return normalize_characters(text, script=script)


def normalize_characters(text: str, *, script: Script) -> Mapped:
    """Steps 1–4 on a whole text at once (each step works within lines; one call instead of
    one per line is what makes normalizing fast). Line breaks are never removed or added."""
    folded = fold_width(text)
    if traditional_count(folded):
        folded = _to_simplified_by_line(folded, script)
    return remove_spaces(unify_punctuation(repair_digit_lookalikes(folded)))


def _to_simplified_by_line(text: str, script: Script) -> str:
    if script == Script.HANT:
        return to_simplified(text)
    pieces = LINE_BREAK.split(text)
    breaks = LINE_BREAK.findall(text)
    converted = [to_simplified(p) if needs_conversion(p, document_script=script) else strays_to_simplified(p)
                 for p in pieces]
    return "".join(x for pair in zip(converted, [*breaks, ""]) for x in pair)


def line_bounds(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line of `text`, split as `LINE_BREAK` splits, shifted by `base`."""
    bounds, start = [], 0
    for match in LINE_BREAK.finditer(text):
        bounds.append((base + start, base + match.start()))
        start = match.end()
    bounds.append((base + start, base + len(text)))
    return bounds


@dataclass(frozen=True, slots=True)
class SourceLine:
    text: str                       # as the reader gave it, without line breaks
    start: int                      # index of text[0] in the original
    paragraph_start: bool = False   # the reader knows a paragraph starts here
    furniture: bool = False         # header, footer or page number by the reader's role
    page_edge: bool = False         # first or last non-blank line of its page
    own_block: bool = False         # a table row: never joined with its neighbours
    layout_continues: bool = False  # page geometry (PDF, OCR) says it continues the line before


@dataclass(frozen=True, slots=True)
class Assembled:
    text: Mapped                    # Chinese view, offsets into the original
    display: Mapped                 # with Tibetan lines in place
    tibetan_lines: list[str]


# A join can complete what a line could not settle alone: an ASCII pair or mark anywhere in
# the joined pieces (`"质量` + `协会"`), or a document number's bracket at the seam.
_UNSETTLED = frozenset(',;:!?()"\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63')
_AT_SEAM = frozenset("（）[]【】﹝﹞［］〖〗〔〕号第 -")


class _Output:
    """One output text written paragraph by paragraph, with its offsets. A paragraph that a
    join may have left unsettled is settled on its own when it ends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.paragraph = ""          # head and tail of the current paragraph, for decisions
        self._pieces: list[str] = []  # the current paragraph as written so far
        self._piece_offsets: list[int] = []
        self._unsettled = False
        self.closed = True           # the next line must start a new paragraph

    @property
    def can_join(self) -> bool:
        return bool(self._pieces) and not self.closed

    def add(self, line: Mapped, gap_at: int, *, joined: bool) -> None:
        if joined:
            separator = joiner(self.paragraph, line.text)
            if (not _UNSETTLED.isdisjoint(line.text) or not _UNSETTLED.isdisjoint(self.paragraph)
                    or not _AT_SEAM.isdisjoint(self.paragraph[-3:] + line.text[:3])):
                self._unsettled = True
            self._pieces.append(separator)
            self._piece_offsets.extend([gap_at] * len(separator))
            paragraph = self.paragraph + line.text
            if self._unsettled:
                # Decide the next join on the text as settling will leave it (`质,` is `质，`),
                # or a second normalization would join what the first left apart.
                paragraph = unify_punctuation(paragraph)
        else:
            if self._pieces:
                self._flush()
                self.parts.append("\n")
                self.offsets.append(gap_at)
            paragraph = line.text
        self._pieces.append(line.text)
        self._piece_offsets.extend(line.offsets[:-1])
        if len(paragraph) > _HEAD + _TAIL:
            paragraph = paragraph[:_HEAD] + paragraph[-_TAIL:]
        self.paragraph, self.closed = paragraph, False

    def close(self) -> None:
        self.closed = True

    def _flush(self) -> None:
        text = "".join(self._pieces)
        if self._unsettled:
            settled = _settle(Mapped(text, [*self._piece_offsets, self._piece_offsets[-1] + 1]))
            text, offsets = settled.text, settled.offsets[:-1]
        else:
            offsets = self._piece_offsets
        self.parts.append(text)
        self.offsets.extend(offsets)
        self._pieces, self._piece_offsets, self._unsettled = [], [], False

    def build(self, original_length: int) -> Mapped:
        if self._pieces:
            self._flush()
        return Mapped("".join(self.parts), [*self.offsets, original_length])


def assemble(lines: list[SourceLine], original: str, *, script: Script) -> Assembled:
    """Steps 1–8 over reader lines laid out in `original` (each line at its `start`,
    separated by line breaks as `LINE_BREAK` knows them)."""
    normalized = normalize_characters(original, script=script)
    bounds = line_bounds(normalized.text)
    if len(bounds) != len(lines):
        raise ValueError("source lines do not match the line breaks of the original")
    chinese, display = _Output(), _Output()
    tibetan_lines: list[str] = []
    for line, (start, end) in zip(lines, bounds):
        if line.furniture or start == end:
            continue
        text = normalized.text[start:end]
        if is_page_mark(text) or (line.page_edge and is_bare_page_number(text)):
            continue
        mapped = Mapped(text, normalized.offsets[start:end + 1])
        gap_at = max(line.start - 1, 0)
        tibetan = has_tibetan(text)
        # The Chinese view reads as if the Tibetan were not there (a second pass sees the same
        # neighbours); what else a Tibetan line holds (an e-mail address) stays in it.
        chinese_line = _without_tibetan(mapped) if tibetan else mapped
        joined = False
        if chinese_line.text:
            joined = _joins(chinese, chinese_line.text, line)
            chinese.add(chinese_line, gap_at, joined=joined)
        if tibetan and is_tibetan_line(text):
            tibetan_lines.append(text)
            display.close()
            display.add(mapped, gap_at, joined=False)
            display.close()
        else:
            if not chinese_line.text:
                joined = _joins(display, text, line)
            display.add(mapped, gap_at, joined=joined and display.can_join)
        if line.own_block:
            chinese.close()
            display.close()
    return Assembled(chinese.build(len(original)), display.build(len(original)),
                     tibetan_lines)


def _joins(output: _Output, text: str, line: SourceLine) -> bool:
    return (not line.own_block and output.can_join
            and continues(output.paragraph, text, paragraph_start=line.paragraph_start,
                          layout_continues=line.layout_continues))


def _settle(text: Mapped) -> Mapped:
    """Steps 3–4 once more over the joined text: a rejoined line break brings new
    neighbours together (`,` + `，`), and a second normalization must find nothing to do."""
    punctuated = Mapped(unify_punctuation(text.text), text.offsets)
    return punctuated.then(remove_spaces(punctuated.text))


def _without_tibetan(line: Mapped) -> Mapped:
    stripped = line.then(strip_tibetan(line.text))
    # Chinese that stood next to Tibetan now has new neighbours: punctuation and spacing again.
    stripped = Mapped(unify_punctuation(stripped.text), stripped.offsets)
    return stripped.then(remove_spaces(stripped.text))


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text with a map back into the text it was made from."""
    text: str                       # Chinese view: what extractors read
    original: str
    offsets: list[int]              # len(text) + 1 entries, offsets[i] = index in original
    script: Script                  # script the input was written in (HANT or HANS)
    display_text: str = ""          # the same with Tibetan-script lines in place
    display_offsets: list[int] = field(default_factory=list)
    tibetan_lines: list[str] = field(default_factory=list)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] came from in the original: from its first character's
        origin to just after its last one's (not into whatever was dropped after it)."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize_text(text: str) -> NormalizedText:
    """Normalize a plain string (one document, pages separated by form feeds)."""
    script = detect_script(text)
    lines = source_lines(text)
    assembled = assemble(lines, text, script=script)
    return NormalizedText(
        text=assembled.text.text, original=text, offsets=assembled.text.offsets, script=script,
        display_text=assembled.display.text, display_offsets=assembled.display.offsets,
        tibetan_lines=assembled.tibetan_lines)


def source_lines(text: str) -> list[SourceLine]:
    """Lines of a plain string. With form feeds: each page's first and last lines are page
    edges, and lines repeated at the edges of most pages are running marks. Without them,
    running marks are looked for between page-number lines."""
    lines = [SourceLine(text[start:end], start) for start, end in line_bounds(text)]
    if "\f" not in text:
        repeated_lines = running_marks_between_page_numbers([line.text for line in lines])
        return [replace(line, furniture=True) if i in repeated_lines else line for i, line in enumerate(lines)]
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        pages[-1].append(index)
        if text.startswith("\f", line.start + len(line.text)):
            pages.append([])
    repeated = running_marks([[lines[i].text for i in page] for page in pages])
    for page_index, page in enumerate(pages):
        content = [i for i in page if lines[i].text.strip()]
        edges = {content[0], content[-1]} if content else set()
        for position, i in enumerate(page):
            lines[i] = replace(lines[i], page_edge=i in edges,
                               furniture=(page_index, position) in repeated)
    return lines
