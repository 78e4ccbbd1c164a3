"""Media type from content (magic bytes), never from the file name."""
from __future__ import annotations

import zipfile
from pathlib import Path

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
BMP = "image/bmp"
WEBP = "image/webp"
HTML = "text/html"
TEXT = "text/plain"
ZIP = "application/zip"
OLE = "application/x-ole-storage"       # an OLE container that is not a Word file (.xls, .ppt)
DOC = "application/msword"              # Word 97-2003, and WPS Office's .wps in the same format
RTF = "application/rtf"
ODT = "application/vnd.oasis.opendocument.text"
UNKNOWN = "application/octet-stream"

IMAGE_TYPES = frozenset({PNG, JPEG, TIFF, BMP, WEBP})
# Word formats read by converting them to .docx with LibreOffice (readers/office_convert.py).
CONVERTED_TYPES = frozenset({DOC, RTF, ODT})

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>")


def sniff_bytes(head: bytes) -> str:
    """Media type of a file from its first bytes (ZIP containers are refined by `sniff_path`)."""
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head.startswith(b"BM") and len(head) > 14:
        return BMP
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return ZIP
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith(b"{\\rtf"):
        return RTF
    if _looks_like_text(head):
        lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if any(marker in lowered[:2048] for marker in _HTML_MARKERS):
            return HTML
        return TEXT
    return UNKNOWN


def sniff_path(path: Path) -> str:
    with open(path, "rb") as fh:
        head = fh.read(8192)
    kind = sniff_bytes(head)
    if kind == OLE:
        return DOC if _has_word_stream(path) else OLE
    if kind == ZIP:
        try:
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
                if "word/document.xml" in names:
                    return DOCX
                if "mimetype" in names and zf.read("mimetype").strip() == ODT.encode():
                    return ODT
        # NotImplementedError: a damaged header claiming a ZIP version zipfile does not know.
        except (zipfile.BadZipFile, OSError, NotImplementedError, ValueError, EOFError):
            return UNKNOWN
    return kind


# The directory entry of an OLE container's main Word stream, as stored (UTF-16LE).
_WORD_STREAM = "WordDocument".encode("utf-16-le")


def _has_word_stream(path: Path) -> bool:
    """Whether an OLE container holds a Word document (not a spreadsheet or a slide deck).
    Directory sectors sit anywhere in the file, so the name is looked for in all of it, up to
    a bound that no notice reaches."""
    with open(path, "rb") as fh:
        return _WORD_STREAM in fh.read(64 * 1024 * 1024)


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True                      # UTF-16 with BOM
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if controls > len(head) * 0.01:
        return False
    return decode_text(head, strict=True) is not None


def decode_text(data: bytes, *, strict: bool = False) -> str | None:
    """Decode text in the encodings Chinese offices use; None when nothing fits and `strict`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8-sig", "gb18030", "big5"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            # A sniffing window may cut a multi-byte character at its end.
            if strict and exc.start >= len(data) - 4:
                return data[: exc.start].decode(encoding, errors="strict")
            continue
    return None if strict else data.decode("utf-8", errors="replace")
