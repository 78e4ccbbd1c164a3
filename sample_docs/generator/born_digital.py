"""Born-digital renderings of the sample notices: PDF with a text layer, DOCX, and HTML for web copies.

Every `<stem>.txt` under sample_docs/seeds/ and sample_docs/notices/ becomes
`pdf/<stem>.pdf` (A4, red letterhead, centred title, `— N —` page footers) and `docx/<stem>.docx`;
a notice copied from a web page (a 发布时间/发布日期 line near the top) also becomes `html/<stem>.html`
with site chrome around it, and one notice becomes `pdf/two_column/<stem>.pdf` to test reading order.

Fonts: Noto CJK on Debian ships CFF outlines in a .ttc. fpdf2 embeds those as CIDFontType0C with an
embedded encoding CMap that pdfminer (hence pdfplumber) cannot read: the text layer comes back empty.
So the SC face is subset to the characters the corpus uses and its outlines converted to TrueType
(fontTools cu2qu); fpdf2 embeds that as CIDFontType2/Identity-H, which pdfplumber reads back.
Tibetan lines use Tibetan Machine Uni with HarfBuzz shaping.

Output is byte-identical between runs: fixed creation dates, fixed zip timestamps, no clocks read.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import re
import tempfile
import zipfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable
from fpdf import FPDF
from fpdf.enums import Align

SOURCE_DIRS = ("seeds", "notices")
TWO_COLUMN_STEM = "n03_jiangsu_zhuanli"
FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

NOTO_SERIF = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
NOTO_SANS_BOLD = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
TIBETAN_FONT = Path("/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SC_FACE_NAME = "Noto Serif CJK SC", "Noto Sans CJK SC Bold"

RED = (200, 16, 16)
PAGE_NUMBER_LINE = re.compile(r"^\s*[—–\-]{1,2}\s*\d{1,3}\s*[—–\-]{1,2}\s*$")
TIBETAN = re.compile(r"[\u0F00-\u0FFF]")
DOC_NUMBER_LINE = re.compile(r"^\S{1,14}\s*[〔\[（(【]?\s*(19|20)\d\d\s*[〕\]）)】]\s*\d+\s*号$")
TITLE_HINT = re.compile(r"关于|關於|關于|通知|办法|辦法|细则|細則|解\s*读|公告")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+章|PART\s*\d+)")
DATE_LINE = re.compile(r"^(?:(19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:印发)?|(19|20)\d{6})$")
PUBLISHED_LINE = re.compile(r"发布时间|發布時間|发布日期|發布日期")
FIELD_LINE = re.compile(r"^(联\s*系\s*人|联系电话|电\s*话|传\s*真|邮\s*箱|电子邮箱|电子信箱|地\s*址|邮\s*编"
                        r"|聯\s*系\s*人|聯繫人|電\s*話|傳\s*真|電子郵箱|郵\s*箱|地\s*址|郵\s*遞區號)\s*[：:]")
ATTACHMENT_ITEM = re.compile(r"^-?\s*(?:附件[：:]\s*)?\d{1,2}\s*[.．、]")


class Role(Enum):
    LETTERHEAD = "letterhead"
    DOC_NUMBER = "doc_number"
    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    SIGNATURE = "signature"
    BLANK = "blank"


@dataclass(frozen=True)
class Block:
    role: Role
    text: str

    @property
    def is_tibetan(self) -> bool:
        return bool(TIBETAN.search(self.text))


@dataclass(frozen=True)
class Notice:
    stem: str
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


# ---------------------------------------------------------------- layout roles


def _letterhead_end(lines: list[str]) -> int:
    """Index after the letterhead: the opening lines up to a `…文件` line, if it comes early."""
    seen = 0
    for i, line in enumerate(lines):
        squashed = re.sub(r"\s+", "", line)
        if not squashed:
            continue
        seen += 1
        if seen > 8 or DOC_NUMBER_LINE.match(squashed) or squashed.startswith("关于"):
            return 0
        if squashed.endswith("文件"):
            return i + 1
    return 0


def layout_blocks(lines: list[str]) -> list[Block]:
    """Give each source line the role it plays on an official document's page (page numbers dropped)."""
    head_end = _letterhead_end(lines)
    blocks: list[Block] = []
    title_done = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blocks.append(Block(Role.BLANK, ""))
            continue
        if PAGE_NUMBER_LINE.match(line):
            continue
        squashed = re.sub(r"\s+", "", line)
        if i < head_end:
            role = Role.LETTERHEAD
        elif DOC_NUMBER_LINE.match(squashed) and not title_done:
            role = Role.DOC_NUMBER
        elif not title_done and len(squashed) <= 60 and TITLE_HINT.search(line) and i < head_end + 14:
            role = Role.TITLE
        elif DATE_LINE.match(squashed):
            role = Role.SIGNATURE
        elif HEADING.match(line) and len(line) <= 40:
            role = Role.HEADING
        else:
            role = Role.BODY
        follows_title = bool(blocks) and blocks[-1].role is Role.TITLE
        if (role is Role.BODY and follows_title and not title_done and len(squashed) <= 40
                and not squashed.endswith(("：", ":", "。"))):
            role = Role.TITLE  # a title wrapped over several source lines
        if role is not Role.TITLE and any(b.role is Role.TITLE for b in blocks):
            title_done = True
        blocks.append(Block(role, line))
    return _mark_signatures(blocks)


def _mark_signatures(blocks: list[Block]) -> list[Block]:
    """The short issuer line(s) right above a date line are a signature block, set flush right."""
    out = list(blocks)
    for i, block in enumerate(out):
        if block.role is not Role.SIGNATURE:
            continue
        j = i - 1
        while j >= 0 and out[j].role is Role.BLANK:
            j -= 1
        for k in (j, j - 1):
            if k >= 0 and out[k].role is Role.BODY and len(out[k].text) <= 24 and not out[k].text.endswith(("。", "：", ":")):
                out[k] = Block(Role.SIGNATURE, out[k].text)
            else:
                break
    return out


# ---------------------------------------------------------------- fonts


def _truetype_from_cff(collection: Path, face_name: str, text: str, dest: Path) -> Path:
    """Subset one face of a CFF .ttc to `text` and rewrite its outlines as TrueType quadratics."""
    faces = TTCollection(str(collection), lazy=True).fonts
    font = next(f for f in faces if f["name"].getDebugName(4) == face_name)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcTimestamp = False  # keeps the file, hence the PDFs, byte-identical between runs
    font.save(str(dest))
    return dest


@dataclass(frozen=True)
class FontFiles:
    serif: Path
    bold: Path


def build_fonts(text: str, workdir: Path) -> FontFiles:
    chars = "".join(sorted(set(text) | set("— 0123456789")))
    return FontFiles(
        serif=_truetype_from_cff(NOTO_SERIF, SC_FACE_NAME[0], chars, workdir / "serif.ttf"),
        bold=_truetype_from_cff(NOTO_SANS_BOLD, SC_FACE_NAME[1], chars, workdir / "bold.ttf"),
    )


# ---------------------------------------------------------------- PDF


class NoticePDF(FPDF):
    """A4 page with `— N —` centred at the foot, as on printed government documents."""

    def footer(self) -> None:
        self.set_y(-18)
        self.set_font("serif", size=11)
        self.set_text_color(0, 0, 0)
        self.cell(0, 8, f"— {self.page_no()} —", align=Align.C)


def _new_pdf(fonts: FontFiles, title: str) -> NoticePDF:
    pdf = NoticePDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_creator("award-intake sample_docs.generator.born_digital")
    pdf.set_lang("zh-CN")
    pdf.set_margins(26, 30, 26)
    pdf.set_auto_page_break(True, margin=28)
    pdf.add_font("serif", fname=str(fonts.serif))
    pdf.add_font("bold", fname=str(fonts.bold))
    pdf.add_font("tibetan", fname=str(TIBETAN_FONT))
    pdf.add_font("dejavu", fname=str(DEJAVU))
    pdf.set_fallback_fonts(["dejavu"])
    return pdf


STYLE = {  # role -> (font, size pt, line height mm, align, colour)
    Role.LETTERHEAD: ("bold", 22, 12, Align.C, RED),
    Role.DOC_NUMBER: ("serif", 12, 9, Align.C, (0, 0, 0)),
    Role.TITLE: ("bold", 16, 9, Align.C, (0, 0, 0)),
    Role.HEADING: ("bold", 12, 7.5, Align.L, (0, 0, 0)),
    Role.BODY: ("serif", 12, 7.5, Align.L, (0, 0, 0)),
    Role.SIGNATURE: ("serif", 12, 7.5, Align.R, (0, 0, 0)),
}


def _write_block(pdf: FPDF, block: Block) -> None:
    if block.role is Role.BLANK:
        pdf.ln(2.5)
        return
    font, size, height, align, colour = STYLE[block.role]
    pdf.set_text_color(*colour)
    if block.is_tibetan:
        pdf.set_text_shaping(True)
        pdf.set_font("tibetan", size=size)
    else:
        pdf.set_font(font, size=size)
    pdf.multi_cell(0, height, block.text, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_shaping(False)


def _red_rule(pdf: FPDF) -> None:
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.8)
    y = pdf.get_y() + 1
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_y(y + 3)


def render_pdf(notice: Notice, fonts: FontFiles) -> bytes:
    blocks = layout_blocks(notice.lines)
    title = next((b.text for b in blocks if b.role is Role.TITLE), notice.stem)
    pdf = _new_pdf(fonts, title)
    pdf.add_page()
    for i, block in enumerate(blocks):
        _write_block(pdf, block)
        # the red rule under the letterhead + doc number, as on a 红头文件
        if block.role is Role.DOC_NUMBER and (i + 1 == len(blocks) or blocks[i + 1].role is not Role.DOC_NUMBER):
            if any(b.role is Role.LETTERHEAD for b in blocks[:i]):
                _red_rule(pdf)
    return bytes(pdf.output())


def render_two_column_pdf(notice: Notice, fonts: FontFiles) -> bytes:
    """Title block across the page, body set in two balanced columns."""
    blocks = layout_blocks(notice.lines)
    head_end = max((i + 1 for i, b in enumerate(blocks) if b.role in (Role.LETTERHEAD, Role.DOC_NUMBER, Role.TITLE)),
                   default=0)
    head, body = blocks[:head_end], blocks[head_end:]
    title = next((b.text for b in blocks if b.role is Role.TITLE), notice.stem)
    pdf = _new_pdf(fonts, title)
    pdf.set_margins(18, 22, 18)
    pdf.add_page()
    for block in head:
        _write_block(pdf, block)
    pdf.ln(3)
    with pdf.text_columns(ncols=2, gutter=8, balance=True, text_align="LEFT", line_height=1.35) as cols:
        for block in body:
            if block.role is Role.BLANK:
                continue
            font = "bold" if block.role is Role.HEADING else "serif"
            align = "RIGHT" if block.role is Role.SIGNATURE else "LEFT"
            with cols.paragraph(text_align=align, bottom_margin=1.2) as par:
                pdf.set_font("tibetan" if block.is_tibetan else font, size=10.5)
                par.write(block.text)
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX


def _east_asian(run, font_name: str) -> None:
    run.font.name = font_name
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font_name)


def _add_page_number_footer(document: docx.document.Document) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    paragraph.add_run(" —")


def _table_runs(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """Group blocks into ('para', [b]) and ('fields'|'attachments', [b, ...]) runs of ≥ 2 lines."""
    groups: list[tuple[str, list[Block]]] = []
    for block in blocks:
        kind = "para"
        if block.role is Role.BODY and FIELD_LINE.match(block.text):
            kind = "fields"
        elif block.role is Role.BODY and ATTACHMENT_ITEM.match(block.text):
            kind = "attachments"
        if kind != "para" and groups and groups[-1][0] == kind:
            groups[-1][1].append(block)
        elif block.role is Role.BLANK and groups and groups[-1][0] != "para":
            continue  # blank lines inside a contact block do not break the table
        else:
            groups.append((kind, [block]))
    return [(k if len(bs) >= 2 else "para", bs) for k, bs in groups]


def _add_table(document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for left, right in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right


def _split_field(text: str) -> tuple[str, str]:
    """`联系人：张三` -> (`联系人：`, `张三`): the colon stays so the table keeps every character."""
    label, value = re.match(r"^(.*?[：:])\s*(.*)$", text).groups()
    return label.strip(), value.strip()


def render_docx(notice: Notice) -> bytes:
    blocks = layout_blocks(notice.lines)
    document = docx.Document()
    core = document.core_properties
    core.author = core.last_modified_by = "award-intake"
    core.created = core.modified = FIXED_DATE.replace(tzinfo=None)
    core.revision = 1
    core.title = next((b.text for b in blocks if b.role is Role.TITLE), notice.stem)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    _add_page_number_footer(document)

    for kind, group in _table_runs(blocks):
        if kind == "fields":
            _add_table(document, [_split_field(b.text) for b in group if b.role is not Role.BLANK])
            continue
        if kind == "attachments":
            rows = [re.match(r"^(-?\s*(?:附件[：:]\s*)?\d{1,2}\s*[.．、])\s*(.*)$", b.text).groups() for b in group]
            _add_table(document, rows)
            continue
        block = group[0]
        if block.role is Role.BLANK:
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        font, size, _, align, colour = STYLE[block.role]
        run.font.size = Pt(size)
        run.font.bold = font == "bold"
        run.font.color.rgb = RGBColor(*colour)
        _east_asian(run, "黑体" if font == "bold" else "仿宋")
        paragraph.alignment = {Align.C: WD_ALIGN_PARAGRAPH.CENTER, Align.R: WD_ALIGN_PARAGRAPH.RIGHT}.get(
            align, WD_ALIGN_PARAGRAPH.LEFT)
        if block.role is Role.BODY:
            paragraph.paragraph_format.first_line_indent = Pt(24)
    buffer = io.BytesIO()
    document.save(buffer)
    return _with_fixed_zip_times(buffer.getvalue())


def _with_fixed_zip_times(package: bytes) -> bytes:
    """python-docx stamps zip members with the current time; rewrite them with a fixed one."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- HTML


def is_web_copy(notice: Notice) -> bool:
    return any(PUBLISHED_LINE.search(line) for line in notice.lines[:6])


HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery-1.12.4.min.js"></script>
<script>
var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); hm.src = "/js/stat.js?site=notice";
  var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); }})();
</script>
<style>.nav li{{display:inline;margin:0 12px}} .article p{{text-indent:2em;line-height:1.8}}</style>
</head>
<body>
<div class="top-bar"><a href="/">首页</a> | <a href="/wza/">无障碍浏览</a> | <a href="/en/">English</a> | <a href="#" onclick="return false;">繁體</a></div>
<ul class="nav">
<li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/zwgk/tzgg/">通知公告</a></li>
</ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="article">
<h1>{title}</h1>
{meta}
<div class="content">
{body}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">
<p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/privacy/">隐私声明</a></p>
<p>版权所有 · 本网站由政务服务数据管理局提供技术支持</p>
</div>
<script>document.querySelectorAll(".share a").forEach(function(a){{a.rel="nofollow";}});</script>
</body>
</html>
"""


def render_html(notice: Notice) -> str:
    lines = [line.strip() for line in notice.lines if line.strip() and not PAGE_NUMBER_LINE.match(line)]
    title, rest = lines[0], lines[1:]
    meta = ""
    if rest and PUBLISHED_LINE.search(rest[0]):
        meta = f'<div class="info">{html.escape(rest[0])}</div>'
        rest = rest[1:]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in rest)
    return HTML_PAGE.format(title=html.escape(title), meta=meta, body=body)


# ---------------------------------------------------------------- driver


def load_notices(root: Path) -> list[Notice]:
    paths = sorted(p for d in SOURCE_DIRS for p in (root / d).glob("*.txt"))
    return [Notice(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def main(out_root: Path) -> None:
    notices = load_notices(out_root)
    pdf_dir, docx_dir, html_dir = out_root / "pdf", out_root / "docx", out_root / "html"
    for folder in (pdf_dir, pdf_dir / "two_column", docx_dir, html_dir):
        folder.mkdir(parents=True, exist_ok=True)
    corpus_text = "".join(n.text for n in notices)
    with tempfile.TemporaryDirectory() as tmp:
        fonts = build_fonts(corpus_text, Path(tmp))
        for notice in notices:
            _write_if_changed(pdf_dir / f"{notice.stem}.pdf", render_pdf(notice, fonts))
            _write_if_changed(docx_dir / f"{notice.stem}.docx", render_docx(notice))
            if is_web_copy(notice):
                _write_if_changed(html_dir / f"{notice.stem}.html", render_html(notice).encode("utf-8"))
            if notice.stem == TWO_COLUMN_STEM:
                _write_if_changed(pdf_dir / "two_column" / f"{notice.stem}.pdf", render_two_column_pdf(notice, fonts))
