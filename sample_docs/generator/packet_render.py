"""Render synthetic packet documents: one block list, three outputs (docx, text PDF, scans).

Blocks are laid out once onto A4 pages in millimetres; the PDF and the page images draw the
same layout, so a scan and its text-layer twin agree except where a test plants otherwise.
"""
from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FONT_INDEX_SC = 2
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 22.0
PT_TO_MM = 25.4 / 72
SEAL_RED = (214, 32, 38)


@dataclass
class Title:
    text: str
    size: float = 16


@dataclass
class Para:
    text: str
    align: str = "left"          # left | right | center
    size: float = 11


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float]          # fractions of the text width, per column


@dataclass
class Seal:
    org: str                     # the seal's ring text; drawn over the previous block


@dataclass
class PageBreak:
    pass


Block = Title | Para | Table | Seal | PageBreak


@dataclass
class TextOp:
    x: float
    y: float                     # top of the line, mm
    size: float
    text: str


@dataclass
class RectOp:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class ImageOp:
    """A seal impression placed on the page."""
    x: float
    y: float
    w: float
    h: float
    org: str


@dataclass
class LaidPage:
    ops: list[TextOp | RectOp | ImageOp] = field(default_factory=list)


@lru_cache(maxsize=32)
def font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_PATH, px, index=FONT_INDEX_SC)


def text_width_mm(text: str, size_pt: float) -> float:
    return font(100).getlength(text) / 100 * size_pt * PT_TO_MM


def wrap(text: str, width_mm: float, size_pt: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for ch in para:
            if line and text_width_mm(line + ch, size_pt) > width_mm:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


@lru_cache(maxsize=64)
def seal_image(org: str, px: int = 420) -> Image.Image:
    """A round red organisation seal: ring, star, the name along the upper arc."""
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c, r = px / 2, px / 2 - 6
    d.ellipse((c - r, c - r, c + r, c + r), outline=SEAL_RED + (235,), width=int(px * 0.035))
    star = [(c + px * 0.13 * math.cos(math.radians(-90 + i * 36)) * (1 if i % 2 == 0 else 0.4),
             c + px * 0.13 * math.sin(math.radians(-90 + i * 36)) * (1 if i % 2 == 0 else 0.4))
            for i in range(10)]
    d.polygon(star, fill=SEAL_RED + (235,))
    chars = list(org)[:20]
    span = min(250.0, 14.0 * len(chars) + 20)
    f = font(int(px * 0.1))
    for i, ch in enumerate(chars):
        angle = -90 - span / 2 + span * (i + 0.5) / len(chars)
        a = math.radians(angle)
        tile = Image.new("RGBA", (int(px * 0.13),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=f,
                                  fill=SEAL_RED + (235,), anchor="mm")
        tile = tile.rotate(-(angle + 90), resample=Image.BICUBIC)
        rr = r * 0.72
        img.alpha_composite(tile, (int(c + rr * math.cos(a) - tile.width / 2),
                                   int(c + rr * math.sin(a) - tile.height / 2)))
    return img


def layout(blocks: list[Block]) -> list[LaidPage]:
    pages = [LaidPage()]
    y = MARGIN
    text_w = PAGE_W - 2 * MARGIN
    last_block_bottom = y

    def need(h: float) -> None:
        nonlocal y
        if y + h > PAGE_H - MARGIN:
            pages.append(LaidPage())
            y = MARGIN

    for block in blocks:
        if isinstance(block, PageBreak):
            pages.append(LaidPage())
            y = MARGIN
        elif isinstance(block, (Title, Para)):
            lh = block.size * PT_TO_MM * 1.6
            for line in wrap(block.text, text_w, block.size):
                need(lh)
                w = text_width_mm(line, block.size)
                align = "center" if isinstance(block, Title) else block.align
                x = {"left": MARGIN, "center": (PAGE_W - w) / 2,
                     "right": PAGE_W - MARGIN - w}[align]
                pages[-1].ops.append(TextOp(x, y, block.size, line))
                y += lh
            last_block_bottom = y
            y += 1.5 if isinstance(block, Para) else 4
        elif isinstance(block, Table):
            size, pad = 10.5, 1.6
            lh = size * PT_TO_MM * 1.45
            for row in block.rows:
                cells = [wrap(t, text_w * f - 2 * pad, size) for t, f in zip(row, block.widths)]
                h = max(len(c) for c in cells) * lh + 2 * pad
                need(h)
                x = MARGIN
                for lines, f in zip(cells, block.widths):
                    pages[-1].ops.append(RectOp(x, y, x + text_w * f, y + h))
                    for i, line in enumerate(lines):
                        pages[-1].ops.append(TextOp(x + pad, y + pad + i * lh, size, line))
                    x += text_w * f
                y += h
            last_block_bottom = y
            y += 3
        elif isinstance(block, Seal):
            d = 40.0
            cy = last_block_bottom - 12
            pages[-1].ops.append(ImageOp(PAGE_W - MARGIN - d - 8, cy - d / 2, d, d, block.org))
    return pages


def page_image(page: LaidPage, dpi: int = 150) -> Image.Image:
    k = dpi / 25.4
    img = Image.new("RGB", (round(PAGE_W * k), round(PAGE_H * k)), "white")
    d = ImageDraw.Draw(img)
    for op in page.ops:
        if isinstance(op, TextOp):
            d.text((op.x * k, op.y * k), op.text, font=font(round(op.size * PT_TO_MM * k)),
                   fill=(20, 20, 20))
        elif isinstance(op, RectOp):
            d.rectangle((op.x0 * k, op.y0 * k, op.x1 * k, op.y1 * k), outline=(40, 40, 40),
                        width=max(1, round(k * 0.25)))
    for op in page.ops:
        if isinstance(op, ImageOp):
            pic = seal_image(op.org).resize((round(op.w * k), round(op.h * k)))
            img.paste(pic, (round(op.x * k), round(op.y * k)), pic)
    return img


def scan_effects(img: Image.Image, rng: random.Random, *, rotate: float | None = None) -> Image.Image:
    """What a cheap office scanner does: a slight turn, grey uneven paper, noise, softness."""
    angle = rotate if rotate is not None else rng.uniform(-1.5, 1.5)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=(250, 250, 248))
    arr = np.asarray(img).astype(np.float32)
    h, w = arr.shape[:2]
    shade = np.linspace(0, rng.uniform(8, 22), w, dtype=np.float32)[None, :, None]
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 3, arr.shape[:2])[..., None]
    arr = np.clip(arr * 0.96 + 4 - shade + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.5))


def seal_png(org: str) -> bytes:
    """The seal as a small palette PNG, for embedding in docx and text PDFs."""
    buf = io.BytesIO()
    seal_image(org).resize((240, 240), Image.LANCZOS).quantize(colors=8, method=Image.FASTOCTREE) \
        .save(buf, "PNG", optimize=True)
    return buf.getvalue()


def jpeg_bytes(img: Image.Image, quality: int = 45) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


@lru_cache(maxsize=1)
def pdf_font_path() -> Path:
    """Noto Sans CJK SC cut to GB 2312 and turned into TrueType outlines.

    fpdf2 embeds the CFF original with its own CMap stream, which pdfminer (pdfplumber)
    cannot read: such a "text PDF" would look like a scan to the readers. TrueType outlines
    give an Identity-H font that every PDF library reads. Built once (~10 s), then cached.
    """
    import tempfile

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, newTable

    out = Path(tempfile.gettempdir()) / "award-intake-noto-sc-gb2312-tt.ttf"
    if out.exists():
        return out
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for hi in [*range(0xA1, 0xAA), *range(0xB0, 0xF8)]:
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    ttf = TTCollection(FONT_PATH).fonts[FONT_INDEX_SC]
    opts = subset.Options()
    opts.layout_features, opts.name_IDs, opts.notdef_outline = [], ["*"], True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(ttf)
    order, glyphs = ttf.getGlyphOrder(), ttf.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    ttf["glyf"], ttf["loca"] = glyf, newTable("loca")
    maxp = ttf["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    ttf["head"].indexToLocFormat, ttf["head"].glyphDataFormat = 0, 0
    for table in ("CFF ", "VORG"):
        if table in ttf:
            del ttf[table]
    ttf["post"].formatType = 3.0
    ttf.sfntVersion = "\x00\x01\x00\x00"
    tmp = out.with_suffix(".part")
    ttf.save(tmp)
    tmp.replace(out)
    return out


def _new_pdf():
    from fpdf import FPDF
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("noto", "", pdf_font_path())
    pdf.set_creator("award-intake sample generator")
    pdf.set_creation_date(__import__("datetime").datetime(2024, 1, 1,
                          tzinfo=__import__("datetime").timezone.utc))
    return pdf


def _draw_text_layer(pdf, page: LaidPage, *, replace: dict[str, str] | None = None) -> None:
    for op in page.ops:
        if isinstance(op, TextOp):
            text = op.text
            for old, new in (replace or {}).items():
                text = text.replace(old, new)
            pdf.set_font("noto", size=op.size)
            pdf.text(op.x, op.y + op.size * PT_TO_MM * 0.88, text)


def write_text_pdf(pages: list[LaidPage], path: Path) -> None:
    pdf = _new_pdf()
    for page in pages:
        pdf.add_page()
        pdf.set_line_width(0.25)
        for op in page.ops:
            if isinstance(op, RectOp):
                pdf.rect(op.x0, op.y0, op.x1 - op.x0, op.y1 - op.y0)
            elif isinstance(op, ImageOp):
                pdf.image(io.BytesIO(seal_png(op.org)), op.x, op.y, op.w, op.h)
        _draw_text_layer(pdf, page)
    pdf.output(str(path))


def write_scan_pdf(images: list[Image.Image], path: Path, *,
                   hidden_text: list[LaidPage] | None = None,
                   replace: dict[str, str] | None = None) -> None:
    """Page images as JPEG; with `hidden_text`, an invisible OCR-style text layer on top
    (`replace` plants words the image does not show)."""
    pdf = _new_pdf()
    for i, img in enumerate(images):
        pdf.add_page()
        pdf.image(io.BytesIO(jpeg_bytes(img)), 0, 0, PAGE_W, PAGE_H)
        if hidden_text is not None:
            with pdf.local_context(text_mode="INVISIBLE"):
                _draw_text_layer(pdf, hidden_text[i], replace=replace)
    pdf.output(str(path))


def write_docx(blocks: list[Block], path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = docx.Document()
    doc.core_properties.author = "applicant"
    doc.core_properties.created = __import__("datetime").datetime(2024, 1, 1)
    aligns = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
              "center": WD_ALIGN_PARAGRAPH.CENTER}
    for block in blocks:
        if isinstance(block, Title):
            p = doc.add_paragraph()
            p.alignment = aligns["center"]
            p.add_run(block.text).font.size = Pt(block.size)
        elif isinstance(block, Para):
            p = doc.add_paragraph()
            p.alignment = aligns[block.align]
            p.add_run(block.text).font.size = Pt(block.size)
        elif isinstance(block, Table):
            table = doc.add_table(rows=len(block.rows), cols=len(block.widths))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        elif isinstance(block, Seal):
            p = doc.add_paragraph()
            p.alignment = aligns["right"]
            p.add_run().add_picture(io.BytesIO(seal_png(block.org)), width=Mm(40))
        elif isinstance(block, PageBreak):
            doc.add_page_break()
    doc.save(str(path))
