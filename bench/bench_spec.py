"""Speed of the spec stage alone (text input, already normalized): notices per second.

    .venv/bin/python bench/bench_spec.py [--rounds N] [DIR ...]

Reads *.txt notices (default: sample_docs/seeds and sample_docs/notices), normalizes them once
outside the clock, then times `extract_spec` (and `field_view`) on one core. Goal: ≥ 20/s.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import time
from pathlib import Path

from extractors.spec import build_nlp, extract_spec, field_view
from models import Document, Line, Page
from normalizers import normalize_document

ROOT = Path(__file__).resolve().parent.parent


def _document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8")
    return Document(source=str(path), sha256=hashlib.sha256(raw.encode()).hexdigest(),
                    media_type="text/plain", pages=[Page(number=1, lines=[Line(text=t) for t in raw.split("\n")])])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path,
                    default=[ROOT / "sample_docs" / "seeds", ROOT / "sample_docs" / "notices"])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})     # one core, as the goal says
    paths = sorted(p for d in args.dirs if d.is_dir() for p in d.glob("*.txt"))
    if not paths:
        raise SystemExit("no *.txt notices found")
    t0 = time.perf_counter()
    build_nlp()
    extract_spec(normalize_document(_document(paths[0])))     # jieba loads its dictionary here
    warmup = time.perf_counter() - t0
    docs = [normalize_document(_document(p)) for p in paths]
    chars = sum(len(d.text) for d in docs)
    rates, cpu_rates = [], []
    for _ in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            field_view(extract_spec(doc))
        rates.append(len(docs) / (time.perf_counter() - start))
        # CPU time does not count what other processes on a shared machine take from us.
        cpu_rates.append(len(docs) / max(time.process_time() - cpu, 1e-9))
    print(f"notices: {len(docs)} ({chars / len(docs):,.0f} chars each on average); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"pipeline build + first notice: {warmup:.2f} s")
    print(f"spec stage: median {statistics.median(rates):.1f} notices/s "
          f"(min {min(rates):.1f}, max {max(rates):.1f}) over {args.rounds} rounds; goal >= 20")
    print(f"spec stage per CPU second: median {statistics.median(cpu_rates):.1f} notices/s")
    print(f"throughput: {statistics.median(rates) * chars / len(docs) / 1000:,.0f}k chars/s")


if __name__ == "__main__":
    main()
