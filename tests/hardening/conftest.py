"""Shared by the hardening tests: the bad-input corpus (built once per session) and a trap
server that every link, entity and tracker in it points at."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

# badinput.py and hardening_support.py sit beside the tests; the suite runs in importlib mode,
# which adds no test folder to sys.path.
sys.path.insert(0, str(Path(__file__).parent))

from badinput import build_corpus  # noqa: E402
from hardening_support import TrapServer  # noqa: E402


@pytest.fixture(scope="session")
def trap() -> TrapServer:
    server = TrapServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, trap):
    folder = tmp_path_factory.mktemp("badinput")
    cases = build_corpus(folder, trap_url=trap.url)
    yield {case.kind: case for case in cases}
    # pytest cannot clean a mode-000 file's folder otherwise on some systems.
    for case in cases:
        if case.path.exists() and not case.path.is_dir():
            case.path.chmod(0o644)
