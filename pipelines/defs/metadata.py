"""What a reviewer sees at a glance in the UI: page count, script, OCR confidence, a preview
of the spec, flag counts, links to the reports. Pure functions of the models."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from statistics import fmean
from typing import Any, Callable, Mapping, TypeVar

import dagster as dg

from models import Document, ErrorRecord, Origin
from models.findings import PacketFindings
from models.packet import Packet
from models.spec import AwardSpec
from models.text import NormalizedDocument
from pipelines.outputs import to_jsonable

T = TypeVar("T")


def ocr_confidence(doc: Document) -> float | None:
    """Mean OCR confidence over the pages that were recognised; None when nothing was OCR'd."""
    scores = [p.ocr_confidence for p in doc.pages
              if p.origin == Origin.OCR and p.ocr_confidence is not None]
    return round(fmean(scores), 3) if scores else None


def document_metadata(doc: Document | ErrorRecord) -> dict[str, Any]:
    if isinstance(doc, ErrorRecord):
        return error_metadata(doc)
    origins = Counter(p.origin.value for p in doc.pages)
    confidence = ocr_confidence(doc)
    return {
        "source": dg.MetadataValue.path(doc.source),
        "page_count": len(doc.pages),
        "script": doc.script.value,
        "media_type": doc.media_type,
        "origins": ", ".join(f"{k}×{v}" for k, v in sorted(origins.items())),
        "ocr_confidence": dg.MetadataValue.float(confidence) if confidence is not None else "no OCR",
        "warnings": len(doc.warnings),
    }


def text_metadata(ndoc: NormalizedDocument | ErrorRecord) -> dict[str, Any]:
    if isinstance(ndoc, ErrorRecord):
        return error_metadata(ndoc)
    return {"characters": len(ndoc.text), "script": ndoc.script.value,
            "tibetan_lines": len(ndoc.tibetan_lines),
            # The UI is no place for a password the notice printed: redact as outputs are.
            "preview": dg.MetadataValue.text(to_jsonable(ndoc.display_text[:400]))}


def spec_markdown(spec: AwardSpec) -> str:
    """A short Markdown page: the values a reviewer checks first, with where they were found."""
    def where(item: Any) -> str:
        prov = getattr(item, "provenance", None)
        return f" (p. {prov.page})" if prov is not None and prov.page else ""

    lines = [f"### {spec.title or Path(spec.document).name}", "",
             f"- **kind**: {spec.kind.value}"]
    if spec.doc_numbers:
        lines.append("- **文号**: " + "; ".join(d.value for d in spec.doc_numbers))
    if spec.issuers:
        lines.append("- **issuers**: " + "; ".join(i.value for i in spec.issuers))
    if spec.issue_date:
        lines.append(f"- **issued**: {spec.issue_date.value}{where(spec.issue_date)}")
    for d in spec.deadlines:
        what = f" {d.what}" if d.what else ""
        lines.append(f"- **{d.kind}**: {d.date}{what}{where(d)}{' (uncertain)' if d.uncertain else ''}")
    for q in spec.quotas:
        per = f" per {q.per}" if q.per else ""
        lines.append(f"- **quota** ({q.scope}) {q.category}: ≤ {q.max}{per}{where(q)}")
    for c in spec.contacts:
        who = "、".join(c.names) or c.department or "contact"
        lines.append(f"- **contact**: {who} {' '.join(c.phones + c.emails)}{where(c)}")
    if spec.materials:
        lines.append(f"- **materials required**: {len(spec.materials)}")
    if spec.eligibility:
        lines.append(f"- **eligibility rules**: {len(spec.eligibility)}")
    if spec.secrets:
        lines.append(f"- **secrets exposed in the notice**: {len(spec.secrets)}")
    return "\n".join(lines)


def spec_metadata(spec: AwardSpec | ErrorRecord) -> dict[str, Any]:
    if isinstance(spec, ErrorRecord):
        return error_metadata(spec)
    return {"preview": dg.MetadataValue.md(spec_markdown(spec)),
            "deadlines": len(spec.deadlines), "quotas": len(spec.quotas),
            "contacts": len(spec.contacts), "kind": spec.kind.value}


def packet_metadata(packet: Packet | ErrorRecord) -> dict[str, Any]:
    if isinstance(packet, ErrorRecord):
        return error_metadata(packet)
    kinds = Counter(d.kind.value for d in packet.documents)
    return {"source": dg.MetadataValue.path(packet.path),
            "documents": len(packet.documents),
            "document_kinds": ", ".join(f"{k}×{v}" for k, v in sorted(kinds.items())),
            "claims": sum(len(d.claims) for d in packet.documents),
            "unreadable": len(packet.unreadable)}


def flag_counts(findings: list[PacketFindings]) -> dict[str, int]:
    return dict(sorted(Counter(f.code.value for pf in findings for f in pf.flags).items()))


def findings_metadata(findings: list[PacketFindings]) -> dict[str, Any]:
    counts = flag_counts(findings)
    table = "\n".join(["| flag | count |", "|---|---|"] +
                      [f"| {code} | {n} |" for code, n in counts.items()])
    return {"packets": len(findings),
            "complete": sum(pf.complete for pf in findings),
            "incomplete": sum(not pf.complete for pf in findings),
            "flags": dg.MetadataValue.md(table if counts else "no flags")}


def reports_metadata(paths: Mapping[str, str]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name, path in sorted(paths.items()):
        meta[name] = dg.MetadataValue.path(path)
        if path.endswith(".html"):
            meta[f"{name} (open)"] = dg.MetadataValue.url(Path(path).resolve().as_uri())
    return meta


def error_metadata(error: ErrorRecord) -> dict[str, Any]:
    return {"error": f"{error.code.value}: {error.message}", "source": dg.MetadataValue.path(error.file)}


def add_partition_metadata(context: dg.AssetExecutionContext, outputs: Mapping[str, T],
                           describe: Callable[[T], dict[str, Any]]) -> None:
    """Each partition's materialization gets its own metadata, in a batched run too. (Metadata
    added to the output would be copied onto every partition's event: in a run of 100, the same
    100-row table 100 times.)"""
    for key, value in outputs.items():
        context.add_asset_metadata(describe(value), partition_key=key)
