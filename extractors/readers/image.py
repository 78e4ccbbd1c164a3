"""Page images (PNG, JPEG, TIFF incl. multi-page, BMP, WebP): every frame is a page, read by OCR."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence

from models import Document, ErrorCode, IntakeError
from extractors import progress
from extractors.limits import DEFAULT_LIMITS, Limits, pillow_pixel_limit


def read_image(path: Path, sha256: str, media_type: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    from extractors.ocr import ocr_image
    from extractors.ocr.resolution import fit_for_ocr

    pages = []
    with pillow_pixel_limit(limits.max_image_pixels), Image.open(path) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= limits.max_pages:
                raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                                  f"image has more than {limits.max_pages} frames")
            progress.page_started(index + 1)
            fitted, shrunk = fit_for_ocr(frame)
            # Phone photos carry their rotation in EXIF; the pixels are stored sideways.
            upright = ImageOps.exif_transpose(fitted.convert("RGB"))
            # Boxes stay in the file's own pixels, whatever OCR was given.
            pages.append(ocr_image(np.asarray(upright), index + 1, scale=1 / shrunk))
    return Document(source=str(path), sha256=sha256, media_type=media_type, pages=pages)
