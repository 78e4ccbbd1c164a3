"""Word 97-2003, RTF and OpenDocument files read through LibreOffice."""
import subprocess
from pathlib import Path

import pytest

from extractors.readers import office_convert, read_document
from models import ErrorCode, IntakeError

REPO = Path(__file__).resolve().parents[3]
DOCX = sorted((REPO / "sample_docs" / "docx").glob("*.docx"))[0]

needs_soffice = pytest.mark.skipif(office_convert.soffice() is None,
                                   reason="LibreOffice not installed (scripts/setup.sh installs it)")


def _text(doc) -> str:
    return "".join("".join(line.text.split()) for page in doc.pages for line in page.lines)


def _saved_as(tmp_path: Path, source: Path, filter_name: str, suffix: str) -> Path:
    """`source` saved by LibreOffice in another format, as an office would mail it."""
    subprocess.run([office_convert.soffice(), "--headless", "--norestore",
                    f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", f"{suffix.lstrip('.')}:{filter_name}",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    return tmp_path / (source.stem + suffix)


@needs_soffice
@pytest.mark.parametrize("filter_name, suffix", [("MS Word 97", ".doc"), ("writer8", ".odt")])
def test_legacy_word_reads_as_the_docx_it_was_saved_from(tmp_path, filter_name, suffix):
    converted = _saved_as(tmp_path, DOCX, filter_name, suffix)
    renamed = converted.rename(tmp_path / f"通知{suffix}")       # any name, any folder
    doc = read_document(renamed)
    want = _text(read_document(DOCX))
    got = _text(doc)
    assert doc.media_type in ("application/msword", "application/vnd.oasis.opendocument.text")
    assert len(want) > 1000 and abs(len(got) - len(want)) <= 3 and got[:500] == want[:500]


@needs_soffice
def test_rtf_with_unicode_escapes(tmp_path):
    rtf = tmp_path / "notice.rtf"
    body = "关于开展质量奖申报工作的通知\\par 申报截止2024年5月30日"
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in body)
    rtf.write_text("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\f0 " + escaped + "\\par}",
                   encoding="ascii")
    lines = [line.text for page in read_document(rtf).pages for line in page.lines]
    assert lines == ["关于开展质量奖申报工作的通知", "申报截止2024年5月30日"]


def test_without_libreoffice_the_record_says_what_to_install(tmp_path, monkeypatch):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
                    + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    monkeypatch.setattr(office_convert, "soffice", lambda: None)
    with pytest.raises(IntakeError) as caught:
        read_document(doc)
    assert caught.value.record.code == ErrorCode.UNSUPPORTED_TYPE
    assert "libreoffice-writer-nogui" in caught.value.record.message
