"""The first step of both flows: each partition's registered file read, one error record per
file that cannot be, all through one supervised reader for the run (pipelines/worker.py)."""
from __future__ import annotations

from functools import partial
from typing import Callable, TypeVar

import dagster as dg

from models import ErrorCode, ErrorRecord
from pipelines.defs.outcomes import attempt
from pipelines.defs.resources import Workspace
from pipelines.worker import ReaderWorker

T = TypeVar("T")


def read_partitions(context: dg.AssetExecutionContext, workspace: Workspace, kind: str,
                    read: Callable[..., T]) -> dict[str, T | ErrorRecord]:
    """`read(path, reader=...)` for every partition of the run; `kind` is notice or packet."""
    out: dict[str, T | ErrorRecord] = {}
    with ReaderWorker() as reader:      # PDFs and scans: a hung page or a crash costs one file
        for key in context.partition_keys:
            record = workspace.registry.get(kind, key)
            if record is None:
                out[key] = ErrorRecord(code=ErrorCode.NOT_FOUND, file=key,
                                       message=f"no inbox {kind} registered for this partition")
                continue
            out[key] = attempt(partial(read, reader=reader), record.path, record.path)
    return out
