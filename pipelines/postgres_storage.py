"""Dagster's Postgres storage (dagster-postgres), with each process keeping a connection open.

dagster-postgres builds its engines with `NullPool`, so that many processes of one deployment
do not each hold connections: every statement then opens a TCP connection and authenticates.
Under a batched run that is most of the orchestration cost (bench/bench_orchestration.py,
`--dagster-home` on scripts/postgres_test_server.sh). This storage gives the run, event-log
and schedule storages a pool like the one the Dagster webserver already uses for itself
(`optimize_for_webserver`: connections kept, a few more on demand, recycled hourly), so a
process holds a few connections while it works. Budget PostgreSQL's `max_connections`
for the processes that run at once (webserver, daemon, runs, step processes).

Same tables and settings as `storage: postgres:`:

    storage:
      custom:
        module: pipelines.postgres_storage
        class: PooledPostgresStorage
        config:
          postgres_db: {hostname: ..., username: ..., password: ..., db_name: ...}
"""
from __future__ import annotations

import os

from dagster._serdes import ConfigurableClassData
from dagster_postgres.storage import DagsterPostgresStorage
from dagster_postgres.utils import (
    create_pg_engine,
    get_token_provider_from_config,
    pg_url_from_config,
)

from pipelines.sqlite_storage import EVENT_BATCH_SIZE

# Connections kept per storage and process, and how many more a burst may open: storing an
# asset event holds two at once (measured: one kept connection reopened the second each time).
POOL_SIZE = 2
MAX_OVERFLOW = 2
# Reconnect connections older than this (s): a server or proxy may drop idle ones.
POOL_RECYCLE = 3600


class PooledPostgresStorage(DagsterPostgresStorage):
    def __init__(self, postgres_url: str, should_autocreate_tables: bool = True,
                 inst_data: ConfigurableClassData | None = None, token_provider=None):
        # dagster-postgres writes a batched run's materializations in one statement, but Dagster
        # hands them over as a batch only where this is set (an explicit value, 0 included, wins).
        os.environ.setdefault("DAGSTER_EVENT_BATCH_SIZE", str(EVENT_BATCH_SIZE))
        super().__init__(postgres_url, should_autocreate_tables, inst_data=inst_data,
                         token_provider=token_provider)
        for storage in (self._run_storage, self._event_log_storage, self._schedule_storage):
            unpooled = storage._engine
            storage._engine = create_pg_engine(
                postgres_url, token_provider, isolation_level="AUTOCOMMIT",
                pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW, pool_recycle=POOL_RECYCLE,
                # A connection the server closed while idle is replaced, not handed out.
                pool_pre_ping=True)
            unpooled.dispose()

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData | None,  # ty: ignore[invalid-method-override]
                          config_value: dict) -> "PooledPostgresStorage":
        return cls(postgres_url=pg_url_from_config(config_value),
                   should_autocreate_tables=config_value.get("should_autocreate_tables", True),
                   inst_data=inst_data,
                   token_provider=get_token_provider_from_config(config_value))

    def dispose(self) -> None:
        super().dispose()
        for storage in (self._run_storage, self._event_log_storage, self._schedule_storage):
            storage._engine.dispose()
