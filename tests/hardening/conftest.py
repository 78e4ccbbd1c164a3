"""Shared by the hardening tests: the bad-input corpus (built once per session) and a trap
server that every link, entity and tracker in it points at."""
from __future__ import annotations

import os
import socket
import sys
import threading
from pathlib import Path

import pytest

# badinput.py sits beside the tests; the suite runs in importlib mode, which adds no test folder
# to sys.path.
sys.path.insert(0, str(Path(__file__).parent))

from badinput import build_corpus  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


class TrapServer:
    """A TCP listener on 127.0.0.1 that counts connections: any count above zero means some
    reader reached out over the network, in this process or in a child."""

    def __init__(self):
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}/trap"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sock.close()


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


def cli_env() -> dict[str, str]:
    """Environment for running the CLI as a child: quiet, deterministic, repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONHASHSEED"] = "0"
    return env
