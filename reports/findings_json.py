"""`<packet>.findings.json` exactly as PACKETS.md defines it, written so a crash never leaves half a file."""
from __future__ import annotations

import json
from pathlib import Path

from models.findings import PacketFindings
from reports.atomic_files import write_atomic


def findings_path(out_dir: Path, packet: str) -> Path:
    return out_dir / f"{packet}.findings.json"


def write_findings(found: PacketFindings, out_dir: Path) -> Path:
    text = json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    return write_atomic(findings_path(out_dir, found.packet), text.encode("utf-8"))


def read_findings(path: Path) -> PacketFindings:
    return PacketFindings.model_validate_json(path.read_text(encoding="utf-8"))
