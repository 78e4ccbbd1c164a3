"""Notice flow: notice file → pages (Document) → normalized text → award spec → field view."""
from __future__ import annotations

import dagster as dg

from models import Document, ErrorCode, ErrorRecord
from models.fields import FieldView
from models.spec import AwardSpec
from models.text import NormalizedDocument
from pipelines import stages
from pipelines.defs import metadata, versions
from pipelines.defs.automation import reprocess_when_stale
from pipelines.defs.outcomes import attempt
from pipelines.defs.partitions import batched_backfill, notices
from pipelines.defs.resources import Workspace

GROUP = "notices"
OCR_POOL = "ocr"   # readers may OCR scans: at most the pool's limit at once, across runs


def _notice_asset(**kwargs):
    return dg.asset(partitions_def=notices, backfill_policy=batched_backfill, group_name=GROUP,
                    automation_condition=reprocess_when_stale(), **kwargs)


@_notice_asset(code_version=versions.NOTICE_DOCUMENT, pool=OCR_POOL, kinds={"ocr"})
def notice_document(context: dg.AssetExecutionContext,
                    workspace: Workspace) -> dict[str, Document | ErrorRecord]:
    """The notice read into pages and lines (text layer, docx, html, txt, or OCR of a scan)."""
    out: dict[str, Document | ErrorRecord] = {}
    for key in context.partition_keys:
        record = workspace.registry.get("notice", key)
        if record is None:
            out[key] = ErrorRecord(code=ErrorCode.NOT_FOUND, file=key,
                                   message="no inbox file registered for this partition")
            continue
        out[key] = attempt(stages.read_document, record.path, record.path)
    context.add_output_metadata(metadata.batch_metadata(out, metadata.document_metadata))
    return out


@_notice_asset(code_version=versions.NOTICE_TEXT)
def notice_text(context: dg.AssetExecutionContext, notice_document: dict[str, Document | ErrorRecord]
                ) -> dict[str, NormalizedDocument | ErrorRecord]:
    """Simplified, repaired text with an offset map back to every line and box."""
    out = {key: attempt(stages.normalize_document, doc, _source(doc))
           for key, doc in notice_document.items()}
    context.add_output_metadata(metadata.batch_metadata(out, metadata.text_metadata))
    return out


@_notice_asset(code_version=versions.AWARD_SPEC)
def award_spec(context: dg.AssetExecutionContext, notice_text: dict[str, NormalizedDocument | ErrorRecord]
               ) -> dict[str, AwardSpec | ErrorRecord]:
    """Deadlines, quotas, contacts, eligibility rules, materials: each with its provenance."""
    out = {key: attempt(stages.extract_spec, ndoc, _source(ndoc)) for key, ndoc in notice_text.items()}
    context.add_output_metadata(metadata.batch_metadata(out, metadata.spec_metadata))
    return out


@_notice_asset(code_version=versions.NOTICE_FIELDS)
def notice_fields(context: dg.AssetExecutionContext, award_spec: dict[str, AwardSpec | ErrorRecord]
                  ) -> dict[str, FieldView | ErrorRecord]:
    """The flat field view of FIELDS.md (contract v1)."""
    out = {key: attempt(stages.field_view, spec, _source(spec)) for key, spec in award_spec.items()}
    context.add_output_metadata(metadata.batch_metadata(
        out, lambda v: metadata.error_metadata(v) if isinstance(v, ErrorRecord)
        else {"fields": dg.MetadataValue.json(v.model_dump(mode="json"))}))
    return out


def _source(value: object) -> str:
    if isinstance(value, ErrorRecord):
        return value.file
    return str(getattr(value, "source", None) or getattr(value, "document", ""))
