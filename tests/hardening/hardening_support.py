"""Helpers the hardening tests share: the trap server, the child-process environment, and a way
to make even root obey file modes."""
from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

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


def cli_env() -> dict[str, str]:
    """Environment for running the CLI as a child: quiet, deterministic, repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONHASHSEED"] = "0"
    return env


def without_root_file_powers() -> list[str]:
    """A command prefix under which even root obeys file modes ([] when not root)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("root without setpriv cannot be made to obey file modes")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
