"""The embedded instance's storage: Dagster's SQLite layout, with pooled event-log connections."""

import threading

import dagster as dg
import pytest

from pipelines.sqlite_storage import PooledSqliteEventLogStorage


@dg.asset
def counted() -> int:
    return 1


@dg.asset(partitions_def=dg.StaticPartitionsDefinition(["a", "b", "c"]))
def per_letter(context: dg.AssetExecutionContext) -> str:
    return context.partition_key


def test_the_embedded_config_uses_the_pooled_event_log(instance):
    assert isinstance(instance.event_log_storage, PooledSqliteEventLogStorage)


def test_a_run_in_another_process_gets_the_same_storage(instance):
    # Runs launched in their own process rebuild the instance from its ref.
    with dg.DagsterInstance.from_ref(instance.get_ref()) as again:
        assert isinstance(again.event_log_storage, PooledSqliteEventLogStorage)


def test_stock_sqlite_storage_reads_what_it_wrote(tmp_path, intake):
    with intake.embedded_instance(tmp_path) as pooled:
        for key in ("a", "b", "c"):
            assert dg.materialize([per_letter], instance=pooled, partition_key=key).success
        run_ids = {run.run_id for run in pooled.get_runs()}
    with dg.instance_for_test(overrides={"storage": {"sqlite": {"base_dir": str(tmp_path)}}}) as stock:
        assert {run.run_id for run in stock.get_runs()} == run_ids
        assert stock.get_materialized_partitions(dg.AssetKey("per_letter")) == {"a", "b", "c"}
        for run_id in run_ids:
            assert any(e.dagster_event and e.dagster_event.event_type == dg.DagsterEventType.RUN_SUCCESS
                       for e in stock.all_logs(run_id))


def test_commits_skip_the_per_commit_fsync_in_wal_mode(tmp_path):
    storage = PooledSqliteEventLogStorage(str(tmp_path))
    with storage.index_connection() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1   # NORMAL
    storage.dispose()


def test_only_the_newest_run_shards_stay_open(instance):
    log = instance.event_log_storage
    log._open_run_shards = 2
    run_ids = [dg.materialize([counted], instance=instance).run_id for _ in range(4)]
    assert len([shard for shard in log._engines if shard != "index"]) <= 2
    # Closed shards are opened again on demand: every run's events are still there.
    for run_id in run_ids:
        assert instance.get_run_by_id(run_id).is_success
        assert len(instance.all_logs(run_id)) > 3


def test_threads_share_a_shard_without_losing_events(instance):
    log = instance.event_log_storage
    run_id = dg.materialize([counted], instance=instance).run_id
    before = len(instance.all_logs(run_id))
    dagster_run = instance.get_run_by_id(run_id)

    def report(n: int) -> None:
        for i in range(25):
            instance.report_engine_event(f"thread {n} event {i}", dagster_run=dagster_run)

    threads = [threading.Thread(target=report, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(instance.all_logs(run_id)) == before + 100
    assert run_id in log._engines


def test_wipe_closes_shards_before_their_files_go(instance):
    log = instance.event_log_storage
    run_id = dg.materialize([counted], instance=instance).run_id
    assert run_id in log._engines
    instance.wipe()
    assert run_id not in log._engines
    assert instance.all_logs(run_id) == []
    assert dg.materialize([counted], instance=instance).success


@pytest.mark.parametrize("table", ["asset_keys", "no_such_table"])
def test_table_lookups_are_remembered_only_when_found(tmp_path, table):
    storage = PooledSqliteEventLogStorage(str(tmp_path))
    assert storage.has_table(table) == (table == "asset_keys")
    assert (table in storage._tables_found) == (table == "asset_keys")
    storage.dispose()
