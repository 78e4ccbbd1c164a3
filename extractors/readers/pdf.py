"""PDF: the text layer through pdfplumber, page by page, with boxes; pages without a usable text
layer go to OCR.

Reading order: words are grouped into rows by their top, a row is cut where a wide gap opens
(two columns on one baseline), and a page whose segments leave a vertical gutter free is read
column by column, full-width lines (titles) staying where they are. Running headers, footers and
page numbers are recognised by position and repetition and tagged, not deleted.
"""
from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from models import ErrorCode, IntakeError, Line, LineRole, Origin, Page
from extractors.layout import Segment, reading_order
from extractors import progress
from extractors.limits import DEFAULT_LIMITS, Limits

_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－－~]\s*\d{1,4}\s*[—–\-－－~]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$", re.IGNORECASE)
_MARGIN = 0.085          # share of page height treated as header/footer band

# pdfminer and pdfplumber warn on each quirk of a malformed file ("MediaBox missing",
# "Data-loss while decompressing", "Metadata key could not be parsed"); on a batch's stderr
# that buries the one-line error records. What cannot be read still becomes a record.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)

# Real files never chain references this long; hostile ones chain them in a circle.
_MAX_REFERENCE_HOPS = 32


def _bound_reference_chains() -> None:
    """pdfminer resolves a reference to a reference for as long as the chain goes: two objects
    naming each other (`4 0 obj 5 0 R`, `5 0 obj 4 0 R`) hang it for ever. Past a few hops the
    chain is treated as a missing object, which pdfminer already copes with."""
    follow = PDFObjRef.resolve
    if getattr(follow, "bounded", False):
        return

    def resolve(self: PDFObjRef, default: object = None) -> object:
        value = follow(self, default)
        for _ in range(_MAX_REFERENCE_HOPS):
            if not isinstance(value, PDFObjRef):
                return value
            value = follow(value, default)
        return default

    resolve.bounded = True
    PDFObjRef.resolve = resolve


_bound_reference_chains()


def read_pdf_pages(path: Path, limits: Limits = DEFAULT_LIMITS) -> list[Page]:
    try:
        try:
            pdf = pdfplumber.open(path)
        except PdfminerException as wrapped:
            # pdfplumber wraps pdfminer's own error; the original says what is wrong.
            raise (wrapped.args[0] if wrapped.args and isinstance(wrapped.args[0], Exception)
                   else wrapped)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise IntakeError(ErrorCode.ENCRYPTED, str(path),
                          f"PDF is encrypted and cannot be opened without a password ({type(exc).__name__})")
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise IntakeError(ErrorCode.CORRUPT, str(path), f"PDF is damaged: {exc or type(exc).__name__}")
    with pdf:
        try:
            count = len(pdf.pages)
        except Exception as exc:  # pdfminer raises a zoo of types on broken page trees
            raise IntakeError(ErrorCode.CORRUPT, str(path), f"PDF page tree is damaged: {exc}")
        if count == 0:
            raise IntakeError(ErrorCode.CORRUPT, str(path), "PDF has no pages")
        if count > limits.max_pages:
            raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                              f"PDF has {count} pages, more than the limit of {limits.max_pages}")
        pages = []
        for index, plumber_page in enumerate(pdf.pages):
            progress.page_started(index + 1)
            try:
                pages.append(_read_page(path, plumber_page, index, limits))
            finally:
                # Keep memory flat on long PDFs: drop pdfplumber's per-page object caches.
                plumber_page.close()
    _tag_running_lines(pages)
    return pages


def _read_page(path: Path, plumber_page, index: int, limits: Limits) -> Page:
    from extractors.ocr import ocr_pdf_page, pdf_page_needs_ocr

    if pdf_page_needs_ocr(plumber_page):
        _refuse_render_bombs(path, plumber_page, index, limits)
        return ocr_pdf_page(path, index, index + 1)
    width, height = float(plumber_page.width), float(plumber_page.height)
    segments = _segments(plumber_page)
    lines = [Line(text=s.text, bbox=(s.x0, s.top, s.x1, s.bottom), origin=Origin.TEXT_LAYER)
             for s in reading_order(segments, width)]
    _mark_paragraphs(lines, width)
    for line in lines:
        if _PAGE_NUMBER.match(line.text.strip()) and _in_margin(line, height):
            line.role = LineRole.PAGE_NUMBER
    return Page(number=index + 1, width=width, height=height, unit="pt",
                origin=Origin.TEXT_LAYER, lines=lines)


def _refuse_render_bombs(path: Path, plumber_page, index: int, limits: Limits) -> None:
    """Refuse a page before the renderer sees it when what it declares is absurd: a page that
    at OCR's resolution exceeds the pixel limit (OCR renders big pages smaller, but reading
    even the reduced render of a 200-inch page costs tens of seconds), or an image whose
    declared size does (a renderer decodes an image at its own size, whatever the page's
    scale: a hostile file declares gigapixels over a few bytes)."""
    from extractors.ocr import RENDER_DPI

    width, height = float(plumber_page.width), float(plumber_page.height)
    pixels = width * height * (RENDER_DPI / 72) ** 2
    if pixels > limits.max_image_pixels:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                          f"page {index + 1} is {width:.0f} x {height:.0f} pt: {pixels / 1e6:.0f} "
                          f"megapixels at {RENDER_DPI} dpi, more than the limit of "
                          f"{limits.max_image_pixels / 1e6:.0f}")
    for image in plumber_page.images:
        image_width, image_height = image.get("srcsize") or (0, 0)
        if image_width * image_height > limits.max_image_pixels:
            raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                              f"page {index + 1} holds a {image_width} x {image_height} pixel image, "
                              f"more than the limit of {limits.max_image_pixels / 1e6:.0f} megapixels")


def _segments(plumber_page) -> list[Segment]:
    words = plumber_page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                                       use_text_flow=False, extra_attrs=["size"])
    if not words:
        return []
    # Vertical ruling lines (table cell borders): a row is cut at one even where the gap
    # is narrow, so a form's label cell and value cell stay apart.
    rulings = [(e["x0"], e["top"], e["bottom"]) for e in plumber_page.edges
               if e.get("orientation") == "v"]
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        # Same row when vertical centres are within half a line height.
        centre = (word["top"] + word["bottom"]) / 2
        if rows:
            last = rows[-1]
            last_centre = statistics.fmean((w["top"] + w["bottom"]) / 2 for w in last)
            if abs(centre - last_centre) <= max(2.0, 0.45 * (word["bottom"] - word["top"])):
                last.append(word)
                continue
        rows.append([word])
    segments = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = statistics.median(w["size"] for w in row)
        current = [row[0]]
        for prev, word in zip(row, row[1:]):
            gap = word["x0"] - prev["x1"]
            if gap > 2.5 * size or _ruled_between(prev, word, rulings):
                segments.append(_join(current, size))
                current = []
            current.append(word)
        segments.append(_join(current, size))
    return segments


def _ruled_between(left: dict, right: dict, rulings: list[tuple[float, float, float]]) -> bool:
    centre = (right["top"] + right["bottom"]) / 2
    return any(left["x1"] - 0.5 <= x <= right["x0"] + 0.5 and top <= centre <= bottom
               for x, top, bottom in rulings)


def _join(words: list[dict], size: float) -> Segment:
    text = words[0]["text"]
    for prev, word in zip(words, words[1:]):
        text += (" " if word["x0"] - prev["x1"] > 0.2 * size else "") + word["text"]
    return Segment(text=text, x0=min(w["x0"] for w in words), top=min(w["top"] for w in words),
                    x1=max(w["x1"] for w in words), bottom=max(w["bottom"] for w in words),
                    size=size)


def _mark_paragraphs(lines: list[Line], width: float) -> None:
    if not lines:
        return
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines if ln.bbox]
    line_height = statistics.median(heights) if heights else 12.0
    lefts = Counter(round(ln.bbox[0]) for ln in lines if ln.bbox)
    body_left = lefts.most_common(1)[0][0] if lefts else 0
    lines[0].paragraph_start = True
    for prev, line in zip(lines, lines[1:]):
        gap = line.bbox[1] - prev.bbox[3]
        indented = line.bbox[0] - body_left > 1.2 * line_height
        prev_short = prev.bbox[2] < width * 0.7 and (prev.bbox[2] - prev.bbox[0]) < width * 0.6
        line.paragraph_start = gap > 0.9 * line_height or indented or (prev_short and gap > 0.4 * line_height)


def _in_margin(line: Line, height: float) -> bool:
    return bool(line.bbox) and (line.bbox[1] > height * (1 - _MARGIN) or line.bbox[3] < height * _MARGIN)


def _tag_running_lines(pages: list[Page]) -> None:
    """A line in the top/bottom band that repeats (digits aside) on most pages is a running mark."""
    if len(pages) < 2:
        return
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {_running_key(ln.text) for ln in page.lines
                if page.height and ln.bbox and _in_margin(ln, page.height)}
        counts.update(keys)
    repeated = {key for key, n in counts.items() if key and n >= max(2, 0.5 * len(pages))}
    for page in pages:
        for line in page.lines:
            if (line.role == LineRole.BODY and page.height and line.bbox
                    and _in_margin(line, page.height) and _running_key(line.text) in repeated):
                line.role = LineRole.HEADER if line.bbox[1] < page.height / 2 else LineRole.FOOTER


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))
