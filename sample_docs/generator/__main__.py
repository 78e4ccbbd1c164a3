"""`python -m sample_docs.generator [born_digital|scans|packets ...]`: (re)make sample documents.

Each part lives in its own module with a `main(out_root: Path) -> None`; with no argument every
part runs. Output is deterministic (fixed seeds), so regenerating changes no committed file.
"""
import importlib
import sys
from pathlib import Path

PARTS = ["born_digital", "scans", "packets", "heldout_packets", "heldout_gansu", "heldout_tacheng"]
ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    for part in argv or PARTS:
        if part not in PARTS:
            print(f"unknown part {part!r}; choose from {', '.join(PARTS)}", file=sys.stderr)
            return 2
        module = importlib.import_module(f"sample_docs.generator.{part}")
        module.main(ROOT)
        print(f"sample_docs: {part} done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
