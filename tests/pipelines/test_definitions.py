"""The code location loads (the API equivalent of `dg check defs`) and has the shape the
issue asks for: a snapshot of asset keys, partitions, versions and automation."""
import dagster as dg
import pytest

from pipelines import stages
from pipelines.definitions import defs as load_defs
from pipelines.defs import versions
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    definitions = load_defs()
    dg.Definitions.validate_loadable(definitions)
    return definitions


def _graph(defs):
    return defs.resolve_asset_graph()


def test_asset_keys_and_partitions(defs):
    graph = _graph(defs)
    snapshot = {key.to_user_string(): graph.get(key).partitions_def.name
                for key in graph.get_all_asset_keys()}
    assert snapshot == {
        "notice_document": "notices", "notice_text": "notices", "award_spec": "notices",
        "notice_fields": "notices", "packet": "packets",
        "batch_findings": "notices", "batch_reports": "notices",
    }


def test_lineage(defs):
    graph = _graph(defs)
    parents = {key.to_user_string(): sorted(p.to_user_string() for p in graph.get(key).parent_keys)
               for key in graph.get_all_asset_keys()}
    assert parents == {
        "notice_document": [], "notice_text": ["notice_document"], "award_spec": ["notice_text"],
        "notice_fields": ["award_spec"], "packet": [],
        "batch_findings": ["award_spec", "packet"], "batch_reports": ["batch_findings"],
    }


def test_code_versions_follow_stage_versions(defs):
    graph = _graph(defs)
    stage = stages.versions()
    assert graph.get(dg.AssetKey("notice_document")).code_version == f"reader={stage['reader']}"
    assert graph.get(dg.AssetKey("award_spec")).code_version == f"spec={stage['spec']}"
    assert graph.get(dg.AssetKey("packet")).code_version == (
        f"reader={stage['reader']}+normalizer={stage['normalizer']}+packet={stage['packet']}")
    assert {k.to_user_string(): graph.get(k).code_version
            for k in graph.get_all_asset_keys()} == versions.BY_ASSET


def test_automation_conditions(defs):
    graph = _graph(defs)
    for key in graph.get_all_asset_keys():
        condition = graph.get(key).automation_condition
        assert condition is not None and condition.get_label() == "reprocess_when_stale", key


def test_bulk_settings(defs):
    graph = _graph(defs)
    for key in graph.get_all_asset_keys():
        policy = graph.get(key).backfill_policy
        assert policy is not None and policy.max_partitions_per_run == MAX_PARTITIONS_PER_RUN, key
    pools = {key.to_user_string(): defs.resolve_assets_def(key).get_op_def_for_asset_key(key).pool
             for key in graph.get_all_asset_keys()}
    assert {name for name, pool in pools.items() if pool == "ocr"} == {"notice_document", "packet"}


def test_checks_and_blocking(defs):
    graph = _graph(defs)
    checks = {}
    for key in graph.asset_check_keys:
        spec = graph.get_check_spec(key)
        checks[f"{key.asset_key.to_user_string()}:{key.name}"] = spec.blocking
    assert checks == {"notice_document:ocr_confidence": True, "award_spec:spec_complete": True,
                      "packet:packet_readable": False, "batch_findings:packet_verdicts": False}


def test_sensors_and_schedule_on_by_default(defs):
    repo = defs.get_repository_def()
    sensors = {s.name: s.default_status for s in repo.sensor_defs}
    assert sensors == {"inbox_sensor": dg.DefaultSensorStatus.RUNNING,
                       "packets_read_sensor": dg.DefaultSensorStatus.RUNNING,
                       "reprocess_stale": dg.DefaultSensorStatus.RUNNING}
    schedules = {s.name: (s.cron_schedule, s.job_name, s.default_status) for s in repo.schedule_defs}
    on = dg.DefaultScheduleStatus.RUNNING
    assert schedules == {"nightly_notice_flow": ("0 2 * * *", "notice_flow", on),
                         "nightly_packet_flow": ("0 2 * * *", "packet_flow", on)}


def test_jobs_one_partitioning_each(defs):
    jobs = {job.name: job.partitions_def.name for job in defs.resolve_all_job_defs()
            if not job.name.startswith("__")}
    assert jobs == {"notice_flow": "notices", "packet_flow": "packets"}
