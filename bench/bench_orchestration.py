"""Orchestration overhead: the same batch of documents through the CLI's code path and through
Dagster's batched runs (MAX_PARTITIONS_PER_RUN partitions per run, as a backfill runs them).

    .venv/bin/python bench/bench_orchestration.py [--flow notices|packets] [--source GLOB]
        [--sizes 100,200,400] [--batch N] [--repeat N] [--dagster-home DIR] [--stock-sqlite]

Prints per size: CLI seconds, Dagster seconds, overhead (goal ≤ 20%) in wall time and in CPU
time of this process, ms per document, the events Dagster stored per document and the overhead
per event, the resident memory after the first and the last batch (goal: flat), then the cost
of one run per document for comparison. CLI and Dagster take turns `--repeat` times on fresh
copies and the medians are printed: on a shared machine a slow spell otherwise lands on one
side. `--dagster-home` names a folder with a dagster.yaml (e.g. Postgres storage, see
scripts/postgres_test_server.sh); the default is a temporary instance on the storage the
repository's dagster.yaml configures, as `dg dev` uses (`--stock-sqlite`: Dagster's own SQLite
storage, for comparison). The source files are copied in turn under
numbered names, so neither the CLI (which skips a notice it already did) nor Dagster (a
partition per key) sees a repeat.
"""
from __future__ import annotations

import argparse
import gc
import itertools
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import dagster as dg  # noqa: E402

from pipelines import stages  # noqa: E402
from pipelines.defs import checks, notice_assets, packet_assets  # noqa: E402
from pipelines.defs.artifacts import JsonArtifactIOManager  # noqa: E402
from pipelines.defs.flows import NOTICE_FLOW, PACKET_FLOW  # noqa: E402
from pipelines.defs.inbox import SourceRecord  # noqa: E402
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN  # noqa: E402
from pipelines.defs.resources import Workspace  # noqa: E402
from pipelines.defs.sensors import RANGE_END, RANGE_START  # noqa: E402
from pipelines.jobs import build_specs  # noqa: E402
from pipelines.sqlite_storage import embedded_storage  # noqa: E402

FLOWS = {
    # flow: (partitions, assets, checks, selection, default source, what the CLI runs)
    "notices": ("notices", [notice_assets.notice_document, notice_assets.notice_text,
                            notice_assets.award_spec, notice_assets.notice_fields],
                [checks.ocr_confidence, checks.spec_complete], NOTICE_FLOW,
                "sample_docs/seeds/*.txt"),
    "packets": ("packets", [packet_assets.packet], [checks.packet_readable], PACKET_FLOW,
                "sample_docs/packets/*/*"),
}


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sources(pattern: str) -> list[Path]:
    found = sorted(p for p in REPO.glob(pattern)
                   if not p.name.endswith((".gold.json", ".md", ".py")) and p.name != "batch.json"
                   and not p.name.startswith((".", "__")))
    if not found:
        sys.exit(f"no documents match {pattern}: run `python -m sample_docs.generator` first")
    return found


def copies(files: list[Path], count: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, source in enumerate(itertools.islice(itertools.cycle(files), count)):
        target = folder / f"{i:05d}_{source.name}"
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)
        paths.append(target)
    return paths


def timed(action) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of `action()`."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def run_cli(flow: str, paths: list[Path], out: Path) -> float:
    started = time.perf_counter()
    if flow == "notices":
        errors = build_specs(paths, out).errors
        if errors:
            print(f"  CLI: {len(errors)} error records, first: {errors[0].message[:120]}")
    else:
        for path in paths:
            stages.read_packet(path)
    return time.perf_counter() - started


def run_dagster(flow: str, paths: list[Path], ws: Workspace, instance: dg.DagsterInstance,
                batch: int, tag: str) -> tuple[tuple[float, float], list[float], int]:
    """((wall seconds, CPU seconds), RSS after each batched run, events Dagster stored for
    these runs); the RSS sampling (a full garbage collection) is left out of both times."""
    partitions, assets, asset_checks, selection, _ = FLOWS[flow]
    kind = "notice" if flow == "notices" else "packet"
    resources = {"workspace": ws, "io_manager": JsonArtifactIOManager(var_dir=ws.var_dir)}
    keys = [f"{tag}-{i:05d}" for i in range(len(paths))]
    started, started_cpu = time.perf_counter(), time.process_time()
    for key, path in zip(keys, paths):
        ws.registry.put(SourceRecord(kind=kind, key=key, path=str(path), name=path.name,
                                     rounds=["bench"]))
    instance.add_dynamic_partitions(partitions, keys)
    rss, run_ids = [], []
    sampling = sampling_cpu = 0.0
    for i in range(0, len(keys), batch):
        chunk = keys[i:i + batch]
        tags = ({RANGE_START: chunk[0], RANGE_END: chunk[-1]} if len(chunk) > 1
                else {"dagster/partition": chunk[0]})
        result = dg.materialize(assets + asset_checks, selection=[dg.AssetKey(a) for a in selection],
                                instance=instance, resources=resources, tags=tags,
                                raise_on_error=False)
        if not result.success:
            print("  a batched run failed")
        run_ids.append(result.run_id)
        sampled, sampled_cpu = time.perf_counter(), time.process_time()
        gc.collect()
        rss.append(rss_mb())
        sampling += time.perf_counter() - sampled
        sampling_cpu += time.process_time() - sampled_cpu
    seconds = (time.perf_counter() - started - sampling,
               time.process_time() - started_cpu - sampling_cpu)
    return seconds, rss, sum(len(instance.all_logs(run_id)) for run_id in run_ids)


def instance_for(args: argparse.Namespace, base_dir: Path):
    if args.dagster_home:
        return dg.DagsterInstance.from_config(str(args.dagster_home))
    storage = ({"sqlite": {"base_dir": str(base_dir)}} if args.stock_sqlite
               else embedded_storage(base_dir))
    return dg.instance_for_test(overrides={"storage": storage})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flow", choices=sorted(FLOWS), default="notices")
    parser.add_argument("--source", help="glob under the repository (default: per flow)")
    parser.add_argument("--sizes", default="100,200", help="documents per batch, comma-separated")
    parser.add_argument("--batch", type=int, default=MAX_PARTITIONS_PER_RUN)
    parser.add_argument("--repeat", type=int, default=3,
                        help="turns of CLI and Dagster per size; medians are printed")
    parser.add_argument("--single-runs", type=int, default=5,
                        help="documents run one per run, for the per-run cost")
    parser.add_argument("--dagster-home", type=Path,
                        help="instance to run on (default: a temporary one on dagster.yaml's storage)")
    parser.add_argument("--stock-sqlite", action="store_true",
                        help="the default instance on Dagster's own SQLite storage instead")
    args = parser.parse_args()
    files = sources(args.source or FLOWS[args.flow][4])
    sizes = [int(s) for s in args.sizes.split(",")]

    with tempfile.TemporaryDirectory(prefix="bench-orch-") as tmp_name, \
            instance_for(args, Path(tmp_name) / "dagster") as instance:
        tmp = Path(tmp_name)
        run_id = f"{time.time_ns():x}"
        ws = Workspace(var_dir=str(tmp / "var"), inbox=str(tmp / "inbox"))
        # Warm-up (imports, segmenter and OCR models, Dagster's first run) outside the timings.
        warm = copies(files, 1, tmp / "docs-warm")
        run_cli(args.flow, warm, tmp / "warm")
        run_dagster(args.flow, warm, ws, instance, args.batch, f"w{run_id}")

        print(f"flow: {args.flow} over {len(files)} source files; storage: "
              f"{type(instance.event_log_storage).__name__}; partitions per run: {args.batch}")
        print(f"{'docs':>6} {'CLI s':>8} {'Dagster s':>10} {'overhead':>9} {'cpu ovh':>9} "
              f"{'ms/doc CLI':>11} "
              f"{'ms/doc dg':>10} {'events/doc':>11} {'ms/event':>9} {'RSS first MB':>13} "
              f"{'RSS last MB':>12}")
        for size in sizes:
            # CLI and Dagster take turns, `--repeat` times, each on fresh copies; the medians
            # are printed, so a slow spell of a shared machine does not land on one side only.
            cli_runs, dg_runs, rss_first, rss_last, events = [], [], [], [], 0
            for turn in range(args.repeat):
                paths = copies(files, size, tmp / f"docs{size}-{turn}")
                cli_runs.append(timed(lambda: run_cli(args.flow, paths, tmp / f"cli{size}-{turn}")))
                times, rss, events = run_dagster(args.flow, paths, ws, instance, args.batch,
                                                 f"n{size}t{turn}{run_id}")
                dg_runs.append(times)
                rss_first.append(rss[0])
                rss_last.append(rss[-1])
            cli_s, cli_cpu = (statistics.median(x) for x in zip(*cli_runs))
            dg_s, dg_cpu = (statistics.median(x) for x in zip(*dg_runs))
            # The overhead spread over the events Dagster stored: its per-event storage cost.
            print(f"{size:>6} {cli_s:>8.2f} {dg_s:>10.2f} {100 * (dg_s - cli_s) / cli_s:>8.1f}% "
                  f"{100 * (dg_cpu - cli_cpu) / cli_cpu:>8.1f}% "
                  f"{1000 * cli_s / size:>11.1f} {1000 * dg_s / size:>10.1f} "
                  f"{events / size:>11.1f} {1000 * (dg_s - cli_s) / events:>9.1f} "
                  f"{max(rss_first):>13.0f} {max(rss_last):>12.0f}")

        if not args.single_runs:
            return
        single = copies(files, args.single_runs, tmp / "docs-single")
        (per_run, _), _, _ = run_dagster(args.flow, single, ws, instance, 1, f"s{run_id}")
        cli_single = run_cli(args.flow, single, tmp / "cli-single")
        print(f"one in-process run per document: {1000 * per_run / len(single):.0f} ms/doc "
              f"(CLI {1000 * cli_single / len(single):.0f} ms/doc); a CLI-launched run "
              f"(`dg launch`, own process) adds 3-11 s each")


if __name__ == "__main__":
    main()
