"""How many pixels a page image gets before OCR.

PP-OCR reads 200-dpi A4 pages (3.9 MP) at 0.1% CER; detection runs on at most 960 px a side and
recognition on 48-px-high crops whatever the scan's size, so pixels beyond ~12 MP (A4 at 340 dpi,
A3 at 240 dpi) add memory and time, not accuracy. Measured before this cap: a 100 MP scan took
35 s and 1.8 GB.
"""
from __future__ import annotations

from PIL import Image
from PIL.JpegImagePlugin import JpegImageFile

MAX_OCR_PIXELS = 12_000_000


def ocr_scale(width: float, height: float, max_pixels: int = MAX_OCR_PIXELS) -> float:
    """The factor (≤ 1) that brings a width x height page within `max_pixels`."""
    area = width * height
    return 1.0 if area <= max_pixels else (max_pixels / area) ** 0.5


def fit_for_ocr(image: Image.Image, max_pixels: int = MAX_OCR_PIXELS) -> tuple[Image.Image, float]:
    """(image within `max_pixels`, its width over the original's). Called on a JPEG not yet
    loaded, the decoder skips the pixels that would be dropped (`draft`), so the full-size image
    never sits in memory."""
    original_width = image.width
    scale = ocr_scale(*image.size, max_pixels=max_pixels)
    if scale == 1.0:
        return image, 1.0
    target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    if isinstance(image, JpegImageFile):     # phones' MPO files too
        # draft decodes at 1/2, 1/4 or 1/8 size, never below the size asked for.
        image.draft("RGB", target)
    if image.size != target:
        image = image.convert("RGB").resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return image, image.width / original_width
