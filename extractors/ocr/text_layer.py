"""Does a PDF page's text layer say what its picture shows?

Scanned PDFs often carry an invisible text layer from some earlier OCR, laid over the page
image. When that layer is wrong (another page's text, a bad OCR, a shifted layer) it is worse
than none, because it looks authoritative. The check is cheap: only pages mostly covered by an
image are checked, and only the recogniser runs (no detection), on a few of the layer's own line
boxes cut from the rendered page; if the picture there does not read as the layer's text, the
layer is not trusted.
"""
from __future__ import annotations

import numpy as np

from extractors.ocr import engine

# A page whose images cover this share of it may be a scan with a text layer laid over it.
SCAN_COVER = 0.5
SAMPLE_LINES = 6
MIN_LINE_CHARS = 4
# Median similarity of sampled lines below this: the layer disagrees with the image. Honest
# layers over 200-dpi scans read ≥ 0.9; a layer from another page reads ≈ 0.
MIN_AGREEMENT = 0.5
RENDER_DPI = 200
# Beyond this the check is skipped (the layer is trusted): rendering a hostile page to judge it
# would be the attack. The reader's own limits deal with such pages.
MAX_CHECK_PIXELS = 40_000_000


def covered_by_image(plumber_page) -> bool:
    area = float(plumber_page.width * plumber_page.height) or 1.0
    covered = 0.0
    for image in plumber_page.images:
        x0, x1 = max(0.0, image["x0"]), min(float(plumber_page.width), image["x1"])
        top, bottom = max(0.0, image["top"]), min(float(plumber_page.height), image["bottom"])
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return covered / area >= SCAN_COVER


def layer_agreement(plumber_page) -> float | None:
    """Median similarity (0–1) between sampled layer lines and what the image shows under them;
    None when the layer has no line long enough to judge."""
    lines = [ln for ln in plumber_page.extract_text_lines(return_chars=False)
             if len("".join(ln["text"].split())) >= MIN_LINE_CHARS]
    if not lines:
        return None
    sample = sorted(lines, key=lambda ln: len(ln["text"]), reverse=True)[:SAMPLE_LINES]
    image = np.asarray(plumber_page.to_image(resolution=RENDER_DPI).original.convert("RGB"))
    scale = RENDER_DPI / 72
    crops = []
    for line in sample:
        pad = 0.25 * (line["bottom"] - line["top"])
        x0, top = int(max(0, (line["x0"] - pad) * scale)), int(max(0, (line["top"] - pad) * scale))
        x1 = int(min(image.shape[1], (line["x1"] + pad) * scale))
        bottom = int(min(image.shape[0], (line["bottom"] + pad) * scale))
        crops.append(np.ascontiguousarray(image[top:bottom, x0:x1]) if x1 > x0 and bottom > top
                     else np.full((8, 8, 3), 255, np.uint8))
    reads = engine.read_crops(crops)
    scores = sorted(similarity(line["text"], text) for line, (text, _) in zip(sample, reads))
    return scores[len(scores) // 2]


def layer_disagrees_with_image(plumber_page) -> bool:
    if not covered_by_image(plumber_page):
        return False            # vector text with nothing under it: what it says is what shows
    if _too_big_to_render(plumber_page):
        return False
    agreement = layer_agreement(plumber_page)
    return agreement is not None and agreement < MIN_AGREEMENT


def similarity(expected: str, got: str) -> float:
    """1 − edit distance / length of `expected`, whitespace ignored, floored at 0."""
    a, b = "".join(expected.split()), "".join(got.split())
    if not a:
        return 1.0
    return max(0.0, 1 - edit_distance(a, b) / len(a))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance in characters (also the numerator of the benchmark's CER)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _too_big_to_render(plumber_page) -> bool:
    page_pixels = float(plumber_page.width * plumber_page.height) * (RENDER_DPI / 72) ** 2
    image_pixels = max((w * h for w, h in (im.get("srcsize") or (0, 0) for im in plumber_page.images)),
                       default=0)
    return page_pixels > MAX_CHECK_PIXELS or image_pixels > MAX_CHECK_PIXELS
