"""Claims of the recommendation, self-assessment and evidence pages another office writes:
opinion forms with a 申报对象 row, letters signed by a body without a label, reports whose
title names no one, ID copies printed without colons."""
from extractors.packets.claims.common import DocRows
from extractors.packets.claims.evidence import evidence_claims
from extractors.packets.claims.recommendation import recommendation_claims
from extractors.packets.claims.self_assessment import self_assessment_claims
from extractors.packets.reader import split_pages

from tests.extractors.packets.packet_pages import docx_doc


def _values(claims):
    return {c.field: c.value for c in claims}


def _rows(lines, source="doc.docx"):
    _, [segment, *_] = split_pages(docx_doc(lines, source))
    return DocRows(source, segment.rows)


def test_opinion_form_names_its_subject_in_a_row():
    rows = _rows(["初核推荐意见表", ["申报对象", "攀枝花市恒信税务师事务所有限公司"],
                  ["推荐渠道", "属地推荐（东区质量强区工作领导小组办公室）"],
                  ["初核推荐意见", "经初核，申报材料完整、真实、准确，同意推荐。"]])
    values = _values(recommendation_claims(rows, seal_present=True))
    assert values["subject_name"] == "攀枝花市恒信税务师事务所有限公司"
    assert values["recommends"] is True


def test_a_pronoun_is_no_subject_and_the_recommender_row_is_read():
    rows = _rows(["审核推荐意见", ["申报单位", "该单位"], ["推荐单位", "仁和区质量强区工作领导小组办公室"],
                  ["初核意见", "经审核，该单位申报材料齐全，符合申报条件，同意推荐。"]])
    values = _values(recommendation_claims(rows, seal_present=True))
    assert "subject_name" not in values
    assert values["recommender"] == "仁和区质量强区工作领导小组办公室"


def test_letter_of_recommendation_signed_by_a_body_above_its_date():
    rows = _rows(["推 荐 函", "攀枝花市质量强市工作领导小组办公室：",
                  "经初核，米易县阳光康养服务有限公司申报材料完整、内容真实，符合申报条件，现予推荐。",
                  "妥否，请审定。", "米易县质量强县工作领导小组办公室", "2023.03.09"])
    values = _values(recommendation_claims(rows, seal_present=True))
    assert values["subject_name"] == "米易县阳光康养服务有限公司"
    assert values["recommends"] is True
    assert values["recommender"] == "米易县质量强县工作领导小组办公室"
    assert values["doc_date"] == "2023-03-09"


def test_self_assessment_title_without_a_name_takes_the_name_line():
    personal = _values(self_assessment_claims(_rows(
        ["个人自我评价报告", "申报人：刘芳　　工作单位：攀枝花市西区格里坪镇卫生院", "一、个人基本情况"])))
    assert personal["subject_name"] == "刘芳"
    report = _values(self_assessment_claims(_rows(
        ["卓越绩效自评报告", "（依据GB/T 19580-2012《卓越绩效评价准则》）", "申报单位：米易县阳光康养服务有限公司"])))
    assert report["subject_name"] == "米易县阳光康养服务有限公司"


def test_id_copy_printed_without_colons_gives_the_name_only():
    rows = _rows(["居民身份证（复印件）", "姓名 刘芳　　性别 女　　民族 汉", "出生 1979年4月12日",
                  "公民身份号码 510403197904120025"])
    values = _values(evidence_claims(rows, title="居民身份证（复印件）", fingerprints=[]))
    assert values["evidence_kind"] == "身份证明"
    assert values["holder"] == "刘芳"
