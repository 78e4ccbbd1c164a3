"""`<packet>.findings.json` exactly as PACKETS.md defines it, written so a crash never leaves half a file."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from models.findings import PacketFindings


def write_atomic(path: Path, data: bytes) -> Path:
    """Write to a temp file beside `path`, then rename over it (atomic on one filesystem)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)          # mkstemp makes 0600; reports are for other people to open
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def findings_path(out_dir: Path, packet: str) -> Path:
    return out_dir / f"{packet}.findings.json"


def write_findings(found: PacketFindings, out_dir: Path) -> Path:
    text = json.dumps(found.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    return write_atomic(findings_path(out_dir, found.packet), text.encode("utf-8"))


def read_findings(path: Path) -> PacketFindings:
    return PacketFindings.model_validate_json(path.read_text(encoding="utf-8"))
