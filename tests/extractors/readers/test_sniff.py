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
