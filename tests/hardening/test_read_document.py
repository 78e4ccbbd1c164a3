"""Every kind of bad input through `read_document`: a Document or a clear error record, never a
crash, never a network connection, never a file outside the input read in."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from badinput import KINDS, LEAK_MARKER, PDF_TEXT, SCAN_TEXT, image_bytes, text_scan
from hardening_support import cli_env, without_root_file_powers
from extractors.limits import Limits
from extractors.readers import read_document, require_text
from models import Document, ErrorCode, IntakeError, Line, Origin, Page


# Read through the same gate a notice passes (a notice must hold text).
def read_notice(path: Path, limits: Limits | None = None):
    return require_text(read_document(path, limits or Limits()))


def _all_text(doc) -> str:
    return "\n".join(line.text for page in doc.pages for line in page.lines)


def test_the_corpus_holds_every_kind_listed(corpus):
    assert sorted(corpus) == sorted(KINDS)


def _no_ocr(monkeypatch, text: str | None = None) -> list[tuple]:
    """OCR replaced by a stand-in that records the image shapes it is given and reads `text`."""
    import extractors.ocr

    shapes: list[tuple] = []

    def fake(image, number, **kwargs):
        shapes.append(image.shape)
        lines = [Line(text=text, origin=Origin.OCR)] if text else []
        return Page(number=number, origin=Origin.OCR, lines=lines)

    monkeypatch.setattr(extractors.ocr, "ocr_image", fake)
    monkeypatch.setattr(extractors.ocr, "ocr_pdf_page",
                        lambda path, index, number: Page(number=number, origin=Origin.OCR))
    return shapes


# Real OCR of 100 megapixels takes half a minute: bench/fuzz_entry_points.py --scaling measures it.
@pytest.mark.parametrize("kind", [k for k in KINDS if k != "scan_100_megapixel"])
def test_bad_input_gives_a_document_or_a_clear_error_record(kind, corpus, trap):
    case = corpus[kind]
    if kind == "unreadable_permissions" and os.geteuid() == 0:
        pytest.skip("root reads mode-000 files: see test_unreadable_file_is_permission_denied")
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


@pytest.mark.parametrize("kind, says", [("pdf_image_bomb", "holds a 200000 x 200000 pixel image"),
                                        ("pdf_giant_page", "is 14400 x 14400 pt")])
def test_pdf_page_declaring_gigapixels_is_refused_before_rendering(kind, says, corpus, monkeypatch):
    import extractors.ocr

    def render(*args):
        raise AssertionError("the page went to the renderer")

    monkeypatch.setattr(extractors.ocr, "ocr_pdf_page", render)
    with pytest.raises(IntakeError) as info:
        read_document(corpus[kind].path)
    assert info.value.record.code == ErrorCode.TOO_LARGE
    assert f"page 1 {says}" in info.value.record.message


def test_100_megapixel_scan_within_the_default_limit_goes_to_ocr(corpus, monkeypatch):
    shapes = _no_ocr(monkeypatch, SCAN_TEXT)
    doc = read_notice(corpus["scan_100_megapixel"].path)
    assert doc.media_type == "image/png" and len(doc.pages) == 1
    assert len(shapes) == 1


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


def test_original_file_is_left_as_it_was(corpus, monkeypatch):
    _no_ocr(monkeypatch)
    for case in corpus.values():
        if not case.path.is_file() or not os.access(case.path, os.R_OK):
            continue
        before = (case.path.read_bytes(), case.path.stat().st_mtime_ns)
        try:
            read_document(case.path)
        except IntakeError:
            pass
        assert (case.path.read_bytes(), case.path.stat().st_mtime_ns) == before, case.kind


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
        run = subprocess.run([*without_root_file_powers(), sys.executable, "-c", script, str(locked)],
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


def test_image_between_one_and_two_times_the_pixel_limit_is_refused_quietly(tmp_path, recwarn):
    path = tmp_path / "big.png"
    path.write_bytes(image_bytes(text_scan(300, 200), "PNG"))
    with pytest.raises(IntakeError) as info:
        read_document(path, Limits(max_image_pixels=40_000))   # 60,000 pixels: 1.5x the limit
    assert info.value.record.code == ErrorCode.TOO_LARGE
    assert not [w for w in recwarn if "decompression bomb" in str(w.message).lower()]


def test_read_document_honours_limits_set_in_the_environment(corpus, monkeypatch):
    monkeypatch.setenv("AWARD_INTAKE_MAX_FILE_BYTES", "100")
    with pytest.raises(IntakeError) as info:
        read_document(corpus["encrypted_empty_password_pdf"].path)
    assert info.value.record.code == ErrorCode.TOO_LARGE


@pytest.mark.parametrize("origin, confidence, text, has_text", [
    (Origin.OCR, 0.47, "MN", False),                    # a cat's whiskers
    (Origin.OCR, 0.998, "0", False),                    # a cat's eye, read with confidence
    (Origin.OCR, 0.47, "关于开展质量奖评选表彰工作的通知", False),
    (Origin.OCR, 0.93, "关于开展质量奖评选表彰工作的通知", True),
    (Origin.TEXT_LAYER, 0.0, "关于开展质量奖评选表彰工作的通知", True),  # a text layer is text
])
def test_a_notice_needs_some_text_read_with_confidence(origin, confidence, text, has_text):
    doc = Document(source="n.png", sha256="0" * 64, media_type="image/png", pages=[
        Page(number=1, lines=[Line(text=text, origin=origin, confidence=confidence)])])
    if has_text:
        assert require_text(doc) is doc
    else:
        with pytest.raises(IntakeError) as info:
            require_text(doc)
        assert info.value.record.code == ErrorCode.NO_TEXT
