"""OCR benchmark: CER (Chinese and Tibetan lines separately), seconds per page and peak RSS for
PP-OCRv6 (rapidocr) against Tesseract chi_sim+chi_tra on the same scanned pages.

    .venv/bin/python bench/bench_ocr.py [--no-clean] [--soak 1000] [--json var/bench/ocr.json]

Pages: the committed scans in sample_docs/scans/ (rotation, skew, noise, JPEG, grey paper, a red
seal over text, two columns, Traditional script, a Tibetan letterhead), each with its truth, set
denser than an official notice (11.5 pt, 35 lines a page); the same pages drawn clean by the
generator (no damage); and the same scans typeset as government documents are (GB/T 9704: 16 pt,
22 lines of 28 characters), all written to a temporary folder.
`--soak N` then reads N pages in a row with the one engine and prints RSS every 50 pages, to show
memory stays flat over long runs.
CER = edit distance / reference length after normalization (whitespace removed, NFKC,
Traditional → Simplified), so it measures what the extractors see.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.ocr import ocr_image  # noqa: E402
from extractors.ocr.text_layer import edit_distance  # noqa: E402
from extractors.ocr.engine import ENGINE_VERSION, ocr_threads  # noqa: E402
from models import Script  # noqa: E402
from normalizers.script import to_simplified  # noqa: E402
from sample_docs.generator import scans  # noqa: E402


OCR_THREADS = ocr_threads()


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def cer(truth: str, got: str) -> tuple[int, int]:
    truth, got = squash(truth), squash(got)
    return edit_distance(truth, got), len(truth)


# Tesseract runs under a small launcher that reports its child's peak RSS: measured from this
# process, a forked child would count the OCR engine's memory it was forked with.
_LAUNCH = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True);"
           "sys.stdout.buffer.write(r.stdout);"
           "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")


def tesseract_page(path: Path) -> tuple[str, float]:
    """(text, peak RSS in MB) of Tesseract chi_sim+chi_tra on one page image."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    run = subprocess.run([sys.executable, "-c", _LAUNCH, "tesseract", str(path), "-",
                          "-l", "chi_sim+chi_tra", "--psm", "3"], capture_output=True, env=env)
    return run.stdout.decode("utf-8", "replace"), int(run.stderr.decode().strip() or 0) / 1024


def committed_scans(folder: Path) -> list[tuple[str, str, Path, dict]]:
    out = []
    for truth_path in sorted(folder.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        out.append(("scanned", truth_path.name.removesuffix(".truth.json"), folder / truth["image"], truth))
    return out


def _written(kind: str, pages: list, folder: Path) -> list[tuple[str, str, Path, dict]]:
    out = []
    for page in pages:
        path = scans.write_page(page, folder)
        truth = json.loads((folder / f"{page.name}.truth.json").read_text(encoding="utf-8"))
        out.append((kind, page.name, path, truth))
    return out


def clean_pages(folder: Path) -> list[tuple[str, str, Path, dict]]:
    """The committed cases drawn again without damage (same layout, letterheads, columns)."""
    cases = [case[:-1] + (scans.Damage(),) for case in scans.CASES]
    return _written("clean", scans.scanned_pages(cases), folder)


def standard_scans(folder: Path) -> list[tuple[str, str, Path, dict]]:
    """The committed cases, same damage, typeset to GB/T 9704 (the official notice layout)."""
    return _written("gb9704", scans.scanned_pages(scans.CASES, typeset=scans.GB9704), folder)


def soak(paths: list[Path], pages: int) -> list[tuple[int, float]]:
    """RSS (MB, current not peak) every 50 pages while reading `pages` pages with one engine."""
    images = [np.asarray(Image.open(p).convert("RGB")) for p in paths]
    curve = []
    for i in range(pages):
        ocr_image(images[i % len(images)], 1)
        if (i + 1) % 50 == 0 or i + 1 == pages:
            curve.append((i + 1, round(current_rss_mb(), 1)))
            print(f"soak: {i + 1} pages, RSS {curve[-1][1]} MB", flush=True)
    return curve


def current_rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=Path, default=ROOT / "sample_docs" / "scans")
    ap.add_argument("--json", type=Path, default=ROOT / "var" / "bench" / "ocr.json")
    ap.add_argument("--no-tesseract", action="store_true")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean renders")
    ap.add_argument("--no-gb9704", action="store_true", help="skip the GB/T 9704 scans")
    ap.add_argument("--soak", type=int, default=0, help="pages to read in a row for the RSS curve")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_ocr_"))
    sources = (committed_scans(args.scans) + ([] if args.no_clean else clean_pages(tmp / "clean"))
               + ([] if args.no_gb9704 else standard_scans(tmp / "gb9704")))
    rows = []
    for kind, name, image_path, truth in sources:
        rgb = np.asarray(Image.open(image_path).convert("RGB"))
        started, cpu_started = time.perf_counter(), time.process_time()
        page = ocr_image(rgb, 1)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        zh_truth = "".join(l["text"] for l in truth["lines"] if l["script"] != "bo")
        bo_truth = "".join(l["text"] for l in truth["lines"] if l["script"] == "bo")
        zh_got = "".join(l.text for l in page.lines if l.script != Script.TIBETAN)
        bo_got = "".join(l.text for l in page.lines if l.script == Script.TIBETAN)
        zh = cer(to_simplified(zh_truth), to_simplified(zh_got))
        row = {"page": name, "kind": kind, "seconds": round(seconds, 3),
               "cpu_seconds": round(cpu_seconds, 3), "lines": len(page.lines),
               "rotation": page.rotation, "zh_errors": zh[0], "zh_chars": zh[1],
               "traditional": truth.get("traditional", False)}
        if bo_truth:
            bo = cer(bo_truth, bo_got)
            row.update(bo_errors=bo[0], bo_chars=bo[1],
                       bo_lines_truth=sum(l["script"] == "bo" for l in truth["lines"]),
                       bo_lines_read=sum(l.script == Script.TIBETAN and not l.unread for l in page.lines))
        if not args.no_tesseract and shutil.which("tesseract"):
            started = time.perf_counter()
            tess, tess_rss = tesseract_page(image_path)
            row["tesseract_rss_mb"] = round(tess_rss, 1)
            row["tesseract_seconds"] = round(time.perf_counter() - started, 3)
            t = cer(to_simplified(zh_truth), to_simplified(tess))
            row["tesseract_zh_errors"] = t[0]
        rows.append(row)
        print(f"{kind:<7} {name:<24} {seconds:5.2f}s cpu {cpu_seconds:5.2f}s "
              f"lines {len(page.lines):<3} rot={page.rotation:<3} "
              f"CER zh {zh[0] / max(1, zh[1]):.2%}"
              + (f"  bo {row['bo_errors'] / max(1, row['bo_chars']):.2%} "
                 f"({row['bo_lines_read']}/{row['bo_lines_truth']} lines)" if bo_truth else "")
              + (f"  | tesseract {row['tesseract_zh_errors'] / max(1, zh[1]):.2%} "
                 f"{row['tesseract_seconds']:.2f}s" if "tesseract_seconds" in row else ""))

    def total(rows, key, chars):
        n = sum(r.get(chars, 0) for r in rows)
        return sum(r.get(key, 0) for r in rows) / n if n else None

    def figures(rows):
        simp = [r for r in rows if not r["traditional"]]
        trad = [r for r in rows if r["traditional"]]
        tess = [r for r in rows if "tesseract_zh_errors" in r]
        return {
            "pages": len(rows),
            "cer_zh_simplified": total(simp, "zh_errors", "zh_chars"),
            "cer_zh_traditional": total(trad, "zh_errors", "zh_chars"),
            "cer_tibetan": total(rows, "bo_errors", "bo_chars"),
            "tibetan_lines_read": f"{sum(r.get('bo_lines_read', 0) for r in rows)}"
                                  f"/{sum(r.get('bo_lines_truth', 0) for r in rows)}",
            "median_seconds_per_page": statistics.median(r["seconds"] for r in rows) if rows else None,
            "median_lines_per_page": statistics.median(r["lines"] for r in rows) if rows else None,
            # CPU seconds over the cores in use: what a page costs when nothing else runs, so
            # figures taken on a busy machine stay comparable.
            "median_cpu_seconds_per_page_per_core": statistics.median(
                r["cpu_seconds"] for r in rows) / OCR_THREADS if rows else None,
            "tesseract_cer_zh_simplified": total([r for r in tess if not r["traditional"]],
                                                 "tesseract_zh_errors", "zh_chars"),
            "tesseract_cer_zh_traditional": total([r for r in tess if r["traditional"]],
                                                  "tesseract_zh_errors", "zh_chars"),
            "tesseract_median_seconds": statistics.median(
                [r["tesseract_seconds"] for r in tess] or [0]),
        }

    summary = {
        "engine": ENGINE_VERSION,
        "cores": os.cpu_count(),
        "scanned": figures([r for r in rows if r["kind"] == "scanned"]),
        "clean": figures([r for r in rows if r["kind"] == "clean"]),
        "gb9704": figures([r for r in rows if r["kind"] == "gb9704"]),
        "peak_rss_mb": round(rss_mb(), 1),
        "tesseract_peak_rss_mb": max((r.get("tesseract_rss_mb", 0) for r in rows), default=0),
        "rows": rows,
    }
    if args.soak:
        summary["soak_rss_mb"] = soak([s[2] for s in sources], args.soak)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    for key in ("scanned", "clean", "gb9704"):
        print(key, {k: (round(v, 4) if isinstance(v, float) else v) for k, v in summary[key].items()})
    print("peak RSS MB: engine process", summary["peak_rss_mb"],
          "| tesseract child", summary["tesseract_peak_rss_mb"])
    print(f"figures saved to {args.json}")


if __name__ == "__main__":
    main()
