"""The stage functions the CLI and the assets share leave their inputs as they found them: the
artifact store hands one stage's output object to the next stages of a run (and to the checks)
without a copy."""
from pathlib import Path

from pipelines import stages

SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "sample_docs"


def _dump(value) -> str:
    if isinstance(value, list):
        return "[" + ",".join(_dump(v) for v in value) + "]"
    return value.model_dump_json()


def test_notice_stages_leave_their_inputs_unchanged(seeds):
    for seed in seeds[:3]:
        doc = stages.read_document(seed)
        before = _dump(doc)
        ndoc = stages.normalize_document(doc)
        assert _dump(doc) == before
        before = _dump(ndoc)
        spec = stages.extract_spec(ndoc)
        assert _dump(ndoc) == before
        before = _dump(spec)
        stages.field_view(spec)
        assert _dump(spec) == before


def test_batch_checks_leave_packets_and_spec_unchanged(seeds):
    batch = next(b for b in sorted((SAMPLE_DOCS / "packets").glob("*/"))
                 if any(p.is_dir() for p in b.iterdir()))
    packets = [stages.read_packet(p) for p in sorted(batch.iterdir()) if p.is_dir()][:3]
    spec = stages.spec_from_file(seeds[0])
    before = (_dump(packets), _dump(spec))
    stages.check_batch(packets, spec)
    assert (_dump(packets), _dump(spec)) == before
