"""Page lines → table-like rows of normalized cells, whatever the reader.

Forms are tables. A .docx reader already hands over one TAB-joined line per table row; a text
layer or OCR hands over boxes. Boxes on one baseline become one row (cells left to right), and
a row that hangs just under the previous one with its cells in the same columns is the second
line of the same cells (a wrapped label or value), so it is merged into them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from models import BBox, Line, LineRole, Page, Script
from normalizers import normalize_line

_SKIP_ROLES = {LineRole.HEADER, LineRole.FOOTER, LineRole.PAGE_NUMBER}


@dataclass
class Cell:
    text: str                          # normalized (width, script, punctuation, spaces)
    bbox: BBox | None = None


@dataclass
class Row:
    page: int                          # 1-based, within the file
    cells: list[Cell] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.cells)

    @property
    def bbox(self) -> BBox | None:
        boxes = [c.bbox for c in self.cells if c.bbox]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))


def normalize(text: str, script: Script = Script.HANS) -> str:
    return normalize_line(text, script=script).text.strip()


def page_rows(page: Page, script: Script = Script.HANS,
              is_label: Callable[[str], bool] | None = None) -> list[Row]:
    """Rows of a page. `is_label` tells a form label from other text: with it, a line under a
    label joins that label only when together they make one (a label wrapped in its cell),
    so tight table rows read by OCR stay apart."""
    lines = [ln for ln in page.lines if ln.role not in _SKIP_ROLES and not ln.unread
             and ln.text.strip()]
    if not lines:
        return []
    if all(ln.bbox is None for ln in lines):
        return [Row(page.number, [Cell(normalize(t, script)) for t in ln.text.split("\t")])
                for ln in lines]
    return _merge_wrapped(_visual_rows(page.number, [ln for ln in lines if ln.bbox], script), is_label)


def _visual_rows(page_no: int, lines: list[Line], script: Script) -> list[Row]:
    lines = sorted(lines, key=lambda ln: (ln.bbox[1] + ln.bbox[3]) / 2)
    groups: list[list[Line]] = []
    for ln in lines:
        top, bottom = ln.bbox[1], ln.bbox[3]
        if groups:
            g_top = min(x.bbox[1] for x in groups[-1])
            g_bottom = max(x.bbox[3] for x in groups[-1])
            overlap = min(bottom, g_bottom) - max(top, g_top)
            if overlap > 0.5 * min(bottom - top, g_bottom - g_top):
                groups[-1].append(ln)
                continue
        groups.append([ln])
    rows = []
    for group in groups:
        cells = []
        for stack in _columns(group):
            if len(stack) == 1:
                parts = stack[0].text.split("\t")
                cells += [Cell(normalize(p, script), stack[0].bbox) for p in parts if p.strip()]
                continue
            boxes = [ln.bbox for ln in stack]
            cells.append(Cell("".join(normalize(ln.text, script) for ln in stack),
                              (min(b[0] for b in boxes), min(b[1] for b in boxes),
                               max(b[2] for b in boxes), max(b[3] for b in boxes))))
        rows.append(Row(page_no, [c for c in cells if c.text]))
    return [r for r in rows if r.cells]


def _columns(group: list[Line]) -> list[list[Line]]:
    """The lines of one visual row, left to right; lines stacked in one column (a label
    wrapped in its cell beside a value centred on both of its lines) top to bottom, as one."""
    stacks: list[list[Line]] = []
    for ln in sorted(group, key=lambda x: x.bbox[0]):
        host = None
        if "\t" not in ln.text:
            host = next((st for st in stacks if "\t" not in st[0].text
                         and all(_stacked(x.bbox, ln.bbox) for x in st)), None)
        if host is None:
            stacks.append([ln])
        else:
            host.append(ln)
            host.sort(key=lambda x: x.bbox[1])
    return stacks


def _stacked(a: BBox, b: BBox) -> bool:
    """One line under the other (OCR boxes are padded, so they may overlap: the centres tell)
    and sharing most of the narrower width."""
    height = min(a[3] - a[1], b[3] - b[1])
    width = min(a[2] - a[0], b[2] - b[0])
    centres = abs((a[1] + a[3]) - (b[1] + b[3])) / 2
    h_overlap = min(a[2], b[2]) - max(a[0], b[0])
    return centres > 0.5 * height and h_overlap > 0.5 * width


def _merge_wrapped(rows: list[Row], is_label: Callable[[str], bool] | None) -> list[Row]:
    """Join a row into the one above when it sits tight under it and every one of its cells
    starts where a cell above starts: the second line of wrapped cells."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and _is_wrap(prev, row) and _continues_label(prev, row, is_label):
            for cell in row.cells:
                target = min(prev.cells, key=lambda c: abs(c.bbox[0] - cell.bbox[0]))
                target.text += cell.text
                target.bbox = (min(target.bbox[0], cell.bbox[0]), target.bbox[1],
                               max(target.bbox[2], cell.bbox[2]), cell.bbox[3])
            continue
        out.append(row)
    return out


def _continues_label(prev: Row, row: Row, is_label: Callable[[str], bool] | None) -> bool:
    """Does the row's left cell carry on the label above (or leave the label column empty)?"""
    if is_label is None:
        return True
    first, left = row.cells[0], prev.cells[0]
    height = first.bbox[3] - first.bbox[1]
    if first.bbox[0] > left.bbox[2] - 0.2 * height:
        return True                     # nothing in the label column: a value goes on
    return not is_label(left.text) and is_label(left.text + first.text)


def _is_wrap(prev: Row, row: Row) -> bool:
    pb, rb = prev.bbox, row.bbox
    if pb is None or rb is None:
        return False
    height = min(c.bbox[3] - c.bbox[1] for c in row.cells)
    # the last line of the cells above: a wrapped cell grows, so measure from its lowest line
    gap = rb[1] - max(c.bbox[3] for c in prev.cells)
    if gap > 0.6 * height or gap < -0.6 * height:
        return False
    if len(prev.cells) < 2:
        return False
    starts = [c.bbox[0] for c in prev.cells]
    return all(min(abs(s - c.bbox[0]) for s in starts) < 1.2 * height for c in row.cells)
