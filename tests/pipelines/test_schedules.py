"""Grouping stale partitions into batched runs (pure)."""
from pipelines.defs.partitions import MAX_PARTITIONS_PER_RUN
from pipelines.defs.schedules import first_stale, stale_run_requests
from pipelines.defs.sensors import RANGE_END, RANGE_START

FLOW = ("read", "normalize", "spec")
CURRENT = {"read": "r2", "normalize": "n1", "spec": "s1"}


def test_first_stale_asset_per_partition():
    stored = {"read": {"a": "r2", "b": "r1", "c": "r2"},
              "normalize": {"a": "n1", "b": "n1", "c": "n1"},
              "spec": {"a": "s1", "b": "s1"}}
    assert first_stale(["a", "b", "c", "d"], FLOW, CURRENT, stored) == {"b": 0, "c": 2, "d": 0}


def test_contiguous_runs_with_the_same_start_share_a_run():
    keys = ["a", "b", "c", "d", "e"]
    stale = {"a": 1, "b": 1, "d": 1, "e": 0}
    requests = stale_run_requests(keys, FLOW, stale, "t", "job")
    shapes = [(r.partition_key, r.tags.get(RANGE_START), r.tags.get(RANGE_END),
               [k.to_user_string() for k in r.asset_selection]) for r in requests]
    assert shapes == [(None, "a", "b", ["normalize", "spec"]),
                      ("d", None, None, ["normalize", "spec"]),
                      ("e", None, None, ["read", "normalize", "spec"])]
    assert len({r.run_key for r in requests}) == 3


def test_runs_are_capped_at_the_batch_size():
    keys = [f"k{i:04d}" for i in range(MAX_PARTITIONS_PER_RUN * 3)]
    requests = stale_run_requests(keys, FLOW, {k: 0 for k in keys}, "t", "job")
    assert len(requests) == 3
    assert [r.tags[RANGE_START] for r in requests] == keys[::MAX_PARTITIONS_PER_RUN]
