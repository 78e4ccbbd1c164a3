"""Declarative automation: what is stale gets re-materialized without anyone asking.

New files are the inbox sensor's job (it names runs with a run_key); this condition covers
the rest: a changed stage version (code_version) and upstream partitions that changed.
"""
import dagster as dg

AC = dg.AutomationCondition


def reprocess_when_stale(*, tolerate_missing: tuple[str, ...] = ()) -> dg.AutomationCondition:
    """True for a partition whose code version or upstream changed since it was last handled.

    `tolerate_missing` names upstream assets read as a whole (all packets of a round): one
    unreadable packet there must not stop every batch from being re-checked.
    """
    deps_missing = AC.any_deps_missing()
    if tolerate_missing:
        deps_missing = deps_missing.ignore(dg.AssetSelection.assets(*tolerate_missing))
    return (
        (AC.code_version_changed() | AC.any_deps_updated()).since_last_handled()
        & ~deps_missing
        & ~AC.any_deps_in_progress()
        & ~AC.in_progress()
    ).with_label("reprocess_when_stale")


# On by default in the embedded set-up; emit_backfills lets BackfillPolicy batch the runs.
reprocess_stale_sensor = dg.AutomationConditionSensorDefinition(
    "reprocess_stale",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    emit_backfills=True,
)
