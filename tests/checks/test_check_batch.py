"""Batch checks: one applicant twice, one evidence page for two applicants, a recommender over its cap."""
from datetime import date

from checks import check_batch
from models.findings import FlagCode as F
from models.packet import Packet, PacketDocKind as K

from tests.checks.conftest import doc, org_packet

TODAY = date(2026, 11, 22)
USCC_B = "91540202RJT2FQ813D"


def codes(findings):
    return {f.packet: {flag.code for flag in f.flags} for f in findings}


def test_same_uscc_through_two_channels(xizang_spec):
    a = org_packet("a")
    b = org_packet("b", form={"channel": "西藏自治区质量协会", "recommender": "西藏自治区质量协会"})
    c = org_packet("c", form={"uscc": USCC_B, "applicant_name": "西藏高原食品有限公司"},
                   publicity={"subject_name": "西藏高原食品有限公司"}, recommendation={"subject_name": "西藏高原食品有限公司"})
    found = codes(check_batch([a, b, c], xizang_spec, today=TODAY))
    assert found == {"a": {F.DUPLICATE_APPLICATION}, "b": {F.DUPLICATE_APPLICATION}, "c": set()}


def test_duplicate_message_names_the_other_packet_and_channel(xizang_spec):
    a = org_packet("a")
    b = org_packet("b", form={"channel": "西藏自治区质量协会"})
    flag = check_batch([a, b], xizang_spec, today=TODAY)[0].flags[0]
    assert "b" in flag.message and "西藏自治区质量协会" in flag.message and "多个渠道" in flag.message
    assert flag.severity == "error"


def _photo(fp: str, holder: str | None = None) -> dict:
    return {"evidence_kind": "其他", "fingerprint": [fp], **({"holder": holder} if holder else {})}


def test_shared_photo_across_applicants(xizang_spec):
    photo = "dhash:8f3c0e1f00ff7a21"
    a = org_packet("a", evidence=[_photo(photo)])
    b = org_packet("b", form={"uscc": USCC_B, "applicant_name": "乙"}, publicity={"subject_name": "乙"},
                   recommendation={"subject_name": "乙"}, evidence=[_photo("dhash:8f3c0e1f00ff7a23")])
    c = org_packet("c", form={"uscc": "91540402AY4CL12T8F", "applicant_name": "丙"}, publicity={"subject_name": "丙"},
                   recommendation={"subject_name": "丙"}, evidence=[_photo("dhash:70c3f1e0ff0085de")])
    found = codes(check_batch([a, b, c], xizang_spec, today=TODAY))
    assert found["a"] == {F.DUPLICATE_EVIDENCE} and found["b"] == {F.DUPLICATE_EVIDENCE}
    assert found["c"] == set()


def test_one_template_for_two_holders_is_not_reuse(xizang_spec):
    a = org_packet("a", evidence=[_photo("dhash:8f3c0e1f00ff7a21", holder="甲公司")])
    b = org_packet("b", form={"uscc": USCC_B, "applicant_name": "乙"}, publicity={"subject_name": "乙"},
                   recommendation={"subject_name": "乙"}, evidence=[_photo("dhash:8f3c0e1f00ff7a23", holder="乙公司")])
    assert codes(check_batch([a, b], xizang_spec, today=TODAY)) == {"a": set(), "b": set()}


def test_same_applicant_twice_is_a_duplicate_application_not_reused_evidence(xizang_spec):
    a, b = org_packet("a"), org_packet("b")
    found = codes(check_batch([a, b], xizang_spec, today=TODAY))
    assert found == {"a": {F.DUPLICATE_APPLICATION}, "b": {F.DUPLICATE_APPLICATION}}


def _person(name: str, id_number: str, county: str) -> Packet:
    return Packet(name=name, path=name, applicant_kind="individual", documents=[
        doc(K.APPLICATION_FORM, "推荐表.docx", applicant_name=name, id_number=id_number, work_unit="阳泉某公司",
            contact_phone="13800000000", region="山西省阳泉市盂县", form_date="2021-10-20"),
        doc(K.PUBLICITY_PROOF, "公示.pdf", subject_name=name, publicity_start="2021-10-25", publicity_end="2021-10-29"),
        doc(K.RECOMMENDATION, "推荐意见.pdf", recommender=county, subject_name=name, doc_date="2021-11-08")])


def test_recommender_over_its_cap_flags_that_kind_only(yangquan_spec):
    ids = ["140322198001010013", "14032219810202002X", "140322198203030032", "140322198304040040"]
    from extractors.packets.identifiers import id_check_char
    ids = [i[:17] + id_check_char(i[:17]) for i in ids]
    people = [_person(n, i, "盂县质量强县领导组办公室") for n, i in zip(["王建国", "李秀英", "张志强"], ids)]
    other = _person("刘海燕", ids[3], "平定县质量强县领导组办公室")
    org = org_packet("org", form={"region": "山西省阳泉市盂县", "recommender": "盂县质量强县领导组办公室",
                                  "channel": "盂县质量强县领导组办公室", "form_date": "2021-10-20"},
                     publicity={"publicity_start": "2021-10-25", "publicity_end": "2021-10-29"},
                     recommendation={"doc_date": "2021-11-08", "recommender": "盂县质量强县领导组办公室"})
    found = codes(check_batch([*people, other, org], yangquan_spec, today=TODAY))
    assert all(found[p.name] == {F.QUOTA_EXCEEDED} for p in people), found
    assert found["刘海燕"] == set() and found["org"] == set()
    results = check_batch([*people, other, org], yangquan_spec, today=TODAY)
    assert results[0].complete  # a cap is 原则上: a warning for the organizer, not a rejection


def test_a_misread_recommender_joins_its_group(yangquan_spec):
    from checks.quota import group_by_recommender
    from tests.checks.conftest import doc
    right, misread = "盂县质量强县领导组办公室", "盂县质量县领导组办公室"

    def p(n, rec_doc):
        return Packet(name=n, path=n, documents=[doc(K.APPLICATION_FORM, "f.pdf", recommender=right),
                                                 doc(K.RECOMMENDATION, "r.pdf", recommender=rec_doc)])
    groups = group_by_recommender([p("a", right), p("b", right), p("c", misread)])
    assert groups == {right: [0, 1, 2]}
