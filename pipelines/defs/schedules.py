"""Nightly: re-run every partition whose stored output was made by another code version
than the current one, or never made (a run that failed). Automation catches most of this
as it happens; the schedule is the safety net after daemon downtime or failed runs."""

import hashlib
from typing import Mapping, Sequence

import dagster as dg

from pipelines.defs import versions
from pipelines.defs.flows import (BATCH_FLOW, NOTICE_FLOW, PACKET_FLOW, keys, notice_flow,
                                  packet_flow)
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN, notices, packets
from pipelines.defs.sensors import RANGE_END, RANGE_START

CODE_VERSION_TAG = "dagster/code_version"
NIGHTLY = "0 2 * * *"
TIMEZONE = "Asia/Shanghai"


def first_stale(partition_keys: Sequence[str], flow: Sequence[str],
                current: Mapping[str, str | None],
                stored: Mapping[str, Mapping[str, str]]) -> dict[str, int]:
    """partition key -> index in `flow` of its first asset whose stored code version
    (`stored[asset][key]`) is missing or differs from `current[asset]`."""
    stale: dict[str, int] = {}
    for key in partition_keys:
        for i, asset in enumerate(flow):
            if stored.get(asset, {}).get(key) != current.get(asset):
                stale[key] = i
                break
    return stale


def stale_run_requests(partition_keys: Sequence[str], flow: Sequence[str],
                       stale: Mapping[str, int], tick: str, job_name: str) -> list[dg.RunRequest]:
    """Contiguous stale partitions with the same starting asset share a run (≤ batch size)."""
    requests: list[dg.RunRequest] = []
    chunk: list[str] = []
    start = None

    def flush() -> None:
        if not chunk:
            return
        selection = keys(*flow[start:])
        run_key = f"stale:{tick}:" + hashlib.sha256(",".join(chunk).encode()).hexdigest()[:16]
        if len(chunk) == 1:
            requests.append(dg.RunRequest(run_key=run_key, job_name=job_name,
                                          partition_key=chunk[0], asset_selection=selection))
        else:
            requests.append(dg.RunRequest(run_key=run_key, job_name=job_name,
                                          asset_selection=selection,
                                          tags={RANGE_START: chunk[0], RANGE_END: chunk[-1]}))
        chunk.clear()

    for key in partition_keys:
        if key not in stale or stale[key] != start or len(chunk) >= MAX_PARTITIONS_PER_RUN:
            flush()
            start = stale.get(key)
        if key in stale:
            chunk.append(key)
    flush()
    return requests


def stored_code_versions(instance: dg.DagsterInstance, asset: str,
                         page: int = 1000) -> dict[str, str]:
    """partition key -> code version of its latest materialization (newest records first)."""
    latest: dict[str, str] = {}
    cursor = None
    while True:
        result = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey(asset)), limit=page, cursor=cursor)
        for record in result.records:
            key = record.partition_key
            if key is not None and key not in latest:
                latest[key] = record.asset_materialization.tags.get(CODE_VERSION_TAG, "")
        if not result.has_more:
            return latest
        cursor = result.cursor


def stale_requests(instance: dg.DagsterInstance, partitions_def: dg.DynamicPartitionsDefinition,
                   flow: Sequence[str], job_name: str, tick: str) -> list[dg.RunRequest]:
    partition_keys = partitions_def.get_partition_keys(dynamic_partitions_store=instance)
    current = {a: versions.BY_ASSET[a] for a in flow}
    stored = {a: stored_code_versions(instance, a) for a in flow}
    return stale_run_requests(partition_keys, flow, first_stale(partition_keys, flow, current, stored),
                              tick, job_name)


def _nightly(job, partitions_def: dg.DynamicPartitionsDefinition,
             flow: Sequence[str]) -> dg.ScheduleDefinition:
    # A flow runs from its first stale asset to its end, so downstream sees the new output.
    @dg.schedule(name=f"nightly_{job.name}", cron_schedule=NIGHTLY, execution_timezone=TIMEZONE,
                 job=job, default_status=dg.DefaultScheduleStatus.RUNNING)
    def nightly(context: dg.ScheduleEvaluationContext):
        """02:00 Beijing time: stale and failed partitions, in batched runs."""
        when = context.scheduled_execution_time
        requests = stale_requests(context.instance, partitions_def, flow, job.name,
                                  when.strftime("%Y%m%d") if when else "now")
        return requests or dg.SkipReason("nothing stale")
    return nightly


nightly_notice_flow = _nightly(notice_flow, notices, NOTICE_FLOW + BATCH_FLOW)
nightly_packet_flow = _nightly(packet_flow, packets, PACKET_FLOW)
