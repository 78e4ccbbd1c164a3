"""Dagster definitions, loaded by `dg.load_from_defs_folder` (see pipelines/definitions.py).

Every module here only wires the stage functions of `pipelines.stages` into assets, checks,
sensors and schedules; no extraction logic lives in this folder.
"""
