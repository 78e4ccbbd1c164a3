"""One page image to a `Page`: orientation, red-seal suppression, Chinese lines through PP-OCR,
Tibetan lines through Tesseract, reading order, boxes and confidence per line."""
from __future__ import annotations

import numpy as np

from models import Line, Origin, Page, Script
from extractors.layout import Segment, reading_order
from extractors.ocr import engine, tibetan
from normalizers.script import detect_script

# Below this the recogniser's read is doubtful and the crop is offered to the Tibetan reader.
TIBETAN_RETRY_SCORE = 0.75
# A line with red ink keeps its read with red painted out unless the red read beats it by this.
RED_TITLE_MARGIN = 0.05
# Red-inked boxes reading worse than this both ways are a seal's rim or star, not text.
SEAL_DEBRIS_SCORE = 0.5
# A seal is at least this share of the page's long side across, both ways (≈ 2.4 cm on A4).
SEAL_MIN_SIZE = 0.08
# A line whose ink is at least this share red is red print (a letterhead, a title), not black
# text under a seal: its own read stands (painted out, only its anti-aliased rims are left,
# which read as look-alikes: 自 → 白).
RED_PRINT_SHARE = 0.85
# Red cast (R above G and B by this much) that counts as seal ink inside a seal's box.
SEAL_TINT = 25
# A page whose largest lines read worse than this is tried upside down.
UPRIGHT_SCORE = 0.85
# Tibetan stacks reach further below the line than Chinese: the detector's box can clip a
# subjoined letter (སྐྱོང → སྐོང), so Tesseract first gets the line with this share of its
# height around it. Measured on the letterhead pages: 0.1 reads them all; 0.2 takes in a
# sliver of the next line and loses one.
TIBETAN_MARGIN = 0.1
# Lines read to decide a page's orientation: the largest, which are surely text.
SAMPLE_LINES = 8


def ocr_image(image: np.ndarray, number: int, *, scale: float = 1.0, unit: str = "px") -> Page:
    """`image` is RGB (H, W, 3). Boxes are returned in the upright page's pixels times `scale`
    (a PDF page rendered at 200 dpi passes 72/200 so its boxes are in points)."""
    rotation, lines = _upright_lines(suppress_seals(image))
    if rotation:
        image = np.ascontiguousarray(np.rot90(image, k=rotation // 90))
    height, width = image.shape[:2]
    segments, scripts, unread = [], {}, set()
    for raw in lines:
        text, score, script = raw.text.strip(), raw.score, Script.HANS
        red = _has_red(raw.crop)
        if red and _red_share(raw.crop) < RED_PRINT_SHARE:
            # Red ink on a line of black text: a seal over it, or red and black print on one
            # line. The read with red painted out wins unless the red ink itself reads clearly
            # better. Red debris of a seal's rim or star reads badly both ways and is dropped.
            plain, plain_score = engine.read_crops([suppress_red(raw.crop)])[0]
            if plain.strip() and plain_score + RED_TITLE_MARGIN >= score:
                text, score = plain.strip(), plain_score
        if score < TIBETAN_RETRY_SCORE or not text:
            read = (tibetan.read_tibetan(_with_margin(image, raw.quad, TIBETAN_MARGIN))
                    or tibetan.read_tibetan(raw.crop))
            if read is not None:
                text, score = read
                script = Script.TIBETAN
            elif red and score < SEAL_DEBRIS_SCORE:
                continue          # red and illegible either way: a seal's rim or star
            elif not text:
                if tibetan.tesseract_available() or not _line_shaped(raw):
                    continue      # nothing legible: noise, a rule, a seal ring
                script = Script.TIBETAN
        xs, ys = raw.quad[:, 0], raw.quad[:, 1]
        seg = Segment(text=text, x0=float(xs.min()), top=float(ys.min()), x1=float(xs.max()),
                      bottom=float(ys.max()), size=float(ys.max() - ys.min()), confidence=score)
        if script == Script.HANS:
            script = detect_script(text)
        segments.append(seg)
        scripts[id(seg)] = script
        if not text:
            unread.add(id(seg))
    ordered = reading_order(segments, width)
    page_lines = [
        Line(text=s.text, bbox=(s.x0 * scale, s.top * scale, s.x1 * scale, s.bottom * scale),
             confidence=round(s.confidence, 4), script=scripts[id(s)], origin=Origin.OCR,
             unread=id(s) in unread)
        for s in ordered]
    _mark_paragraphs(page_lines)
    read = [ln.confidence for ln in page_lines if not ln.unread]
    return Page(number=number, width=width * scale, height=height * scale, unit=unit,
                origin=Origin.OCR, lines=page_lines, rotation=rotation,
                ocr_confidence=round(float(np.mean(read)), 4) if read else None)


def _with_margin(image: np.ndarray, quad: np.ndarray, margin: float) -> np.ndarray:
    """The upright box around `quad`, grown by `margin` × its height on every side."""
    xs, ys = quad[:, 0], quad[:, 1]
    pad = margin * float(ys.max() - ys.min())
    top, bottom = max(0, int(ys.min() - pad)), min(image.shape[0], int(ys.max() + pad) + 1)
    left, right = max(0, int(xs.min() - pad)), min(image.shape[1], int(xs.max() + pad) + 1)
    return np.ascontiguousarray(image[top:bottom, left:right])


def suppress_red(image: np.ndarray) -> np.ndarray:
    """Paint all red ink white so black text under it stays legible; black stays black."""
    red = _red_mask(image)
    if not red.any():
        return image
    out = image.copy()
    out[red] = 255
    return out


def suppress_seals(image: np.ndarray) -> np.ndarray:
    """Paint out red ink inside each seal-sized red blob, leaving red letterhead characters
    and rules, which are small or thin, alone."""
    red = _red_mask(image)
    if not red.any():
        return image
    import cv2

    # Text crossing the ring breaks it, and the star and rim characters are apart from it:
    # a small dilation binds a seal's pieces into one blob (red title lines stay apart).
    blobs = cv2.dilate(red.astype(np.uint8), np.ones((9, 9), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    least = SEAL_MIN_SIZE * max(image.shape[:2])
    out = None
    for x, y, w, h, _ in stats[1:count]:
        if w >= least and h >= least:
            out = image.copy() if out is None else out
            box = (slice(y, y + h), slice(x, x + w))
            # Inside a seal even faint pink (thin ink, anti-aliased edges) goes; black text and
            # black under red ink have no red cast and stay.
            out[box][_red_mask(image[box], tint=SEAL_TINT)] = 255
    return image if out is None else out


def _red_mask(image: np.ndarray, tint: int = 60) -> np.ndarray:
    rgb = image.astype(np.int16)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (r > 120) & (r - g > tint) & (r - b > tint)


def _has_red(crop: np.ndarray) -> bool:
    return bool(_red_mask(crop).mean() > 0.01)


def _red_share(crop: np.ndarray) -> float:
    """Red ink over all ink (red, or dark without a red cast) in a line crop."""
    red = _red_mask(crop)
    dark = (crop.astype(np.int16).sum(axis=-1) < 3 * 128) & ~red
    ink = int(red.sum()) + int(dark.sum())
    return red.sum() / ink if ink else 0.0


def _upright_lines(image: np.ndarray) -> tuple[int, list[engine.RawLine]]:
    """(degrees turned counter-clockwise, lines) for the orientation that reads best.

    The recogniser decides: a sample of line crops is read as it stands and, when it reads
    badly, turned half round; the page counts as turned when the turned crops read better.
    """
    boxes, crops = engine.detect(image)
    if not boxes:
        return 0, []
    tall = sum(1 for b in boxes if _extent(b, 1) > 1.5 * _extent(b, 0))
    if tall > len(boxes) / 2:
        # rapidocr turns tall crops a quarter counter-clockwise: if they read upright, so does
        # the page turned the same way; else it lies the other way round.
        sample = _largest([c for b, c in zip(boxes, crops) if _extent(b, 1) > 1.5 * _extent(b, 0)])
        degrees = 90 if _sample_score(sample) >= _sample_score([np.rot90(c, 2) for c in sample]) else 270
        return degrees, engine.detect_and_read(np.ascontiguousarray(np.rot90(image, k=degrees // 90)))
    # The sample is read first and its reads kept, so an upright page costs no extra read; an
    # upside-down one is neither read whole the wrong way round nor detected again: its boxes
    # and crops are turned instead (measured: 15.8 -> 7.9 CPU s for the committed 180° scan).
    sample = _largest_indices(crops)
    reads = dict(zip(sample, engine.read_crops([crops[i] for i in sample])))
    degrees = 0
    if _score_of(reads.values()) < UPRIGHT_SCORE:
        turned = engine.read_crops([np.ascontiguousarray(np.rot90(crops[i], 2)) for i in sample])
        if _score_of(turned) > _score_of(reads.values()):
            height, width = image.shape[:2]
            boxes = [_turned_half(b, width, height) for b in boxes]
            crops = [np.ascontiguousarray(np.rot90(c, 2)) for c in crops]
            reads, degrees = dict(zip(sample, turned)), 180
    rest = [i for i in range(len(crops)) if i not in reads]
    reads.update(zip(rest, engine.read_crops([crops[i] for i in rest])))
    return degrees, [engine.RawLine(quad=boxes[i], text=reads[i][0], score=reads[i][1], crop=crops[i])
                     for i in range(len(crops))]


def _score_of(reads) -> float:
    reads = list(reads)
    return sum(score for _, score in reads) / max(1, len(reads))


def _turned_half(quad: np.ndarray, width: int, height: int) -> np.ndarray:
    """A box's corners on the page turned 180°, still starting at its top left."""
    turned = np.stack([width - quad[:, 0], height - quad[:, 1]], axis=1)
    return np.roll(turned, 2, axis=0)


def _largest_indices(crops: list[np.ndarray], n: int = SAMPLE_LINES) -> list[int]:
    return sorted(range(len(crops)), key=lambda i: crops[i].shape[0] * crops[i].shape[1],
                  reverse=True)[:n]


def _largest(crops: list[np.ndarray]) -> list[np.ndarray]:
    return [crops[i] for i in _largest_indices(crops)]


def _sample_score(crops: list[np.ndarray]) -> float:
    reads = engine.read_crops([np.ascontiguousarray(c) for c in crops])
    return sum(score for _, score in reads) / max(1, len(reads))


def _extent(quad: np.ndarray, axis: int) -> float:
    return float(quad[:, axis].max() - quad[:, axis].min())


def _line_shaped(line: engine.RawLine) -> bool:
    """Without Tesseract, only a wide, line-shaped box is kept, as an unread (probably Tibetan) line."""
    return _extent(line.quad, 0) > 2.5 * _extent(line.quad, 1)


def _mark_paragraphs(lines: list[Line]) -> None:
    if not lines:
        return
    heights = sorted(ln.bbox[3] - ln.bbox[1] for ln in lines)
    line_height = heights[len(heights) // 2]
    lefts = sorted(round(ln.bbox[0]) for ln in lines)
    body_left = lefts[len(lefts) // 4]
    lines[0].paragraph_start = True
    for prev, line in zip(lines, lines[1:]):
        gap = line.bbox[1] - prev.bbox[3]
        indented = line.bbox[0] - body_left > 1.2 * line_height
        line.paragraph_start = gap > 0.9 * line_height or indented or line.bbox[1] < prev.bbox[1]
