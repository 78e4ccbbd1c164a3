"""Wiring only: the CLI and the Dagster code location call the stage functions in `pipelines.stages`."""
