"""Page pictures of a packet file, small: for seals and for content fingerprints.

PDF pages are rendered with pypdfium2 at a low resolution (a 40 mm seal is still ~80 px),
image files are shrunk, and a .docx gives the pictures embedded in it (a seal pasted into a
Word form is a picture). None of this reads text; the readers do that.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from models import Document, Origin
from extractors.readers.office_convert import to_docx
from extractors.readers.sniff import CONVERTED_TYPES

RENDER_DPI = 50
MAX_SIDE = 800                  # image files are shrunk to this before looking at them
_MEDIA_MIN_SIDE = 24            # smaller docx pictures are bullets and lines, not seals


@dataclass
class PagePicture:
    page: int                   # 1-based page of the file the picture belongs to
    rgb: np.ndarray
    px_per_mm: float | None     # None when the physical size is unknown
    to_page: float | None       # multiply picture pixels by this to get the page's unit


def pictures(path: Path, doc: Document) -> list[PagePicture]:
    kind = doc.media_type
    if kind == "application/pdf":
        return _pdf_pictures(path)
    if kind.startswith("image/"):
        return _image_pictures(path, doc)
    if kind in CONVERTED_TYPES:     # .doc/.rtf/.odt: the pictures of the .docx made from it
        return _docx_pictures(io.BytesIO(to_docx(path, kind)))
    if doc.pages and doc.pages[0].origin == Origin.DOCX:
        return _docx_pictures(path)
    return []


def _pdf_pictures(path: Path) -> list[PagePicture]:
    import pypdfium2 as pdfium

    out = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        scale = RENDER_DPI / 72
        for i in range(len(pdf)):
            page = pdf[i]
            bitmap = page.render(scale=scale)
            rgb = np.asarray(bitmap.to_pil().convert("RGB"))
            out.append(PagePicture(i + 1, rgb, RENDER_DPI / 25.4, 1 / scale))
            page.close()
    finally:
        pdf.close()
    return out


def _image_pictures(path: Path, doc: Document) -> list[PagePicture]:
    with Image.open(path) as img:
        img = img.convert("RGB")
        width = img.width
        factor = min(1.0, MAX_SIDE / max(img.size))
        if factor < 1.0:
            img = img.resize((round(img.width * factor), round(img.height * factor)))
        rgb = np.asarray(img)
    page = doc.pages[0] if doc.pages else None
    page_width = page.width if page and page.width else width
    to_page = page_width / rgb.shape[1]
    # a page-shaped image is taken to be an A4 scan; otherwise the size is unknown
    ratio = rgb.shape[0] / rgb.shape[1]
    px_per_mm = rgb.shape[1] / 210.0 if 1.3 < ratio < 1.5 else None
    return [PagePicture(1, rgb, px_per_mm, to_page)]


def _docx_pictures(path: Path | io.BytesIO) -> list[PagePicture]:
    out = []
    with zipfile.ZipFile(path) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("word/media/")):
            try:
                with Image.open(io.BytesIO(zf.read(name))) as img:
                    if min(img.size) < _MEDIA_MIN_SIDE:
                        continue
                    img = img.convert("RGBA")
                    # transparent pixels of a pasted seal are paper: white
                    white = Image.new("RGBA", img.size, (255, 255, 255, 255))
                    rgb = np.asarray(Image.alpha_composite(white, img).convert("RGB"))
            except (OSError, ValueError, Image.DecompressionBombError):
                continue
            out.append(PagePicture(1, rgb, None, None))
    return out


def dhash(rgb: np.ndarray) -> str:
    """64-bit difference hash: the same picture rescanned or recompressed keeps it."""
    grey = Image.fromarray(rgb).convert("L").resize((9, 8), Image.BILINEAR)
    px = np.asarray(grey, dtype=np.int16)
    bits = (px[:, 1:] > px[:, :-1]).flatten()
    return f"{int(''.join('1' if b else '0' for b in bits), 2):016x}"


def text_hash(text: str) -> str:
    return hashlib.sha1("".join(text.split()).encode("utf-8")).hexdigest()[:20]
