"""Properties of the whole normalizer over generated notice-like text."""
import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models.document import Document, Line, LineRole, Page
from normalizers import normalize_document, normalize_text, split_sections
from normalizers.script import to_simplified
from normalizers.width import fold_width

TOKENS = [
    # Simplified and Traditional Han, names, a shared character
    "质", "量", "协", "会", "文", "件", "西藏", "自治区", "关于", "开展", "通知", "的", "及", "和",
    "質", "獎", "評選", "辦公室", "夏猶攀", "釩鈦", "乾", "王宏", "鲁永武", "局",
    # structure
    "一、", "（一）", "(二)", "1.", "(1)", "①", "●", "第一条", "第二章", "附件：", "- ",
    # numbers, codes, contacts
    "0891-6815193", "6347266", "2023", "年", "8", "月", "5", "日", "２０２３", "〔2023〕", "（2023）",
    "[2023]", "55", "号", "xz@163.com", "http://a.cn/x?b=1", "QC", "word", "PDF",
    # Tibetan
    "བོད་", "རང་", "ལྗོངས་",
    # punctuation and spacing
    "，", "。", "、", "：", "；", "《", "》", "“", "”", '"', ",", ":", ";", "(", ")", ".", "-", "@",
    " ", " ", "  ", "\u3000", "\n", "\n", "\n\n", "\t", "\r\n", "\r", "\f",
]
notice_like = st.lists(st.sampled_from(TOKENS), max_size=60).map("".join)
# NORMALIZER_EXAMPLES=5000 for a longer hunt; the default keeps the suite fast.
relaxed = settings(max_examples=int(os.environ.get("NORMALIZER_EXAMPLES", "300")), deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

_TIBETAN = re.compile("[\u0f00-\u0fff]")


@relaxed
@given(notice_like)
def test_normalizing_twice_changes_nothing(text):
    once = normalize_text(text).text
    assert normalize_text(once).text == once


@relaxed
@given(notice_like)
def test_offsets_map_into_the_original(text):
    result = normalize_text(text)
    for mapped in ((result.text, result.offsets), (result.display_text, result.display_offsets)):
        out, offsets = mapped
        assert len(offsets) == len(out) + 1
        assert offsets[-1] == len(text)
        assert all(0 <= a <= b <= len(text) for a, b in zip(offsets, offsets[1:]))
        for i, ch in enumerate(out):
            source = text[offsets[i]]
            assert (ch == source or ch == fold_width(source) or ch == to_simplified(source)
                    or (ch in "\n " and source in "\n\r\f")
                    or (ch in "，；：！？（）〔〕“”-" and not source.isalnum())
                    or (_is_han(ch) and _is_han(source))), (i, ch, source)


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


# No page marks possible (no dashes or slashes, no form feeds): every digit must survive.
digit_safe = st.lists(st.sampled_from([t for t in TOKENS if not re.search(r"[-/—\f]", t)]),
                      max_size=60).map("".join)


@relaxed
@given(digit_safe)
def test_no_digit_lost_or_altered(text):
    result = normalize_text(text)
    expected = [fold_width(ch) for ch in text if ch.isdigit() and not _TIBETAN.match(ch)]
    assert [ch for ch in result.display_text if ch.isdigit()] == expected
    kept = [text[result.display_offsets[i]] for i, ch in enumerate(result.display_text) if ch.isdigit()]
    assert [fold_width(ch) for ch in kept] == expected


local = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,10}[a-z0-9]", fullmatch=True)
domain = st.from_regex(r"[a-z0-9]{1,8}(\.[a-z]{2,4}){1,2}", fullmatch=True)
emails = st.builds(lambda a, b: f"{a}@{b}", local, domain)
urls = st.builds(lambda d, p: f"http://{d}/{p}", domain, st.from_regex(r"[a-z0-9_/?=&.-]{0,12}", fullmatch=True))
context = st.sampled_from(["", " ", "：", ":", "\n", "，", "（", "）", "邮箱：", "网址:", "请发送至 ", "。"])


@relaxed
@given(st.lists(st.tuples(context, st.one_of(emails, urls), context), min_size=1, max_size=4),
       notice_like)
# An address run straight into a URL: the e-mail match swallowed `http` and hid the URL.
@example(pieces=[("", "00@0.aa", ""), ("", "http://0.aa/?", "：")], filler="")
def test_no_email_or_url_lost_or_altered(pieces, filler):
    text = filler + "".join(before + address + after for before, address, after in pieces)
    result = normalize_text(text)
    position = 0
    for _, address, _ in pieces:
        found = result.text.find(address, position)
        assert found >= 0, address
        position = found + len(address)


roles = st.sampled_from([LineRole.BODY, LineRole.BODY, LineRole.BODY, LineRole.HEADER, LineRole.PAGE_NUMBER,
                         LineRole.TABLE_ROW])
reader_lines = st.builds(lambda text, role, start: Line(text=text, role=role, paragraph_start=start),
                         notice_like, roles, st.booleans())


@relaxed
@given(st.lists(st.lists(reader_lines, max_size=8), min_size=1, max_size=3))
def test_document_offsets_and_line_spans(pages):
    doc = Document(source="x.txt", sha256="0" * 64, media_type="text/plain",
                   pages=[Page(number=i + 1, lines=lines) for i, lines in enumerate(pages)])
    result = normalize_document(doc)
    assert len(result.offsets) == len(result.text) + 1
    assert all(0 <= a <= b <= len(result.original) for a, b in zip(result.offsets, result.offsets[1:]))
    for span in result.lines:
        line = doc.pages[span.page - 1].lines[span.line]
        assert result.original[span.start:span.end] == line.text
    if result.text:
        provenance = result.provenance(0, len(result.text))
        assert provenance.page is not None


@relaxed
@given(notice_like)
def test_sections_are_ordered_and_inside_the_text(text):
    normalized = normalize_text(text).text
    sections = split_sections(normalized)
    assert [s.start for s in sections] == sorted(s.start for s in sections)
    for section in sections:
        assert 0 <= section.start < section.body_start <= section.end <= len(normalized)
        assert section.level >= 1
