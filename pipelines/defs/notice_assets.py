"""Notice flow: notice file → pages (Document) → normalized text → award spec → field view."""

import dagster as dg

from models import ErrorRecord
from pipelines import stages
from pipelines.defs import metadata, versions
from pipelines.defs.automation import reprocess_when_stale
from pipelines.defs.outcomes import attempt
from pipelines.defs.partitions import batched_backfill, notices
from pipelines.defs.reading import read_partitions
from pipelines.defs.resources import Workspace
from pipelines.defs.stage_types import (DOCUMENTS, FIELDS, SPECS, TEXTS, DocumentOrError,
                                        FieldsOrError, SpecOrError, TextOrError)

GROUP = "notices"
OCR_POOL = "ocr"   # readers may OCR scans: at most the pool's limit at once, across runs


def _notice_asset(**kwargs):
    return dg.asset(partitions_def=notices, backfill_policy=batched_backfill, group_name=GROUP,
                    automation_condition=reprocess_when_stale(), **kwargs)


@_notice_asset(code_version=versions.NOTICE_DOCUMENT, pool=OCR_POOL, kinds={"ocr"},
               dagster_type=DOCUMENTS)
def notice_document(context: dg.AssetExecutionContext,
                    workspace: Workspace) -> dict[str, DocumentOrError]:
    """The notice read into pages and lines (text layer, docx, html, txt, or OCR of a scan)."""
    out = read_partitions(context, workspace, "notice", stages.read_document)
    metadata.add_partition_metadata(context, out, metadata.document_metadata)
    return out


@_notice_asset(code_version=versions.NOTICE_TEXT, dagster_type=TEXTS,
               ins={"notice_document": dg.AssetIn(dagster_type=DOCUMENTS)})
def notice_text(context: dg.AssetExecutionContext, notice_document: dict[str, DocumentOrError]
                ) -> dict[str, TextOrError]:
    """Simplified, repaired text with an offset map back to every line and box."""
    out = {key: attempt(stages.normalize_document, doc, _source(doc))
           for key, doc in notice_document.items()}
    metadata.add_partition_metadata(context, out, metadata.text_metadata)
    return out


@_notice_asset(code_version=versions.AWARD_SPEC, metadata={"redact_secrets": True},
               dagster_type=SPECS, ins={"notice_text": dg.AssetIn(dagster_type=TEXTS)})
def award_spec(context: dg.AssetExecutionContext, notice_text: dict[str, TextOrError]
               ) -> dict[str, SpecOrError]:
    """Deadlines, quotas, contacts, eligibility rules, materials: each with its provenance."""
    out = {key: attempt(stages.extract_spec, ndoc, _source(ndoc)) for key, ndoc in notice_text.items()}
    metadata.add_partition_metadata(context, out, metadata.spec_metadata)
    return out


@_notice_asset(code_version=versions.NOTICE_FIELDS, metadata={"redact_secrets": True},
               dagster_type=FIELDS, ins={"award_spec": dg.AssetIn(dagster_type=SPECS)})
def notice_fields(context: dg.AssetExecutionContext, award_spec: dict[str, SpecOrError]
                  ) -> dict[str, FieldsOrError]:
    """The flat field view of FIELDS.md (contract v1)."""
    out = {key: attempt(stages.field_view, spec, _source(spec)) for key, spec in award_spec.items()}
    metadata.add_partition_metadata(
        context, out, lambda v: metadata.error_metadata(v) if isinstance(v, ErrorRecord)
        else {"fields": dg.MetadataValue.json(v.model_dump(mode="json"))})
    return out


def _source(value: object) -> str:
    if isinstance(value, ErrorRecord):
        return value.file
    return str(getattr(value, "source", None) or getattr(value, "document", ""))
