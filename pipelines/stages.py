"""The stage functions, one place for the CLI and the Dagster assets to call.

Imports are deferred so that `award-intake text` does not pay for spaCy, OCR or Dagster start-up.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models import Document
from models.fields import FieldView
from models.findings import PacketFindings
from models.packet import Packet
from models.spec import AwardSpec
from models.text import NormalizedDocument

if TYPE_CHECKING:
    from pipelines.worker import ReaderWorker


def read_document(path: str | Path, reader: "ReaderWorker | None" = None) -> Document:
    """A notice's document; one without a single character of text is a NO_TEXT record.
    With `reader`, PDFs and images are read in its supervised child process."""
    from extractors.limits import Limits
    from extractors.readers import read_document as read
    from extractors.readers import require_text
    return require_text(reader.read_document(path) if reader else read(path, Limits.from_env()))


def normalize_document(doc: Document) -> NormalizedDocument:
    from normalizers import normalize_document as normalize
    return normalize(doc)


def extract_spec(ndoc: NormalizedDocument) -> AwardSpec:
    from extractors.spec import extract_spec as extract
    return extract(ndoc)


def field_view(spec: AwardSpec) -> FieldView:
    from extractors.spec import field_view as view
    return view(spec)


def spec_from_file(path: str | Path, reader: "ReaderWorker | None" = None) -> AwardSpec:
    """A notice document, or an award-spec JSON written by `award-intake spec`."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        return AwardSpec.model_validate_json(path.read_text(encoding="utf-8"))
    return extract_spec(normalize_document(read_document(path, reader)))


def read_packet(path: str | Path, reader: "ReaderWorker | None" = None) -> Packet:
    from extractors.packets import read_packet as read
    return read(Path(path), reader.read_document if reader else None)


def check_batch(packets: list[Packet], spec: AwardSpec) -> list[PacketFindings]:
    from checks import check_batch as check
    return check(packets, spec)


def write_reports(findings: list[PacketFindings], packets: list[Packet], out_dir: Path) -> dict[str, Path]:
    from reports import write_reports as write
    return write(findings, packets, Path(out_dir))


def versions() -> dict[str, str]:
    """Version of every stage; a stage's version is its assets' code_version."""
    from checks import CHECK_VERSION
    from extractors.ocr import OCR_VERSION
    from extractors.packets import PACKET_VERSION
    from extractors.readers import READER_VERSION
    from extractors.spec import SPEC_VERSION
    from normalizers import NORMALIZER_VERSION
    # Reading a scan is OCR: a changed engine or page logic makes its documents stale too.
    return {"reader": f"{READER_VERSION}+{OCR_VERSION}", "normalizer": NORMALIZER_VERSION,
            "spec": SPEC_VERSION, "packet": PACKET_VERSION, "check": CHECK_VERSION}
