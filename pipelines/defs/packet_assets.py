"""Packet flow: packet (folder or envelope PDF) → documents → claims, in one stage."""

from functools import partial

import dagster as dg

from models import ErrorCode, ErrorRecord
from pipelines import stages
from pipelines.defs import metadata, versions
from pipelines.defs.automation import reprocess_when_stale
from pipelines.defs.notice_assets import OCR_POOL
from pipelines.defs.outcomes import attempt
from pipelines.defs.partitions import batched_backfill, packets
from pipelines.defs.resources import Workspace
from pipelines.worker import ReaderWorker
from pipelines.defs.stage_types import PACKETS, PacketOrError


@dg.asset(partitions_def=packets, backfill_policy=batched_backfill, group_name="packets",
          automation_condition=reprocess_when_stale(), code_version=versions.PACKET,
          pool=OCR_POOL, kinds={"ocr"}, dagster_type=PACKETS)
def packet(context: dg.AssetExecutionContext, workspace: Workspace) -> dict[str, PacketOrError]:
    """One applicant's packet: its documents (kind, pages, copies), claims and seals."""
    out: dict[str, PacketOrError] = {}
    with ReaderWorker() as reader:      # PDFs and scans: a hung page or a crash costs one file
        for key in context.partition_keys:
            record = workspace.registry.get("packet", key)
            if record is None:
                out[key] = ErrorRecord(code=ErrorCode.NOT_FOUND, file=key,
                                       message="no inbox packet registered for this partition")
                continue
            out[key] = attempt(partial(stages.read_packet, reader=reader), record.path, record.path)
    context.add_output_metadata(metadata.batch_metadata(out, metadata.packet_metadata))
    return out
