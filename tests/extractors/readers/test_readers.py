"""Each reader on each sample format yields the characters of the .txt source."""
import re
from pathlib import Path

import pytest

from extractors.readers import read_document
from models import ErrorCode, IntakeError, LineRole, Origin

SAMPLES = Path(__file__).resolve().parents[3] / "sample_docs"
SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))


def squash(text: str) -> str:
    # Page marks (— 6 —, - 2 -) leak into copied seed text mid-line; the renderer sets them as
    # lines of their own. Both are page furniture, not content.
    text = re.sub(r"(?m)^\s*-(\s|$)", "", text)     # "- " bullets the docx renderer sets as list items
    text = re.sub(r"\s+", "", text)
    return re.sub(r"[—\-]\d{1,3}[—\-]", "", text)


def body_text(doc) -> str:
    return "\n".join(line.text for page in doc.pages for line in page.lines
                   if line.role in (LineRole.BODY, LineRole.TABLE_ROW))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_text_layer_pdf_has_the_characters_of_the_source(seed):
    doc = read_document(SAMPLES / "pdf" / f"{seed.stem}.pdf")
    assert doc.media_type == "application/pdf"
    assert all(page.origin == Origin.TEXT_LAYER for page in doc.pages)
    assert squash(body_text(doc)) == squash(seed.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_docx_has_the_characters_of_the_source(seed):
    doc = read_document(SAMPLES / "docx" / f"{seed.stem}.docx")
    # A contact block set as a table puts label and value in two cells, dropping the colon.
    no_colon = lambda t: squash(t).replace("：", "").replace(":", "")
    assert no_colon(body_text(doc)) == no_colon(seed.read_text(encoding="utf-8"))


def test_pdf_lines_carry_boxes_and_page_numbers_are_tagged():
    doc = read_document(SAMPLES / "pdf" / f"{SEEDS[0].stem}.pdf")
    assert len(doc.pages) > 1
    for page in doc.pages:
        assert page.width and page.height and page.unit == "pt"
        for line in page.lines:
            x0, top, x1, bottom = line.bbox
            assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
        numbers = [ln.text for ln in page.lines if ln.role == LineRole.PAGE_NUMBER]
        assert numbers == [f"— {page.number} —"]


def test_two_column_page_is_read_column_by_column():
    pdf = next((SAMPLES / "pdf" / "two_column").glob("*.pdf"))
    page = read_document(pdf).pages[0]
    mid = page.width / 2
    # Column lines only: headings over both columns and the page number straddle the middle.
    sides = [ln.bbox[0] > mid for ln in page.lines
             if ln.role == LineRole.BODY and (ln.bbox[2] < mid or ln.bbox[0] > mid)]
    first_right = sides.index(True)
    assert first_right > 5
    assert all(sides[first_right:]), "a left-column line came after the right column began"


def test_txt_lines_and_paragraphs(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("标题\n\n第一段第一行\n第一段第二行\n\n第二段\f第二页\n", encoding="utf-8")
    doc = read_document(path)
    assert [p.number for p in doc.pages] == [1, 2]
    lines = doc.pages[0].lines
    assert [ln.text for ln in lines] == ["标题", "第一段第一行", "第一段第二行", "第二段"]
    assert [ln.paragraph_start for ln in lines] == [True, True, False, True]
    assert doc.sha256 and len(doc.sha256) == 64


def test_html_keeps_visible_text_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>通知</title><script>var pw='x';</script></head><body>"
        "<div style='display:none'>隐藏</div><p>关于开展<b>质量奖</b>评选的通知</p>"
        "<img src='http://tracker.example/p.gif'><p>联系人：朗杰</p></body></html>", encoding="utf-8")
    doc = read_document(path)
    text = [ln.text for ln in doc.pages[0].lines]
    assert text == ["关于开展质量奖评选的通知", "联系人：朗杰"]
    assert doc.title == "通知"


def test_docx_tables_become_rows_in_document_order(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("联系方式")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "联系人", "朗杰"
    table.cell(1, 0).text, table.cell(1, 1).text = "电话", "0891-6815193"
    d.add_paragraph("附件：申报表")
    path = tmp_path / "x.docx"
    d.save(path)
    lines = read_document(path).pages[0].lines
    assert [(ln.role, ln.text) for ln in lines] == [
        (LineRole.BODY, "联系方式"), (LineRole.TABLE_ROW, "联系人\t朗杰"),
        (LineRole.TABLE_ROW, "电话\t0891-6815193"), (LineRole.BODY, "附件：申报表")]


@pytest.mark.parametrize("content, code", [
    (b"", ErrorCode.EMPTY_FILE),
    (b"%PDF-1.4\n1 0 obj<<>>\ntruncated", ErrorCode.CORRUPT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ErrorCode.UNSUPPORTED_TYPE),
    (bytes(range(256)) * 4, ErrorCode.UNSUPPORTED_TYPE),
])
def test_bad_files_give_error_records(tmp_path, content, code):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(IntakeError) as caught:
        read_document(path)
    assert caught.value.record.code == code
    assert caught.value.record.file == str(path)


def test_missing_file(tmp_path):
    with pytest.raises(IntakeError) as caught:
        read_document(tmp_path / "nope.txt")
    assert caught.value.record.code == ErrorCode.NOT_FOUND
