"""Reviewer decisions on flags, keyed so they survive reprocessing.

A decision is keyed by (packet, code, evidence fingerprint): the fingerprint hashes where the
flag points (file, page, evidence text), not its wording or box, so a re-run that finds the same
thing again finds the decision again. Decisions live in `overrides.json` beside the reports;
a reviewer may also type them into the workbook's 复核结论/复核意见 columns, and the next run
reads them back from there before it writes the workbook anew.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from models.findings import Flag, PacketFindings

from reports.atomic_files import write_atomic

Decision = Literal["accept", "reject"]
# What a reviewer may type in the workbook, and what it means.
DECISION_WORDS: dict[str, Decision] = {
    "accept": "accept", "确认": "accept", "接受": "accept", "成立": "accept",
    "reject": "reject", "驳回": "reject", "不成立": "reject", "忽略": "reject",
}
DECISION_LABELS: dict[Decision, str] = {"accept": "确认", "reject": "驳回"}
_SPACE = re.compile(r"\s+")


class Override(BaseModel):
    packet: str
    code: str
    fingerprint: str
    decision: Decision
    comment: str = ""
    reviewer: str = ""
    decided_at: str = ""


def flag_fingerprint(packet: str, flag: Flag) -> str:
    where = [(e.source, e.page, _SPACE.sub("", e.text)) for e in flag.evidence]
    raw = json.dumps([packet, flag.code.value, where], ensure_ascii=False)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def key(o: Override) -> tuple[str, str, str]:
    return o.packet, o.code, o.fingerprint


def parse_decision(word: object) -> Decision | None:
    return DECISION_WORDS.get(str(word or "").strip().lower())


def load_overrides(path: Path) -> list[Override]:
    """overrides.json (a list of objects) or a CSV with the same column names."""
    if not path.exists():
        return []
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if parse_decision(r.get("decision"))]
        return [Override(**{**r, "decision": parse_decision(r["decision"])}) for r in rows]
    return [Override.model_validate(o) for o in json.loads(path.read_text(encoding="utf-8"))]


def save_overrides(overrides: list[Override], path: Path) -> Path:
    data = [o.model_dump() for o in sorted(overrides, key=key)]
    return write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def merge(*sources: list[Override]) -> list[Override]:
    """Later sources win for the same key (the workbook a reviewer just edited beats the file)."""
    merged: dict[tuple[str, str, str], Override] = {}
    for source in sources:
        for o in source:
            merged[key(o)] = o
    return list(merged.values())


def decisions_for(found: PacketFindings, overrides: list[Override]) -> dict[int, Override]:
    """Flag index → the reviewer's decision on it."""
    by_key = {key(o): o for o in overrides}
    out = {}
    for i, flag in enumerate(found.flags):
        o = by_key.get((found.packet, flag.code.value, flag_fingerprint(found.packet, flag)))
        if o is not None:
            out[i] = o
    return out


def reviewed_complete(found: PacketFindings, decisions: dict[int, Override]) -> bool:
    """The verdict after review: errors the reviewer rejected no longer stand."""
    return not any(f.severity == "error" and not (i in decisions and decisions[i].decision == "reject")
                   for i, f in enumerate(found.flags))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
