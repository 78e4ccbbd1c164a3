"""Long fuzz runs over the entry points of `read_document` (PDF, DOCX, DOCX XML, HTML).

    .venv/bin/python bench/fuzz_entry_points.py [--seconds 60] [--targets pdf_raw,docx_xml]
    .venv/bin/python bench/fuzz_entry_points.py --replay docx_xml:12345

Each example is a seed file from tests/hardening/badinput.py with a few random edits, chosen by
an integer seed, so any finding replays exactly. A finding is an exception other than
IntakeError, an INTERNAL record, or a record whose message spans lines. OCR is replaced by an
empty page, as in the suite's short run: the target is the parsers.

Prints per target: examples, examples per second, outcomes by kind, the slowest example and
every finding with its replay argument. Exit status 1 when anything was found.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "hardening"))

from badinput import fuzz_seeds, mutate, mutate_docx_xml  # noqa: E402
from extractors.limits import Limits  # noqa: E402
from extractors.readers import read_document  # noqa: E402
from models import ErrorCode, IntakeError, Origin, Page  # noqa: E402

LIMITS = Limits(max_pages=50, max_image_pixels=20_000_000, max_unpacked_bytes=20_000_000)


def _targets() -> dict[str, tuple[str, bytes, object]]:
    seeds = fuzz_seeds()
    targets = {name: (suffix, data, mutate) for name, (suffix, data) in seeds.items()}
    targets["docx_xml"] = (seeds["docx"][0], seeds["docx"][1], mutate_docx_xml)
    return targets


def _stub_ocr() -> None:
    import extractors.ocr as ocr
    ocr.ocr_pdf_page = lambda path, index, number: Page(number=number, origin=Origin.OCR)


def run_one(target: tuple[str, bytes, object], seed: int, folder: Path) -> tuple[str, str | None]:
    """(outcome, finding or None) of one example."""
    suffix, data, mutator = target
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(mutator(data, random.Random(seed)))
    try:
        read_document(path, LIMITS)
        return "read", None
    except IntakeError as exc:
        record = exc.record
        if record.code == ErrorCode.INTERNAL or "\n" in record.message:
            return f"error:{record.code.value}", f"{record.code.value}: {record.message}"
        return f"error:{record.code.value}", None
    except Exception as exc:  # a finding: report it and go on
        return f"crash:{type(exc).__name__}", traceback.format_exc(limit=-3)


def fuzz(name: str, target, seconds: float, folder: Path) -> bool:
    outcomes: Counter[str] = Counter()
    findings: list[tuple[int, str]] = []
    slowest = (0.0, -1)
    seed, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        began = time.perf_counter()
        outcome, finding = run_one(target, seed, folder)
        slowest = max(slowest, (time.perf_counter() - began, seed))
        outcomes[outcome] += 1
        if finding:
            findings.append((seed, finding))
        seed += 1
    elapsed = time.perf_counter() - start
    print(f"{name}: {seed} examples in {elapsed:.1f} s ({seed / elapsed:.1f}/s), "
          f"slowest {slowest[0] * 1000:.0f} ms (--replay {name}:{slowest[1]})")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:28} {count}")
    for seed_, finding in findings[:10]:
        print(f"  FINDING --replay {name}:{seed_}\n    " + finding.strip().replace("\n", "\n    "))
    if len(findings) > 10:
        print(f"  … and {len(findings) - 10} more findings")
    return not findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="per target")
    parser.add_argument("--targets", default="", help="comma-separated; default: all")
    parser.add_argument("--replay", help="TARGET:SEED, run one example and show its outcome")
    args = parser.parse_args()
    _stub_ocr()
    targets = _targets()
    with tempfile.TemporaryDirectory() as folder:
        if args.replay:
            name, seed = args.replay.split(":")
            outcome, finding = run_one(targets[name], int(seed), Path(folder))
            print(outcome, finding or "")
            return 1 if finding else 0
        chosen = [t for t in args.targets.split(",") if t] or list(targets)
        clean = [fuzz(name, targets[name], args.seconds, Path(folder)) for name in chosen]
    return 0 if all(clean) else 1


if __name__ == "__main__":
    sys.exit(main())
