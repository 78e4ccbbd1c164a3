import numpy as np
from PIL import ImageDraw

from extractors.packets.seals import find_seals
from sample_docs.generator.packet_render import Para, Seal, Title, layout, page_image, scan_effects

DPI = 100
PX_PER_MM = DPI / 25.4


def page(blocks):
    return page_image(layout(blocks)[0], dpi=DPI)


def test_a_seal_impression_is_found_where_it_was_stamped():
    img = page([Title("推荐意见"), Para("同意推荐。"), Para("推荐单位（盖章）：拉萨市市场监督管理局", "right"),
                Seal("拉萨市市场监督管理局")])
    seals = find_seals(np.asarray(img), px_per_mm=PX_PER_MM)
    assert len(seals) == 1
    x0, y0, x1, y1 = seals[0].bbox
    assert 35 <= (x1 - x0) / PX_PER_MM <= 45          # a 40 mm seal
    assert x0 > img.width / 2                          # stamped on the right, over the sign line


def test_a_tilted_noisy_scan_still_shows_its_seal():
    import random
    img = scan_effects(page([Title("申报表"), Para("申报单位（盖章）", "right"), Seal("西藏雪域建材有限责任公司")]),
                       random.Random(3), rotate=1.4)
    assert len(find_seals(np.asarray(img), px_per_mm=PX_PER_MM)) == 1


def test_typed_placeholder_red_text_and_red_rules_are_not_seals():
    img = page([Title("申报表"), Para("申报单位（盖章）", "right"), Para("2023年7月5日", "right")])
    draw = ImageDraw.Draw(img)
    draw.rectangle((100, 600, 700, 640), outline=(220, 30, 30), width=3)     # a red table border
    from sample_docs.generator.packet_render import font
    draw.text((60, 660), "西藏自治区质量协会文件", font=font(70), fill=(220, 30, 30))  # 红头, 18 mm
    draw.line((80, 760, 760, 760), fill=(220, 30, 30), width=4)               # the red rule under it
    assert find_seals(np.asarray(img), px_per_mm=PX_PER_MM) == []


def test_seal_image_of_unknown_size_as_pasted_into_word():
    from sample_docs.generator.packet_render import seal_image
    from PIL import Image
    seal = seal_image("西藏雪域建材有限责任公司").resize((240, 240))
    white = Image.new("RGBA", seal.size, (255, 255, 255, 255))
    rgb = np.asarray(Image.alpha_composite(white, seal).convert("RGB"))
    assert len(find_seals(rgb)) == 1


def test_a_seal_ring_broken_by_the_signature_printed_over_it_at_low_resolution():
    # An envelope scanned at 50 dpi (heldout-gansu-2023): on page 14 the company's name and the
    # date are printed across the seal, and its ring falls apart into pieces at 1.5 mm.
    from pathlib import Path
    from extractors.packets.images import _pdf_pictures
    envelope = Path(__file__).resolve().parents[3] / "sample_docs/packets/heldout-gansu-2023/gs-04-ind-envelope.pdf"
    picture = next(p for p in _pdf_pictures(envelope) if p.page == 14)
    assert len(find_seals(picture.rgb, px_per_mm=picture.px_per_mm)) == 1
