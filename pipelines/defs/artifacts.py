"""Stage outputs as JSON files under var/, one file per stage and content key.

A reviewer can open them, and the CLI and Dagster read and write the same files, so a
document read by one is not read again by the other.
"""
from __future__ import annotations

import functools
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, get_args, get_origin

import dagster as dg
from pydantic import TypeAdapter

from pipelines.outputs import to_jsonable
from reports.atomic_files import write_atomic


# JSON bytes of recently written artifacts kept as objects; a batched run of 100 text notices
# holds about 12 MB of documents and texts, 100 scans about 30 MB (twice what 50 measured).
RECENT_BYTES = 64 * 2**20


class RecentArtifacts:
    """What this process wrote last, as the objects it wrote, so that the next stage of the same
    run (Dagster's in-process executor runs a batched run's steps one after another) takes them
    without reading and parsing the file again: about 1 ms a read, three reads per notice.

    An entry holds while the file is the one written (an atomic rewrite makes a new inode);
    a file rewritten since, or a reader asking for another type, is read from disk. Only exact
    dumps are kept: a redacted file differs from its object, and its readers must see what it
    holds. Readers share the object, which the stages' pure functions leave unchanged
    (tests/pipelines/test_stages.py checks that)."""

    def __init__(self, max_bytes: int = RECENT_BYTES):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, tuple[Any, Any, tuple[int, int, int]]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def put(self, path: Path, value: Any, value_type: Any) -> None:
        stat = path.stat()
        with self._lock:
            self._drop(str(path))
            if stat.st_size > self.max_bytes:
                return
            self._entries[str(path)] = (value, value_type, _signature(stat))
            self._bytes += stat.st_size
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def get(self, path: Path, value_type: Any) -> Any | None:
        with self._lock:
            entry = self._entries.get(str(path))
        if entry is None or entry[1] != value_type:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        return entry[0] if _signature(stat) == entry[2] else None

    def discard(self, path: Path) -> None:
        with self._lock:
            self._drop(str(path))

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry[2][2]


def _signature(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


_recent = RecentArtifacts()
_recent_pid = os.getpid()


def recent_artifacts() -> RecentArtifacts:
    global _recent, _recent_pid
    if os.getpid() != _recent_pid:   # a forked step process starts with none of its parent's
        _recent, _recent_pid = RecentArtifacts(), os.getpid()
    return _recent


class ArtifactStore:
    """`<root>/store/<stage>/<key>.json`, written atomically (temp file + os.replace)."""

    def __init__(self, var_dir: str | Path):
        self.root = Path(var_dir) / "store"

    def path(self, stage: str, key: str) -> Path:
        return self.root / stage / f"{key}.json"

    def exists(self, stage: str, key: str) -> bool:
        return self.path(stage, key).is_file()

    def write(self, stage: str, key: str, value: Any, value_type: Any, *,
              redact_secrets: bool = False) -> Path:
        """`redact_secrets` for what reviewers open and share (specs, findings), as the CLI does;
        documents and texts keep their exact characters, or offsets would no longer match."""
        adapter = _adapter(value_type)
        target = self.path(stage, key)
        if redact_secrets:
            recent_artifacts().discard(target)
            write_atomic(target, json.dumps(to_jsonable(adapter.dump_python(value, mode="json")),
                                            ensure_ascii=False, indent=1).encode())
        else:
            write_atomic(target, adapter.dump_json(value, indent=1))
            recent_artifacts().put(target, value, value_type)
        return target

    def read(self, stage: str, key: str, value_type: Any) -> Any:
        target = self.path(stage, key)
        value = recent_artifacts().get(target, value_type)
        if value is None:
            value = _adapter(value_type).validate_json(target.read_bytes())
        return value


@functools.lru_cache(maxsize=64)
def _adapter(value_type: Any) -> TypeAdapter:
    # Building a TypeAdapter walks the model's whole schema: once per type, not per file.
    return TypeAdapter(value_type)


def partition_value_type(typing_type: Any) -> Any:
    """Assets hand over `dict[partition key, value]`; the file holds one value."""
    if get_origin(typing_type) is dict:
        return get_args(typing_type)[1]
    raise TypeError(f"partitioned stage outputs must be typed dict[str, T], got {typing_type!r}")


def by_partition(value_type: Any, name: str) -> dg.DagsterType:
    """The Dagster type of `dict[partition key, value_type]`.

    Dagster cannot infer a type from `dict[str, Document | ErrorRecord]`, so assets name
    these explicitly; the IO manager reads the value type back to (de)serialize.
    """
    adapter = TypeAdapter(dict[str, value_type])

    def type_check(_context: Any, value: Any) -> dg.TypeCheck:
        try:
            adapter.validate_python(value, strict=True)
        except ValueError as exc:
            return dg.TypeCheck(success=False, description=str(exc)[:500])
        return dg.TypeCheck(success=True)

    return dg.DagsterType(type_check_fn=type_check, name=name, typing_type=dict[str, value_type])


class JsonArtifactIOManager(dg.ConfigurableIOManager):
    """Stores `dict[partition key, model]` outputs one JSON file per partition.

    Batched runs (BackfillPolicy) pass many partitions through one output; single-partition
    runs pass a dict of one. Either way each partition lands in its own file.
    """

    var_dir: str

    def _store(self) -> ArtifactStore:
        return ArtifactStore(self.var_dir)

    def handle_output(self, context: dg.OutputContext, obj: dict[str, Any]) -> None:
        value_type = partition_value_type(context.dagster_type.typing_type)
        stage = context.asset_key.to_user_string()
        missing = set(context.asset_partition_keys) - set(obj)
        if missing:
            raise dg.Failure(f"{stage}: no output for partitions {sorted(missing)}")
        redact = bool(context.definition_metadata.get("redact_secrets"))
        paths = [self._store().write(stage, key, obj[key], value_type, redact_secrets=redact)
                 for key in context.asset_partition_keys]
        if len(paths) == 1:
            context.add_output_metadata({"artifact": dg.MetadataValue.path(str(paths[0]))})

    def load_input(self, context: dg.InputContext) -> dict[str, Any]:
        value_type = partition_value_type(context.dagster_type.typing_type)
        stage = context.asset_key.to_user_string()
        return {key: self._store().read(stage, key, value_type)
                for key in context.asset_partition_keys}
