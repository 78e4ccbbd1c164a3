"""Character classes the normalizers share, as regex character-class fragments."""
from __future__ import annotations

# Han ideographs: CJK Unified (+ extension A, B–G) and compatibility ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Chinese punctuation: CJK symbols (、。《》「」【】〔〕…), full-width forms that stay full-width,
# curly quotes, ellipsis, dashes and the middle dot.
CJK_PUNCT = ("\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
             "\u2018\u2019\u201c\u201d\u2026\u2014\u2015\u00b7\ufe10-\ufe1f\ufe30-\ufe4f")
TIBETAN = "\u0f00-\u0fff"
# Horizontal spaces a scan or a PDF copy leaves (tabs are table-cell separators: not here).
SPACE_CHARS = " \u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
SPACE = SPACE_CHARS          # as a regex class body: none of these is special there
