"""Hand-made AwardSpecs with the rules of seed 000 (第二届西藏质量奖, forwarded by the 质量协会) and
seed 002 (第三届阳泉市质量奖), and a small builder for packets with the claims the extractor writes."""
from __future__ import annotations

import pytest

from models.packet import Claim, Packet, PacketDocKind, PacketDocument
from models.spec import (AwardSpec, DateValue, Deadline, EligibilityRule, Material, Quota,
                         TextValue)

K = PacketDocKind


def xizang() -> AwardSpec:
    inner = AwardSpec(
        document="藏市监〔2023〕55号", issue_date=DateValue(value="2023-06-27"),
        award_names=[TextValue(value="西藏质量奖")], edition=TextValue(value="第二届"),
        quotas=[Quota(scope="award", category="组织奖", max=3), Quota(scope="award", category="个人奖", max=3)],
        deadlines=[Deadline(date="2023-08-14", submitter="recommender",
                            recipient="西藏质量奖评选表彰委员会秘书处", what="审核推荐材料")],
        eligibility=[
            EligibilityRule(applicant_kind="organization", rule="region", value="西藏自治区"),
            EligibilityRule(applicant_kind="organization", rule="no_incidents_within_years", value=5),
            EligibilityRule(applicant_kind="organization", rule="admitted_categories", value=[
                "制造业", "服务业", "工程建设行业生产经营组织", "教育机构（仅限小学、初中和职业技术学校）",
                "中小企业", "一线班组"]),
            EligibilityRule(rule="no_consecutive_application"),
            EligibilityRule(rule="single_channel"),
            EligibilityRule(rule="publicity_min_working_days", value=5),
        ],
        materials=[Material(name="申报表", copies=3), Material(name="证实性材料", copies=3),
                   Material(name="推荐函"), Material(name="推荐名单汇总表")])
    return AwardSpec(
        document="藏质协字〔2023〕11号", forwarded=inner,
        award_names=[TextValue(value="西藏质量奖")],
        deadlines=[Deadline(date="2023-08-05", submitter="applicant", recipient="西藏自治区质量协会秘书处")])


def yangquan() -> AwardSpec:
    return AwardSpec(
        document="阳泉解读", award_names=[TextValue(value="阳泉市质量奖")], edition=TextValue(value="第三届"),
        quotas=[Quota(scope="award", category="阳泉市质量奖", max=3),
                Quota(scope="submission", category="组织", max=5, per="每个县(区)"),
                Quota(scope="submission", category="个人", max=2, per="每个县(区)")],
        deadlines=[Deadline(date="2021-11-25", submitter="recommender", recipient="市标准化和质量强市领导小组办公室")],
        eligibility=[
            EligibilityRule(applicant_kind="organization", rule="region", value="阳泉市"),
            EligibilityRule(applicant_kind="organization", rule="min_years_operating", value=3),
            EligibilityRule(rule="no_incidents_within_years", value=3),
            EligibilityRule(rule="publicity_min_working_days", value=5),
        ],
        materials=[Material(name="申报表", copies=3)])


@pytest.fixture
def xizang_spec() -> AwardSpec:
    return xizang()


@pytest.fixture
def yangquan_spec() -> AwardSpec:
    return yangquan()


def doc(kind: PacketDocKind, source: str, seal: bool | None = True, **claims) -> PacketDocument:
    items = [Claim(field=k, value=v) for k, v in claims.items()]
    if seal is not None:
        items.append(Claim(field="seal_present", value=seal))
    return PacketDocument(kind=kind, source=source, pages=[1, 1], claims=items)


def org_packet(name: str = "acme", *, form: dict | None = None, publicity: dict | None = None,
               recommendation: dict | None = None, evidence: list[dict] | None = None,
               drop: tuple[PacketDocKind, ...] = ()) -> Packet:
    """A clean 西藏 organisation packet; pass dicts to override or add claims."""
    base_form = dict(applicant_name="西藏雪域建材有限责任公司", applicant_kind="organization",
                     uscc="91540102K8PBRNYTXA", founding_date="2005-03-02",
                     region="西藏自治区拉萨市城关区", registered_address="西藏自治区拉萨市城关区金珠西路10号",
                     legal_representative="扎西次仁", contact_name="卓玛", contact_phone="13900000000",
                     award_category="制造业、服务业、工程建设行业组织", org_type="有限责任公司",
                     incident_declared=False, channel="拉萨市市场监督管理局",
                     recommender="拉萨市市场监督管理局", form_date="2023-07-05")
    base_form.update(form or {})
    docs = [doc(K.APPLICATION_FORM, "申报表.docx", **{k: v for k, v in base_form.items() if v is not None}),
            doc(K.SELF_ASSESSMENT, "自我评价报告.docx", seal=None, present=True),
            *[doc(K.EVIDENCE, f"证实性材料{i + 1}.pdf", seal=None, **e)
              for i, e in enumerate(evidence or [{"evidence_kind": "营业执照", "holder": base_form["applicant_name"],
                                                 "fingerprint": [f"text:{name}-licence"]}])],
            doc(K.PUBLICITY_PROOF, "公示情况说明.pdf", **{
                "publisher": base_form["applicant_name"], "subject_name": base_form["applicant_name"],
                "publicity_start": "2023-07-10", "publicity_end": "2023-07-14", "objections": False,
                "doc_date": "2023-07-17", **(publicity or {})}),
            doc(K.RECOMMENDATION, "推荐意见.pdf", **{
                "recommender": base_form["recommender"], "subject_name": base_form["applicant_name"],
                "recommends": True, "doc_date": "2023-07-24", **(recommendation or {})})]
    return Packet(name=name, path=f"/batch/{name}", applicant_kind="organization",
                  documents=[d for d in docs if d.kind not in drop])


@pytest.fixture
def make_org():
    return org_packet
