"""The bad-input corpus: what a mail room sends, generated into a folder on demand.

Every file is made here from nothing (fpdf2, Pillow, python-docx, hand-written PDF and ZIP
bytes), never downloaded and never committed. `build_corpus(folder)` writes them all and says,
for each, what reading it must give: a document, or an error record with one of a few codes.

Run `.venv/bin/python tests/hardening/badinput.py DIR` to look at the files by hand.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from models import ErrorCode

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# Text the "good" scans and PDFs carry, so a test can tell a real read from an empty one.
PDF_TEXT = "Quality Award Notice 2023 deadline August 5"
SCAN_TEXT = "关于开展质量奖评选表彰工作的通知"
# A local file an XML external entity would pull in if entities were ever resolved.
LEAK_MARKER = "LEAKED-BY-XML-ENTITY"
# Where every link, entity and tracker in the corpus points; tests listen there and count
# connections (there must be none). Port 9 (discard) when nobody listens.
TRAP_URL = "http://127.0.0.1:9/trap"


@dataclass(frozen=True)
class BadInput:
    kind: str
    path: Path
    # None: the file must be read into a Document; otherwise the error codes it may give.
    expect: frozenset[ErrorCode] | None
    note: str

    @property
    def must_read(self) -> bool:
        return self.expect is None


# ---------------------------------------------------------------- PDF makers

def text_pdf_bytes(lines: list[str] | None = None, pages: int = 1, size_pt: tuple[float, float] = (595, 842),
                   user_password: str | None = None) -> bytes:
    """A born-digital Latin-text PDF (fpdf2's core font: no font files needed)."""
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF(unit="pt", format=size_pt)
    pdf.set_creation_date(dt.datetime(2023, 6, 27, tzinfo=dt.timezone.utc))   # same bytes each run
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=min(12, size_pt[1] / 6))
    for number in range(1, pages + 1):
        pdf.add_page()
        for row, text in enumerate(lines or [PDF_TEXT, f"page {number}"]):
            pdf.set_xy(4, 4 + row * min(14, size_pt[1] / 5))
            pdf.cell(text=text)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-password", user_password=user_password,
                           encryption_method=EncryptionMethod.AES_128)
    return bytes(pdf.output())


def raw_pdf(objects: list[bytes], *, broken_xref: bool = False) -> bytes:
    """A PDF from object bodies (object 1 must be the catalog), with a correct or a lying xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % ((offset * 7 + 13) if broken_xref else offset)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref_at + (5 if broken_xref else 0))
    return bytes(out)


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def text_page_objects(text: str = PDF_TEXT) -> list[bytes]:
    content = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def image_bomb_pdf() -> bytes:
    """A scanned-looking page (no text) whose one image declares 200,000 x 200,000 pixels.

    The stream is a few hundred bytes of deflated zeros: a renderer that trusts the declared size
    allocates gigabytes before it finds out.
    """
    side = 200_000
    data = zlib.compress(b"\x00" * 65536, 9)
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /XObject << /Im0 5 0 R >> >> >>",
        _stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q"),
        _stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Filter /FlateDecode" % (side, side), data),
    ])


def reference_cycle_pdf() -> bytes:
    """A page whose MediaBox is object 4, which is a reference to object 5, which refers back to
    object 4: a resolver without a bound follows the circle for ever."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox 4 0 R /Contents 5 0 R >>",
        b"5 0 R",
        b"4 0 R",
    ])


def giant_page_pdf() -> bytes:
    """A page 200 inches square (the PDF maximum) holding one square: rendered for OCR at
    200 dpi it would be 1.6 gigapixels."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R >>",
        _stream(b"", b"0 0 1 rg 10 10 100 100 re f"),
    ])


# ---------------------------------------------------------------- image makers

def _font(size: int):
    from PIL import ImageFont
    return ImageFont.truetype(str(CJK_FONT), size=size, index=2)   # index 2: Noto Sans CJK SC


def text_scan(width: int = 1240, height: int = 600, text: str = SCAN_TEXT, mode: str = "RGB"):
    from PIL import Image, ImageDraw
    image = Image.new(mode, (width, height), "white")
    size = max(24, width // (len(text) + 4))
    ImageDraw.Draw(image).text((size, height // 3), text, fill="black", font=_font(size))
    return image


def cat_picture():
    """A cat, drawn: head, ears, eyes, whiskers; shapes only, no glyph anywhere."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (640, 480), (180, 210, 230))
    draw = ImageDraw.Draw(image)
    draw.ellipse((170, 120, 470, 400), fill=(200, 120, 50))
    draw.polygon([(190, 190), (220, 60), (290, 140)], fill=(200, 120, 50))
    draw.polygon([(450, 190), (420, 60), (350, 140)], fill=(200, 120, 50))
    for x in (260, 380):
        draw.ellipse((x - 25, 210, x + 25, 260), fill=(240, 230, 90))
        draw.ellipse((x - 6, 215, x + 6, 255), fill="black")
    draw.polygon([(305, 290), (335, 290), (320, 310)], fill=(230, 120, 140))
    for dy in (-12, 0, 12):
        draw.line((330, 305 + dy, 480, 290 + 2 * dy), fill="black", width=2)
        draw.line((310, 305 + dy, 160, 290 + 2 * dy), fill="black", width=2)
    return image.resize((320, 240))     # a thumbnail keeps each OCR pass over it short


def image_bytes(image, fmt: str, **options) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **options)
    return buf.getvalue()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header declares width x height (10 gigapixels) over a few bytes of data."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)   # 8-bit greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 4096)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- Office and HTML makers

def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return _rewrite_zip(buf.getvalue(), lambda name, body: body)   # fixed member dates


def _rewrite_zip(data: bytes, edit: Callable[[str, bytes], bytes | None],
                 extra: dict[str, bytes] | None = None) -> bytes:
    """Copy a ZIP, passing each member through `edit` (None drops it), then add `extra`;
    members are deflated and dated 2023-06-27."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = edit(info.filename, src.read(info))
            if body is not None:
                dst.writestr(_dated(info.filename), body)
        for name, body in (extra or {}).items():
            dst.writestr(_dated(name), body)
    return out.getvalue()


def _dated(name: str) -> zipfile.ZipInfo:
    # A fixed date keeps the bytes, and so every fuzz seed's replay, the same from run to run.
    info = zipfile.ZipInfo(name, date_time=(2023, 6, 27, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def docx_with_links_and_macros(leak_file: Path, trap_url: str = TRAP_URL) -> bytes:
    """A Word file saved macro-enabled: a VBA project, an external template, an external
    hyperlink, a linked (not embedded) picture, and XML entities pointing at a local file and
    at a URL. Reading it must give the visible text and follow none of them."""
    base = docx_bytes(["关于开展质量奖评选表彰工作的通知", "请点击链接下载申报表。"])
    entities = (f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "file://{leak_file}">'
                f'<!ENTITY remote SYSTEM "{trap_url}/entity">]>').encode()
    link_run = (b'<w:p><w:hyperlink r:id="rIdTrapLink"><w:r><w:t>download</w:t></w:r></w:hyperlink>'
                b'<w:r><w:t>&leak;&remote;</w:t></w:r></w:p>')
    linked_pic = (b'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
                  b'style="width:10pt;height:10pt"><v:imagedata r:id="rIdTrapPic"/></v:shape>'
                  b'</w:pict></w:r></w:p>')
    rels = (f'<Relationship Id="rIdTrapLink" TargetMode="External" Target="{trap_url}/link" '
            f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>'
            f'<Relationship Id="rIdTrapPic" TargetMode="External" Target="{trap_url}/pic.png" '
            f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
            f'<Relationship Id="rIdVba" Target="vbaProject.bin" '
            f'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>').encode()

    def edit(name: str, body: bytes) -> bytes:
        if name == "word/document.xml":
            body = body.replace(b"?>", b"?>" + entities, 1)
            return body.replace(b"</w:body>", link_run + linked_pic + b"</w:body>")
        if name == "word/settings.xml":
            return re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdTemplate"/>',
                          body, count=1)
        if name == "word/_rels/document.xml.rels":
            return body.replace(b"</Relationships>", rels + b"</Relationships>")
        if name == "[Content_Types].xml":
            return body.replace(
                b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                b"application/vnd.ms-word.document.macroEnabled.main+xml").replace(
                b"</Types>",
                b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
        return body

    return _rewrite_zip(base, edit, extra={
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name = \"AutoOpen\"" * 8,
        "word/_rels/settings.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdTemplate" TargetMode="External" Target="{trap_url}/template.dotm" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"/>'
            '</Relationships>').encode(),
    })


def docx_entity_bomb() -> bytes:
    """A .docx whose XML declares a billion-laughs entity: expanding it would take gigabytes."""
    base = docx_bytes(["正文第一段"])
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'.encode()

    def edit(name: str, body: bytes) -> bytes:
        if name == "word/document.xml":
            body = body.replace(b"?>", b"?>" + doctype, 1)
            return body.replace(b"</w:body>", b"<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>")
        return body
    return _rewrite_zip(base, edit)


def docx_zip_bomb(inflated_mib: int = 640) -> bytes:
    """A .docx whose document.xml inflates to `inflated_mib` MiB of spaces from ~0.6 MB on disk.

    A fully flushed deflate block of 16 MiB of spaces compresses to the same bytes every time,
    so the bomb is made by repetition in well under a second and written as a hand-made ZIP.
    """
    block = b" " * (1 << 24)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    unit = deflate.compress(block) + deflate.flush(zlib.Z_FULL_FLUSH)
    count = inflated_mib // 16
    body = unit * count + deflate.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    members = []
    with zipfile.ZipFile(io.BytesIO(docx_bytes(["正文"]))) as src:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                data = src.read(info)
                members.append((info.filename, 0, zlib.crc32(data), data, len(data)))
    members.append(("word/document.xml", 8, crc, body, count * len(block)))
    return _zip_by_hand(members)


def _zip_by_hand(members: list[tuple[str, int, int, bytes, int]]) -> bytes:
    """A ZIP from (name, method, crc, stored bytes, inflated size) without recompressing."""
    out, central = bytearray(), bytearray()
    for name, method, crc, data, size in members:
        raw = name.encode()
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc,
                               len(data), size, len(raw), 0, 0, 0, 0, 0, len(out)) + raw
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), size,
                           len(raw), 0) + raw + data
    return bytes(out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members),
                                             len(members), len(central), len(out), 0))


def docx_unknown_zip_version() -> bytes:
    """A .docx whose central directory says its first member needs ZIP version 20.3 to extract
    (zipfile knows up to 6.3): a damaged header the fuzzer found escaping as a crash."""
    data = bytearray(docx_bytes(["正文"]))
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = struct.pack("<H", 203)
    return bytes(data)


def junk_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("junk.bin", bytes(range(256)) * 64)
        zf.writestr("readme.txt", "not a Word document")
    return out.getvalue()


def hostile_html(trap_url: str = TRAP_URL) -> bytes:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于开展质量奖评选表彰工作的通知</title>
<meta http-equiv="refresh" content="0; url={trap_url}/refresh">
<link rel="stylesheet" href="{trap_url}/style.css">
<script src="{trap_url}/tracker.js"></script>
<script>document.write("SCRIPT-TEXT-MUST-NOT-APPEAR"); fetch("{trap_url}/beacon");</script>
<style>body {{ background: url({trap_url}/bg.png); }}</style></head>
<body onload="fetch('{trap_url}/onload')">
<p>各有关单位：</p>
<p>请于2023年8月5日前报送申报材料。</p>
<img src="{trap_url}/pixel.gif" width="1" height="1" alt="">
<iframe src="{trap_url}/frame">IFRAME-TEXT-MUST-NOT-APPEAR</iframe>
<object data="{trap_url}/object.swf">OBJECT-TEXT-MUST-NOT-APPEAR</object>
<noscript><img src="{trap_url}/noscript.gif">NOSCRIPT-TEXT-MUST-NOT-APPEAR</noscript>
</body></html>
""".encode()


def deep_html(depth: int = 20_000) -> bytes:
    """Tags nested `depth` deep around one line: quadratic or recursive tree walks choke on it."""
    return ("<html><body>" + "<div>" * depth + "各有关单位：请按时申报。" + "</div>" * depth
            + "</body></html>").encode()


def html_with_entities(leak_file: Path, trap_url: str = TRAP_URL) -> bytes:
    """An XHTML-looking page whose DOCTYPE defines entities for a local file and a URL."""
    return (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY leak SYSTEM "file://{leak_file}">'
            f'<!ENTITY remote SYSTEM "{trap_url}/entity">]>'
            '<html><body><p>各有关单位：请按时申报。</p><p>&leak;&remote;</p></body></html>').encode()


def pdf_with_actions(trap_url: str = TRAP_URL) -> bytes:
    """A text PDF that runs JavaScript on open, launches a program, links to a URL and pulls
    an external stream: a reader only extracts text."""
    objects = text_page_objects()
    objects[0] = (b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R"
                  b" /Names << /JavaScript << /Names [(x) 6 0 R] >> >> >>")
    objects[2] = objects[2].replace(b"/Contents 4 0 R", b"/Contents 4 0 R /Annots [7 0 R] /AA << /O 8 0 R >>")
    js = f"app.launchURL('{trap_url}/js', true); this.submitForm('{trap_url}/form');".encode()
    objects += [
        b"<< /S /JavaScript /JS (" + js + b") >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /URI /URI ("
        + f"{trap_url}/uri".encode() + b") >> >>",
        b"<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) >> >>",
    ]
    return raw_pdf(objects)


# ---------------------------------------------------------------- the corpus

def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


E = ErrorCode
READ = None
# What each kind must give: READ (a Document) or one of these error codes. A table apart from
# the makers, so tests can be parametrised without building the corpus.
EXPECTED: dict[str, frozenset[ErrorCode] | None] = {
    "zero_byte": frozenset({E.EMPTY_FILE}),
    "truncated_pdf": frozenset({E.CORRUPT}),
    "broken_xref_pdf": READ,
    "garbage_pdf": frozenset({E.CORRUPT}),
    "encrypted_pdf": frozenset({E.ENCRYPTED}),
    "encrypted_empty_password_pdf": READ,
    "pdf_image_bomb": frozenset({E.TOO_LARGE}),
    "pdf_giant_page": frozenset({E.TOO_LARGE}),
    "image_bomb": frozenset({E.TOO_LARGE}),
    "jpeg_named_pdf": READ,
    "truncated_jpeg": frozenset({E.CORRUPT}),
    "junk_zip_docx": frozenset({E.UNSUPPORTED_TYPE}),
    "docx_unknown_zip_version": frozenset({E.UNSUPPORTED_TYPE, E.CORRUPT}),
    "docx_links_macros": READ,
    "docx_entity_bomb": frozenset({E.CORRUPT}),
    "docx_zip_bomb": frozenset({E.TOO_LARGE}),
    "html_scripts_trackers": READ,
    "html_deep_nesting": READ,
    "html_entities": READ,
    "pdf_actions_links": READ,
    "pdf_reference_cycle": frozenset({E.CORRUPT}),
    "legacy_doc": frozenset({E.UNSUPPORTED_TYPE}),
    "binary_noise": frozenset({E.UNSUPPORTED_TYPE}),
    "cat_image": frozenset({E.NO_TEXT}),
    "one_pixel_image": frozenset({E.NO_TEXT}),
    "scan_100_megapixel": READ,
    "directory": frozenset({E.UNSUPPORTED_TYPE}),
    "named_pipe": frozenset({E.UNSUPPORTED_TYPE}),
    "missing_file": frozenset({E.NOT_FOUND}),
    "unreadable_permissions": frozenset({E.PERMISSION_DENIED}),
    "name_spaces": READ,
    "name_unicode": READ,
    "name_leading_dash": READ,
    "name_dotdot": READ,
    "name_dotdot_path": READ,
}
KINDS = tuple(EXPECTED)


def build_corpus(folder: Path, *, trap_url: str = TRAP_URL) -> list[BadInput]:
    """Write every bad input under `folder` (about 3 s, 2.5 MB) and say what each must give."""
    folder.mkdir(parents=True, exist_ok=True)
    good_pdf = text_pdf_bytes(pages=3)
    leak = _write(folder, "private/leak.txt", LEAK_MARKER.encode())
    cases: list[BadInput] = []

    def case(kind: str, name: str, data: bytes | None, note: str) -> None:
        path = _write(folder, name, data) if data is not None else folder / name
        cases.append(BadInput(kind, path, EXPECTED[kind], note))

    case("zero_byte", "empty.pdf", b"", "0 bytes")
    case("truncated_pdf", "truncated.pdf", good_pdf[: len(good_pdf) * 2 // 5],
         "a PDF cut after 40 % of its bytes: no xref, no trailer, page tree gone")
    case("broken_xref_pdf", "broken-xref.pdf", raw_pdf(text_page_objects(), broken_xref=True),
         "every xref offset wrong; the objects are intact, so a recovering reader finds the text")
    case("garbage_pdf", "garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40,
         "a PDF header over noise")
    case("encrypted_pdf", "encrypted.pdf", text_pdf_bytes(user_password="s3cret-Pw"),
         "AES-128, a user password is needed to open it")
    case("encrypted_empty_password_pdf", "encrypted-empty-password.pdf",
         text_pdf_bytes(user_password=""),
         "AES-128 with an empty user password: opens without asking, like any viewer does")
    case("pdf_image_bomb", "image-bomb.pdf", image_bomb_pdf(),
         "a text-less page with a 200,000 x 200,000 image: rendering it for OCR must refuse")
    case("pdf_giant_page", "giant-page.pdf", giant_page_pdf(),
         "a text-less 200 x 200 inch page: 1.6 gigapixels at OCR's 200 dpi")
    case("image_bomb", "bomb.png", png_bomb(),
         "PNG header declares 100,000 x 100,000 pixels over 4 kB of data")
    case("jpeg_named_pdf", "scan-named-as.pdf", image_bytes(text_scan(), "JPEG", quality=90),
         "a JPEG scan saved as .pdf: read by content, as an image")
    case("truncated_jpeg", "cut-short.jpg", image_bytes(text_scan(), "JPEG")[:1500], "a JPEG cut short")
    case("junk_zip_docx", "junk.docx", junk_zip(),
         "a ZIP of junk named .docx")
    case("docx_unknown_zip_version", "zip-version.docx", docx_unknown_zip_version(),
         "the ZIP directory asks for an extractor version that does not exist")
    case("docx_links_macros", "links-and-macros.docx",
         docx_with_links_and_macros(leak.resolve(), trap_url),
         "macro-enabled Word file with external links, a linked picture and XML entities")
    case("docx_entity_bomb", "entity-bomb.docx", docx_entity_bomb(),
         "billion-laughs entities in document.xml: the XML parser refuses the amplification")
    case("docx_zip_bomb", "zip-bomb.docx", docx_zip_bomb(),
         "document.xml inflates to 640 MiB, more than the unpacked-size limit")
    case("html_scripts_trackers", "scripts.html", hostile_html(trap_url),
         "scripts, tracking pixels, frames, refresh: only the visible text is read")
    case("html_deep_nesting", "deep.html", deep_html(),
         "tags nested 20,000 deep: read in one linear pass")
    case("html_entities", "entities.xhtml", html_with_entities(leak.resolve(), trap_url),
         "DOCTYPE entities for a local file and a URL: never resolved")
    case("pdf_actions_links", "actions.pdf", pdf_with_actions(trap_url),
         "JavaScript on open, a Launch action, a URI link: only the text is read")
    case("pdf_reference_cycle", "reference-cycle.pdf", reference_cycle_pdf(),
         "two objects referring to each other where the MediaBox should be")
    case("legacy_doc", "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048, "an OLE container without a Word stream")
    case("binary_noise", "noise.txt", bytes(range(256)) * 16,
         "binary bytes named .txt")
    case("cat_image", "cat.png", image_bytes(cat_picture(), "PNG"),
         "a photo-like picture of a cat: no text at all")
    case("one_pixel_image", "pixel.png", image_bytes(text_scan(1, 1), "PNG"),
         "1 x 1 pixel")
    case("scan_100_megapixel", "scan-100mp.png",
         image_bytes(text_scan(10_000, 10_000, mode="L"), "PNG", compress_level=1),
         "a 10,000 x 10,000 scan (100 MP) with one line of text: within the default limit")
    directory = folder / "folder.pdf"
    directory.mkdir(exist_ok=True)
    case("directory", "folder.pdf", None, "a folder named like a file")
    fifo = folder / "pipe.pdf"
    if not fifo.exists():
        os.mkfifo(fifo)
    case("named_pipe", "pipe.pdf", None,
         "a FIFO named like a file: opening it to read would wait for ever")
    case("missing_file", "does-not-exist.pdf", None, "named but absent")
    case("unreadable_permissions", "locked.pdf", good_pdf,
         "mode 000 (only meaningful when not run as root)")
    (folder / "locked.pdf").chmod(0)
    notice = hostile_html(trap_url)
    for kind, name in [("name_spaces", "notice with  spaces .html"),
                       ("name_unicode", "通知（2023）第11号 ཡིག་ཆ.html"),
                       ("name_leading_dash", "-rf --out=x.html"),
                       ("name_dotdot", "..notice...html"),
                       ("name_dotdot_path", "sub/../via-dotdot.html")]:
        (folder / "sub").mkdir(exist_ok=True)
        case(kind, name, notice, "an ordinary notice under an awkward name")
    return cases


def many_pages_pdf(pages: int) -> bytes:
    """Tiny one-line pages, for streaming tests (2,000 pages in about a second)."""
    return text_pdf_bytes(pages=pages, size_pt=(144, 72), lines=[PDF_TEXT[:20]])


# ---------------------------------------------------------------- fuzzing

def fuzz_seeds() -> dict[str, tuple[str, bytes]]:
    """Small valid files per entry point, as (suffix, bytes): the mutators start from these."""
    return {
        "pdf_raw": (".pdf", raw_pdf(text_page_objects())),
        "pdf_fpdf": (".pdf", text_pdf_bytes(pages=2)),
        "docx": (".docx", docx_bytes(["关于开展质量奖评选表彰工作的通知", "各有关单位：", "联系电话：0891-1234567"])),
        "html": (".html", hostile_html()),
    }


_TOKENS = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"/Length 999999999",
           b"/Count -1", b"/Kids [3 0 R 3 0 R]", b"4 0 R", b"/Parent 3 0 R", b"/MediaBox 5 0 R", b"<<", b">>", b"[", b"]", b"(", b")", b"\x00",
           b"<w:p>", b"</w:p>", b"<w:tbl>", b"&#0;", b"<!ENTITY", b"<script>", b"<table>", b"\xff\xfe"]


def mutate(data: bytes, rng) -> bytes:
    """A few random edits (flip, cut, insert a structural token, duplicate, truncate) to `data`;
    `rng` is a `random.Random`, so a failing case is replayed from its seed."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.choice(("flip", "cut", "token", "dup", "truncate"))
        at = rng.randrange(len(out) + 1)
        if op == "flip" and out:
            at = min(at, len(out) - 1)
            out[at] = rng.randrange(256)
        elif op == "cut":
            del out[at:at + rng.randint(1, 64)]
        elif op == "token":
            out[at:at] = rng.choice(_TOKENS)
        elif op == "dup":
            out[at:at] = out[at:at + rng.randint(1, 256)] * rng.randint(1, 8)
        elif op == "truncate" and rng.random() < 0.3:
            del out[at:]
    return bytes(out)


def mutate_docx_xml(data: bytes, rng) -> bytes:
    """Mutate the XML inside a .docx and re-zip it: raw byte edits mostly only break the ZIP's
    checksums, this reaches the XML and python-docx behind it."""
    def edit(name: str, body: bytes) -> bytes:
        return mutate(body, rng) if name.endswith(".xml") and rng.random() < 0.7 else body
    return _rewrite_zip(data, edit)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "var/badinput")
    for item in build_corpus(target):
        expect = "read" if item.must_read else "/".join(sorted(c.value for c in item.expect))
        print(f"{item.kind:32} {expect:22} {item.path}")
