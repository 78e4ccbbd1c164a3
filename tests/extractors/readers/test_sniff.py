import io
import zipfile

import pytest

from extractors.readers import sniff


@pytest.mark.parametrize("head, expected", [
    (b"%PDF-1.7\n%\xe2\xe3", sniff.PDF),
    (b"\x89PNG\r\n\x1a\n\x00\x00", sniff.PNG),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", sniff.JPEG),
    (b"II*\x00\x08\x00", sniff.TIFF),
    (b"MM\x00*\x00\x00", sniff.TIFF),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", sniff.OLE),
    (b"{\\rtf1\\ansi\\ansicpg936 \\u20851?", sniff.RTF),
    ("<!DOCTYPE html><html><body>通知</body></html>".encode(), sniff.HTML),
    ("关于开展第二届西藏质量奖评选表彰工作的通知\n".encode("utf-8"), sniff.TEXT),
    ("關於開展評選工作的通知\n".encode("big5"), sniff.TEXT),
    ("关于开展评选工作的通知\n".encode("gb18030"), sniff.TEXT),
    (bytes(range(256)), sniff.UNKNOWN),
])
def test_sniff_bytes(head, expected):
    assert sniff.sniff_bytes(head) == expected


def test_docx_is_recognised_by_content_not_name(tmp_path):
    fake = tmp_path / "notice.pdf"          # a .docx under a wrong name
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    fake.write_bytes(buf.getvalue())
    assert sniff.sniff_path(fake) == sniff.DOCX


def test_zip_of_junk_is_not_docx(tmp_path):
    junk = tmp_path / "form.docx"
    with zipfile.ZipFile(junk, "w") as zf:
        zf.writestr("junk.bin", b"\x00" * 10)
    assert sniff.sniff_path(junk) == sniff.ZIP


def test_utf8_cut_mid_character_still_text():
    data = "质量奖".encode() * 3000
    assert sniff.sniff_bytes(data[:8191]) == sniff.TEXT


def test_ole_containers_are_told_apart_by_their_word_stream(tmp_path):
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    word, sheet = tmp_path / "a.bin", tmp_path / "b.bin"
    word.write_bytes(header + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    sheet.write_bytes(header + "Workbook".encode("utf-16-le") + b"\x00" * 600)
    assert sniff.sniff_path(word) == sniff.DOC
    assert sniff.sniff_path(sheet) == sniff.OLE


def test_opendocument_text_is_recognised(tmp_path):
    odt = tmp_path / "notice.zip"
    with zipfile.ZipFile(odt, "w") as zf:
        zf.writestr("mimetype", sniff.ODT)
        zf.writestr("content.xml", "<office:document-content/>")
    assert sniff.sniff_path(odt) == sniff.ODT
