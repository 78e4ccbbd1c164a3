"""The inbox sensor on a temporary inbox: new files become partitions and keyed runs;
a re-sent file does not; files still being copied wait."""
import json

import dagster as dg
import pytest

from pipelines.defs.arrivals import take_arrivals
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN
from pipelines.defs.sensors import (RANGE_END, RANGE_START, notice_run_requests,
                                    packet_run_requests, packets_read_sensor)


def test_new_files_become_partitions_and_runs(tmp_path, ws, instance, seeds, intake):
    inbox = tmp_path / "inbox"
    intake.drop(seeds[0], inbox / "r1" / seeds[0].name)
    intake.drop(seeds[1], inbox / "r1" / "packets" / "p1" / "form.txt")
    intake.drop(seeds[2], inbox / "r1" / "packets" / "p2.txt")
    result = intake.tick(instance, ws)
    notices = instance.get_dynamic_partitions("notices")
    packets = instance.get_dynamic_partitions("packets")
    assert len(notices) == 1 and len(packets) == 2
    by_job = {}
    for request in result.run_requests:
        by_job.setdefault(request.job_name, []).append(request)
    [notice_run] = by_job["notice_flow"]
    assert notice_run.partition_key == notices[0]
    assert notice_run.run_key == f"notice:{notices[0]}"
    assert [k.to_user_string() for k in notice_run.asset_selection] == [
        "notice_document", "notice_text", "award_spec", "notice_fields",
        "batch_findings", "batch_reports"]
    [packet_run] = by_job["packet_flow"]   # both packets in one batched run
    assert (packet_run.tags[RANGE_START], packet_run.tags[RANGE_END]) == tuple(packets)
    record = ws.registry.get("notice", notices[0])
    assert record.name == seeds[0].name and record.rounds == ["r1"]

    again = intake.tick(instance, ws)
    assert again.run_requests == [] and "nothing new" in again.skip_reason.skip_message

    intake.drop(seeds[0], inbox / "r1" / "resent-under-another-name.txt")
    resent = intake.tick(instance, ws)
    assert resent.run_requests == [] and instance.get_dynamic_partitions("notices") == notices


def test_resent_packet_into_another_round_rechecks_that_batch(tmp_path, ws, instance, seeds,
                                                             intake):
    inbox = tmp_path / "inbox"
    intake.drop(seeds[0], inbox / "r1" / "notice.txt")
    intake.drop(seeds[1], inbox / "r2" / "notice.txt")
    intake.drop(seeds[2], inbox / "r1" / "packets" / "p.txt")
    intake.tick(instance, ws)
    intake.drop(seeds[2], inbox / "r2" / "packets" / "p.txt")
    result = intake.tick(instance, ws)
    [recheck] = result.run_requests
    r2_notice = [r.key for r in ws.registry.all("notice") if r.rounds == ["r2"]]
    assert recheck.partition_key == r2_notice[0]
    assert [k.to_user_string() for k in recheck.asset_selection] == ["batch_findings",
                                                                     "batch_reports"]


def test_files_still_arriving_wait(tmp_path, ws, seeds, intake):
    intake.drop(seeds[0], tmp_path / "inbox" / seeds[0].name, age_seconds=0)
    arrivals = take_arrivals(ws.inbox, ws.registry, set(), set())
    assert arrivals.new_notices == [] and arrivals.settling == 1


def test_unchanged_files_are_not_hashed_again(tmp_path, monkeypatch, ws, seeds, intake):
    intake.drop(seeds[0], tmp_path / "inbox" / seeds[0].name)
    first = take_arrivals(ws.inbox, ws.registry, set(), set())
    import pipelines.defs.arrivals as arrivals_module
    monkeypatch.setattr(arrivals_module, "content_key",
                        lambda path: (_ for _ in ()).throw(AssertionError(f"re-hashed {path}")))
    second = take_arrivals(ws.inbox, ws.registry, set(first.new_notices), set())
    assert second.new_notices == []


@pytest.mark.parametrize("run_requests, job", [(packet_run_requests, "packet_flow"),
                                               (notice_run_requests, "notice_flow")])
def test_runs_for_a_bulk_drop_are_batched(run_requests, job):
    keys = [f"k{i:03d}" for i in range(MAX_PARTITIONS_PER_RUN * 2 + 1)]
    requests = run_requests(keys)
    assert len(requests) == 3 and {r.job_name for r in requests} == {job}
    assert requests[0].tags == {RANGE_START: "k000", RANGE_END: keys[MAX_PARTITIONS_PER_RUN - 1]}
    assert requests[2].partition_key == keys[-1]
    assert len({r.run_key for r in requests}) == 3
    assert run_requests(keys)[0].run_key == requests[0].run_key   # stable across ticks


def test_manifest_batches_from_sample_layout(tmp_path, ws, instance, seeds, intake):
    inbox = tmp_path / "inbox"
    intake.drop(seeds[0], inbox / "seeds" / seeds[0].name)
    intake.drop(seeds[1], inbox / "packets" / "b1" / "p1" / "form.txt")
    manifest = tmp_path / "batch.json"
    manifest.write_text(json.dumps({"notice": f"../../seeds/{seeds[0].name}"}), encoding="utf-8")
    intake.drop(manifest, inbox / "packets" / "b1" / "batch.json")
    intake.tick(instance, ws)
    [notice] = ws.registry.all("notice")
    [packet] = ws.registry.all("packet")
    assert set(packet.rounds) <= set(notice.rounds)


def test_hashing_stops_at_the_budget_and_resumes(tmp_path, ws, seeds, intake):
    for seed in seeds[:2]:
        intake.drop(seed, tmp_path / "inbox" / seed.name)
    first = take_arrivals(ws.inbox, ws.registry, set(), set(), hash_budget_seconds=-1)
    assert first.new_notices == [] and first.deferred == 2
    second = take_arrivals(ws.inbox, ws.registry, set(), set())
    assert len(second.new_notices) == 2 and second.deferred == 0


def test_a_packet_read_rechecks_only_the_batches_of_its_round(tmp_path, ws, instance, seeds,
                                                             intake):
    inbox = tmp_path / "inbox"
    intake.drop(seeds[0], inbox / "r1" / "notice.txt")
    intake.drop(seeds[1], inbox / "r2" / "notice.txt")
    for request in intake.tick(instance, ws).run_requests:      # both notices, their batches
        assert intake.run(request, instance, ws).success
    defs = dg.Definitions(assets=intake.assets, resources=intake.resources(ws))
    before = dg.evaluate_automation_conditions(defs=defs, instance=instance)
    intake.drop(seeds[2], inbox / "r1" / "packets" / "p.txt")
    [packet_request] = intake.tick(instance, ws).run_requests
    packet_run = intake.run(packet_request, instance, ws)
    assert packet_run.success

    # Automation leaves the batches alone: to it, every packet is an input of every batch.
    after = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=before.cursor)
    assert after.get_num_requested(dg.AssetKey("batch_findings")) == 0

    # The run-status sensor re-checks the r1 batch, and only that one.
    run = instance.get_run_by_id(packet_run.run_id)
    success = instance.get_records_for_run(
        run_id=run.run_id, of_type=dg.DagsterEventType.RUN_SUCCESS).records[0]
    context = dg.build_run_status_sensor_context(
        sensor_name=packets_read_sensor.name, dagster_instance=instance, dagster_run=run,
        dagster_event=success.event_log_entry.dagster_event, resources={"workspace": ws})
    [recheck] = packets_read_sensor(context)
    r1_notice = next(r.key for r in ws.registry.all("notice") if r.rounds == ["r1"])
    assert recheck.partition_key == r1_notice
    assert [k.to_user_string() for k in recheck.asset_selection] == ["batch_findings",
                                                                     "batch_reports"]
    assert packet_run.run_id in recheck.run_key
