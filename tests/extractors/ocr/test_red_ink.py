"""Red ink: a red letterhead title is read, a red seal over black text does not hide the text,
and a seal on its own yields no lines."""
import numpy as np
from PIL import Image, ImageDraw

from extractors.ocr import ocr_image
from sample_docs.generator import scans

TITLE = "伊犁哈萨克自治州塔城地区行署办公室"
BODY = "各县人民政府，地区各委、办、局，请认真贯彻执行。"


def strip(text: str) -> str:
    return "".join(text.split())


def _strip_of_page(lines: list[tuple[str, tuple[int, int, int], int]]) -> Image.Image:
    fonts = scans._fonts(traditional=False)
    image = Image.new("RGB", (1300, 120 * len(lines) + 60), "white")
    draw = ImageDraw.Draw(image)
    for i, (text, colour, size_key) in enumerate(lines):
        draw.text((60, 40 + 120 * i), text, font=fonts[size_key], fill=colour)
    return image


def test_red_letterhead_title_is_read():
    image = _strip_of_page([(TITLE, (200, 20, 20), "title"), (BODY, (20, 20, 20), "body")])
    page = ocr_image(np.asarray(image), 1)
    assert [strip(line.text) for line in page.lines] == [TITLE, strip(BODY)]


def test_seal_over_black_text_keeps_the_text_and_adds_nothing():
    clean = _strip_of_page([(BODY, (20, 20, 20), "body")] * 3)
    damaged = scans.apply_damage(clean, scans.Damage(seal=True), seed=7,
                                 seal_at=(650, 210), seal_text=scans.SEAL_TEXT)
    page = ocr_image(np.asarray(damaged), 1)
    assert [strip(line.text) for line in page.lines] == [strip(BODY)] * 3
