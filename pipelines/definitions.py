"""The Dagster code location: everything under pipelines/defs/, found by `dg`.

`dg dev` serves it (see dagster.yaml); tests and benchmarks import `defs` from here.
"""
from pathlib import Path

import dagster as dg


@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
