"""The inbox folder: what is in it, under which content key, and for which award round.

Layout (any name for rounds, packets and files)::

    inbox/
      <round>/                 one folder per award round (one call for applications)
        <notice files>         通知, 管理办法 … : every file directly inside is a notice
        packets/
          <packet folder>/     one applicant's files (docx, PDFs, scans, images)
          <envelope>.pdf       one scanned envelope: several documents, copies included
      <notice file>            notices and packets/ at the top level belong to round ""
      packets/<batch>/batch.json   as for `award-intake run`: {"notice": "relative/path"} ties
                                   the packets beside it to that notice, wherever it lies

Keys are content hashes (the same bytes under another name or in another round are the same
document), so a re-sent file is recognised instead of processed again.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator, Literal

from pydantic import BaseModel, Field, TypeAdapter

from pipelines.defs.artifacts import write_atomic
from pipelines.jobs import BATCH_MANIFEST, NOTICE_SUFFIXES

SourceKind = Literal["notice", "packet"]
PACKETS_DIR = "packets"
KEY_LENGTH = 16          # same length as models.Document.id
_CHUNK = 1 << 20


class InboxEntry(BaseModel):
    kind: SourceKind
    path: str
    rounds: list[str]
    size: int
    mtime_ns: int


class SourceRecord(BaseModel):
    """What a partition key stands for: written by the sensor, read by the assets."""
    kind: SourceKind
    key: str
    path: str
    name: str
    rounds: list[str] = Field(default_factory=list)


def is_incoming(name: str) -> bool:
    """Hidden files, editor locks and partial downloads are not documents (yet)."""
    return not (name.startswith((".", "~$", "README")) or name == "__pycache__"
                or name.endswith((".part", ".tmp", ".crdownload", ".gold.json")))


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and all(is_incoming(part) for part in p.relative_to(folder).parts))


def _stat(path: Path) -> tuple[int, int]:
    """(size, newest mtime) of a file, or of all files of a folder."""
    files = _files_under(path) if path.is_dir() else [path]
    stats = [f.stat() for f in files]
    return sum(s.st_size for s in stats), max((s.st_mtime_ns for s in stats), default=0)


def _entry(kind: SourceKind, path: Path, round_name: str) -> InboxEntry:
    size, mtime_ns = _stat(path)
    return InboxEntry(kind=kind, path=str(path.resolve()), rounds=[round_name], size=size,
                      mtime_ns=mtime_ns)


def _packet_entries(folder: Path, round_name: str) -> Iterator[InboxEntry]:
    """Each entry of a packets/ folder is a packet, except a batch folder (with batch.json),
    whose own entries are the packets of that batch."""
    for entry in sorted(folder.iterdir()):
        if not is_incoming(entry.name) or entry.name == BATCH_MANIFEST:
            continue
        if (entry / BATCH_MANIFEST).is_file():
            yield from _packet_entries(entry, _batch_round(entry))
        elif entry.is_file() or _files_under(entry):
            yield _entry("packet", entry, round_name)


def _round_entries(folder: Path, round_name: str) -> Iterator[InboxEntry]:
    for child in sorted(folder.iterdir()):
        if not is_incoming(child.name):
            continue
        if child.is_file() and child.suffix.lower() in NOTICE_SUFFIXES:
            yield _entry("notice", child, round_name)
        elif child.is_dir() and child.name == PACKETS_DIR:
            yield from _packet_entries(child, round_name)


def _batch_round(batch: Path) -> str:
    """A manifest batch is its own round, named by its folder (unique, unlike its name)."""
    return str(batch.resolve())


def _manifest_links(root: Path) -> dict[str, list[str]]:
    """Notice path -> the batch rounds whose batch.json names it."""
    links: dict[str, list[str]] = {}
    for manifest in sorted(root.glob(f"{PACKETS_DIR}/*/{BATCH_MANIFEST}")) + sorted(
            root.glob(f"*/{PACKETS_DIR}/*/{BATCH_MANIFEST}")):
        try:
            notice = json.loads(manifest.read_text(encoding="utf-8"))["notice"]
        except (ValueError, KeyError, TypeError):
            continue    # a half-copied or foreign manifest ties nothing
        target = str((manifest.parent / notice).resolve())
        links.setdefault(target, []).append(_batch_round(manifest.parent))
    return links


def scan_inbox(inbox: str | Path) -> list[InboxEntry]:
    """Every notice and packet in the inbox, in a stable order (empty if there is no inbox)."""
    root = Path(inbox)
    if not root.is_dir():
        return []
    entries = list(_round_entries(root, ""))
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != PACKETS_DIR):
        if is_incoming(folder.name):
            entries.extend(_round_entries(folder, folder.name))
    links = _manifest_links(root)
    for entry in entries:
        if entry.kind == "notice":
            entry.rounds.extend(links.get(entry.path, []))
    return entries


def _file_digest(path: Path) -> bytes:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            h.update(block)
    return h.digest()


def content_key(path: str | Path) -> str:
    """sha256 of a file (prefix, as `Document.id`); of a folder: of its files' contents.

    File names inside a packet folder do not enter the key: a re-sent packet whose files were
    renamed is still the same packet.
    """
    path = Path(path)
    if path.is_file():
        return _file_digest(path).hex()[:KEY_LENGTH]
    h = hashlib.sha256(b"packet-folder\0")
    for digest in sorted(_file_digest(f) for f in _files_under(path)):
        h.update(digest)
    return h.hexdigest()[:KEY_LENGTH]


class SourceRegistry:
    """`var/sources/<kind>/<key>.json`: which file a partition key reads, and its rounds."""

    def __init__(self, var_dir: str | Path):
        self.root = Path(var_dir) / "sources"

    def _path(self, kind: SourceKind, key: str) -> Path:
        return self.root / kind / f"{key}.json"

    def get(self, kind: SourceKind, key: str) -> SourceRecord | None:
        path = self._path(kind, key)
        return SourceRecord.model_validate_json(path.read_bytes()) if path.is_file() else None

    def put(self, record: SourceRecord) -> None:
        write_atomic(self._path(record.kind, record.key), record.model_dump_json(indent=1).encode())

    def all(self, kind: SourceKind) -> list[SourceRecord]:
        folder = self.root / kind
        return [SourceRecord.model_validate_json(p.read_bytes())
                for p in sorted(folder.glob("*.json"))] if folder.is_dir() else []

    def register(self, entry: InboxEntry, key: str) -> tuple[SourceRecord, bool]:
        """Record `entry` under `key`; True when the key is new (a first arrival)."""
        known = self.get(entry.kind, key)
        if known is None:
            record = SourceRecord(kind=entry.kind, key=key, path=entry.path,
                                  name=Path(entry.path).name, rounds=list(entry.rounds))
        else:
            # A re-sent copy: remember its round, and read it from here if the first copy left.
            record = known.model_copy(deep=True)
            record.rounds += [r for r in entry.rounds if r not in record.rounds]
            if not Path(record.path).exists():
                record.path, record.name = entry.path, Path(entry.path).name
        if record != known:
            self.put(record)
        return record, known is None

    def load_index(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, mtime_ns, key) as last hashed, so unchanged files are not re-read."""
        path = self.root / "index.json"
        return TypeAdapter(dict[str, tuple[int, int, str]]).validate_json(
            path.read_bytes()) if path.is_file() else {}

    def save_index(self, index: dict[str, tuple[int, int, str]]) -> None:
        write_atomic(self.root / "index.json",
                     TypeAdapter(dict[str, tuple[int, int, str]]).dump_json(index))
