"""`read_document(path)`: any supported file to a `Document` of pages and lines.

The reader is chosen by content (magic bytes), not by the file's extension. Every failure a
user's file can cause becomes an `IntakeError` carrying an `ErrorRecord` (code, file, message).
"""
from __future__ import annotations

import hashlib
import re
import warnings
import zipfile
from pathlib import Path

from models import Document, ErrorCode, IntakeError, Origin
from extractors.limits import Limits, pillow_pixel_limit
from extractors.readers import sniff

# 0.2: bomb guards, macro documents read, linear HTML walk; 0.3: .doc/.rtf/.odt via LibreOffice
READER_VERSION = "readers-0.3.0"


def read_document(path: str | Path, limits: Limits | None = None) -> Document:
    """Without `limits`, the AWARD_INTAKE_* settings of the environment (or the safe defaults)
    apply, so every caller (CLI, packets, Dagster) honours the same settings."""
    limits = limits or Limits.from_env()
    path = Path(path)
    data = _load(path, limits)
    digest = hashlib.sha256(data).hexdigest()
    media_type, title = sniff.UNKNOWN, None
    try:
        media_type = sniff.sniff_path(path)
        if media_type == sniff.PDF:
            from extractors.readers.pdf import read_pdf_pages
            pages = read_pdf_pages(path, limits)
        elif media_type == sniff.DOCX:
            from extractors.readers.docx import read_docx_pages
            _refuse_zip_bomb(path, limits)
            pages = read_docx_pages(data)
        elif media_type in sniff.CONVERTED_TYPES:
            from extractors.readers.docx import read_docx_pages
            from extractors.readers.office_convert import to_docx
            pages = read_docx_pages(to_docx(path, media_type))
        elif media_type == sniff.HTML:
            from extractors.readers.html import read_html_pages
            pages, title = read_html_pages(data)
        elif media_type == sniff.TEXT:
            from extractors.readers.plain_text import read_text_pages
            pages = read_text_pages(data)
        elif media_type in sniff.IMAGE_TYPES:
            _refuse_image_bomb(path, limits)
            from extractors.readers.image import read_image
            return read_image(path, digest, media_type, limits=limits)
        else:
            raise IntakeError(ErrorCode.UNSUPPORTED_TYPE, str(path), _unsupported_message(media_type))
    except IntakeError:
        raise
    except (zipfile.BadZipFile, KeyError) as exc:
        raise IntakeError(ErrorCode.CORRUPT, str(path),
                          f"{media_type} container is damaged: {_one_line(exc)}")
    except MemoryError:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path), "file needs more memory than allowed")
    except ImportError:
        raise   # a reader that is not installed is a broken deployment, not a corrupt file
    except Exception as exc:  # a parser bug on hostile input must not stop the batch
        raise IntakeError(ErrorCode.CORRUPT, str(path),
                          f"cannot parse {media_type}: {type(exc).__name__}: {_one_line(exc)}") from exc
    return Document(source=str(path), sha256=digest, media_type=media_type, pages=pages, title=title,
                    warnings=_container_warnings(path, media_type))


# OCR below this confidence is shapes taken for letters (a cat's whiskers read as "MN"); the
# packet reader flags pages below the same bar as unsure.
OCR_UNSURE = 0.5
# Fewer characters than this is what OCR finds in a photo (an eye read as "0"), not a notice.
MIN_NOTICE_CHARS = 8


def require_text(doc: Document) -> Document:
    """`doc` itself, or NO_TEXT when it holds fewer than a few characters read with some
    confidence: a notice must say something.

    Not part of `read_document`: a packet may hold a photo without text, and that is no error.
    """
    confident = sum(len("".join(line.text.split())) for page in doc.pages for line in page.lines
                    if line.origin != Origin.OCR or line.confidence >= OCR_UNSURE)
    if confident < MIN_NOTICE_CHARS:
        pages = len(doc.pages)
        found = sum(len("".join(line.text.split())) for page in doc.pages for line in page.lines)
        raise IntakeError(ErrorCode.NO_TEXT, doc.source,
                          f"no text found on {pages} page{'s' if pages != 1 else ''}"
                          + (f" ({found} characters, {confident} of them read with confidence)"
                             if found else ""))
    return doc


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _load(path: Path, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IntakeError(ErrorCode.UNSUPPORTED_TYPE, str(path), "not a regular file")
        if size == 0:
            raise IntakeError(ErrorCode.EMPTY_FILE, str(path), "file is empty (0 bytes)")
        if size > limits.max_file_bytes:
            raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                              f"file is {size} bytes, more than the limit of {limits.max_file_bytes}")
        return path.read_bytes()
    except FileNotFoundError:
        raise IntakeError(ErrorCode.NOT_FOUND, str(path), "file not found")
    except PermissionError:
        raise IntakeError(ErrorCode.PERMISSION_DENIED, str(path), "permission denied")
    except IsADirectoryError:
        raise IntakeError(ErrorCode.UNSUPPORTED_TYPE, str(path), "is a directory")


# Below this many pixels on a side an image cannot hold a legible character.
_MIN_IMAGE_SIDE = 8


def _refuse_image_bomb(path: Path, limits: Limits) -> None:
    """Check the declared size from the header before anything decodes the pixels."""
    from PIL import Image, UnidentifiedImageError

    # Pillow checks its module-wide limit in open(): keep it in step with ours, and make its
    # warning (between 1x and 2x the limit) an error rather than lines on a batch's stderr.
    try:
        with warnings.catch_warnings(), pillow_pixel_limit(limits.max_image_pixels):
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path), f"image is too large: {_one_line(exc)}")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise IntakeError(ErrorCode.CORRUPT, str(path), f"image is damaged: {_one_line(exc)}")
    if width * height > limits.max_image_pixels:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                          f"image is {width} x {height} pixels, more than the limit of "
                          f"{limits.max_image_pixels / 1e6:.0f} megapixels")
    if min(width, height) < _MIN_IMAGE_SIDE:
        raise IntakeError(ErrorCode.NO_TEXT, str(path),
                          f"image is {width} x {height} pixels: too small to hold text")


def _refuse_zip_bomb(path: Path, limits: Limits) -> None:
    """A ZIP member declares its inflated size, and zipfile never inflates past it: summing the
    declarations bounds what parsing the container can cost."""
    with zipfile.ZipFile(path) as zf:
        unpacked = sum(info.file_size for info in zf.infolist())
    if unpacked > limits.max_unpacked_bytes:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path),
                          f"container inflates to {unpacked} bytes, more than the limit of "
                          f"{limits.max_unpacked_bytes}")


def _container_warnings(path: Path, media_type: str) -> list[str]:
    if media_type != sniff.DOCX:
        return []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return ["document carries macros (VBA project): ignored, never run"]
    return []


def _one_line(exc: BaseException) -> str:
    """Parser messages can span lines or run long; an error record's message is one short line."""
    text = re.sub(r"\s+", " ", str(exc)).strip() or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def _unsupported_message(media_type: str) -> str:
    if media_type == sniff.OLE:
        return "legacy Office file that is not a Word document (.xls, .ppt): save it as PDF"
    if media_type == sniff.ZIP:
        return "ZIP archive that is not a Word .docx document"
    return f"unsupported file type ({media_type})"
