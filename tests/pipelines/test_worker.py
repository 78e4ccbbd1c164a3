"""The supervised reader: PDFs and scans in a child process that is killed on a hung page,
replaced after a crash, and recycled by file count or memory."""
import os
import signal
import threading
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.limits import Limits
from models import ErrorCode, IntakeError
from pipelines.worker import ReaderWorker

REPO = Path(__file__).resolve().parents[2]
SCAN = REPO / "sample_docs" / "scans" / "004_traditional_scan.jpg"
NOTICE_TXT = next((REPO / "sample_docs" / "notices").glob("n01_*.txt"))
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.fixture(scope="module")
def small_scan(tmp_path_factory) -> Path:
    """A short line of print: OCR'd in well under a second."""
    image = Image.new("RGB", (800, 800), "white")   # square: the detector upscales strips
    font = ImageFont.truetype(str(FONT), 48) if FONT.exists() else ImageFont.load_default()
    ImageDraw.Draw(image).text((30, 300), "质量奖申报通知", font=font, fill="black")
    path = tmp_path_factory.mktemp("scan") / "line.png"
    image.save(path)
    return path


def test_scans_are_read_in_a_child_and_text_in_process(small_scan):
    with ReaderWorker() as reader:
        doc = reader.read_document(NOTICE_TXT)
        assert doc.pages and reader._process is None      # no child for a text file
        scan = reader.read_document(small_scan)
        assert reader._process is not None and reader._process.pid != os.getpid()
        assert "申报" in "".join(line.text for line in scan.pages[0].lines)
        assert reader.last_rss_mb > 50                      # the child's memory, reported back
    assert reader._process is None                          # closed with the block


def test_a_page_over_the_time_limit_costs_that_file_only(small_scan):
    with ReaderWorker(Limits(ocr_seconds_per_page=0.2)) as reader:
        with pytest.raises(IntakeError) as caught:
            reader.read_document(SCAN)                      # a full page: seconds of OCR
        assert caught.value.record.code == ErrorCode.TIMEOUT
        assert "page 1" in caught.value.record.message
        assert reader._process is None                      # the stuck child is gone
        reader.limits = Limits()
        assert reader.read_document(small_scan).pages       # a fresh child reads on


def test_a_crashing_reader_costs_that_file_only(small_scan):
    with ReaderWorker() as reader:
        reader.read_document(small_scan)
        pid = reader._process.pid
        killer = threading.Timer(0.5, os.kill, (pid, signal.SIGKILL))
        killer.start()
        try:
            with pytest.raises(IntakeError) as caught:
                reader.read_document(SCAN)
        finally:
            killer.cancel()
        assert caught.value.record.code == ErrorCode.CORRUPT
        assert "crashed" in caught.value.record.message and "SIGKILL" in caught.value.record.message
        assert reader.read_document(small_scan).pages
        assert reader._process.pid != pid


def test_children_are_recycled_by_file_count_and_memory(small_scan):
    with ReaderWorker(max_files=2) as reader:
        for _ in range(4):
            reader.read_document(small_scan)
        assert reader.restarts == 2
    with ReaderWorker(max_rss_mb=1) as reader:             # every child is over 1 MB
        reader.read_document(small_scan)
        assert reader._process is None and reader.restarts == 1


def test_isolation_can_be_turned_off(small_scan, monkeypatch):
    monkeypatch.setenv("AWARD_INTAKE_ISOLATE", "0")
    with ReaderWorker() as reader:
        assert reader.read_document(small_scan).pages
        assert reader._process is None
