"""Asset checks a reviewer sees in the UI. Blocking where downstream work would be wrong:
an unread notice or one without a deadline yields findings nobody should act on.

A batched run checks all its partitions at once; the result names the ones that failed. A
blocking check stops every downstream step of its run, so in a batch it blocks only when every
partition failed: the later stages carry one document's error record through on their own,
and one bad file must not stop the rest of its batch.
Checks read the stored outputs themselves, so they also run on their own (from the UI).
"""

from typing import Callable, TypeVar

import dagster as dg

from models import Document, ErrorRecord
from models.findings import PacketFindings
from models.packet import Packet
from models.spec import AwardSpec, DocumentKind
from pipelines.defs import metadata
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN, notices, packets
from pipelines.defs.resources import Workspace
from pipelines.defs.stage_types import DocumentOrError, PacketOrError, SpecOrError

# Below this mean OCR confidence a reviewer should look at the page images (warning only:
# the spec is still extracted, and its own check decides whether it is usable).
OCR_REVIEW_BELOW = 0.80
# Kinds that announce a call for applications, and so must name a deadline.
CALL_KINDS = frozenset({DocumentKind.NOTICE, DocumentKind.FORWARDING_NOTICE})
# A batched check covers a run's partitions: its details list each of them.
MAX_DETAIL_LINES = MAX_PARTITIONS_PER_RUN

T = TypeVar("T")
Verdict = tuple[dg.AssetCheckSeverity | None, str]   # None: passed


def _result(values: dict[str, T], judge: Callable[[T], Verdict],
            extra: Callable[[dict[str, T]], dict] = lambda _: {}) -> dg.AssetCheckResult:
    verdicts = {key: judge(value) for key, value in values.items()}
    failed = {key: v for key, v in verdicts.items() if v[0] is not None}
    errors = [key for key, (s, _) in failed.items() if s == dg.AssetCheckSeverity.ERROR]
    severity = (dg.AssetCheckSeverity.ERROR if errors and len(errors) == len(values)
                else dg.AssetCheckSeverity.WARN)
    notes = [f"- {key}: {why}" for key, (_, why) in sorted(verdicts.items())]
    return dg.AssetCheckResult(
        passed=not failed, severity=severity,
        metadata={"checked": len(values), "failed": len(failed), "errors": len(errors),
                  "details": dg.MetadataValue.md("\n".join(notes[:MAX_DETAIL_LINES])),
                  **extra(values)})


def judge_document(doc: Document | ErrorRecord) -> Verdict:
    if isinstance(doc, ErrorRecord):
        return dg.AssetCheckSeverity.ERROR, f"not read: {doc.code.value}: {doc.message}"
    if not any(line.text.strip() for page in doc.pages for line in page.lines):
        return dg.AssetCheckSeverity.ERROR, "no text on any page"
    confidence = metadata.ocr_confidence(doc)
    if confidence is None:
        return None, "no OCR needed"
    if confidence < OCR_REVIEW_BELOW:
        return dg.AssetCheckSeverity.WARN, f"OCR confidence {confidence:.2f} < {OCR_REVIEW_BELOW}"
    return None, f"OCR confidence {confidence:.2f}"


def judge_spec(spec: AwardSpec | ErrorRecord) -> Verdict:
    if isinstance(spec, ErrorRecord):
        return dg.AssetCheckSeverity.ERROR, f"no spec: {spec.code.value}: {spec.message}"
    missing = [name for name, found in (("deadline", spec.deadlines), ("quota", spec.quotas),
                                        ("contacts", spec.contacts)) if not found]
    if "deadline" in missing and spec.kind in CALL_KINDS:
        return dg.AssetCheckSeverity.ERROR, f"{spec.kind.value} without a deadline; missing: {', '.join(missing)}"
    if missing:
        return dg.AssetCheckSeverity.WARN, f"missing: {', '.join(missing)}"
    return None, "deadline, quota and contacts found"


def judge_packet(packet: Packet | ErrorRecord) -> Verdict:
    if isinstance(packet, ErrorRecord):
        return dg.AssetCheckSeverity.WARN, f"not read: {packet.code.value}: {packet.message}"
    if packet.unreadable:
        return dg.AssetCheckSeverity.WARN, f"unreadable files: {', '.join(packet.unreadable)}"
    return None, f"{len(packet.documents)} documents read"


def judge_batch(findings: list[PacketFindings]) -> Verdict:
    incomplete = [pf.packet for pf in findings if not pf.complete]
    if incomplete:
        return dg.AssetCheckSeverity.WARN, f"{len(incomplete)}/{len(findings)} incomplete: {', '.join(incomplete)}"
    return None, f"{len(findings)} packets complete"


def _stored(context: dg.AssetCheckExecutionContext, workspace: Workspace, stage: str,
            value_type: object) -> dict:
    return {key: workspace.store.read(stage, key, value_type) for key in context.partition_keys}


@dg.asset_check(asset="notice_document", blocking=True, partitions_def=notices)
def ocr_confidence(context: dg.AssetCheckExecutionContext, workspace: Workspace
                   ) -> dg.AssetCheckResult:
    """The notice was read; warns where OCR is unsure enough that a person should look."""
    return _result(_stored(context, workspace, "notice_document", DocumentOrError), judge_document)


@dg.asset_check(asset="award_spec", blocking=True, partitions_def=notices)
def spec_complete(context: dg.AssetCheckExecutionContext, workspace: Workspace
                  ) -> dg.AssetCheckResult:
    """Deadline, quota and contacts were found; a call for applications without a deadline
    blocks the batch checks, whose LATE_SUBMISSION flags would be meaningless."""
    return _result(_stored(context, workspace, "award_spec", SpecOrError), judge_spec)


@dg.asset_check(asset="packet", partitions_def=packets)
def packet_readable(context: dg.AssetCheckExecutionContext, workspace: Workspace
                    ) -> dg.AssetCheckResult:
    """Every file of the packet was read (the findings flag UNREADABLE for the rest)."""
    return _result(_stored(context, workspace, "packet", PacketOrError), judge_packet)


@dg.asset_check(asset="batch_findings", partitions_def=notices)
def packet_verdicts(context: dg.AssetCheckExecutionContext, workspace: Workspace
                    ) -> dg.AssetCheckResult:
    """Every packet of the batch is complete; otherwise which are not, and the flag counts."""
    findings = _stored(context, workspace, "batch_findings", list[PacketFindings])
    return _result(findings, judge_batch, lambda values: metadata.findings_metadata(
        [pf for fs in values.values() for pf in fs]))
