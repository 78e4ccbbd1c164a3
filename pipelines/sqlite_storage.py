"""Dagster's embedded SQLite storage, with the event log kept on open connections.

Dagster's `SqliteEventLogStorage` builds a new SQLAlchemy engine for every event it writes: it
opens the database, compiles every statement afresh (the compiled-statement cache lives on the
engine) and closes it again, and the close of the last connection to a WAL database runs a
checkpoint. For a cheap document that cost is most of its run: 8-10 events per notice at about
11 ms each against 41 ms of work (bench/bench_orchestration.py). This storage keeps one engine
with one open connection per database for the last few run shards and the index shard, so a
statement is compiled once and a write is an insert and a commit. Beyond that it:
- turns Dagster's event batching on and writes a batch (a run's planned events, one output's
  materializations over a batched run's partitions) in one transaction per database;
- keeps the keys of a dynamic partitions definition while no other connection has written to
  the index database, or a stamp says they are unchanged (a run reads them all dozens of times);
- makes a new run shard by copying an empty one instead of running alembic (0.25 s a run).

Commits run with `synchronous=NORMAL`, which in WAL mode (Dagster creates these databases in WAL
mode) still survives a crashed process intact; only a power cut can lose the last events, and a
lost event is at worst a materialization Dagster plans again.

Same files and layout as `storage: sqlite:`, so an instance can switch between the two. The
subclass leans on methods of Dagster's SQL event log that are not public API (`_connect`,
`_initdb`, `_event_to_row`, `_store_asset_event`, `_store_asset_event_tags`): the tests in
tests/pipelines/test_sqlite_storage.py compare what it stores with what stock storage stores,
and the embedded Dagster runs in the test suite use it, so an upgrade that changes them fails
there.
"""
from __future__ import annotations

import contextlib
import os
import time
import shutil
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

import sqlalchemy as db
import yaml
from dagster._core.events import ASSET_EVENTS
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.schema import DynamicPartitionsTable, SqlEventLogStorageTable
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
from dagster.version import __version__ as dagster_version
from sqlalchemy.pool import NullPool, StaticPool

# A busy database waits this long for another process's lock, as Dagster's own storage does.
BUSY_TIMEOUT_SECONDS = 30
# Events Dagster may buffer before handing them over in one `store_event_batch`: the
# materializations of one output of a batched run, or the planned events of a run, come as one
# batch (below that size), which this storage writes in one transaction per database.
EVENT_BATCH_SIZE = 1000
# How long kept partition keys stand without asking SQLite whether another process wrote (s).
# A run only works on partitions that existed when it was created, and this process's own adds
# and deletes drop the keys at once; another process's change may be seen this late.
PARTITION_KEYS_TRUST_S = 1.0
_now = time.monotonic
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
        self._asset_key_cols_found: set[str] = set()
        self._partition_keys: dict[str, tuple[tuple, tuple, list[str], frozenset[str]]] = {}
        super().__init__(base_dir, inst_data=inst_data)

    def has_table(self, table_name: str) -> bool:
        # Asked before most asset and check writes, each time through a new engine; a table,
        # once there, stays (only `dagster instance migrate` adds them, in its own process).
        if table_name not in self._tables_found and super().has_table(table_name):
            self._tables_found.add(table_name)
        return table_name in self._tables_found

    def _has_asset_key_col_on_connection(self, conn: db.engine.Connection, column_name: str) -> bool:
        # Asked (a PRAGMA table_info) for every asset event stored; columns, like tables, stay.
        if column_name not in self._asset_key_cols_found and \
                super()._has_asset_key_col_on_connection(conn, column_name):
            self._asset_key_cols_found.add(column_name)
        return column_name in self._asset_key_cols_found

    def get_dynamic_partitions(self, partitions_def_name: str) -> Sequence[str]:
        """A run asks for every key of a dynamic partitions definition about twelve times per
        asset, and more with per-partition metadata, and each answer was read row by row: with
        5,000 notices on record, 0.15-0.45 s a run. The keys are kept per definition. While no
        other connection has written to the index database (SQLite's `data_version`), they
        stand as they are; after such a write, a stamp (how many keys, the newest id and key)
        says whether to read them again. This process's own adds and deletes drop them. (SQLite
        may give a new key the id of a deleted newest one; the newest key's name tells them
        apart.) Checked within PARTITION_KEYS_TRUST_S, they stand without a query."""
        cached = self._trusted_partitions(partitions_def_name) or self._kept_partitions(partitions_def_name)
        return list(cached[2])

    def has_dynamic_partition(self, partitions_def_name: str, partition_key: str) -> bool:
        # Asked about 8 times per partition of a batched run. A key kept and checked within
        # PARTITION_KEYS_TRUST_S is there (not even the data_version query); else the kept keys,
        # checked, answer.
        cached = self._trusted_partitions(partitions_def_name)
        if cached is not None and partition_key in cached[3]:
            return True
        return partition_key in self._kept_partitions(partitions_def_name)[3]

    def _trusted_partitions(self, partitions_def_name: str) -> tuple | None:
        """The kept keys, if checked within PARTITION_KEYS_TRUST_S."""
        cached = self._partition_keys.get(partitions_def_name)
        return cached if cached is not None and _now() - cached[4] < PARTITION_KEYS_TRUST_S else None

    def _kept_partitions(self, partitions_def_name: str) -> tuple[tuple, tuple, list[str], frozenset[str], float]:
        cached = self._partition_keys.get(partitions_def_name)
        now = _now()
        with self.index_connection() as conn:
            seen = (id(conn.connection.dbapi_connection),
                    conn.exec_driver_sql("PRAGMA data_version").scalar())
            if cached is not None and cached[0] == seen:
                cached = (*cached[:4], now)
                self._partition_keys[partitions_def_name] = cached
                return cached
            stamp = self._partition_keys_stamp(conn, partitions_def_name)
        if cached is None or cached[1] != stamp:
            # Read after the stamp: keys added in between are included, and the stale stamp
            # only costs one more read next time.
            keys = list(super().get_dynamic_partitions(partitions_def_name))
            cached = (seen, stamp, keys, frozenset(keys), now)
        else:
            cached = (seen, stamp, cached[2], cached[3], now)
        self._partition_keys[partitions_def_name] = cached
        return cached

    def _partition_keys_stamp(self, conn: db.engine.Connection, partitions_def_name: str) -> tuple:
        self._check_partitions_table()
        table = DynamicPartitionsTable
        named = table.c.partitions_def_name == partitions_def_name
        newest = (db.select(table.c.partition).where(named).order_by(table.c.id.desc()).limit(1)
                  .scalar_subquery())
        query = db.select(db.func.count(), db.func.max(table.c.id), newest).where(named)
        return tuple(conn.execute(query).one())

    def add_dynamic_partitions(self, partitions_def_name: str, partition_keys: Sequence[str]) -> None:
        self._partition_keys.pop(partitions_def_name, None)
        super().add_dynamic_partitions(partitions_def_name, partition_keys)

    def delete_dynamic_partition(self, partitions_def_name: str, partition_key: str) -> None:
        self._partition_keys.pop(partitions_def_name, None)
        super().delete_dynamic_partition(partitions_def_name, partition_key)

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        """Dagster hands over in one batch the materializations of one output over all the
        partitions of a batched run, and the planned events of a run. The stock SQLite storage
        stores them one by one: a transaction on the run shard, another on the index shard and
        an update of the asset's row each. Here consecutive asset events of one run share one
        transaction per shard, and an asset's row is updated once per run of same-type events
        (the update sets the latest event's values, so the last one is what the loop would
        leave). Other events keep the stock path, in their order."""
        pending: list[EventLogEntry] = []
        for event in events:
            batchable = event.is_dagster_event and event.dagster_event_type in ASSET_EVENTS
            if pending and (not batchable or event.run_id != pending[0].run_id):
                self._store_asset_events(pending)
                pending = []
            if batchable:
                pending.append(event)
            else:
                self.store_event(event)
        self._store_asset_events(pending)

    def _store_asset_events(self, events: list[EventLogEntry]) -> None:
        if len(events) < 2:
            for event in events:
                self.store_event(event)
            return
        rows = [self._event_to_row(event) for event in events]
        with self.run_connection(events[0].run_id) as conn:
            conn.execute(SqlEventLogStorageTable.insert(), rows)
        with self.index_transaction() as conn:
            # One insert each: the index ids are needed, in order, for the tags and asset rows.
            event_ids = [conn.execute(SqlEventLogStorageTable.insert().values(**row))
                         .inserted_primary_key[0] for row in rows]
            self._store_asset_event_tags(conn, events, event_ids)
            for i, (event, event_id) in enumerate(zip(events, event_ids)):
                following = events[i + 1] if i + 1 < len(events) else None
                if following is None or _asset_row_key(following) != _asset_row_key(event):
                    self._store_asset_event(conn, event, event_id)

    def _engine(self, shard: str) -> db.engine.Engine:
        with self._engines_lock:
            if os.getpid() != self._owner_pid:
                # A forked child must not share its parent's SQLite file handles.
                self._engines.clear()
                self._partition_keys.clear()
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
                if shard == INDEX_SHARD_NAME or not self._create_from_template(shard):
                    self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as conn, conn.begin():
                yield conn

    def _create_from_template(self, shard: str) -> bool:
        """A new run shard as a copy of an empty one. Dagster initializes each run's shard with
        alembic, which loads all its ~90 migration scripts twice: 0.25 s per run, or half the
        orchestration cost of a one-document run. The empty shard is made that way once per
        Dagster version, kept beside the shards under a name their globs skip, and copied.
        False where the shard exists already or another process creates it at the same time:
        Dagster's own initialization then checks it as usual."""
        target = Path(self.path_for_shard(shard))
        if target.exists():
            return False
        template = Path(self._base_dir) / f".run-shard-{dagster_version}.sqlite"
        if not template.exists() and not self._make_template(template):
            return False
        staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(template, staged)
            os.link(staged, target)     # creates the shard only if it is still missing
        except FileExistsError:
            return False
        finally:
            staged.unlink(missing_ok=True)
        return True

    def _make_template(self, template: Path) -> bool:
        staged = template.with_name(f"{template.name}.{os.getpid()}.tmp")
        engine = create_engine(f"sqlite:///{staged}", poolclass=NullPool,
                               connect_args={"timeout": BUSY_TIMEOUT_SECONDS})
        try:
            super()._initdb(engine)
        finally:
            engine.dispose()
        # Closing the last connection checkpoints the WAL into the file; a WAL left behind
        # would mean the file alone is not the whole database.
        if Path(f"{staged}-wal").exists():
            for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
                leftover.unlink(missing_ok=True)
            return False
        os.replace(staged, template)
        return True

    def close_connections(self) -> None:
        self._partition_keys.clear()    # they are kept per connection
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


def _asset_row_key(event: EventLogEntry) -> tuple:
    dagster_event = event.get_dagster_event()
    return dagster_event.asset_key, dagster_event.event_type_value


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
        # Dagster batches event writes only where this variable is set, and reads it at each
        # event; every process that loads this storage (webserver, daemon, run workers) gets it.
        # An explicit DAGSTER_EVENT_BATCH_SIZE, 0 included, wins.
        os.environ.setdefault("DAGSTER_EVENT_BATCH_SIZE", str(EVENT_BATCH_SIZE))
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
