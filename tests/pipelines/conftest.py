"""Fixtures for the Dagster tests: a temporary inbox and var/, a test instance, and helpers
to drop files, evaluate the inbox sensor and execute run requests in-process."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import dagster as dg
import pytest

from pipelines.defs import batch_assets, checks, notice_assets, packet_assets
from pipelines.defs.artifacts import JsonArtifactIOManager
from pipelines.defs.resources import Workspace
from pipelines.defs.sensors import inbox_sensor
from pipelines.sqlite_storage import embedded_storage

REPO = Path(__file__).resolve().parents[2]
SAMPLE_DOCS = REPO / "sample_docs"

ASSETS = [notice_assets.notice_document, notice_assets.notice_text, notice_assets.award_spec,
          notice_assets.notice_fields, packet_assets.packet, batch_assets.batch_findings,
          batch_assets.batch_reports]
CHECKS = [checks.ocr_confidence, checks.spec_complete, checks.packet_readable,
          checks.packet_verdicts]


def workspace(tmp: Path) -> Workspace:
    return Workspace(var_dir=str(tmp / "var"), inbox=str(tmp / "inbox"))


def resources(ws: Workspace) -> dict:
    return {"workspace": ws, "io_manager": JsonArtifactIOManager(var_dir=ws.var_dir)}


def drop(src: Path, dest: Path, *, age_seconds: float = 60) -> Path:
    """Copy a file or folder into the inbox as if it arrived a while ago (settled)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if src.is_dir():
        shutil.copytree(src, dest)
    else:
        shutil.copyfile(src, dest)
    then = time.time() - age_seconds
    for path in [dest, *dest.rglob("*")] if dest.is_dir() else [dest]:
        os.utime(path, (then, then))
    return dest


def tick(instance: dg.DagsterInstance, ws: Workspace) -> dg.SensorResult:
    """One sensor evaluation, with its partition requests applied as the daemon would."""
    result = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"workspace": ws}))
    for request in result.dynamic_partitions_requests or []:
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    return result


def run(request: dg.RunRequest, instance: dg.DagsterInstance, ws: Workspace,
        **kwargs) -> dg.ExecuteInProcessResult:
    """Execute a sensor's or schedule's run request in-process."""
    return dg.materialize(ASSETS + CHECKS, selection=request.asset_selection,
                          partition_key=request.partition_key, tags=request.tags,
                          instance=instance, resources=resources(ws), **kwargs)


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return workspace(tmp_path)


def embedded_instance(base_dir: Path):
    """A test instance on the storage the repository's dagster.yaml configures, under base_dir."""
    return dg.instance_for_test(overrides={"storage": embedded_storage(base_dir)})


@pytest.fixture
def instance(tmp_path):
    with embedded_instance(tmp_path / "dagster") as test_instance:
        yield test_instance


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    found = sorted((SAMPLE_DOCS / "seeds").glob("*.txt"))
    if len(found) < 3:
        pytest.skip("sample_docs/seeds/ holds fewer than 3 notices: run `python -m sample_docs.generator`")
    return found


@pytest.fixture(scope="session")
def intake():
    """The helpers above, for tests (conftest functions cannot be imported in importlib mode)."""
    return _Helpers()


class _Helpers:
    drop = staticmethod(drop)
    tick = staticmethod(tick)
    run = staticmethod(run)
    resources = staticmethod(resources)
    embedded_instance = staticmethod(embedded_instance)
    assets = ASSETS
    checks = CHECKS


# --- a real PostgreSQL server for the scale-out test ------------------------------------

PG_USER = "dagster"
PG_DB = "dagster"


def _postgres_bindir() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def _install_postgres() -> str | None:
    """Install Debian's postgresql; the reason it could not be, or None."""
    if shutil.which("apt-get") is None:
        return "apt-get is not available"
    if os.geteuid() != 0:
        return "installing postgresql needs root"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=600, env=env)
        except (subprocess.SubprocessError, OSError) as exc:
            return f"`{' '.join(command)}` failed: {str(exc)[:300]}"
    return None


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` account then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """A throw-away cluster on 127.0.0.1:<free port>; yields its connection settings."""
    bindir = _postgres_bindir()
    if bindir is None:
        reason = _install_postgres()
        bindir = _postgres_bindir()
        if bindir is None:
            pytest.skip(f"PostgreSQL server not installed and could not be: {reason}")
    root = Path(tempfile.mkdtemp(prefix="award-intake-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    run_pg = lambda *args: subprocess.run(_as_server_user([str(a) for a in args]), check=True,
                                          capture_output=True, timeout=120)
    try:
        run_pg(bindir / "initdb", "-D", data, "-U", PG_USER, "-A", "trust", "-E", "UTF8")
        run_pg(bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w", "start", "-o",
               f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off")
        run_pg(bindir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", PG_USER, PG_DB)
        yield {"hostname": "127.0.0.1", "port": port, "username": PG_USER, "db_name": PG_DB}
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                            "-w", "stop"]), capture_output=True, timeout=120)
        shutil.rmtree(root, ignore_errors=True)
