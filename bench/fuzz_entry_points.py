"""Long fuzz runs over the entry points of `read_document` (PDF, DOCX, DOCX XML, HTML).

    .venv/bin/python bench/fuzz_entry_points.py [--seconds 60] [--targets pdf_raw,docx_xml]
    .venv/bin/python bench/fuzz_entry_points.py --replay docx_xml:12345
    .venv/bin/python bench/fuzz_entry_points.py --scaling

Each example is a seed file from tests/hardening/badinput.py with a few random edits, chosen by
an integer seed, so any finding replays exactly. A finding is an exception other than
IntakeError, an INTERNAL record, a record whose message spans lines, or an example that runs
past --hang-seconds (a loop a file can trigger). OCR is replaced by an
empty page, as in the suite's short run: the target is the parsers.

Prints per target: examples, examples per second, outcomes by kind, the slowest example and
every finding with its replay argument. Exit status 1 when anything was found.

--scaling prints how the cost of hostile shapes grows instead (it should grow linearly):
seconds and resident memory per page for PDFs of 500/1,000/2,000 tiny pages, seconds to
read HTML nested 10k/20k/40k deep, and seconds and peak memory to OCR a 100-megapixel scan.
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "hardening"))

from badinput import (deep_html, fuzz_seeds, image_bytes, many_pages_pdf, mutate,  # noqa: E402
                      mutate_docx_xml, text_scan)
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


class Hang(Exception):
    """An example ran past --hang-seconds: a loop or a blow-up a user's file can trigger."""


def _alarm(signum, frame):
    raise Hang()


def run_one(target: tuple[str, bytes, object], seed: int, folder: Path,
            hang_seconds: int = 10) -> tuple[str, str | None]:
    """(outcome, finding or None) of one example."""
    suffix, data, mutator = target
    path = folder / f"fuzzed{suffix}"
    path.write_bytes(mutator(data, random.Random(seed)))
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(hang_seconds)
    try:
        read_document(path, LIMITS)
        return "read", None
    except IntakeError as exc:
        record = exc.record
        if record.code == ErrorCode.INTERNAL or "\n" in record.message:
            return f"error:{record.code.value}", f"{record.code.value}: {record.message}"
        return f"error:{record.code.value}", None
    except Hang:
        return "hang", traceback.format_exc(limit=-4)
    except Exception as exc:  # a finding: report it and go on
        return f"crash:{type(exc).__name__}", traceback.format_exc(limit=-3)
    finally:
        signal.alarm(0)


def fuzz(name: str, target, seconds: float, folder: Path, hang_seconds: int) -> bool:
    outcomes: Counter[str] = Counter()
    findings: list[tuple[int, str]] = []
    slowest = (0.0, -1)
    seed, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        began = time.perf_counter()
        outcome, finding = run_one(target, seed, folder, hang_seconds)
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


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scaling(folder: Path) -> None:
    for pages in (500, 1000, 2000):
        path = folder / f"{pages}-pages.pdf"
        path.write_bytes(many_pages_pdf(pages))
        gc.collect()
        rss_before, began = _rss_mb(), time.perf_counter()
        doc = read_document(path)
        seconds, grown = time.perf_counter() - began, _rss_mb() - rss_before
        print(f"pdf {pages:>5} pages: {seconds:6.2f} s ({seconds / pages * 1000:.1f} ms/page), "
              f"resident memory +{grown:.1f} MB ({grown * 1e6 / pages / 1024:.1f} kB/page, "
              f"{len(doc.pages)} pages kept)")
    for depth in (10_000, 20_000, 40_000):
        path = folder / f"deep-{depth}.html"
        path.write_bytes(deep_html(depth))
        began = time.perf_counter()
        read_document(path)
        print(f"html nested {depth:>6} deep: {time.perf_counter() - began:6.2f} s")
    # Real OCR here: a 100-megapixel scan is within the default limits.
    path = folder / "scan-100mp.png"
    path.write_bytes(image_bytes(text_scan(10_000, 10_000, mode="L"), "PNG", compress_level=1))
    peak_before, began = _peak_rss_mb(), time.perf_counter()
    read_document(path)
    print(f"image 100 MP (OCR): {time.perf_counter() - began:6.2f} s, peak resident memory "
          f"{_peak_rss_mb():.0f} MB (was {peak_before:.0f} MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="per target")
    parser.add_argument("--targets", default="", help="comma-separated; default: all")
    parser.add_argument("--replay", help="TARGET:SEED, run one example and show its outcome")
    parser.add_argument("--scaling", action="store_true", help="print cost growth, do not fuzz")
    parser.add_argument("--hang-seconds", type=int, default=10,
                        help="an example running longer is reported as a hang")
    args = parser.parse_args()
    _stub_ocr()
    targets = _targets()
    with tempfile.TemporaryDirectory() as folder:
        if args.scaling:
            scaling(Path(folder))
            return 0
        if args.replay:
            name, seed = args.replay.split(":")
            outcome, finding = run_one(targets[name], int(seed), Path(folder), args.hang_seconds)
            print(outcome, finding or "")
            return 1 if finding else 0
        chosen = [t for t in args.targets.split(",") if t] or list(targets)
        clean = [fuzz(name, targets[name], args.seconds, Path(folder), args.hang_seconds)
                 for name in chosen]
    return 0 if all(clean) else 1


if __name__ == "__main__":
    sys.exit(main())
