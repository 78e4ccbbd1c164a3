"""Batch flow, one partition per notice: the packets of its round checked against its spec,
then the findings JSON, Excel and HTML reports."""

from pathlib import Path

import dagster as dg

from models import ErrorRecord
from models.findings import PacketFindings
from models.packet import Packet
from pipelines import stages
from pipelines.defs import metadata, versions
from pipelines.defs.automation import reprocess_when_stale
from pipelines.defs.inbox import SourceRecord
from pipelines.defs.partitions import batched_backfill, notices
from pipelines.defs.resources import Workspace
from pipelines.defs.stage_types import FINDINGS, REPORTS, SPECS, PacketOrError, SpecOrError

GROUP = "batches"
PACKET_ASSET = "packet"


def round_packets(workspace: Workspace, notice_key: str) -> list[Packet]:
    """The packets that answer this notice: those sharing one of its rounds, in stable order.

    A packet not read yet is left out (automation re-checks the batch when it lands); one
    that could not be read at all stands as a packet of unreadable files, so the checks
    report it instead of silently dropping an applicant.
    """
    notice = workspace.registry.get("notice", notice_key)
    if notice is None:
        return []
    records = [r for r in workspace.registry.all("packet") if set(r.rounds) & set(notice.rounds)]
    packets = []
    for record in records:
        if not workspace.store.exists(PACKET_ASSET, record.key):
            continue
        value = workspace.store.read(PACKET_ASSET, record.key, PacketOrError)
        packets.append(value if isinstance(value, Packet) else _unreadable(record))
    return packets


def _unreadable(record: SourceRecord) -> Packet:
    return Packet(name=Path(record.path).stem, path=record.path, unreadable=[record.name])


@dg.asset(partitions_def=notices, backfill_policy=batched_backfill, group_name=GROUP,
          code_version=versions.BATCH_FINDINGS,
          # Every packet partition is an input: the round decides which ones a notice reads.
          deps=[dg.AssetDep(PACKET_ASSET, partition_mapping=dg.AllPartitionMapping())],
          automation_condition=reprocess_when_stale(read_whole=(PACKET_ASSET,)),
          metadata={"redact_secrets": True}, dagster_type=FINDINGS,
          ins={"award_spec": dg.AssetIn(dagster_type=SPECS)})
def batch_findings(context: dg.AssetExecutionContext, workspace: Workspace,
                   award_spec: dict[str, SpecOrError]) -> dict[str, list[PacketFindings]]:
    """Findings (PACKETS.md) for every packet of the notice's round, batch checks included."""
    out: dict[str, list[PacketFindings]] = {}
    for key, spec in award_spec.items():
        # A notice that could not be read has no rules to check against (its check says so).
        out[key] = [] if isinstance(spec, ErrorRecord) else stages.check_batch(
            round_packets(workspace, key), spec)
    metadata.add_partition_metadata(context, out, metadata.findings_metadata)
    return out


@dg.asset(partitions_def=notices, backfill_policy=batched_backfill, group_name=GROUP,
          code_version=versions.BATCH_REPORTS, automation_condition=reprocess_when_stale(),
          dagster_type=REPORTS, ins={"batch_findings": dg.AssetIn(dagster_type=FINDINGS)})
def batch_reports(context: dg.AssetExecutionContext, workspace: Workspace,
                  batch_findings: dict[str, list[PacketFindings]]) -> dict[str, dict[str, str]]:
    """The findings JSON, Excel and HTML reports of the batch, under var/reports/<notice>/."""
    out: dict[str, dict[str, str]] = {}
    for key, findings in batch_findings.items():
        notice = workspace.registry.get("notice", key)
        folder = workspace.reports_dir / (f"{Path(notice.name).stem}-{key}" if notice else key)
        written = stages.write_reports(findings, round_packets(workspace, key), folder)
        out[key] = {name: str(path) for name, path in written.items()}
    metadata.add_partition_metadata(context, out, metadata.reports_metadata)
    return out
