"""Speed of the packet reader's own work, per page, next to the cost of OCR.

    .venv/bin/python bench/bench_packets.py [sample_docs/packets] [--ocr-pages N]

Reads every generated packet once (readers and OCR not timed), then times, over all pages:
rows + classification + splitting, claims, and page pictures + seal detection. Then OCRs a few
scanned pages through the project's reader to put the figures next to OCR time per page
(goal: classification under 10% of OCR time per page).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.packets.images import pictures  # noqa: E402
from extractors.packets.reader import packet_files, read_file_documents, split_pages  # noqa: E402
from extractors.packets.seals import find_seals  # noqa: E402
from extractors.readers import read_document  # noqa: E402
from models import IntakeError, Origin  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT / "sample_docs" / "packets")
    ap.add_argument("--ocr-pages", type=int, default=3)
    args = ap.parse_args(argv)

    files = [f for batch in sorted(args.root.iterdir()) if batch.is_dir()
             for item in sorted(batch.iterdir()) if not item.name.endswith(".json")
             for f in packet_files(item)]
    docs, scanned = [], []
    t_read = time.perf_counter()
    for f in files:
        try:
            doc = read_document(f)
        except IntakeError:
            continue
        docs.append((f, doc))
        if any(p.origin == Origin.OCR for p in doc.pages):
            scanned.append(f)
    t_read = time.perf_counter() - t_read
    pages = sum(len(d.pages) for _, d in docs)
    print(f"{len(docs)} files, {pages} pages read in {t_read:.1f} s "
          f"({len(scanned)} files through OCR); unreadable {len(files) - len(docs)}")

    t0 = time.perf_counter()
    for _, doc in docs:
        split_pages(doc)
    t_split = time.perf_counter() - t0

    t0 = time.perf_counter()
    pics = {}
    for f, doc in docs:
        pics[f] = pictures(f, doc)
        for pic in pics[f]:
            find_seals(pic.rgb, px_per_mm=pic.px_per_mm)
    t_seal = time.perf_counter() - t0

    t0 = time.perf_counter()
    for f, doc in docs:
        read_file_documents(f.name, doc, pics[f])
    t_all = time.perf_counter() - t0

    def row(what: str, seconds: float) -> None:
        print(f"{what:<44}{pages / seconds:10.0f} pages/s{1000 * seconds / pages:9.2f} ms/page")

    row("rows + classification + splitting", t_split)
    row("page pictures + seal detection", t_seal)
    row("documents + claims (incl. splitting)", t_all)

    ocr_files = scanned[: args.ocr_pages]
    if not ocr_files:
        print("no scanned pages were read through OCR: OCR cost not measured")
        return
    t0 = time.perf_counter()
    ocr_pages = 0
    for f in ocr_files:
        ocr_pages += len(read_document(f).pages)
    per_page = (time.perf_counter() - t0) / ocr_pages
    print(f"{'OCR through read_document':<44}{1 / per_page:10.2f} pages/s{1000 * per_page:9.0f} ms/page")
    print(f"classification + splitting = {100 * t_split / pages / per_page:.2f}% of OCR time per page; "
          f"with seals and claims {100 * (t_all + t_seal) / pages / per_page:.2f}%")


if __name__ == "__main__":
    main()
