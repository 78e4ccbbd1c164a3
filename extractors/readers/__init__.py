"""`read_document(path)`: any supported file to a `Document` of pages and lines.

The reader is chosen by content (magic bytes), not by the file's extension. Every failure a
user's file can cause becomes an `IntakeError` carrying an `ErrorRecord` (code, file, message).
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from models import Document, ErrorCode, IntakeError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import sniff

READER_VERSION = "readers-0.1.0"


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    path = Path(path)
    data = _load(path, limits)
    media_type = sniff.sniff_path(path)
    digest = hashlib.sha256(data).hexdigest()
    title = None
    try:
        if media_type == sniff.PDF:
            from extractors.readers.pdf import read_pdf_pages
            pages = read_pdf_pages(path, limits)
        elif media_type == sniff.DOCX:
            from extractors.readers.docx import read_docx_pages
            pages = read_docx_pages(data)
        elif media_type == sniff.HTML:
            from extractors.readers.html import read_html_pages
            pages, title = read_html_pages(data)
        elif media_type == sniff.TEXT:
            from extractors.readers.plain_text import read_text_pages
            pages = read_text_pages(data)
        elif media_type in sniff.IMAGE_TYPES:
            from extractors.readers.image import read_image
            return read_image(path, digest, media_type, limits=limits)
        else:
            raise IntakeError(ErrorCode.UNSUPPORTED_TYPE, str(path), _unsupported_message(media_type))
    except IntakeError:
        raise
    except (zipfile.BadZipFile, KeyError) as exc:
        raise IntakeError(ErrorCode.CORRUPT, str(path), f"{media_type} container is damaged: {exc}")
    except MemoryError:
        raise IntakeError(ErrorCode.TOO_LARGE, str(path), "file needs more memory than allowed")
    except Exception as exc:  # a parser bug on hostile input must not stop the batch
        raise IntakeError(ErrorCode.CORRUPT, str(path),
                          f"cannot parse {media_type}: {type(exc).__name__}: {exc}") from exc
    return Document(source=str(path), sha256=digest, media_type=media_type, pages=pages, title=title)


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


def _unsupported_message(media_type: str) -> str:
    if media_type == sniff.OLE:
        return "legacy Word/Excel (.doc/.xls) file: save it as .docx or PDF"
    if media_type == sniff.ZIP:
        return "ZIP archive that is not a Word .docx document"
    return f"unsupported file type ({media_type})"
