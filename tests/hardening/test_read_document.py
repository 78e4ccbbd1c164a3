"""Every kind of bad input through `read_document`: a Document or a clear error record, never a
crash, never a network connection, never a file outside the input read in."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from badinput import KINDS, LEAK_MARKER, PDF_TEXT, SCAN_TEXT, image_bytes, text_scan
from conftest import cli_env
from extractors.limits import Limits
from extractors.readers import read_document, require_text
from models import ErrorCode, IntakeError

# Read through the same gate a notice passes (a notice must hold text).
def read_notice(path: Path, limits: Limits | None = None):
    return require_text(read_document(path, limits or Limits()))


def _all_text(doc) -> str:
    return "\n".join(line.text for page in doc.pages for line in page.lines)


def test_the_corpus_holds_every_kind_listed(corpus):
    assert sorted(corpus) == sorted(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_bad_input_gives_a_document_or_a_clear_error_record(kind, corpus, trap):
    case = corpus[kind]
    if kind == "unreadable_permissions" and os.geteuid() == 0:
        pytest.skip("root reads mode-000 files: test_unreadable_file_is_permission_denied drops that power")
    before = trap.connections
    try:
        doc = read_notice(case.path)
    except IntakeError as exc:
        record = exc.record
        assert not case.must_read, f"{kind} should be read, got {record.code.value}: {record.message}"
        assert record.code in case.expect, f"{kind}: {record.code.value}: {record.message}"
        assert record.file == str(case.path)
        assert record.message and "\n" not in record.message and len(record.message) <= 400
    else:
        assert case.must_read, f"{kind} was read, expected {sorted(c.value for c in case.expect)}"
        assert doc.sha256 and doc.pages
        text = _all_text(doc)
        assert LEAK_MARKER not in text
        assert "MUST-NOT-APPEAR" not in text
    assert trap.connections == before, f"{kind} made a network connection"


def test_broken_xref_is_recovered_with_its_text(corpus):
    assert PDF_TEXT in _all_text(read_notice(corpus["broken_xref_pdf"].path))


def test_empty_user_password_pdf_opens_like_any_viewer_opens_it(corpus):
    assert PDF_TEXT in _all_text(read_notice(corpus["encrypted_empty_password_pdf"].path))


def test_encrypted_pdf_says_a_password_is_needed(corpus):
    with pytest.raises(IntakeError) as info:
        read_notice(corpus["encrypted_pdf"].path)
    assert info.value.record.code == ErrorCode.ENCRYPTED
    assert "password" in info.value.record.message


def test_macro_document_reads_its_text_and_flags_the_macros(corpus):
    doc = read_notice(corpus["docx_links_macros"].path)
    assert "关于开展质量奖评选表彰工作的通知" in _all_text(doc)
    assert any("macro" in warning for warning in doc.warnings)


def test_html_keeps_the_visible_text_and_drops_scripts_and_trackers(corpus):
    text = _all_text(read_notice(corpus["html_scripts_trackers"].path))
    assert "请于2023年8月5日前报送申报材料。" in text
    assert "fetch(" not in text and "trap" not in text


@pytest.mark.slow
def test_jpeg_under_a_pdf_name_is_read_as_the_image_it_is(corpus):
    doc = read_notice(corpus["jpeg_named_pdf"].path)
    assert doc.media_type == "image/jpeg"
    assert SCAN_TEXT[:6] in _all_text(doc).replace(" ", "")


def test_image_bomb_is_refused_from_the_header_alone(corpus):
    with pytest.raises(IntakeError) as info:
        read_document(corpus["image_bomb"].path)
    assert info.value.record.code == ErrorCode.TOO_LARGE
    assert "100000 x 100000" in info.value.record.message or "pixels" in info.value.record.message


@pytest.mark.parametrize("kind", ["pdf_image_bomb", "pdf_giant_page"])
def test_pdf_page_declaring_gigapixels_is_refused_before_rendering(kind, corpus):
    with pytest.raises(IntakeError) as info:
        read_document(corpus[kind].path)
    assert info.value.record.code == ErrorCode.TOO_LARGE
    assert "page 1" in info.value.record.message


def test_100_megapixel_scan_is_refused_under_a_lower_pixel_limit(corpus):
    with pytest.raises(IntakeError) as info:
        read_document(corpus["scan_100_megapixel"].path, Limits(max_image_pixels=50_000_000))
    assert info.value.record.code == ErrorCode.TOO_LARGE


def test_file_size_limit_is_a_record_not_a_crash(corpus):
    with pytest.raises(IntakeError) as info:
        read_document(corpus["encrypted_empty_password_pdf"].path, Limits(max_file_bytes=100))
    assert info.value.record.code == ErrorCode.TOO_LARGE


def test_unpacked_size_limit_applies_to_ordinary_docx(corpus):
    with pytest.raises(IntakeError) as info:
        read_document(corpus["docx_links_macros"].path, Limits(max_unpacked_bytes=1000))
    assert info.value.record.code == ErrorCode.TOO_LARGE


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("AWARD_INTAKE_MAX_IMAGE_PIXELS", "1234")
    monkeypatch.setenv("AWARD_INTAKE_MAX_UNPACKED_BYTES", "99")
    limits = Limits.from_env()
    assert (limits.max_image_pixels, limits.max_unpacked_bytes) == (1234, 99)


def test_original_file_is_left_as_it_was(corpus):
    for case in corpus.values():
        if not case.path.is_file() or not os.access(case.path, os.R_OK):
            continue
        before = (case.path.read_bytes(), case.path.stat().st_mtime_ns)
        try:
            read_document(case.path, Limits(max_image_pixels=20_000_000))  # skip the slow OCR of 100 MP
        except IntakeError:
            pass
        assert (case.path.read_bytes(), case.path.stat().st_mtime_ns) == before, case.kind


def _without_root_file_powers() -> list[str]:
    """A command prefix under which even root obeys file modes (or [] when not root)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root without setpriv cannot be made to obey file modes")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_file_is_permission_denied(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("通知", encoding="utf-8")
    locked.chmod(0)
    script = ("import sys\n"
              "from extractors.readers import read_document\n"
              "from models import IntakeError\n"
              "try:\n    read_document(sys.argv[1])\n"
              "except IntakeError as exc:\n    print(exc.record.model_dump_json())\n")
    try:
        run = subprocess.run([*_without_root_file_powers(), sys.executable, "-c", script, str(locked)],
                             capture_output=True, text=True, env=cli_env(), timeout=120)
    finally:
        locked.chmod(0o644)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["code"] == ErrorCode.PERMISSION_DENIED.value


def test_tiny_image_is_no_text_without_reaching_ocr(tmp_path):
    path = tmp_path / "strip.png"
    path.write_bytes(image_bytes(text_scan(400, 4), "PNG"))
    with pytest.raises(IntakeError) as info:
        read_document(path)
    assert info.value.record.code == ErrorCode.NO_TEXT


@pytest.mark.parametrize("raw", ["abc", "0", "-5"])
def test_a_bad_limit_in_the_environment_is_named_not_ignored(monkeypatch, raw):
    monkeypatch.setenv("AWARD_INTAKE_MAX_PAGES", raw)
    with pytest.raises(ValueError, match="AWARD_INTAKE_MAX_PAGES"):
        Limits.from_env()
