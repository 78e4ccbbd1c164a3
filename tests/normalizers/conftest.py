"""Seed notices, and Documents built the way the plain-text reader builds them."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from models.document import Document, Line, Page

SEEDS = Path("/work/shared/seeds")


def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} not available")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_000() -> str:
    return _seed("000")


@pytest.fixture(scope="session")
def seed_001() -> str:
    return _seed("001")


@pytest.fixture(scope="session")
def seed_004() -> str:
    return _seed("004")


@pytest.fixture
def make_document() -> Callable[..., Document]:
    def build(*pages: list[str | Line]) -> Document:
        """One Line per entry (str or a ready Line), pages in order."""
        lines = [[x if isinstance(x, Line) else Line(text=x) for x in page] for page in pages]
        body = "\f".join("\n".join(line.text for line in page) for page in lines)
        return Document(source="test.txt", sha256=hashlib.sha256(body.encode()).hexdigest(),
                        media_type="text/plain",
                        pages=[Page(number=i + 1, lines=page) for i, page in enumerate(lines)])
    return build
