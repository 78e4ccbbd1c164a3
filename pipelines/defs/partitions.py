"""One dynamic partition per notice and per packet, keyed by content hash (see inbox.py)."""
import dagster as dg

notices = dg.DynamicPartitionsDefinition(name="notices")
packets = dg.DynamicPartitionsDefinition(name="packets")

# A 1,000-document backfill runs as batches of this many partitions per run, so the cost
# of starting a run (seconds) is paid once per batch, not once per document.
MAX_PARTITIONS_PER_RUN = 25
batched_backfill = dg.BackfillPolicy.multi_run(max_partitions_per_run=MAX_PARTITIONS_PER_RUN)
