"""Notices as the plain-text reader gives them: one Line per text line, then normalized."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from extractors.spec import extract_spec
from models.document import Document, Line, Page
from models.spec import AwardSpec
from models.text import NormalizedDocument
from normalizers import normalize_document

NOTICES = Path(__file__).parent / "notices"


def normalized(text: str, source: str = "notice.txt") -> NormalizedDocument:
    doc = Document(source=source, sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   pages=[Page(number=1, lines=[Line(text=t) for t in text.split("\n")])])
    return normalize_document(doc)


@pytest.fixture
def spec_of() -> Callable[[str], AwardSpec]:
    return lambda text: extract_spec(normalized(text))


@pytest.fixture(scope="session")
def notice_specs() -> dict[str, AwardSpec]:
    """The hand-written notices in `notices/`, each in a style the seeds do not show."""
    return {p.stem: extract_spec(normalized(p.read_text(encoding="utf-8"), str(p)))
            for p in sorted(NOTICES.glob("*.txt"))}
