"""A stage's result or the error record that stands in for it.

As in the CLI's batch jobs, one bad file becomes an ErrorRecord in its own partition and never
fails the other documents of a batched run; the blocking asset checks then hold it back.
"""
from __future__ import annotations

import logging
from typing import Callable, TypeVar

from models import ErrorCode, ErrorRecord, IntakeError

log = logging.getLogger("award_intake")

In = TypeVar("In")
Out = TypeVar("Out")


def as_error(source: str, exc: Exception) -> ErrorRecord:
    if isinstance(exc, IntakeError):
        return exc.record
    log.warning("stage failed on %s", source, exc_info=True)
    return ErrorRecord(code=ErrorCode.INTERNAL, file=source, message=f"{type(exc).__name__}: {exc}")


def attempt(stage: Callable[[In], Out], value: In | ErrorRecord, source: str) -> Out | ErrorRecord:
    """stage(value), an error upstream passed on unchanged, or the error this stage raised."""
    if isinstance(value, ErrorRecord):
        return value
    try:
        return stage(value)
    except ImportError:
        raise   # a stage that is not installed is a broken deployment, not a bad document
    except Exception as exc:  # one bad document never stops the batch
        return as_error(source, exc)
