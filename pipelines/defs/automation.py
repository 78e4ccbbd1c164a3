"""Declarative automation: what is stale gets re-materialized without anyone asking.

New files are the inbox sensor's job (it names runs with a run_key); this condition covers
the rest: a changed stage version (code_version) and upstream partitions that changed.
"""
import dagster as dg

AC = dg.AutomationCondition


def reprocess_when_stale(*, read_whole: tuple[str, ...] = ()) -> dg.AutomationCondition:
    """True for a partition whose code version or upstream changed since it was last handled.

    `read_whole` names upstream assets read as a whole, of which a partition takes only
    some (a batch takes the packets of its round): one unreadable packet there must not
    stop every batch from being re-checked, and a packet read must not make every batch
    stale; sensors.packets_read_sensor re-checks the batches of its round instead.
    """
    deps_missing, deps_updated = AC.any_deps_missing(), AC.any_deps_updated()
    if read_whole:
        deps_missing = deps_missing.ignore(dg.AssetSelection.assets(*read_whole))
        deps_updated = deps_updated.ignore(dg.AssetSelection.assets(*read_whole))
    return (
        (AC.code_version_changed() | deps_updated).since_last_handled()
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
