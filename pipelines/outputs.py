"""Writing outputs: atomically (no half-written JSON after a crash) and with secrets redacted."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from reports.atomic_files import write_atomic


def write_text_atomic(path: Path, text: str) -> Path:
    return write_atomic(path, text.encode("utf-8"))


def to_jsonable(value: Any) -> Any:
    """Plain JSON data with every string passed through the credential redactor."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return _redact_strings(value)


def write_json_atomic(path: Path, value: Any) -> Path:
    return write_text_atomic(path, dumps(value) + "\n")


def dumps(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, indent=1)


def _redact_strings(value: Any) -> Any:
    from extractors.spec.secrets import redact
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_redact_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _redact_strings(v) for k, v in value.items()}
    return value
