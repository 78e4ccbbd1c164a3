"""check_packet on hand-made claims: a clean packet passes; each planted fault gives its code."""
from datetime import date

import pytest

from checks import check_packet
from extractors.packets.identifiers import make_id_number
from models.findings import FlagCode as F
from models.packet import Claim, Packet, PacketDocKind as K

from tests.checks.conftest import doc, org_packet

TODAY = date(2026, 11, 22)


def codes(packet, spec):
    return {f.code for f in check_packet(packet, spec, today=TODAY).flags}


def test_clean_packet_is_complete(xizang_spec):
    found = check_packet(org_packet(), xizang_spec, today=TODAY)
    assert found.flags == [] and found.complete
    assert found.applicant.name == "西藏雪域建材有限责任公司"
    assert found.applicant.kind == "organization"
    assert [d.kind for d in found.documents][0] == "application_form"


@pytest.mark.parametrize("packet, code", [
    (org_packet(drop=(K.EVIDENCE,)), F.MISSING_DOCUMENT),
    (org_packet(drop=(K.RECOMMENDATION,)), F.MISSING_DOCUMENT),
    (org_packet(form={"legal_representative": None}), F.MISSING_FIELD),
    (org_packet(form={"seal_present": False}), F.MISSING_SEAL),
    (org_packet(form={"form_date": "2023-08-09", "channel": "西藏自治区质量协会"}), F.LATE_SUBMISSION),
    (org_packet(recommendation={"doc_date": "2023-08-18"}), F.LATE_SUBMISSION),
    (org_packet(publicity={"publicity_start": "2023-07-07", "publicity_end": "2023-07-12"}), F.PUBLICITY_TOO_SHORT),
    (org_packet(form={"region": "四川省成都市锦江区"}), F.INELIGIBLE_REGION),
    (org_packet(form={"award_category": "教育机构", "org_type": "普通高级中学"}), F.INELIGIBLE_CATEGORY),
    (org_packet(form={"award_category": "普通高等学校"}), F.INELIGIBLE_CATEGORY),
    (org_packet(form={"incident_declared": True, "incident_years": ["2021"]}), F.RECENT_INCIDENT),
    (org_packet(form={"previous_awards": ["2020年 第一届西藏质量奖（组织奖）"]}), F.REAPPLIED_TOO_SOON),
    (org_packet(form={"uscc": "91540102K8PBRNYTXK"}), F.USCC_INVALID),
    (org_packet(publicity={"subject_name": "西藏雪域建材有限公司"}), F.NAME_MISMATCH),
    (org_packet(form={"founding_date": "2024-03-01"}), F.DATE_INCONSISTENT),
    (org_packet(publicity={"publicity_start": "2023-07-14", "publicity_end": "2023-07-10"}), F.DATE_INCONSISTENT),
    (org_packet(form={"form_date": "2023-06-01"}), F.DATE_INCONSISTENT),
    (org_packet(recommendation={"doc_date": "2027-01-05"}), F.DATE_INCONSISTENT),
    (org_packet(evidence=[{"evidence_kind": "其他", "text_layer_mismatch": ["联系电话 13900000000"]}]),
     F.TEXT_LAYER_MISMATCH),
    (org_packet(form={"contact_email": "本单位邮箱登录密码：Zl@2023xz"}), F.CREDENTIAL_LEAK),
])
def test_each_fault_gives_its_code(xizang_spec, packet, code):
    found = check_packet(packet, xizang_spec, today=TODAY)
    assert code in {f.code for f in found.flags}
    flag = next(f for f in found.flags if f.code == code)
    assert flag.message and flag.evidence and flag.evidence[0].source


def test_only_the_planted_code(xizang_spec):
    assert codes(org_packet(form={"region": "四川省成都市锦江区"}), xizang_spec) == {F.INELIGIBLE_REGION}


def test_clean_organisation_passes_the_valid_uscc_check(xizang_spec):
    assert F.USCC_INVALID not in codes(org_packet(), xizang_spec)


def test_admitted_school_types_pass(xizang_spec):
    for org_type in ("初级中学", "小学", "中等职业技术学校"):
        packet = org_packet(form={"award_category": "教育机构", "org_type": org_type})
        assert F.INELIGIBLE_CATEGORY not in codes(packet, xizang_spec), org_type


def test_old_incident_and_unrelated_awards_pass(xizang_spec):
    packet = org_packet(form={"incident_declared": True, "incident_years": ["2015"],
                              "previous_awards": ["2021年 拉萨市质量管理先进单位"]})
    assert codes(packet, xizang_spec) == set()


def test_deadline_follows_the_channel(xizang_spec):
    # 08-09 is late for the 质量协会 channel (08-05) but not for a city bureau (recommenders until 08-14).
    city = org_packet(form={"form_date": "2023-08-09"})
    association = org_packet(form={"form_date": "2023-08-09", "channel": "西藏自治区质量协会",
                                   "recommender": "西藏自治区质量协会"})
    assert F.LATE_SUBMISSION not in codes(city, xizang_spec)
    assert F.LATE_SUBMISSION in codes(association, xizang_spec)


def test_operating_years_from_the_rule(yangquan_spec):
    young = org_packet(form={"founding_date": "2019-06-10", "region": "山西省阳泉市城区", "form_date": "2021-10-20"},
                       publicity={"publicity_start": "2021-10-25", "publicity_end": "2021-10-29"},
                       recommendation={"doc_date": "2021-11-08"})
    old = org_packet(form={"founding_date": "2010-06-10", "region": "山西省阳泉市城区", "form_date": "2021-10-20"},
                     publicity={"publicity_start": "2021-10-25", "publicity_end": "2021-10-29"},
                     recommendation={"doc_date": "2021-11-08"})
    assert codes(young, yangquan_spec) == {F.INELIGIBLE_OPERATING_YEARS}
    assert codes(old, yangquan_spec) == set()


def test_publicity_over_national_day(yangquan_spec):
    packet = org_packet(form={"region": "山西省阳泉市盂县", "form_date": "2021-09-20"},
                        publicity={"publicity_start": "2021-09-29", "publicity_end": "2021-10-08"},
                        recommendation={"doc_date": "2021-11-08"})
    flag = next(f for f in check_packet(packet, yangquan_spec, today=TODAY).flags)
    assert flag.code == F.PUBLICITY_TOO_SHORT and flag.severity == "error"
    assert "3 个工作日" in flag.message and "5 个工作日" in flag.message


def test_publicity_in_an_unknown_year_is_a_warning(xizang_spec):
    packet = org_packet(publicity={"publicity_start": "2031-07-07", "publicity_end": "2031-07-11"})
    found = check_packet(packet, xizang_spec, today=date(2032, 1, 1))
    flag = next(f for f in found.flags if f.code == F.PUBLICITY_TOO_SHORT)
    assert flag.severity == "warning" and "未经核实" in flag.message


def test_id_number_with_impossible_birth_date(xizang_spec):
    import random
    good = make_id_number(random.Random(1), "540102", date(1987, 2, 28), female=False)
    first17 = good[:6] + "19870230" + good[14:17]
    from extractors.packets.identifiers import id_check_char
    bad = first17 + id_check_char(first17)
    person = Packet(name="p", path="p", applicant_kind="individual", documents=[
        doc(K.APPLICATION_FORM, "推荐表.docx", applicant_name="扎西", id_number=bad, work_unit="某公司",
            contact_phone="13800000000")])
    assert F.ID_NUMBER_INVALID in codes(person, xizang_spec)
    person.documents[0].claims[1] = Claim(field="id_number", value=good)
    assert F.ID_NUMBER_INVALID not in codes(person, xizang_spec)


def test_unreadable_file_is_a_warning_only(xizang_spec):
    packet = org_packet()
    packet.unreadable = ["财务报表.pdf: truncated PDF"]
    found = check_packet(packet, xizang_spec, today=TODAY)
    assert [f.code for f in found.flags] == [F.UNREADABLE]
    assert found.complete and found.flags[0].evidence[0].source == "财务报表.pdf"


def test_roster_over_the_cap_flags_only_that_kind(yangquan_spec):
    roster = {"recommended_applicants": ["王建国", "李秀英", "张志强", "阳泉娘子关建材有限责任公司"]}
    org = org_packet(form={"region": "山西省阳泉市盂县", "applicant_name": "阳泉娘子关建材有限责任公司",
                           "form_date": "2021-10-20"},
                     publicity={"publicity_start": "2021-10-25", "publicity_end": "2021-10-29"},
                     recommendation={"doc_date": "2021-11-08", **roster})
    assert F.QUOTA_EXCEEDED not in codes(org, yangquan_spec)
    person = Packet(name="p", path="p", applicant_kind="individual", documents=[
        doc(K.APPLICATION_FORM, "推荐表.docx", applicant_name="王建国", work_unit="某公司",
            contact_phone="13800000000"),
        doc(K.RECOMMENDATION, "推荐意见.pdf", recommender="盂县质量强县领导组办公室", **roster)])
    flags = check_packet(person, yangquan_spec, today=TODAY).flags
    quota = next(f for f in flags if f.code == F.QUOTA_EXCEEDED)
    assert quota.severity == "warning" and "2" in quota.message


def test_categories_read_from_the_rule_sentence(xizang_spec):
    """The spec may keep only the restriction's words as the value; the sentence has the full list."""
    rule = next(r for r in xizang_spec.forwarded.eligibility if r.rule == "admitted_categories")
    rule.value = ["小学", "初中", "职业技术学校"]
    rule.text = "包括制造业、服务业、工程建设行业生产经营组织，教育机构（仅限小学、初中和职业技术学校），中小企业，一线班组（包括各领域QC小组）。"
    assert codes(org_packet(), xizang_spec) == set()
    assert codes(org_packet(form={"award_category": "中小企业"}), xizang_spec) == set()
    assert codes(org_packet(form={"award_category": "一线班组", "org_type": "QC小组"}), xizang_spec) == set()
    assert codes(org_packet(form={"award_category": "教育机构", "org_type": "初级中学"}), xizang_spec) == set()
    assert codes(org_packet(form={"award_category": "教育机构", "org_type": "普通高级中学"}), xizang_spec) == {
        F.INELIGIBLE_CATEGORY}
    assert codes(org_packet(form={"award_category": "金融业"}), xizang_spec) == {F.INELIGIBLE_CATEGORY}


def test_procedural_rules_bind_both_kinds_whatever_their_scope(xizang_spec):
    # A spec may file "上述公示时间不少于5个工作日" under individuals; organisations publicise too.
    for r in xizang_spec.forwarded.eligibility:
        if r.rule in ("publicity_min_working_days", "no_consecutive_application"):
            r.applicant_kind = "individual"
    short = org_packet(publicity={"publicity_start": "2023-07-07", "publicity_end": "2023-07-12"})
    assert codes(short, xizang_spec) == {F.PUBLICITY_TOO_SHORT}


def test_a_channel_body_may_recommend_after_its_own_deadline(xizang_spec):
    # The 质量协会 collects applications until 08-05, then recommends to the secretariat by 08-14.
    packet = org_packet(form={"channel": "西藏自治区质量协会", "recommender": "西藏自治区质量协会"},
                        recommendation={"recommender": "西藏自治区质量协会", "doc_date": "2023-08-10"})
    assert codes(packet, xizang_spec) == set()


def test_one_misread_character_on_a_scan_is_not_a_name_mismatch(xizang_spec):
    packet = org_packet(publicity={"subject_name": "西藏雪城建材有限责任公司"})
    assert codes(packet, xizang_spec) == {F.NAME_MISMATCH}           # typed: a different name
    next(d for d in packet.documents if d.kind == K.PUBLICITY_PROOF).origin = "ocr"
    assert codes(packet, xizang_spec) == set()                        # scanned: an OCR slip


def test_a_founding_month_after_the_signature_is_inconsistent_and_the_same_month_is_not(xizang_spec):
    # forms that ask 成立时间 to the month only (二〇二三年六月 → "2023-06")
    assert F.DATE_INCONSISTENT in codes(org_packet(form={"founding_date": "2023-09"}), xizang_spec)
    signed = org_packet().documents[0].claim("form_date").value
    same_month = signed[:7]
    assert F.DATE_INCONSISTENT not in codes(org_packet(form={"founding_date": same_month}), xizang_spec)


def test_a_forwarding_notices_own_date_for_recommenders_binds_them():
    # 甘肃 forwards 总局's notice: recommenders send to the province by 05-25; 06-19 is when
    # 总局 receives the province's materials.
    from models.spec import AwardSpec, Deadline
    inner = AwardSpec(document="市监质函〔2023〕105号", deadlines=[Deadline(date="2023-06-19", kind="reception")])
    spec = AwardSpec(document="甘质强组办〔2023〕5号", forwarded=inner, deadlines=[
        Deadline(date="2023-05-25", submitter="recommender", recipient="质量强省建设协调推进领导小组办公室")])
    late = org_packet(form={"form_date": "2023-05-10", "region": "甘肃省张掖市甘州区"},
                      publicity={"publicity_start": "2023-05-15", "publicity_end": "2023-05-19"},
                      recommendation={"doc_date": "2023-05-29"})
    in_time = org_packet(form={"form_date": "2023-05-10", "region": "甘肃省张掖市甘州区"},
                         publicity={"publicity_start": "2023-05-15", "publicity_end": "2023-05-19"},
                         recommendation={"doc_date": "2023-05-24"})
    assert F.LATE_SUBMISSION in codes(late, spec)
    assert F.LATE_SUBMISSION not in codes(in_time, spec)


@pytest.mark.parametrize("subject", ["质量管理模式", "同意"])
def test_words_that_read_as_no_name_are_no_name_mismatch(xizang_spec, subject):
    # `质量管理模式自我评价报告`, `同意推荐…`: what stands where a name might, is none.
    packet = org_packet(publicity={"subject_name": subject})
    assert F.NAME_MISMATCH not in codes(packet, xizang_spec)


def test_a_nationwide_region_admits_every_province_and_codes_in_groups_are_read_whole(xizang_spec):
    from models.spec import EligibilityRule
    spec = xizang_spec.model_copy(deep=True)
    spec.forwarded.eligibility = [r for r in spec.forwarded.eligibility if r.rule != "region"] + [
        EligibilityRule(applicant_kind="organization", rule="region", value="中国")]
    assert F.INELIGIBLE_REGION not in codes(org_packet(form={"region": "甘肃省兰州市七里河区"}), spec)
    assert F.INELIGIBLE_REGION in codes(org_packet(form={"region": "英国伦敦"}), spec)
    uscc = org_packet().documents[0].claim("uscc").value
    grouped = f"{uscc[:2]} {uscc[2:8]}-{uscc[8:17]}-{uscc[17]}"
    assert F.USCC_INVALID not in codes(org_packet(form={"uscc": grouped}), xizang_spec)


def test_a_publicity_proof_signed_before_its_publicity_began_is_inconsistent(xizang_spec):
    def proof(signed):
        return org_packet(publicity={"publicity_start": "2023-07-10", "publicity_end": "2023-07-14",
                                     "doc_date": signed})
    assert F.DATE_INCONSISTENT in codes(proof("2023-07-06"), xizang_spec)
    assert F.DATE_INCONSISTENT not in codes(proof("2023-07-10"), xizang_spec)   # its start, read as its date
    misread = check_packet(proof("2023-01-01"), xizang_spec, today=TODAY).flags     # months off
    assert not any("公示开始" in f.message for f in misread)
    assert F.DATE_INCONSISTENT not in codes(org_packet(), xizang_spec)           # signed 07-17
