"""Reading order of positioned text lines, shared by the PDF text layer and OCR.

Lines are taken top to bottom, but a page whose lines leave a vertical gutter free is read
column by column; a line straddling the gutter (a heading over both columns) closes the block of
column lines above it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Segment:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0          # font size or line height, where known
    confidence: float = 1.0


def reading_order(segments: list[Segment], width: float) -> list[Segment]:
    segments = sorted(segments, key=lambda s: (s.top, s.x0))
    gutter = find_gutter(segments, width)
    if gutter is None:
        return segments
    ordered: list[Segment] = []
    left: list[Segment] = []
    right: list[Segment] = []
    for seg in segments:
        if seg.x1 <= gutter:
            left.append(seg)
        elif seg.x0 >= gutter:
            right.append(seg)
        else:
            ordered += left + right + [seg]
            left, right = [], []
    return ordered + left + right


def find_gutter(segments: list[Segment], width: float) -> float | None:
    if len(segments) < 8:
        return None
    steps = range(35, 66)
    crossings = [sum(1 for s in segments if s.x0 < width * k / 100 < s.x1) for k in steps]
    best_cross = min(crossings)
    # The middle of the longest run of least-crossed positions: a centred heading over both
    # columns then straddles the gutter instead of falling into one column.
    runs, run = [], []
    for k, cross in zip(steps, crossings):
        if cross == best_cross:
            run.append(k)
        elif run:
            runs.append(run)
            run = []
    runs.append(run)
    longest = max(runs, key=len)
    best_x = width * (longest[0] + longest[-1]) / 200
    left = sum(1 for s in segments if s.x1 <= best_x)
    right = sum(1 for s in segments if s.x0 >= best_x)
    # Short lines (signatures, contacts) also leave the middle free: demand two real columns
    # of body text, each with lines reaching close to the gutter.
    near_left = sum(1 for s in segments if best_x - width * 0.12 < s.x1 <= best_x)
    near_right = sum(1 for s in segments if best_x <= s.x0 < best_x + width * 0.12)
    if (best_cross <= 0.15 * len(segments) and min(left, right) >= 4
            and min(near_left, near_right) >= 3):
        return best_x
    return None
