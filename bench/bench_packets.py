"""Speed of the packet reader's own work, per page, next to the cost of OCR.

    .venv/bin/python bench/bench_packets.py [sample_docs/packets] [--ocr-files N]

Reads every Word and text-layer file of the generated packets, and N scanned files through the
project's OCR (timed: OCR seconds per page), then times over all those pages: rows +
classification + splitting, page pictures + seal detection, and documents + claims.
Goal: classification under 10% of OCR time per page.
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
from models import IntakeError  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=ROOT / "sample_docs" / "packets")
    ap.add_argument("--ocr-files", type=int, default=2, help="scanned files to OCR (slow)")
    args = ap.parse_args(argv)

    files = [f for batch in sorted(args.root.iterdir()) if batch.is_dir()
             for item in sorted(batch.iterdir()) if not item.name.endswith(".json")
             for f in packet_files(item)]
    born_digital = [f for f in files if not needs_ocr(f)]
    scans = [f for f in files if needs_ocr(f)][: args.ocr_files]
    docs = []
    t_read = time.perf_counter()
    for f in born_digital:
        try:
            docs.append((f, read_document(f)))
        except (IntakeError, ImportError):      # unreadable, or no OCR installed
            continue
    t_read = time.perf_counter() - t_read
    digital_pages = sum(len(d.pages) for _, d in docs)
    print(f"{len(docs)} Word/text-layer files, {digital_pages} pages read in {t_read:.1f} s")
    t_ocr, ocr_pages = 0.0, 0
    if scans:
        try:
            read_document(scans[0])          # loads the OCR models: not a per-page cost
        except (IntakeError, ImportError):
            pass
    for f in scans:
        t0 = time.perf_counter()
        try:
            doc = read_document(f)
        except (IntakeError, ImportError) as exc:
            print(f"scan {f.name} not read ({type(exc).__name__}): OCR cost not measured")
            break
        t_ocr += time.perf_counter() - t0
        ocr_pages += len(doc.pages)
        docs.append((f, doc))
    pages = sum(len(d.pages) for _, d in docs)
    if ocr_pages:
        print(f"{len(scans)} scanned files, {ocr_pages} pages through OCR in {t_ocr:.1f} s")

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

    if not ocr_pages:
        return
    per_page = t_ocr / ocr_pages
    print(f"{'OCR through read_document':<44}{1 / per_page:10.2f} pages/s{1000 * per_page:9.0f} ms/page")
    print(f"classification + splitting = {100 * t_split / pages / per_page:.2f}% of OCR time per page; "
          f"with pictures, seals and claims {100 * (t_all + t_seal) / pages / per_page:.2f}%")


def needs_ocr(path: Path) -> bool:
    """An image, or a PDF whose first page has no text layer."""
    if path.suffix.lower() in {".jpg", ".jpeg", ".png", ".tif", ".tiff"}:
        return True
    if path.suffix.lower() != ".pdf":
        return False
    import pdfplumber
    try:
        with pdfplumber.open(path) as pdf:
            return not pdf.pages[0].chars
    except Exception:
        return False

if __name__ == "__main__":
    main()
