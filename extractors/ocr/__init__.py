"""OCR for pages without a usable text layer: scanned PDFs and page images.

    pdf_page_needs_ocr(plumber_page) -> bool
    ocr_pdf_page(pdf_path, page_index, page_number) -> Page     boxes in PDF points
    ocr_image(rgb_array, page_number) -> Page                   boxes in image pixels

Chinese: PP-OCRv6 small (rapidocr's bundled ONNX models, onnxruntime). Tibetan: Tesseract `bod`.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from models import ErrorCode, IntakeError, Page
from extractors.ocr.engine import ENGINE_VERSION
from extractors.ocr.page import ocr_image
from extractors.ocr.resolution import ocr_scale
from extractors.ocr.text_layer import layer_disagrees_with_image

# Measured: PP-OCRv6 reads 200-dpi renders of A4 notices at 0.1% CER; more costs time, less
# loses small print.
RENDER_DPI = 200
_GARBAGE = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")

# 0.2: orientation decided on a sample, upside-down pages turned without a second pass, big
# images shrunk to 12 MP
OCR_VERSION = f"ocr-0.3.0+{ENGINE_VERSION}"


def pdf_page_needs_ocr(plumber_page) -> bool:
    """No text layer, an empty one, one that is mostly unmapped glyphs (cid:NN, private use), or
    a layer over a page image that does not read as what the image shows (`text_layer.py`)."""
    chars = plumber_page.chars
    if not chars:
        return True
    text = "".join(c.get("text", "") for c in chars)
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return True
    garbage = sum(len(m.group(0)) for m in _GARBAGE.finditer(text))
    return garbage > 0.3 * len(visible) or layer_disagrees_with_image(plumber_page)


def ocr_pdf_page(pdf_path: str | Path, page_index: int, page_number: int) -> Page:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[page_index]
        width_pt, height_pt = page.get_size()
        # A poster or a bomb's page size is rendered smaller, not at 200 dpi.
        scale = RENDER_DPI / 72
        scale *= ocr_scale(width_pt * scale, height_pt * scale)
        if width_pt * scale < 50 or height_pt * scale < 50:
            raise IntakeError(ErrorCode.TOO_LARGE, str(pdf_path),
                              f"page {page_number} is {width_pt:.0f} x {height_pt:.0f} pt: cannot be rendered legibly")
        image = page.render(scale=scale).to_pil().convert("RGB")
        page.close()
    finally:
        pdf.close()
    result = ocr_image(np.asarray(image), page_number, scale=1 / scale, unit="pt")
    return result


__all__ = ["OCR_VERSION", "RENDER_DPI", "ocr_image", "ocr_pdf_page", "pdf_page_needs_ocr"]
