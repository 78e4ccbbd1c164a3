"""The embedded instance's storage: Dagster's SQLite layout, with pooled event-log connections."""

import contextlib
import os
import threading
import time

import dagster as dg
import pytest
from dagster._core.events import AssetMaterializationPlannedData, DagsterEvent, DagsterEventType
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from pipelines import sqlite_storage
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


@dg.asset(partitions_def=dg.StaticPartitionsDefinition(["a", "b", "c", "d"]),
          backfill_policy=dg.BackfillPolicy.single_run())
def letters_at_once(context: dg.AssetExecutionContext) -> dict[str, str]:
    return {key: key.upper() for key in context.partition_keys}


@dg.asset(partitions_def=letters_at_once.partitions_def, backfill_policy=dg.BackfillPolicy.single_run(),
          deps=[letters_at_once])
def letters_after(context: dg.AssetExecutionContext) -> None:
    context.add_output_metadata({"partitions": len(context.partition_keys)})


@dg.asset_check(asset=letters_at_once)
def letters_checked() -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


class _Mem(dg.IOManager):
    def handle_output(self, context, obj):
        pass

    def load_input(self, context):
        return None


def _batched_run(instance) -> str:
    result = dg.materialize([letters_at_once, letters_after, letters_checked], instance=instance,
                            resources={"io_manager": _Mem()},
                            tags={"dagster/asset_partition_range_start": "a",
                                  "dagster/asset_partition_range_end": "d"})
    assert result.success
    return result.run_id


def _what_the_instance_knows(instance, run_id: str) -> dict:
    """What readers see of a batched run: its events in order, and per asset the partitions,
    the latest materialization of each, the asset row and the indexed tags."""
    events = [e.dagster_event.event_type_value for e in instance.all_logs(run_id) if e.dagster_event]
    seen = {"events": events}
    for name in ("letters_at_once", "letters_after"):
        key = dg.AssetKey(name)
        latest = {p: instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=key, asset_partitions=[p]), limit=1).records[0]
            .asset_materialization.metadata.get("partitions") for p in "abcd"}
        record = instance.get_asset_records([key])[0].asset_entry
        seen[name] = {
            "partitions": instance.get_materialized_partitions(key),
            "latest": latest,
            "last_partition": record.last_materialization.asset_materialization.partition,
            "last_run": record.last_run_id,
            "planned": len(instance.get_records_for_run(
                run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED).records),
            "tags": sorted(k for tags in instance.event_log_storage.get_event_tags_for_asset(key)
                           for k in tags),
        }
    return seen


def test_batched_writes_leave_what_one_by_one_writes_leave(tmp_path, intake, monkeypatch):
    with dg.instance_for_test(overrides={"storage": {"sqlite": {"base_dir": str(tmp_path / "stock")}}}) as stock:
        monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "0")
        stock_run = _batched_run(stock)
        expected = _what_the_instance_knows(stock, stock_run)
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "1000")
    batches = []
    store_event_batch = PooledSqliteEventLogStorage.store_event_batch
    monkeypatch.setattr(PooledSqliteEventLogStorage, "store_event_batch",
                        lambda self, events: batches.append(len(events)) or store_event_batch(self, events))
    with intake.embedded_instance(tmp_path / "pooled") as pooled:
        pooled_run = _batched_run(pooled)
        got = _what_the_instance_knows(pooled, pooled_run)
    # The planned events (4 partitions × 2 assets + the check) and each asset's 4
    # materializations came as batches, and the instance reads the same as stock storage's.
    assert sorted(batches) == [4, 4, 9]
    for name in ("letters_at_once", "letters_after"):
        got[name]["last_run"] = got[name]["last_run"] == pooled_run
        expected[name]["last_run"] = expected[name]["last_run"] == stock_run
    assert got == expected


def test_the_embedded_storage_turns_event_batching_on(tmp_path, intake, monkeypatch):
    monkeypatch.delenv("DAGSTER_EVENT_BATCH_SIZE", raising=False)
    with intake.embedded_instance(tmp_path):
        assert int(os.environ["DAGSTER_EVENT_BATCH_SIZE"]) > 1
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "0")   # a user's own setting wins
    with intake.embedded_instance(tmp_path / "again"):
        assert os.environ["DAGSTER_EVENT_BATCH_SIZE"] == "0"


def _planned(run_id: str, asset: str, partition: str) -> EventLogEntry:
    return EventLogEntry(
        error_info=None, level="debug", user_message="", run_id=run_id, timestamp=time.time(),
        dagster_event=DagsterEvent(
            DagsterEventType.ASSET_MATERIALIZATION_PLANNED.value, "job",
            event_specific_data=AssetMaterializationPlannedData(dg.AssetKey(asset), partition=partition)))


def test_a_batch_over_several_assets_updates_each_assets_row(tmp_path):
    # A run's planned events come as one batch over all its assets, sorted by asset key.
    stock, pooled = (PooledSqliteEventLogStorage(str(tmp_path / name)) for name in ("stock", "pooled"))
    first, second = (
        [_planned(run, asset, partition) for asset in ("x", "y") for partition in ("a", "b")]
        for run in ("run-1", "run-2"))
    for batch in (first[2:], second):   # run-1 plans only y, run-2 both
        SqliteEventLogStorage.store_event_batch(stock, batch)
        pooled.store_event_batch(batch)
    for storage in (stock, pooled):
        rows = {r.asset_entry.asset_key.path[0]: r.asset_entry.last_run_id
                for r in storage.get_asset_records([dg.AssetKey("x"), dg.AssetKey("y")])}
        assert rows == {"x": "run-2", "y": "run-2"}
        assert [storage.get_latest_planned_materialization_info(dg.AssetKey("x"), p).run_id
                for p in ("a", "b")] == ["run-2", "run-2"]
        storage.dispose()


def test_partition_keys_are_kept_until_another_process_changes_them(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_storage, "PARTITION_KEYS_TRUST_S", 0.0)
    mine, other = (PooledSqliteEventLogStorage(str(tmp_path)) for _ in range(2))
    mine.add_dynamic_partitions("notices", ["a", "b"])
    assert mine.get_dynamic_partitions("notices") == ["a", "b"]
    reads = []
    read = SqliteEventLogStorage.get_dynamic_partitions
    monkeypatch.setattr(SqliteEventLogStorage, "get_dynamic_partitions",
                        lambda self, name: reads.append(name) or read(self, name))
    assert mine.get_dynamic_partitions("notices") == ["a", "b"] and reads == []
    other.add_dynamic_partitions("notices", ["c"])       # e.g. the sensor, in the daemon
    assert mine.get_dynamic_partitions("notices") == ["a", "b", "c"]
    other.delete_dynamic_partition("notices", "a")
    other.add_dynamic_partitions("notices", ["d"])
    assert mine.get_dynamic_partitions("notices") == ["b", "c", "d"]
    other.delete_dynamic_partition("notices", "d")       # the newest: its id is given again
    other.add_dynamic_partitions("notices", ["e"])
    assert mine.get_dynamic_partitions("notices") == ["b", "c", "e"]
    assert mine.get_dynamic_partitions("packets") == []
    assert reads == ["notices", "notices", "notices", "packets"]
    mine.dispose()
    other.dispose()


def _schema(path) -> tuple:
    import sqlite3
    with contextlib.closing(sqlite3.connect(path)) as conn:
        tables = sorted(conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall())
        return tables, conn.execute("SELECT version_num FROM alembic_version").fetchall(), \
            conn.execute("PRAGMA journal_mode").fetchone()


def test_a_new_run_shard_is_the_database_dagster_would_have_made(tmp_path):
    stock = SqliteEventLogStorage(str(tmp_path / "stock"))
    with stock.run_connection("run-1"):
        pass
    pooled = PooledSqliteEventLogStorage(str(tmp_path / "pooled"))
    for run_id in ("run-1", "run-2"):   # the first makes the template, the second copies it
        with pooled.run_connection(run_id):
            pass
    made = _schema(tmp_path / "stock" / "run-1.db")
    assert _schema(tmp_path / "pooled" / "run-1.db") == made
    assert _schema(tmp_path / "pooled" / "run-2.db") == made
    # Dagster's globs over shards (run ids, wipe) do not see the template.
    assert sorted(pooled.get_all_run_ids()) == ["run-1", "run-2"]
    pooled.dispose()
    stock.dispose()


def test_partition_membership_follows_the_kept_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_storage, "PARTITION_KEYS_TRUST_S", 0.0)
    mine, other = (PooledSqliteEventLogStorage(str(tmp_path)) for _ in range(2))
    mine.add_dynamic_partitions("notices", ["a"])
    assert mine.has_dynamic_partition("notices", "a") and not mine.has_dynamic_partition("notices", "b")
    other.add_dynamic_partitions("notices", ["b"])
    assert mine.has_dynamic_partition("notices", "b")
    other.delete_dynamic_partition("notices", "a")
    assert not mine.has_dynamic_partition("notices", "a")
    mine.dispose()
    other.dispose()


def test_kept_keys_are_trusted_for_a_moment_without_a_query(tmp_path, monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(sqlite_storage, "_now", lambda: clock[0])
    mine, other = (PooledSqliteEventLogStorage(str(tmp_path)) for _ in range(2))
    mine.add_dynamic_partitions("notices", ["a"])
    assert mine.has_dynamic_partition("notices", "a")
    other.delete_dynamic_partition("notices", "a")
    assert mine.has_dynamic_partition("notices", "a")          # within the moment: not asked
    assert mine.get_dynamic_partitions("notices") == ["a"]
    clock[0] += sqlite_storage.PARTITION_KEYS_TRUST_S
    assert not mine.has_dynamic_partition("notices", "a")      # after it: the deletion is seen
    assert mine.get_dynamic_partitions("notices") == []
    other.add_dynamic_partitions("notices", ["b"])
    assert mine.has_dynamic_partition("notices", "b")          # a key not kept is always checked
    mine.dispose()
    other.dispose()
