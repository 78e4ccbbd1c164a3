"""The inbox sensor: new files become partitions and runs (with a run_key, so a file is
processed once however often the sensor looks)."""

import hashlib

import dagster as dg

from pipelines.defs.arrivals import batches_for_packets, take_arrivals
from pipelines.defs.flows import (BATCH_FLOW, NOTICE_FLOW, PACKET_FLOW, keys, notice_flow,
                                  packet_flow)
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN, notices, packets
from pipelines.defs.resources import Workspace

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"


def batched_run_requests(new_keys: list[str], job: dg.JobDefinition, selection: list[dg.AssetKey],
                         kind: str) -> list[dg.RunRequest]:
    """New partitions in runs of up to MAX_PARTITIONS_PER_RUN: they were added in this order,
    so each chunk is a contiguous range of the dynamic partitions. A bulk drop into the inbox
    is then a few runs, not one run (and one process) per file; a lone file is a run of its
    own, keyed `<kind>:<partition>`."""
    requests = []
    for i in range(0, len(new_keys), MAX_PARTITIONS_PER_RUN):
        chunk = new_keys[i:i + MAX_PARTITIONS_PER_RUN]
        if len(chunk) == 1:
            requests.append(dg.RunRequest(run_key=f"{kind}:{chunk[0]}", job_name=job.name,
                                          partition_key=chunk[0], asset_selection=selection))
        else:
            run_key = f"{kind}s:" + hashlib.sha256(",".join(chunk).encode()).hexdigest()[:16]
            requests.append(dg.RunRequest(run_key=run_key, job_name=job.name, asset_selection=selection,
                                          tags={RANGE_START: chunk[0], RANGE_END: chunk[-1]}))
    return requests


def packet_run_requests(new_packets: list[str]) -> list[dg.RunRequest]:
    return batched_run_requests(new_packets, packet_flow, keys(*PACKET_FLOW), "packet")


def notice_run_requests(new_notices: list[str]) -> list[dg.RunRequest]:
    """A notice gets its award spec and checks the packets of its round, in one run."""
    return batched_run_requests(new_notices, notice_flow, keys(*NOTICE_FLOW, *BATCH_FLOW), "notice")


@dg.sensor(jobs=[notice_flow, packet_flow], minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def inbox_sensor(context: dg.SensorEvaluationContext, workspace: Workspace) -> dg.SensorResult:
    """Watches the inbox (AWARD_INTAKE_INBOX). A notice gets its award spec and checks the
    packets of its round; packets are read in batches, and automation then re-checks the
    batches they belong to."""
    arrivals = take_arrivals(
        workspace.inbox, workspace.registry,
        known_notices=set(notices.get_partition_keys(dynamic_partitions_store=context.instance)),
        known_packets=set(packets.get_partition_keys(dynamic_partitions_store=context.instance)))
    runs = notice_run_requests(arrivals.new_notices) + packet_run_requests(arrivals.new_packets)
    runs += [dg.RunRequest(run_key=f"recheck:{key}:{hashlib.sha256(why.encode()).hexdigest()[:12]}",
                           job_name=notice_flow.name, partition_key=key,
                           asset_selection=keys(*BATCH_FLOW),
                           tags={"award_intake/reason": why[:200]})
             for key, why in arrivals.recheck.items()]
    requests = [r for r in (notices.build_add_request(arrivals.new_notices),
                            packets.build_add_request(arrivals.new_packets))
                if r.partition_keys]
    if not runs and not requests:
        waiting = [f"{n} {what}" for n, what in ((arrivals.settling, "still arriving"),
                                                 (arrivals.deferred, "left to hash")) if n]
        return dg.SensorResult(skip_reason=f"nothing new in {workspace.inbox}"
                               + (f" ({', '.join(waiting)})" if waiting else ""))
    return dg.SensorResult(run_requests=runs, dynamic_partitions_requests=requests)


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, request_job=notice_flow,
                      minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def packets_read_sensor(context: dg.RunStatusSensorContext, workspace: Workspace):
    """After any run that read packets (inbox arrivals, automation, the nightly schedule),
    re-check the batches of exactly the notices whose rounds those packets belong to.

    Automation does not do this itself: `batch_findings` reads every packet partition, so to
    it any packet anywhere would make every notice's batch stale.
    """
    run = context.dagster_run
    records = context.instance.get_records_for_run(
        run_id=run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION, limit=100_000).records
    read = [r.event_log_entry.dagster_event.partition for r in records
            if r.event_log_entry.dagster_event is not None
            and r.event_log_entry.dagster_event.asset_key == dg.AssetKey(PACKET_FLOW[0])]
    batches = batches_for_packets(workspace.registry, [key for key in read if key])
    if not batches:
        return dg.SkipReason(f"run {run.run_id[:8]} read no packet of a known round")
    return [dg.RunRequest(run_key=f"packets-read:{run.run_id}:{notice}", partition_key=notice,
                          asset_selection=keys(*BATCH_FLOW),
                          tags={"award_intake/reason": f"{len(packets)} packet(s) of its round read "
                                                       f"in run {run.run_id[:8]}"})
            for notice, packets in sorted(batches.items())]
