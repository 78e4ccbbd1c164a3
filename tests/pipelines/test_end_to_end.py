"""In-process runs of the real stages over sample_docs/: inbox → sensor → runs → var/ files,
then what automation and the nightly schedule do once a stage version changes."""
import json
from pathlib import Path

import dagster as dg
import pytest

from models import ErrorRecord
from models.findings import PacketFindings
from pipelines.defs import versions
from pipelines.defs.flows import BATCH_FLOW, NOTICE_FLOW, PACKET_FLOW
from pipelines.defs.partitions import notices, packets
from pipelines.defs.resources import Workspace
from pipelines.defs.schedules import stale_requests
from pipelines.defs.stage_types import FieldsOrError, SpecOrError

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "sample_docs"


def _sample_packets() -> list[Path]:
    """Packet folders or envelope PDFs of the first sample batch, if the generator made any."""
    for batch in sorted((SAMPLE_DOCS / "packets").glob("*/")):
        members = [p for p in sorted(batch.iterdir())
                   if not p.name.startswith((".", "README", "__")) and p.name != "batch.json"
                   and not p.name.endswith(".gold.json")]
        if members:
            return members[:2]
    return []


@pytest.fixture(scope="module")
def e2e(tmp_path_factory, seeds, intake):
    """Two notices and (where sample_docs has them) two packets, taken in by the sensor and
    run the way the daemon would run the sensor's requests; shared by the tests below."""
    tmp = tmp_path_factory.mktemp("e2e")
    ws = Workspace(var_dir=str(tmp / "var"), inbox=str(tmp / "inbox"))
    for seed in seeds[:2]:
        intake.drop(seed, tmp / "inbox" / "round" / seed.name)
    for member in _sample_packets() or [seeds[2]]:
        intake.drop(member, tmp / "inbox" / "round" / "packets" / member.name)
    with intake.embedded_instance(tmp / "dagster") as instance:
        result = intake.tick(instance, ws)
        # Packets first, so the notices' batch checks find them (the daemon re-checks later).
        ordered = sorted(result.run_requests, key=lambda r: r.job_name != "packet_flow")
        runs = [intake.run(request, instance, ws) for request in ordered]
        yield ws, instance, runs


def test_sensor_runs_write_every_stage(e2e):
    ws, instance, processed = e2e
    assert all(run.success for run in processed)
    notice_keys = instance.get_dynamic_partitions("notices")
    packet_keys = instance.get_dynamic_partitions("packets")
    for key in notice_keys:
        for stage in NOTICE_FLOW + BATCH_FLOW:
            assert ws.store.exists(stage, key), (stage, key)
        spec = ws.store.read("award_spec", key, SpecOrError)
        assert not isinstance(spec, ErrorRecord), spec
        findings = ws.store.read("batch_findings", key, list[PacketFindings])
        assert len(findings) == len(packet_keys)       # every packet of the round was checked
        reports = json.loads(ws.store.path("batch_reports", key).read_text(encoding="utf-8"))
        assert reports and all(Path(p).is_file() for p in reports.values())
    for key in packet_keys:
        assert ws.store.exists("packet", key)


def test_ui_metadata_and_checks(e2e):
    _, instance, processed = e2e
    key = instance.get_dynamic_partitions("notices")[0]
    event = instance.get_latest_materialization_event(dg.AssetKey("notice_document"))
    assert event is not None
    meta = event.asset_materialization.metadata
    assert meta["page_count"].value >= 1 and "script" in meta and "ocr_confidence" in meta
    spec_event = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey("award_spec"), asset_partitions=[key]),
        limit=1).records[0].asset_materialization
    assert spec_event.metadata["preview"].value.startswith("### ")
    checks = {e.check_name for run in processed for e in run.get_asset_check_evaluations()}
    assert {"ocr_confidence", "spec_complete", "packet_readable", "packet_verdicts"} <= checks


def test_batched_run_over_a_partition_range(tmp_path, ws, instance, seeds, intake):
    for seed in seeds[:3]:
        intake.drop(seed, tmp_path / "inbox" / seed.name)
    intake.tick(instance, ws)
    keys = instance.get_dynamic_partitions("notices")
    result = dg.materialize(intake.assets + intake.checks,
                            selection=[dg.AssetKey(n) for n in NOTICE_FLOW], instance=instance,
                            resources=intake.resources(ws),
                            tags={"dagster/asset_partition_range_start": keys[0],
                                  "dagster/asset_partition_range_end": keys[-1]})
    assert result.success
    for key in keys:
        assert ws.store.exists("notice_fields", key)
    materialized = instance.get_materialized_partitions(dg.AssetKey("award_spec"))
    assert materialized == set(keys)
    # Each partition's event carries its own notice's figures and spec preview.
    previews = set()
    for key in keys:
        spec = ws.store.read("award_spec", key, SpecOrError)
        meta = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=dg.AssetKey("award_spec"), asset_partitions=[key]),
            limit=1).records[0].asset_materialization.metadata
        assert meta["deadlines"].value == len(spec.deadlines)
        assert meta["preview"].value.startswith(f"### {spec.title}")
        previews.add(meta["preview"].value)
    assert len(previews) == len(keys)


def test_one_unreadable_notice_does_not_block_its_batch(tmp_path, ws, instance, seeds, intake):
    for seed in seeds[:2]:
        intake.drop(seed, tmp_path / "inbox" / seed.name)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    intake.drop(broken, tmp_path / "inbox" / "broken.pdf")
    intake.tick(instance, ws)
    keys = instance.get_dynamic_partitions("notices")
    assert len(keys) == 3
    result = dg.materialize(intake.assets + intake.checks,
                            selection=[dg.AssetKey(n) for n in NOTICE_FLOW], instance=instance,
                            resources=intake.resources(ws), raise_on_error=False,
                            tags={"dagster/asset_partition_range_start": keys[0],
                                  "dagster/asset_partition_range_end": keys[-1]})
    assert result.success
    check = next(e for e in result.get_asset_check_evaluations()
                 if e.check_name == "ocr_confidence")
    assert not check.passed and check.metadata["errors"].value == 1
    # The two good notices went all the way; the broken one carries its error record.
    fields = [ws.store.read("notice_fields", key, FieldsOrError) for key in keys]
    assert sum(isinstance(f, ErrorRecord) for f in fields) == 1
    assert set(instance.get_materialized_partitions(dg.AssetKey("notice_fields"))) == set(keys)


def _with_code_version(asset: dg.AssetsDefinition, code_version: str) -> dg.AssetsDefinition:
    return asset.map_asset_specs(lambda spec: spec.replace_attributes(code_version=code_version))


def test_changed_stage_version_marks_exactly_the_stale_partitions(e2e, intake):
    ws, instance, _ = e2e
    notice_keys = set(instance.get_dynamic_partitions("notices"))
    current = dg.Definitions(assets=intake.assets, resources=intake.resources(ws))
    before = dg.evaluate_automation_conditions(defs=current, instance=instance)
    assert before.total_requested == 0     # nothing is stale right after the runs

    bumped = [_with_code_version(a, "spec=next") if a.key == dg.AssetKey("award_spec") else a
              for a in intake.assets]
    after = dg.evaluate_automation_conditions(
        defs=dg.Definitions(assets=bumped, resources=intake.resources(ws)), instance=instance,
        cursor=before.cursor)
    requested = {key.to_user_string(): set(after.get_requested_partitions(key))
                 for key in (dg.AssetKey(n) for n in NOTICE_FLOW + BATCH_FLOW + PACKET_FLOW)
                 if after.get_num_requested(key)}
    # The spec and what is made from it, for every notice; not the reading, OCR or packets.
    assert requested == {name: notice_keys for name in
                         ("award_spec", "notice_fields", "batch_findings", "batch_reports")}


def test_nightly_schedule_finds_stale_and_failed_partitions(e2e, monkeypatch):
    _, instance, _ = e2e
    flow = NOTICE_FLOW + BATCH_FLOW
    assert stale_requests(instance, notices, flow, "notice_flow", "t") == []
    assert stale_requests(instance, packets, PACKET_FLOW, "packet_flow", "t") == []

    monkeypatch.setitem(versions.BY_ASSET, "notice_text", "normalizer=next")
    [request] = stale_requests(instance, notices, flow, "notice_flow", "t")
    assert [k.to_user_string() for k in request.asset_selection] == list(flow[1:])
    assert request.job_name == "notice_flow"

    instance.add_dynamic_partitions("packets", ["never-materialized"])
    [retry] = stale_requests(instance, packets, PACKET_FLOW, "packet_flow", "t")
    assert retry.partition_key == "never-materialized"
    instance.delete_dynamic_partition("packets", "never-materialized")


def test_downstream_runs_alone_on_stored_outputs(e2e, intake):
    """As automation re-checks a batch: its inputs come from earlier runs, through var/."""
    ws, instance, _ = e2e
    key = instance.get_dynamic_partitions("notices")[0]
    result = dg.materialize(intake.assets + intake.checks,
                            selection=[dg.AssetKey(n) for n in BATCH_FLOW], partition_key=key,
                            instance=instance, resources=intake.resources(ws))
    assert result.success
    assert {e.check_name for e in result.get_asset_check_evaluations()} == {"packet_verdicts"}
