"""Each asset's code_version, derived from the versions of the stages it runs.

Bumping a stage's version marks exactly the partitions that stage produced as stale, and
through them everything downstream; automation.py then re-materializes them.
"""
from pipelines import stages

_stage = stages.versions()


def _join(*names: str) -> str:
    return "+".join(f"{name}={_stage[name]}" for name in names)


NOTICE_DOCUMENT = _join("reader")
NOTICE_TEXT = _join("normalizer")
AWARD_SPEC = _join("spec")
NOTICE_FIELDS = _join("spec")
# A packet is read, normalized and split into documents and claims in one stage.
PACKET = _join("reader", "normalizer", "packet")
BATCH_FINDINGS = _join("check")
BATCH_REPORTS = _join("check")

BY_ASSET = {
    "notice_document": NOTICE_DOCUMENT, "notice_text": NOTICE_TEXT, "award_spec": AWARD_SPEC,
    "notice_fields": NOTICE_FIELDS, "packet": PACKET, "batch_findings": BATCH_FINDINGS,
    "batch_reports": BATCH_REPORTS,
}
