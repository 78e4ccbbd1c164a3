"""Stage outputs as JSON files under var/, one file per stage and content key.

A reviewer can open them, and the CLI and Dagster read and write the same files, so a
document read by one is not read again by the other.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args, get_origin

import dagster as dg
from pydantic import TypeAdapter

from pipelines.outputs import to_jsonable
from reports.atomic_files import write_atomic


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
        adapter = TypeAdapter(value_type)
        if redact_secrets:
            data = json.dumps(to_jsonable(adapter.dump_python(value, mode="json")),
                              ensure_ascii=False, indent=1).encode()
        else:
            data = adapter.dump_json(value, indent=1)
        target = self.path(stage, key)
        write_atomic(target, data)
        return target

    def read(self, stage: str, key: str, value_type: Any) -> Any:
        return TypeAdapter(value_type).validate_json(self.path(stage, key).read_bytes())


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
