"""Where things live, and how runs execute; both overridable from the environment.

AWARD_INTAKE_VAR    outputs, registry and reports (default ./var)
AWARD_INTAKE_INBOX  the folder the inbox sensor watches (default <var>/inbox)
AWARD_INTAKE_EXECUTOR  in_process (default: batched runs, least start-up cost) or multiprocess
"""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from pipelines.defs.artifacts import ArtifactStore, JsonArtifactIOManager
from pipelines.defs.inbox import SourceRegistry


class Workspace(dg.ConfigurableResource):
    var_dir: str
    inbox: str

    @property
    def store(self) -> ArtifactStore:
        return ArtifactStore(self.var_dir)

    @property
    def registry(self) -> SourceRegistry:
        return SourceRegistry(self.var_dir)

    @property
    def reports_dir(self) -> Path:
        return Path(self.var_dir) / "reports"


def workspace_from_env() -> Workspace:
    var_dir = Path(os.environ.get("AWARD_INTAKE_VAR", "var")).resolve()
    inbox = Path(os.environ.get("AWARD_INTAKE_INBOX", var_dir / "inbox")).resolve()
    return Workspace(var_dir=str(var_dir), inbox=str(inbox))


def executor_from_env() -> dg.ExecutorDefinition:
    if os.environ.get("AWARD_INTAKE_EXECUTOR", "in_process") == "multiprocess":
        return dg.multiprocess_executor
    return dg.in_process_executor


_workspace = workspace_from_env()

defs = dg.Definitions(
    resources={
        "workspace": _workspace,
        "io_manager": JsonArtifactIOManager(var_dir=_workspace.var_dir),
    },
    executor=executor_from_env(),
)
