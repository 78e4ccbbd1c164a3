"""Packet flow: packet (folder or envelope PDF) → documents → claims, in one stage."""

import dagster as dg

from pipelines import stages
from pipelines.defs import metadata, versions
from pipelines.defs.automation import reprocess_when_stale
from pipelines.defs.notice_assets import OCR_POOL
from pipelines.defs.partitions import batched_backfill, packets
from pipelines.defs.reading import read_partitions
from pipelines.defs.resources import Workspace
from pipelines.defs.stage_types import PACKETS, PacketOrError


@dg.asset(partitions_def=packets, backfill_policy=batched_backfill, group_name="packets",
          automation_condition=reprocess_when_stale(), code_version=versions.PACKET,
          pool=OCR_POOL, kinds={"ocr"}, dagster_type=PACKETS)
def packet(context: dg.AssetExecutionContext, workspace: Workspace) -> dict[str, PacketOrError]:
    """One applicant's packet: its documents (kind, pages, copies), claims and seals."""
    out = read_partitions(context, workspace, "packet", stages.read_packet)
    metadata.add_partition_metadata(context, out, metadata.packet_metadata)
    return out
