"""Scale-out: the same code on Dagster's Postgres storage with the multi-process executor,
against a real PostgreSQL server (started by the `postgres_server` fixture)."""
import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import sqlalchemy
import yaml

REPO = Path(__file__).resolve().parents[2]
DG = Path(sys.executable).with_name("dg")

pytestmark = pytest.mark.slow
STEPS = ("notice_document", "notice_text")


def _postgres_home(tmp_path: Path, server: dict) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    # The settings the README gives; SQLAlchemy 2.1 reads plain postgresql:// as psycopg 3,
    # and the driver installed with dagster-postgres is psycopg2.
    (home / "dagster.yaml").write_text(yaml.safe_dump({
        "storage": {"postgres": {"postgres_db": {**server, "scheme": "postgresql+psycopg2"}}},
        "telemetry": {"enabled": False},
    }), encoding="utf-8")
    return home


def test_pipeline_on_postgres_with_multiprocess_executor(tmp_path, postgres_server, ws, seeds,
                                                         intake):
    home = _postgres_home(tmp_path, postgres_server)
    intake.drop(seeds[0], tmp_path / "inbox" / "round" / seeds[0].name)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        [request] = intake.tick(instance, ws).run_requests
        env = {**os.environ, "DAGSTER_HOME": str(home), "AWARD_INTAKE_VAR": ws.var_dir,
               "AWARD_INTAKE_INBOX": ws.inbox, "AWARD_INTAKE_EXECUTOR": "multiprocess"}
        # Two steps are enough to pass a value between processes through the JSON store; each
        # step process imports the stages afresh, so the whole flow would take minutes here.
        launched = subprocess.run(
            [str(DG), "launch", "--assets", ",".join(STEPS), "--partition", request.partition_key],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
        assert launched.returncode == 0, launched.stderr[-3000:]

        [record] = instance.get_run_records()
        assert record.dagster_run.is_success
        assert record.dagster_run.tags["dagster/partition"] == request.partition_key
        engine_events = [e.message for e in instance.all_logs(record.dagster_run.run_id)
                         if e.message and "multiprocess executor" in e.message]
        assert engine_events, "the run did not use the multi-process executor"
        for stage in STEPS:
            assert instance.get_materialized_partitions(dg.AssetKey(stage)) == {request.partition_key}
            assert ws.store.exists(stage, request.partition_key)


def test_pooled_postgres_storage_reuses_its_connections(tmp_path, postgres_server):
    @dg.asset(partitions_def=dg.StaticPartitionsDefinition(["a", "b"]))
    def letter(context) -> str:
        return context.partition_key

    home = tmp_path / "pooled_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(yaml.safe_dump({
        "storage": {"custom": {"module": "pipelines.postgres_storage",
                               "class": "PooledPostgresStorage",
                               "config": {"postgres_db": {**postgres_server,
                                                          "scheme": "postgresql+psycopg2"}}}},
        "telemetry": {"enabled": False}}), encoding="utf-8")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        engine = instance.event_log_storage._engine
        assert type(engine.pool).__name__ == "QueuePool"       # NullPool in dagster-postgres
        connects = []
        sqlalchemy.event.listen(engine, "connect", lambda *_: connects.append(1))
        for key in ("a", "b"):
            assert dg.materialize([letter], instance=instance, partition_key=key).success
        assert instance.get_materialized_partitions(dg.AssetKey("letter")) == {"a", "b"}
        # Dozens of events were written; the pool opened at most its size plus overflow.
        events = sum(len(instance.all_logs(r.run_id)) for r in instance.get_runs())
        assert events > 20 and 1 <= len(connects) <= 3
