"""Pictures of where a flag points: the evidence box cut from its page, for the HTML report.

PDF pages are rendered with pypdfium2 (boxes are in PDF points, top-left origin, as the readers
write them); image files are read as they are (boxes in pixels). Word files have no page image:
the report shows the evidence text instead.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image

from models.document import BBox

RENDER_DPI = 100
MAX_SIDE = 900           # px: a crop wider or taller than this is scaled down
PAGE_SIDE = 480          # px: a whole page (no box to show) as a thumbnail
MARGIN = 0.04            # share of the page height added above and below a box
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


def source_path(packet_path: str, source: str) -> Path | None:
    """The file a flag's evidence names, inside a packet folder or as the envelope PDF itself."""
    root = Path(packet_path)
    if root.is_file():
        return root if root.name == source or Path(source).name == root.name else None
    candidate = root / source
    return candidate if candidate.is_file() else None


@lru_cache(maxsize=64)
def page_image(path: Path, page: int) -> tuple[Image.Image, float] | None:
    """(image of page `page`, pixels per page unit), or None when the file has no page image."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            import pypdfium2 as pdfium
            pdf = pdfium.PdfDocument(str(path))
            try:
                if not 1 <= page <= len(pdf):
                    return None
                scale = RENDER_DPI / 72
                return pdf[page - 1].render(scale=scale).to_pil().convert("RGB"), scale
            finally:
                pdf.close()
        if suffix in IMAGE_SUFFIXES:
            with Image.open(path) as img:
                if getattr(img, "n_frames", 1) > 1:      # multi-page TIFF
                    img.seek(min(page, img.n_frames) - 1)
                return img.convert("RGB"), 1.0
    except Exception:   # a file that cannot be drawn gets no picture; the flag still shows
        return None
    return None


def crop(path: Path, page: int | None, bbox: BBox | None) -> bytes | None:
    """JPEG bytes of the box's band of the page, or of the whole page when there is no box
    (JPEG: scans are noise to PNG, and a batch report should stay mailable)."""
    drawn = page_image(path, page or 1)
    if drawn is None:
        return None
    img, scale = drawn
    if bbox is not None:
        # The full width of the band: a value cell is read with its label beside it.
        pad = img.height * MARGIN
        y0, y1 = bbox[1] * scale, bbox[3] * scale
        box = (0, max(0, int(y0 - pad)), img.width, min(img.height, int(y1 + pad)))
        if box[3] > box[1]:
            img = img.crop(box)
    img = img.copy()
    img.thumbnail((MAX_SIDE, MAX_SIDE) if bbox is not None else (PAGE_SIDE, PAGE_SIDE))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    return buf.getvalue()
