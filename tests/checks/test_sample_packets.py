"""The checks on the generated sample packets (Word-only ones: read in seconds, no OCR), with the
award specs read from the real notices: each packet's per-packet codes and verdict match gold.

Batch-level codes (duplicates, quotas) need the whole batch, scans included: the batch run with
score_findings.py covers those.
"""
import json
from datetime import date
from pathlib import Path

import pytest

from checks import check_packet

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path("/work/shared/seeds")
BATCH_CODES = {"DUPLICATE_APPLICATION", "DUPLICATE_EVIDENCE", "QUOTA_EXCEEDED"}
BATCHES = {"xizang-2023": "000_ede6b576285f0092.txt", "yangquan-2021": "002_22c4410221fa3656.txt",
           # written blind, by another hand: other forms, label words and date forms
           "heldout-panzhihua-2023": "004_7dee37cb0dc65295.txt", "heldout-gansu-2023": "001_2930d51e30417675.txt",
           "heldout-tacheng-2023": "003_0a14e6f6210ae2fe.txt"}


def _word_packets(batch: Path) -> list[Path]:
    return [p for p in sorted(batch.iterdir())
            if p.is_dir() and all(f.suffix == ".docx" for f in p.iterdir())]


@pytest.fixture(scope="module", params=sorted(BATCHES))
def batch(request):
    folder = ROOT / "sample_docs" / "packets" / request.param
    seed = SEEDS / BATCHES[request.param]
    if not folder.is_dir() or not seed.is_file():
        pytest.skip("sample packets or seed notices not present")
    pytest.importorskip("extractors.spec")
    from pipelines import stages
    spec = stages.spec_from_file(seed)
    return spec, [(p, stages.read_packet(p)) for p in _word_packets(folder)]


@pytest.mark.slow
def test_word_packets_match_gold(batch):
    spec, packets = batch
    wrong = []
    for path, packet in packets:
        gold = json.loads(path.with_name(f"{path.name}.gold.json").read_text(encoding="utf-8"))
        found = check_packet(packet, spec, today=date(2026, 11, 22))
        got = {f.code.value for f in found.flags} - BATCH_CODES
        want = set(gold["flags"]) - BATCH_CODES
        batch_only = set(gold["flags"]) & BATCH_CODES
        if got != want or (found.complete != gold["complete"] and not batch_only):
            wrong.append((path.name, sorted(want), sorted(got), [f.message for f in found.flags]))
    assert packets and not wrong, wrong
