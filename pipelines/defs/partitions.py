"""One dynamic partition per notice and per packet, keyed by content hash (see inbox.py)."""
import os

import dagster as dg

notices = dg.DynamicPartitionsDefinition(name="notices")
packets = dg.DynamicPartitionsDefinition(name="packets")

# A 1,000-document backfill runs as batches of this many partitions per run, so the cost
# of starting a run and its supervised reader (seconds) is paid once per batch, not once per
# document. Measured over the CLI (bench/bench_orchestration.py): born-digital notice PDFs
# 83% at 25 per run, 51-71% at 50, 27% at 100; text notices 20-29% at 50, 11-13% at 100;
# scans, at seconds a page, hardly notice it. A run holds its batch's outputs in memory
# (text and boxes, no images), and a crash of the run itself loses the batch's unfinished steps.
MAX_PARTITIONS_PER_RUN = int(os.environ.get("AWARD_INTAKE_PARTITIONS_PER_RUN", 100))
batched_backfill = dg.BackfillPolicy.multi_run(max_partitions_per_run=MAX_PARTITIONS_PER_RUN)
