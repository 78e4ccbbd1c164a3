"""OCR benchmark: CER (Chinese and Tibetan lines separately), seconds per page and peak RSS for
PP-OCRv6 (rapidocr) against Tesseract chi_sim+chi_tra on the same scanned pages.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--json var/bench/ocr.json]

Pages: the committed scans in sample_docs/scans/ (rotation, skew, noise, JPEG, grey paper, a red
seal over text, two columns, Traditional script, a Tibetan letterhead), each with its truth.
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
import time
import unicodedata
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.ocr import ocr_image  # noqa: E402
from models import Script  # noqa: E402
from normalizers.script import to_simplified  # noqa: E402


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(truth: str, got: str) -> tuple[int, int]:
    truth, got = squash(truth), squash(got)
    return edit_distance(truth, got), len(truth)


def tesseract_page(path: Path) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    return subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim+chi_tra", "--psm", "3"],
                          capture_output=True, text=True, env=env).stdout


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scans", type=Path, default=ROOT / "sample_docs" / "scans")
    ap.add_argument("--json", type=Path, default=ROOT / "var" / "bench" / "ocr.json")
    ap.add_argument("--no-tesseract", action="store_true")
    args = ap.parse_args()

    rows = []
    for truth_path in sorted(args.scans.glob("*.truth.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        image_path = args.scans / truth["image"]
        rgb = np.asarray(Image.open(image_path).convert("RGB"))
        started = time.perf_counter()
        page = ocr_image(rgb, 1)
        seconds = time.perf_counter() - started
        zh_truth = "".join(l["text"] for l in truth["lines"] if l["script"] != "bo")
        bo_truth = "".join(l["text"] for l in truth["lines"] if l["script"] == "bo")
        zh_got = "".join(l.text for l in page.lines if l.script != Script.TIBETAN)
        bo_got = "".join(l.text for l in page.lines if l.script == Script.TIBETAN)
        zh = cer(to_simplified(zh_truth), to_simplified(zh_got))
        row = {"page": truth_path.stem.replace(".truth", ""), "seconds": round(seconds, 3),
               "rotation": page.rotation, "zh_errors": zh[0], "zh_chars": zh[1],
               "traditional": truth.get("traditional", False)}
        if bo_truth:
            bo = cer(bo_truth, bo_got)
            row.update(bo_errors=bo[0], bo_chars=bo[1],
                       bo_lines_truth=sum(l["script"] == "bo" for l in truth["lines"]),
                       bo_lines_read=sum(l.script == Script.TIBETAN and not l.unread for l in page.lines))
        if not args.no_tesseract and shutil.which("tesseract"):
            started = time.perf_counter()
            tess = tesseract_page(image_path)
            row["tesseract_seconds"] = round(time.perf_counter() - started, 3)
            t = cer(to_simplified(zh_truth), to_simplified(tess))
            row["tesseract_zh_errors"] = t[0]
        rows.append(row)
        print(f"{row['page']:<28} {seconds:5.2f}s rot={page.rotation:<3} "
              f"CER zh {zh[0] / max(1, zh[1]):.2%}"
              + (f"  bo {row['bo_errors'] / max(1, row['bo_chars']):.2%} "
                 f"({row['bo_lines_read']}/{row['bo_lines_truth']} lines)" if bo_truth else "")
              + (f"  | tesseract {row['tesseract_zh_errors'] / max(1, zh[1]):.2%} "
                 f"{row['tesseract_seconds']:.2f}s" if "tesseract_seconds" in row else ""))

    def total(rows, key, chars):
        n = sum(r.get(chars, 0) for r in rows)
        return sum(r.get(key, 0) for r in rows) / n if n else None

    simp = [r for r in rows if not r["traditional"]]
    trad = [r for r in rows if r["traditional"]]
    summary = {
        "pages": len(rows),
        "cer_zh_simplified": total(simp, "zh_errors", "zh_chars"),
        "cer_zh_traditional": total(trad, "zh_errors", "zh_chars"),
        "cer_tibetan": total(rows, "bo_errors", "bo_chars"),
        "median_seconds_per_page": statistics.median(r["seconds"] for r in rows) if rows else None,
        "peak_rss_mb": round(rss_mb(), 1),
        "tesseract_cer_zh": total([r for r in rows if "tesseract_zh_errors" in r],
                                  "tesseract_zh_errors", "zh_chars"),
        "tesseract_median_seconds": statistics.median(
            [r["tesseract_seconds"] for r in rows if "tesseract_seconds" in r] or [0]),
        "rows": rows,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print({k: (round(v, 4) if isinstance(v, float) else v) for k, v in summary.items() if k != "rows"})
    print(f"figures saved to {args.json}")


if __name__ == "__main__":
    main()
