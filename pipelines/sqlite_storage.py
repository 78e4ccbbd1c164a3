"""Dagster's embedded SQLite storage, with the event log kept on open connections.

Dagster's `SqliteEventLogStorage` builds a new SQLAlchemy engine for every event it writes: it
opens the database, compiles every statement afresh (the compiled-statement cache lives on the
engine) and closes it again, and the close of the last connection to a WAL database runs a
checkpoint. For a cheap document that cost is most of its run: 8-10 events per notice at about
11 ms each against 41 ms of work (bench/bench_orchestration.py). This storage keeps one engine
with one open connection per database for the last few run shards and the index shard, so a
statement is compiled once and a write is an insert and a commit.

Commits run with `synchronous=NORMAL`, which in WAL mode (Dagster creates these databases in WAL
mode) still survives a crashed process intact; only a power cut can lose the last events, and a
lost event is at worst a materialization Dagster plans again.

Same files and layout as `storage: sqlite:`, so an instance can switch between the two. The
subclass leans on `SqliteEventLogStorage._connect`, which is not public API: the tests in
tests/pipelines/test_sqlite_storage.py run Dagster's own event-log behaviour through it, and
the embedded Dagster runs in the test suite use it, so an upgrade that changes it fails there.
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as db
import yaml
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    INDEX_SHARD_NAME,
    SqliteEventLogStorage,
)
from dagster._core.storage.sql import create_engine
from dagster._core.storage.sqlite import create_db_conn_string
from dagster._core.storage.sqlite_storage import (
    DagsterSqliteStorage,
    _event_logs_directory,
)
from dagster._serdes import ConfigurableClassData
from sqlalchemy.pool import StaticPool

# A busy database waits this long for another process's lock, as Dagster's own storage does.
BUSY_TIMEOUT_SECONDS = 30
# Run shards written to at once: the running runs' own (two at a time here) plus a few a
# webserver or daemon reads; older engines are closed as newer ones open.
OPEN_RUN_SHARDS = 8


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None,
                 open_run_shards: int = OPEN_RUN_SHARDS):
        self._engines: OrderedDict[str, db.engine.Engine] = OrderedDict()
        self._open_run_shards = open_run_shards
        self._owner_pid = os.getpid()
        self._engines_lock = threading.Lock()
        self._tables_found: set[str] = set()
        super().__init__(base_dir, inst_data=inst_data)

    def has_table(self, table_name: str) -> bool:
        # Asked before most asset and check writes, each time through a new engine; a table,
        # once there, stays (only `dagster instance migrate` adds them, in its own process).
        if table_name not in self._tables_found and super().has_table(table_name):
            self._tables_found.add(table_name)
        return table_name in self._tables_found

    def _engine(self, shard: str) -> db.engine.Engine:
        with self._engines_lock:
            if os.getpid() != self._owner_pid:
                # A forked child must not share its parent's SQLite file handles.
                self._engines.clear()
                self._owner_pid = os.getpid()
            engine = self._engines.get(shard)
            if engine is not None:
                self._engines.move_to_end(shard)
                return engine
            engine = create_engine(
                create_db_conn_string(self._base_dir, shard),
                # One connection per database, shared by threads: `_db_lock` below already
                # lets one thread at a time use the storage.
                poolclass=StaticPool,
                connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
            )
            db.event.listen(engine, "connect", _tune_connection)
            self._engines[shard] = engine
            run_shards = [name for name in self._engines if name != INDEX_SHARD_NAME]
            for name in run_shards[:max(0, len(run_shards) - self._open_run_shards)]:
                self._engines.pop(name).dispose()
            return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[db.engine.Connection]:
        with self._db_lock:
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def close_connections(self) -> None:
        with self._engines_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()

    def wipe(self) -> None:
        # The run shards' files are unlinked: an open connection would go on writing to them.
        self.close_connections()
        super().wipe()

    def dispose(self) -> None:
        self.close_connections()
        super().dispose()


def _tune_connection(dbapi_connection, _record) -> None:
    with contextlib.closing(dbapi_connection.cursor()) as cursor:
        cursor.execute("PRAGMA synchronous=NORMAL")


class PooledSqliteStorage(DagsterSqliteStorage):
    """`storage: sqlite:` with `PooledSqliteEventLogStorage` as its event log. In dagster.yaml:

        storage:
          custom:
            module: pipelines.sqlite_storage
            class: PooledSqliteStorage
            config:
              base_dir: var/dagster/storage
    """

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        super().__init__(base_dir, inst_data=inst_data)
        self._event_log_storage.dispose()
        self._event_log_storage = PooledSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData | None,  # ty: ignore[invalid-method-override]
                          config_value: dict) -> "PooledSqliteStorage":
        return cls.from_local(inst_data=inst_data, **config_value)


def embedded_storage(base_dir: str | Path) -> dict:
    """The `storage:` section of the repository's dagster.yaml with its files under `base_dir`:
    the instance the tests and benchmarks run on is the one `dg dev` uses."""
    dagster_yaml = Path(__file__).resolve().parents[1] / "dagster.yaml"
    storage = yaml.safe_load(dagster_yaml.read_text(encoding="utf-8"))["storage"]
    for settings in storage.values():
        settings.get("config", settings)["base_dir"] = str(base_dir)
    return storage
