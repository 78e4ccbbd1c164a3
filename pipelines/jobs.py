"""Batch jobs over many files, shared by the CLI (`award-intake run|check`) and scripts.

A job never stops on one bad file: it writes an error record for it and goes on.
"""
from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from models import ErrorCode, ErrorRecord, IntakeError
from pipelines import stages
from pipelines.outputs import write_json_atomic, write_text_atomic
from pipelines.worker import ReaderWorker

log = logging.getLogger("award_intake")

NOTICE_SUFFIXES = {".txt", ".pdf", ".docx", ".doc", ".wps", ".rtf", ".odt", ".html", ".htm", ".png",
                   ".jpg", ".jpeg", ".tif", ".tiff"}
# A packet batch folder names the notice it answers in this file: {"notice": "relative/path"}.
BATCH_MANIFEST = "batch.json"

Progress = Callable[[Iterable, str], Iterable]


def _no_progress(items: Iterable, desc: str) -> Iterable:
    return items


@dataclass
class JobResult:
    out: Path
    specs: list[Path] = field(default_factory=list)
    findings: list[Path] = field(default_factory=list)
    reports: dict[str, Path] = field(default_factory=dict)
    errors: list[ErrorRecord] = field(default_factory=list)

    def merge(self, other: "JobResult") -> None:
        self.specs += other.specs
        self.findings += other.findings
        self.reports.update(other.reports)
        self.errors += other.errors

    def summary(self) -> str:
        lines = [f"award specs: {len(self.specs)}  packets checked: {len(self.findings)}  "
                 f"errors: {len(self.errors)}",
                 f"outputs: {self.out.resolve()}"]
        for name, path in sorted(self.reports.items()):
            lines.append(f"  {name}: {path.resolve()}")
        if self.errors:
            lines.append(f"  error records: {(self.out / 'errors.jsonl').resolve()}")
        return "\n".join(lines)


def build_specs(paths: list[Path], out: Path, progress: Progress = _no_progress,
                reader: ReaderWorker | None = None) -> JobResult:
    """Award spec and field view of each notice: out/specs/<stem>.spec.json, out/fields/<stem>.json.

    A notice whose bytes and stage versions match the last run's is not read again, so a batch
    killed mid-way and restarted redoes only what it had not finished. PDFs and scans are read
    by `reader` (one is started for the job if none is given).
    """
    with _reader(reader) as reader:
        result = JobResult(out=out)
        versions = stages.versions()
        for path in progress(paths, "notices"):
            spec_path = out / "specs" / f"{path.stem}.spec.json"
            fields_path = out / "fields" / f"{path.stem}.json"
            stamp_path = out / "specs" / f".{path.stem}.stamp.json"
            try:
                stamp = {"sha256": _sha256(path), "versions": versions}
                if spec_path.exists() and fields_path.exists() and _read_json(stamp_path) == stamp:
                    result.specs.append(spec_path)
                    continue
                spec = stages.spec_from_file(path, reader)
                result.specs.append(write_json_atomic(spec_path, spec))
                write_json_atomic(fields_path, stages.field_view(spec))
                write_json_atomic(stamp_path, stamp)   # last: only a finished notice is skipped later
            except Exception as exc:  # one bad notice never stops the batch
                for stale in (spec_path, fields_path, stamp_path):
                    stale.unlink(missing_ok=True)
                result.errors.append(_record(path, exc))
        _write_errors(out, result.errors)
        return result


def check_packets(packet_paths: list[Path], spec_path: Path, out: Path,
                  progress: Progress = _no_progress, reader: ReaderWorker | None = None) -> JobResult:
    """Read each packet, check the batch against the spec, write findings and reports."""
    with _reader(reader) as reader:
        result = JobResult(out=out)
        spec = stages.spec_from_file(spec_path, reader)
        packets = []
        # A shell glob over a batch folder also yields its gold files and manifest: not packets.
        packet_paths = [p for p in packet_paths if p.is_dir() or p.suffix.lower() != ".json"]
        for path in progress(packet_paths, "packets"):
            try:
                packets.append(stages.read_packet(path, reader))
            except Exception as exc:
                result.errors.append(_record(path, exc))
        findings = stages.check_batch(packets, spec)
        written = stages.write_reports(findings, packets, out)
        result.findings = sorted(out.glob("*.findings.json"))
        result.reports = {k: v for k, v in written.items() if not k.endswith(".findings.json")}
        _write_errors(out, result.errors)
        return result


def run_all(root: Path, out: Path, progress: Progress = _no_progress) -> JobResult:
    """Every notice under `root` (outside packets/) to a spec; every packet batch checked."""
    with ReaderWorker() as reader:
        result = JobResult(out=out)
        notices = sorted(p for p in root.rglob("*") if _is_notice(p, root))
        result.merge(build_specs(notices, out, progress, reader))
        for batch in sorted((root / "packets").glob("*/")):
            manifest = batch / BATCH_MANIFEST
            if not manifest.is_file():
                continue
            notice = (batch / json.loads(manifest.read_text(encoding="utf-8"))["notice"]).resolve()
            members = sorted(p for p in batch.iterdir()
                             if p.name != BATCH_MANIFEST and not p.name.endswith(".gold.json")
                             and not p.name.startswith((".", "README")))
            sub = check_packets(members, notice, out / "packets" / batch.name, progress, reader)
            sub.reports = {f"{batch.name} {k}": v for k, v in sub.reports.items()}
            result.merge(sub)
        _write_errors(out, result.errors)
        return result


@contextmanager
def _reader(given: ReaderWorker | None) -> Iterator[ReaderWorker]:
    """The caller's reader, or one of this job's own, closed when the job ends."""
    if given is not None:
        yield given
        return
    with ReaderWorker() as started:
        yield started


def _sha256(path: Path) -> str:
    from extractors.readers import file_sha256
    return file_sha256(path)


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _is_notice(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return (path.is_file() and path.suffix.lower() in NOTICE_SUFFIXES
            and rel[0] not in {"packets", "generator", "build"}
            and not any(part.startswith(".") for part in rel)
            and not path.name.startswith("README"))


def _record(path: Path, exc: Exception) -> ErrorRecord:
    if isinstance(exc, IntakeError):
        return exc.record
    log.debug("internal error on %s", path, exc_info=True)
    return ErrorRecord(code=ErrorCode.INTERNAL, file=str(path), message=f"{type(exc).__name__}: {exc}")


def _write_errors(out: Path, errors: list[ErrorRecord]) -> None:
    """This run's error records; a clean rerun leaves none from an earlier run behind."""
    target = out / "errors.jsonl"
    if errors:
        write_text_atomic(target, "".join(e.model_dump_json() + "\n" for e in errors))
    else:
        target.unlink(missing_ok=True)
