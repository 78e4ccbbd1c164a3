"""The page hash survives a rescan (tilt, shift, noise, JPEG) and tells different pages apart."""
import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from checks.phash import HashIndex, hamming, near_duplicate_groups, phash

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
LINES = ["兹证明本单位建立的质量管理体系符合标准要求", "统一社会信用代码与营业执照一致无误",
         "近五年内未发生重大质量安全生态环境事故", "本报告所述内容真实准确并承担相应责任",
         "质量提升方面实施质量发展战略坚持质量第一", "创新发展方面将创新作为提升质量的有效手段",
         "品牌影响方面重视品牌建设提高市场信誉", "组织效益方面取得良好的经济效益和社会效益"]


def page(seed: int) -> Image.Image:
    rng = np.random.default_rng(seed)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    draw.text((260, 120), ["营业执照", "荣誉证书", "认证证书", "公示情况说明"][seed % 4], font=ImageFont.truetype(FONT, 56), fill=0)
    body = ImageFont.truetype(FONT, 30)
    for y in range(300, 1500, 52):
        line = LINES[int(rng.integers(len(LINES)))]
        draw.text((120 + int(rng.integers(0, 200)), y), line[: int(rng.integers(8, len(line)))], font=body, fill=0)
    return img


def rescan(img: Image.Image, seed: int, degrees: float = 0.5) -> Image.Image:
    rng = np.random.default_rng(seed)
    tilted = img.rotate(degrees, fillcolor=255, resample=Image.Resampling.BICUBIC, translate=(9, -6))
    arr = np.asarray(tilted, dtype=np.float64) * 0.88 + 20 + rng.normal(0, 14, (tilted.height, tilted.width))
    noisy = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).resize((1000, 1414))
    buf = io.BytesIO()
    noisy.save(buf, "JPEG", quality=50)
    return Image.open(buf)


@pytest.fixture(scope="module")
def pages():
    return [page(s) for s in range(6)]


def test_rescanned_page_lands_in_the_same_bucket(pages):
    for i, original in enumerate(pages[:3]):
        for degrees in (0.5, -0.5):
            index = HashIndex()
            index.add(phash(original), "original")
            copy = phash(rescan(original, seed=i, degrees=degrees))
            assert index.add(copy, "rescan") == ["original"], (i, degrees, hamming(copy, phash(original)))


def test_different_pages_do_not(pages):
    hashes = [phash(p) for p in pages]
    assert min(hamming(a, b) for i, a in enumerate(hashes) for b in hashes[i + 1:]) > HashIndex().max_distance
    assert near_duplicate_groups((h, i) for i, h in enumerate(hashes)) == []


def test_groups_join_copies_only(pages):
    items = [(phash(p), f"p{i}") for i, p in enumerate(pages)]
    items.append((phash(rescan(pages[2], seed=9)), "p2-rescan"))
    assert near_duplicate_groups(items) == [{"p2", "p2-rescan"}]


def test_index_refuses_distances_it_cannot_guarantee():
    with pytest.raises(ValueError):
        HashIndex(max_distance=16)
