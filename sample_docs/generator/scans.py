"""Scanned-looking page images of the seed notices, each with its ground-truth lines.

A page is laid out from seed text (A4 at 200 dpi, Noto CJK, Tibetan Machine Uni for Tibetan lines),
drawn clean, then damaged the way office scanners damage paper: grey uneven paper, a red seal
stamped over text, skew, a page fed upside down or sideways, blur, noise, JPEG. The ground truth
is the text as drawn, line by line with boxes on the upright page, so OCR can be scored per
script. `main(root)` writes the small committed set under sample_docs/scans/; the benchmark calls
`scanned_pages()` to make more pages in a temporary folder.
"""
from __future__ import annotations

import io
import json
import math
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 200
PAGE_SIZE = (1654, 2339)            # A4 at 200 dpi


@dataclass(frozen=True)
class Typeset:
    """Type sizes (px at 200 dpi) and margins of a page."""
    body_px: int
    title_px: int
    tibetan_px: int
    line_gap: float                  # line pitch as a multiple of the font size
    margin_x: int
    margin_top: int
    margin_bottom: int


# Denser than an official notice (11.5 pt, 35 lines a page): the committed scans, and the
# harder case for OCR speed and small print.
DENSE = Typeset(32, 46, 40, 1.65, 190, 200, 220)
# GB/T 9704-2012, the layout of government documents: 3号 (16 pt) body, 2号 title, a 156 ×
# 225 mm type area of 22 lines of 28 characters, 37 mm top and 28 mm left margin.
GB9704 = Typeset(44, 61, 44, 1.84, 212, 291, 248)

NOTO_SANS = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_SERIF = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_SERIF_BOLD = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
TIBETAN_FONT = "/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf"

SEEDS_DIR = Path("/work/shared/seeds")
TRADITIONAL_SEEDS = frozenset({"004"})

# Letterhead lines as Tibetan offices print them above the Chinese name (Tibet Autonomous Region
# ..., people's government, document). The seed's own Tibetan lines are OCR debris, so they are
# replaced by these.
TIBETAN_LETTERHEADS = (
    ("བོད་རང་སྐྱོང་ལྗོངས་", "ཚད་གཞི་མཐུན་ཚོགས་ཀྱི་ཡིག་ཆ།"),
    ("བོད་རང་སྐྱོང་ལྗོངས་མི་དམངས་སྲིད་གཞུང་", "ཁྲོམ་ར་ལྟ་ཞིབ་དོ་དམ་ཅུས།"),
)
SEAL_TEXT = "质量强省建设协调推进领导小组"   # curved along the seal's rim
TIBETAN_RE = re.compile(r"[\u0F00-\u0FFF]")
DATE_LINE_RE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


@dataclass(frozen=True)
class TruthLine:
    text: str
    bbox: tuple[int, int, int, int]  # on the upright, unskewed page, pixels
    script: str                      # "zh-Hans", "zh-Hant" or "bo" (models.Script values)


@dataclass(frozen=True)
class Damage:
    grey_paper: bool = False
    seal: bool = False
    skew_deg: float = 0.0
    turn: int = 0                    # 0, 90, 180, 270: how the page was fed (clockwise)
    blur: float = 0.0                # Gaussian radius in pixels
    noise: float = 0.0               # Gaussian sigma in grey levels
    jpeg_quality: int | None = None


@dataclass
class ScanPage:
    name: str
    image: Image.Image
    truth: list[TruthLine]
    damage: Damage
    traditional: bool
    columns: int = 1
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Para:
    text: str
    kind: str  # "tibetan", "title", "body", "right"


def _font(path: str, size: int, face: str) -> ImageFont.FreeTypeFont:
    """The face of a .ttc collection by its family name (index order differs between builds)."""
    for index in range(10):
        font = ImageFont.truetype(path, size, index=index, layout_engine=ImageFont.Layout.RAQM)
        if font.getname()[0] == face:
            return font
    raise LookupError(f"{face} not in {path}")


def _fonts(traditional: bool, typeset: Typeset = DENSE) -> dict[str, ImageFont.FreeTypeFont]:
    region = "TC" if traditional else "SC"
    return {
        "body": _font(NOTO_SERIF, typeset.body_px, f"Noto Serif CJK {region}"),
        "right": _font(NOTO_SERIF, typeset.body_px, f"Noto Serif CJK {region}"),
        "title": _font(NOTO_SERIF_BOLD, typeset.title_px, f"Noto Serif CJK {region}"),
        "tibetan": ImageFont.truetype(TIBETAN_FONT, typeset.tibetan_px,
                                      layout_engine=ImageFont.Layout.RAQM),
    }


def seed_paragraphs(text: str, *, tibetan_letterhead: tuple[str, ...] = ()) -> list[_Para]:
    """Seed text → paragraphs with a layout role, the way a notice is typeset."""
    raw = [line.strip() for line in text.splitlines()]
    raw = [line for line in raw if line and not TIBETAN_RE.search(line)]
    paras = [_Para(line, "tibetan") for line in tibetan_letterhead]
    for i, line in enumerate(raw):
        compact = re.sub(r"\s+", "", line)
        next_is_date = i + 1 < len(raw) and DATE_LINE_RE.match(raw[i + 1])
        if DATE_LINE_RE.match(line) or (next_is_date and len(compact) <= 18):
            paras.append(_Para(line, "right"))
        elif i < 6 and len(compact) <= 22:
            paras.append(_Para(line, "title"))
        else:
            paras.append(_Para(line, "body"))
    return paras


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Greedy wrap at any character, as Chinese typesetting does."""
    lines, current = [], ""
    for char in text:
        if current and font.getlength(current + char) > width:
            lines.append(current)
            current = char
        else:
            current += char
    if current:
        lines.append(current)
    return lines


def layout_pages(paras: list[_Para], fonts: dict, *, columns: int = 1,
                 typeset: Typeset = DENSE) -> list[list[tuple[str, str, int, int]]]:
    """Paragraphs → pages of (text, font key, x, y) placements."""
    width, height = PAGE_SIZE
    gutter = 70
    col_width = (width - 2 * typeset.margin_x - gutter * (columns - 1)) / columns
    pages: list[list[tuple[str, str, int, int]]] = [[]]
    column, y = 0, typeset.margin_top

    def place(text: str, key: str, align: str, indent: float = 0) -> None:
        nonlocal column, y
        font = fonts[key]
        pitch = int(font.size * typeset.line_gap)
        if y + pitch > height - typeset.margin_bottom:
            column += 1
            y = typeset.margin_top
            if column >= columns:
                pages.append([])
                column = 0
        left = typeset.margin_x + column * (col_width + gutter)
        line_width = font.getlength(text)
        if align == "center":
            x = left + (col_width - line_width) / 2
        elif align == "right":
            x = left + col_width - line_width
        else:
            x = left + indent
        pages[-1].append((text, key, int(x), int(y)))
        y += pitch

    indent = fonts["body"].getlength("国国")   # paragraphs open two characters in
    for para in paras:
        if para.kind == "tibetan":
            place(para.text, "tibetan", "center")
        elif para.kind == "title":
            for piece in _wrap(para.text, fonts["title"], col_width):
                place(piece, "title", "center")
        elif para.kind == "right":
            place(para.text, "right", "right")
        else:
            first, *_ = _wrap(para.text, fonts["body"], col_width - indent)
            place(first, "body", "left", indent)
            for piece in _wrap(para.text[len(first):], fonts["body"], col_width):
                place(piece, "body", "left")
    return pages


def draw_page(placements: list[tuple[str, str, int, int]], fonts: dict,
              script: str) -> tuple[Image.Image, list[TruthLine]]:
    image = Image.new("RGB", PAGE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    truth = []
    for text, key, x, y in placements:
        font = fonts[key]
        colour = (200, 20, 20) if key == "title" and y < 500 else (20, 20, 20)
        draw.text((x, y), text, font=font, fill=colour)
        box = draw.textbbox((x, y), text, font=font)
        line_script = "bo" if key == "tibetan" else script
        truth.append(TruthLine(text, tuple(int(v) for v in box), line_script))
    return image, truth


def _seal(size: int, text: str, rng: np.random.Generator) -> Image.Image:
    """A red round office seal: ring, star and the office name along the arc (RGBA)."""
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (215, 30, 40, 210)
    c = size / 2
    draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=10)
    star = [(c + (0.22 if k % 2 == 0 else 0.09) * size * math.sin(k * math.pi / 5),
             c - (0.22 if k % 2 == 0 else 0.09) * size * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=red)
    font = _font(NOTO_SANS, int(size * 0.11), "Noto Sans CJK SC")
    chars = list(text)
    span = math.radians(230)
    for k, char in enumerate(chars):
        angle = -span / 2 + span * k / max(1, len(chars) - 1)
        glyph = Image.new("RGBA", (font.size + 8, font.size + 8), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((4, 0), char, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.BICUBIC, expand=True)
        r = c - 0.13 * size - 12
        gx = c + r * math.sin(angle) - glyph.width / 2
        gy = c - r * math.cos(angle) - glyph.height / 2
        seal.alpha_composite(glyph, (int(gx), int(gy)))
    # Uneven ink: a stamp never inks evenly.
    alpha = np.asarray(seal.getchannel("A"), dtype=np.float32)
    alpha *= rng.uniform(0.55, 1.0, size=alpha.shape).astype(np.float32)
    seal.putalpha(Image.fromarray(alpha.astype(np.uint8)))
    return seal


def _stamp(image: Image.Image, seal: Image.Image, centre: tuple[int, int]) -> Image.Image:
    """Multiply the seal over the page: ink over ink stays dark, so text under it survives."""
    page = np.asarray(image, dtype=np.float32) / 255
    layer = np.ones_like(page)
    x0, y0 = centre[0] - seal.width // 2, centre[1] - seal.height // 2
    rgba = np.asarray(seal, dtype=np.float32) / 255
    a = rgba[..., 3:4]
    layer[y0:y0 + seal.height, x0:x0 + seal.width] = 1 - a + a * rgba[..., :3]
    return Image.fromarray((page * layer * 255).astype(np.uint8))


def apply_damage(image: Image.Image, damage: Damage, seed: int,
                 seal_at: tuple[int, int] | None = None, seal_text: str = "") -> Image.Image:
    rng = np.random.default_rng(seed)
    if damage.seal and seal_at:
        image = _stamp(image, _seal(380, seal_text, rng), seal_at)
    if damage.grey_paper:
        h, w = image.height, image.width
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        paper = 0.9 + 0.05 * np.sin(xx / w * 3.1 + 0.7) * np.cos(yy / h * 2.3)
        tint = np.array([1.0, 0.985, 0.95], dtype=np.float32)
        arr = np.asarray(image, dtype=np.float32) * paper[..., None] * tint
        image = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if damage.skew_deg:
        image = image.rotate(damage.skew_deg, resample=Image.BICUBIC, fillcolor=(238, 236, 230))
    if damage.turn:
        image = image.rotate(-damage.turn, expand=True)
    if damage.blur:
        image = image.filter(ImageFilter.GaussianBlur(damage.blur))
    if damage.noise:
        arr = np.asarray(image, dtype=np.float32)
        arr = arr + rng.normal(0, damage.noise, size=arr.shape[:2])[..., None]
        image = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if damage.jpeg_quality:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=damage.jpeg_quality)
        image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    return image


def seed_texts(seeds_dir: Path = SEEDS_DIR) -> dict[str, str]:
    """Seed notices keyed by their three-digit number."""
    local = Path(__file__).resolve().parents[1] / "seeds"
    folder = local if local.is_dir() and any(local.glob("*.txt")) else seeds_dir
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def render_seed(key: str, text: str, *, columns: int = 1, letterhead: tuple[str, ...] = (),
                max_pages: int | None = None, typeset: Typeset = DENSE
                ) -> list[tuple[Image.Image, list[TruthLine]]]:
    """Clean pages of one seed notice with their truth lines."""
    traditional = key in TRADITIONAL_SEEDS
    fonts = _fonts(traditional, typeset)
    script = "zh-Hant" if traditional else "zh-Hans"
    paras = seed_paragraphs(text, tibetan_letterhead=letterhead)
    placements = layout_pages(paras, fonts, columns=columns, typeset=typeset)
    return [draw_page(p, fonts, script) for p in placements[:max_pages]]


# The committed set: one page per case, each case a kind of damage the issue names.
CASES = (
    # name, seed, page index, columns, letterhead, damage
    ("000_letterhead_tibetan", "000", 0, 1, TIBETAN_LETTERHEADS[0],
     Damage(grey_paper=True, noise=5, jpeg_quality=70)),
    ("001_skew_grey_noise", "001", 0, 1, (),
     Damage(grey_paper=True, skew_deg=1.3, noise=8, blur=0.6, jpeg_quality=60)),
    ("001_seal_over_text", "001", 1, 1, (),
     Damage(seal=True, noise=4, jpeg_quality=75)),
    ("002_two_columns", "002", 0, 2, (),
     Damage(grey_paper=True, noise=5, jpeg_quality=65)),
    ("003_upside_down", "003", 0, 1, (),
     Damage(turn=180, blur=0.7, noise=6, jpeg_quality=60)),
    ("003_sideways", "003", 1, 1, TIBETAN_LETTERHEADS[1],
     Damage(turn=90, noise=5, jpeg_quality=65)),
    ("004_traditional_scan", "004", 0, 1, (),
     Damage(grey_paper=True, skew_deg=-0.8, noise=7, blur=0.5, jpeg_quality=55)),
)


def _seal_position(truth: list[TruthLine], typeset: Typeset) -> tuple[int, int]:
    """Over the right-aligned signature if there is one, else over the middle of the text."""
    right = [t for t in truth
             if t.bbox[2] > PAGE_SIZE[0] - typeset.margin_x - 5 and t.bbox[0] > PAGE_SIZE[0] / 2]
    target = right[0] if right else truth[len(truth) // 2]
    x0, y0, x1, y1 = target.bbox
    return (x0 + x1) // 2, (y0 + y1) // 2


def scanned_pages(cases=CASES, *, seeds: dict[str, str] | None = None,
                  typeset: Typeset = DENSE) -> list[ScanPage]:
    seeds = seeds or seed_texts()
    pages = []
    for index, (name, key, page_index, columns, letterhead, damage) in enumerate(cases):
        rendered = render_seed(key, seeds[key], columns=columns, letterhead=letterhead,
                               max_pages=page_index + 1, typeset=typeset)
        clean, truth = rendered[min(page_index, len(rendered) - 1)]
        image = apply_damage(clean, damage, seed=1000 + index,
                             seal_at=_seal_position(truth, typeset), seal_text=SEAL_TEXT)
        pages.append(ScanPage(name, image, truth, damage, key in TRADITIONAL_SEEDS, columns,
                              {"seed": key, "page_index": page_index}))
    return pages


def write_page(page: ScanPage, folder: Path) -> Path:
    """Image (JPEG when the damage says so, else PNG) plus `<name>.truth.json`."""
    folder.mkdir(parents=True, exist_ok=True)
    if page.damage.jpeg_quality:
        path = folder / f"{page.name}.jpg"
        page.image.save(path, "JPEG", quality=page.damage.jpeg_quality)
    else:
        path = folder / f"{page.name}.png"
        page.image.save(path, optimize=True)
    record = {
        "image": path.name, "dpi": DPI, "upright_size": list(PAGE_SIZE),
        "damage": asdict(page.damage), "traditional": page.traditional,
        "columns": page.columns, **page.meta,
        "lines": [asdict(t) for t in page.truth],
    }
    (folder / f"{page.name}.truth.json").write_text(
        json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_multipage_tiff(pages: list[ScanPage], path: Path) -> None:
    """Grey JPEG-compressed multi-page TIFF, as a document scanner saves a stack (LZW on
    noisy grey scans came out 2.5 MB a page)."""
    frames = [p.image.convert("L") for p in pages]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="jpeg",
                   quality=60, dpi=(DPI, DPI))


def write_image_pdf(pages: list[ScanPage], path: Path) -> None:
    """A PDF made only of page images, no text layer: what a scan-to-PDF button produces."""
    frames = [p.image.convert("RGB") for p in pages]
    fixed = time.gmtime(0)   # a dated PDF would change on every run
    frames[0].save(path, "PDF", save_all=True, append_images=frames[1:], resolution=DPI, quality=60,
                   creationDate=fixed, modDate=fixed)


def main(out_root: Path) -> None:
    folder = out_root / "scans"
    pages = scanned_pages()
    for page in pages:
        write_page(page, folder)
    # Multi-page containers reuse cases already written, under their own names.
    by_name = {p.name: p for p in pages}
    stack = [by_name["001_skew_grey_noise"], by_name["003_upside_down"]]
    write_multipage_tiff(stack, folder / "stack_two_pages.tif")
    write_image_pdf([by_name["004_traditional_scan"], by_name["000_letterhead_tibetan"]],
                    folder / "scan_only.pdf")
    manifest = {
        "stack_two_pages.tif": [p.name for p in stack],
        "scan_only.pdf": ["004_traditional_scan", "000_letterhead_tibetan"],
    }
    (folder / "containers.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
