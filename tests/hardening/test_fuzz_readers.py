"""A short fuzz run over the PDF, DOCX and HTML entry points of `read_document`: mutated files
give a Document or an error record of the file's making, never an exception or an INTERNAL
record. Longer runs: `.venv/bin/python bench/fuzz_entry_points.py --seconds 600`."""
from __future__ import annotations

import importlib
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badinput import fuzz_seeds, mutate, mutate_docx_xml
from extractors.limits import Limits
from extractors.readers import read_document
from models import Document, ErrorCode, IntakeError, Origin, Page

SEEDS = fuzz_seeds()
# Small limits keep a mutated "/Count 999999" or a huge image from costing the run seconds.
LIMITS = Limits(max_pages=50, max_image_pixels=20_000_000, max_unpacked_bytes=20_000_000)
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def no_ocr():
    """The fuzz target is the parsers: a page that lost its text layer gets an empty OCR page
    instead of a real recognition run (OCR has tests of its own)."""
    ocr = importlib.import_module("extractors.ocr")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ocr, "ocr_pdf_page",
                      lambda path, index, number: Page(number=number, origin=Origin.OCR))
        yield


def read_mutated(data: bytes, suffix: str) -> Document | IntakeError:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        try:
            return read_document(path, LIMITS)
        except IntakeError as exc:
            assert exc.record.code != ErrorCode.INTERNAL, exc.record.message
            assert "\n" not in exc.record.message
            return exc


@pytest.mark.parametrize("seed_name", sorted(SEEDS))
def test_unmutated_seeds_read(seed_name):
    suffix, data = SEEDS[seed_name]
    assert isinstance(read_mutated(data, suffix), Document)


@pytest.mark.parametrize("seed_name", sorted(SEEDS))
@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_bytes_never_crash_the_reader(seed_name, seed):
    suffix, data = SEEDS[seed_name]
    read_mutated(mutate(data, random.Random(seed)), suffix)


@FUZZ
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_mutated_docx_xml_never_crashes_the_reader(seed):
    suffix, data = SEEDS["docx"]
    read_mutated(mutate_docx_xml(data, random.Random(seed)), suffix)
