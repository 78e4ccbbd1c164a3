"""What the inbox sensor does on a tick, as a plain function of the inbox and the registry:
which files are new partitions, which batches must be re-checked."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.defs.inbox import InboxEntry, SourceRegistry, content_key, scan_inbox

# A file younger than this may still be being copied in; it is taken on a later tick.
SETTLE_SECONDS = 5.0
# Hashing a thousand new scans must not run past the sensor's time limit (60 s by default):
# what is left after this long is hashed on the next tick.
HASH_BUDGET_SECONDS = 20.0


@dataclass
class Arrivals:
    new_notices: list[str] = field(default_factory=list)
    new_packets: list[str] = field(default_factory=list)
    # notice key -> why its batch must be re-checked (a known file turned up in a new round)
    recheck: dict[str, str] = field(default_factory=dict)
    settling: int = 0
    deferred: int = 0       # not hashed yet: the tick's hashing budget ran out


def take_arrivals(inbox: str | Path, registry: SourceRegistry, known_notices: set[str],
                  known_packets: set[str], *, now: float | None = None,
                  settle_seconds: float = SETTLE_SECONDS,
                  hash_budget_seconds: float = HASH_BUDGET_SECONDS) -> Arrivals:
    """Register what is in the inbox; report keys not yet partitions and batches to re-check.

    Files are hashed only when their size or mtime changed since the last tick.
    """
    now = time.time() if now is None else now
    index = registry.load_index()
    arrivals = Arrivals()
    seen: dict[str, tuple[int, int, str]] = {}
    deadline = time.monotonic() + hash_budget_seconds
    for entry in scan_inbox(inbox):
        if now - entry.mtime_ns / 1e9 < settle_seconds:
            arrivals.settling += 1
            continue
        key = _cached_key(entry, index)
        if key is None:
            if time.monotonic() > deadline:
                arrivals.deferred += 1
                continue
            key = content_key(entry.path)
        seen[entry.path] = (entry.size, entry.mtime_ns, key)
        before = registry.get(entry.kind, key)
        record, _ = registry.register(entry, key)
        known = known_notices if entry.kind == "notice" else known_packets
        new_list = arrivals.new_notices if entry.kind == "notice" else arrivals.new_packets
        if key not in known:
            if key not in new_list:
                new_list.append(key)
            continue
        gained = set(record.rounds) - set(before.rounds if before else [])
        if gained:
            _recheck_rounds(arrivals, registry, entry, key, gained)
    registry.save_index(seen)
    return arrivals


def _cached_key(entry: InboxEntry, index: dict[str, tuple[int, int, str]]) -> str | None:
    cached = index.get(entry.path)
    if cached and cached[:2] == (entry.size, entry.mtime_ns):
        return cached[2]
    return None


def _recheck_rounds(arrivals: Arrivals, registry: SourceRegistry, entry: InboxEntry, key: str,
                    rounds: set[str]) -> None:
    """A known notice or packet re-sent into another round joins that round's batches."""
    if entry.kind == "notice":
        arrivals.recheck[key] = f"notice re-sent into {sorted(rounds)}"
        return
    for notice in notices_in_rounds(registry, rounds):
        arrivals.recheck[notice] = f"packet {key} re-sent into {sorted(rounds)}"


def notices_in_rounds(registry: SourceRegistry, rounds: set[str]) -> list[str]:
    """Keys of the notices whose batches take packets of these rounds."""
    return [n.key for n in registry.all("notice") if rounds & set(n.rounds)]


def batches_for_packets(registry: SourceRegistry, packet_keys: list[str]) -> dict[str, list[str]]:
    """notice key -> the packets just read that its batch takes: the batches to re-check,
    and only those (one packet must not re-check every notice's batch)."""
    batches: dict[str, list[str]] = {}
    for key in packet_keys:
        record = registry.get("packet", key)
        for notice in notices_in_rounds(registry, set(record.rounds) if record else set()):
            batches.setdefault(notice, []).append(key)
    return batches
