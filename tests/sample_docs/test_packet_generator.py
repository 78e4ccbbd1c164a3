import hashlib

from extractors.packets.identifiers import id_number_valid, uscc_valid
from models.findings import FlagCode
from sample_docs.generator.packets import SEVERITY, write_packet, xizang_plans, yangquan_plans

PLANS = xizang_plans() + yangquan_plans()


def test_every_flag_code_is_planted_somewhere():
    planted = {f for p in PLANS for f in p.flags}
    assert planted == {c.value for c in FlagCode}
    assert set(SEVERITY) == planted


def test_both_notices_have_clean_packets_of_each_applicant_kind_and_every_shape():
    for notice in ("xizang", "yangquan"):
        clean = [p for p in PLANS if p.notice == notice and not p.flags]
        assert {p.applicant.kind for p in clean} == {"organization", "individual"}
    assert {p.shape for p in PLANS} == {"docx", "textpdf", "scan", "envelope", "mixed"}


def test_identifiers_are_valid_unless_planted_invalid():
    for p in PLANS:
        ident = p.applicant.ident
        valid = uscc_valid(ident) if p.applicant.kind == "organization" else id_number_valid(ident)
        planted_bad = {"USCC_INVALID", "ID_NUMBER_INVALID"} & set(p.flags)
        assert valid != bool(planted_bad), p.name


def test_batch_level_flags_come_in_groups():
    for code in ("DUPLICATE_APPLICATION", "DUPLICATE_EVIDENCE", "QUOTA_EXCEEDED"):
        for notice in ("xizang", "yangquan"):
            n = sum(code in p.flags for p in PLANS if p.notice == notice)
            assert n == 0 or n >= 2, (code, notice)


def test_writing_a_packet_is_deterministic(tmp_path):
    plan = next(p for p in xizang_plans() if p.name == "xz-01-org-docx")
    digests = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        gold = write_packet(plan, out)
        digests.append(sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                              for f in (out / plan.name).iterdir()))
    assert digests[0] == digests[1]
    assert gold["complete"] is True and gold["flags"] == []
