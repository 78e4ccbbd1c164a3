"""A beat per page read, so that a supervisor (pipelines/worker.py) can tell a long document
that is moving from a page that hangs. Without a listener a beat costs nothing."""
from __future__ import annotations

from typing import Callable

_listener: Callable[[int], None] | None = None


def set_listener(listener: Callable[[int], None] | None) -> None:
    global _listener
    _listener = listener


def page_started(number: int) -> None:
    if _listener is not None:
        _listener(number)
