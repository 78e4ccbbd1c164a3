"""Normalized characters per second on the seed corpus (goal: ≥ 1 MB of text per second, one core).

    .venv/bin/python bench/bench_normalizers.py [--seeds DIR] [--repeat N]

Prints, per seed and for the corpus: characters, UTF-8 bytes, best-of-N wall and CPU seconds,
characters and MB per CPU second for `normalize_text`, and CPU seconds for `normalize_document`
(one Line per text line, as the txt reader builds it). The first call loads the OpenCC tables; that
one-off cost is printed separately and left out of the rates.
"""
from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from models.document import Document, Line, Page
from normalizers import normalize_document, normalize_text


def _best(fn, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of `repeat` runs (CPU time is what one core
    spends; on a shared machine the wall clock also counts waiting for a core)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _document(name: str, text: str) -> Document:
    return Document(source=name, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    media_type="text/plain",
                    pages=[Page(number=1, lines=[Line(text=t) for t in text.split("\n")])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(args.seeds.glob("*.txt"))}
    if not seeds:
        raise SystemExit(f"no .txt seeds in {args.seeds}")

    start = time.perf_counter()
    normalize_text("攀枝花市質量強市")
    print(f"warm-up (OpenCC tables): {time.perf_counter() - start:.3f} s")

    print(f"{'seed':30} {'chars':>7} {'bytes':>7} {'wall s':>7} {'cpu s':>7} {'chars/s':>10} "
          f"{'MB/s':>5} {'doc cpu s':>9}")
    corpus = "\n".join(seeds.values())
    rows = [*seeds.items(), ("corpus (all seeds)", corpus), ("corpus x20 (~1.2 MB)", "\n".join([corpus] * 20))]
    for name, text in rows:
        repeat = args.repeat if len(text) < 200_000 else max(1, args.repeat // 2)
        wall, cpu = _best(lambda: normalize_text(text), repeat)
        doc = _document(name, text)
        _, doc_cpu = _best(lambda: normalize_document(doc), repeat)
        size = len(text.encode("utf-8"))
        # Rates from CPU time: one core's throughput, whatever else the machine is running.
        print(f"{name[:30]:30} {len(text):7d} {size:7d} {wall:7.4f} {cpu:7.4f} {len(text) / cpu:10,.0f} "
              f"{size / cpu / 1e6:5.2f} {doc_cpu:9.4f}")


if __name__ == "__main__":
    main()
