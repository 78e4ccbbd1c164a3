"""Orchestration overhead: the same batch of notices through the CLI's batch job and through
Dagster (inbox sensor + batched runs of the notice flow, as a backfill would run them).

    .venv/bin/python bench/bench_orchestration.py --sizes 100,200,400 [--batch 25]
        [--dagster-home DIR]   # a folder with a dagster.yaml, e.g. Postgres storage

Prints per size: CLI seconds, Dagster seconds, overhead (goal ≤ 20%), the cost of one run per
document for comparison, and resident memory after the first and the last batch (goal: flat).
Documents are the seeds with a numbered line appended, so every one has its own content key.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import dagster as dg  # noqa: E402

from pipelines.defs import batch_assets, checks, notice_assets  # noqa: E402
from pipelines.defs.arrivals import take_arrivals  # noqa: E402
from pipelines.defs.artifacts import JsonArtifactIOManager  # noqa: E402
from pipelines.defs.flows import NOTICE_FLOW  # noqa: E402
from pipelines.defs.resources import Workspace  # noqa: E402
from pipelines.defs.sensors import RANGE_END, RANGE_START  # noqa: E402
from pipelines.jobs import build_specs  # noqa: E402

ASSETS = [notice_assets.notice_document, notice_assets.notice_text, notice_assets.award_spec,
          notice_assets.notice_fields]
CHECKS = [checks.ocr_confidence, checks.spec_complete]
SELECTION = [dg.AssetKey(name) for name in NOTICE_FLOW]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_notices(folder: Path, count: int, start: int = 0) -> list[Path]:
    seeds = sorted((REPO / "sample_docs" / "seeds").glob("*.txt"))
    if not seeds:
        sys.exit("sample_docs/seeds/ is empty: run `python -m sample_docs.generator` first")
    folder.mkdir(parents=True, exist_ok=True)
    then = time.time() - 60
    paths = []
    for i in range(start, start + count):
        seed = seeds[i % len(seeds)]
        path = folder / f"{i:05d}_{seed.name}"
        path.write_text(seed.read_text(encoding="utf-8") + f"\n（编号：{i}）\n", encoding="utf-8")
        os.utime(path, (then, then))
        paths.append(path)
    return paths


def run_cli(paths: list[Path], out: Path) -> float:
    started = time.perf_counter()
    result = build_specs(paths, out)
    elapsed = time.perf_counter() - started
    if result.errors:
        print(f"  CLI: {len(result.errors)} error records, first: {result.errors[0].message}")
    return elapsed


def run_dagster(ws: Workspace, instance: dg.DagsterInstance, batch: int,
                known: set[str]) -> tuple[float, list[float]]:
    """Sensor tick (hash + register + add partitions), then one run per `batch` partitions."""
    resources = {"workspace": ws, "io_manager": JsonArtifactIOManager(var_dir=ws.var_dir)}
    rss = []
    started = time.perf_counter()
    arrivals = take_arrivals(ws.inbox, ws.registry, known, set())
    instance.add_dynamic_partitions("notices", arrivals.new_notices)
    keys = arrivals.new_notices
    for i in range(0, len(keys), batch):
        chunk = keys[i:i + batch]
        tags = {RANGE_START: chunk[0], RANGE_END: chunk[-1]}
        result = dg.materialize(ASSETS + CHECKS, selection=SELECTION, instance=instance,
                                resources=resources, tags=tags, raise_on_error=False)
        if not result.success:
            print("  a batched run failed")
        gc.collect()
        rss.append(rss_mb())
    known.update(keys)
    return time.perf_counter() - started, rss


def run_one_per_document(ws: Workspace, instance: dg.DagsterInstance, count: int,
                         known: set[str]) -> float:
    resources = {"workspace": ws, "io_manager": JsonArtifactIOManager(var_dir=ws.var_dir)}
    arrivals = take_arrivals(ws.inbox, ws.registry, known, set())
    instance.add_dynamic_partitions("notices", arrivals.new_notices)
    started = time.perf_counter()
    for key in arrivals.new_notices[:count]:
        dg.materialize(ASSETS + CHECKS, selection=SELECTION, instance=instance,
                       resources=resources, partition_key=key, raise_on_error=False)
    known.update(arrivals.new_notices)
    return (time.perf_counter() - started) / max(1, min(count, len(arrivals.new_notices)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,200", help="batch sizes to measure, comma-separated")
    parser.add_argument("--batch", type=int, default=notice_assets.batched_backfill.max_partitions_per_run)
    parser.add_argument("--single-runs", type=int, default=10,
                        help="documents run one per run, for the per-run cost")
    parser.add_argument("--dagster-home", type=Path,
                        help="instance to run on (default: a temporary SQLite one, as `dg dev`)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    instance_context = (dg.DagsterInstance.from_config(str(args.dagster_home)) if args.dagster_home
                        else dg.instance_for_test())
    with tempfile.TemporaryDirectory(prefix="bench-orch-") as tmp_name, instance_context as instance:
        tmp = Path(tmp_name)
        # Warm-up: imports, spaCy/jieba models, Dagster's first-run cost, outside the timings.
        warm = make_notices(tmp / "warm" / "inbox", 5, start=10_000_000)
        run_cli(warm, tmp / "warm" / "cli")
        run_dagster(Workspace(var_dir=str(tmp / "warm" / "var"), inbox=str(tmp / "warm" / "inbox")),
                    instance, args.batch, set())

        print(f"storage: {type(instance.event_log_storage).__name__}; batch size per run: {args.batch}")
        print(f"{'docs':>6} {'CLI s':>8} {'Dagster s':>10} {'overhead':>9} {'ms/doc CLI':>11} "
              f"{'ms/doc dg':>10} {'RSS first MB':>13} {'RSS last MB':>12}")
        offset = 0
        for size in sizes:
            paths = make_notices(tmp / f"n{size}" / "inbox", size, start=offset)
            offset += size
            cli_s = run_cli(paths, tmp / f"n{size}" / "cli")
            ws = Workspace(var_dir=str(tmp / f"n{size}" / "var"), inbox=str(tmp / f"n{size}" / "inbox"))
            dg_s, rss = run_dagster(ws, instance, args.batch, set())
            print(f"{size:>6} {cli_s:>8.2f} {dg_s:>10.2f} {100 * (dg_s - cli_s) / cli_s:>8.1f}% "
                  f"{1000 * cli_s / size:>11.1f} {1000 * dg_s / size:>10.1f} "
                  f"{rss[0]:>13.0f} {rss[-1]:>12.0f}")

        single = make_notices(tmp / "single" / "inbox", args.single_runs, start=offset)
        ws = Workspace(var_dir=str(tmp / "single" / "var"), inbox=str(tmp / "single" / "inbox"))
        per_run = run_one_per_document(ws, instance, len(single), set())
        cli_single = run_cli(single, tmp / "single" / "cli") / len(single)
        print(f"one in-process run per document: {1000 * per_run:.0f} ms/doc "
              f"(CLI {1000 * cli_single:.0f} ms/doc); a separate process per run adds 3-11 s more")


if __name__ == "__main__":
    main()
