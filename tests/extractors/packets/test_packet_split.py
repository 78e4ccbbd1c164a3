import pytest

from tests.extractors.packets.packet_pages import docx_doc, ocr_doc

from extractors.packets.classify import classify_page, title_kind
from extractors.packets.reader import read_file_documents
from extractors.packets.rows import Cell, Row
from models.packet import PacketDocKind as K
from sample_docs.generator.packets import (_cover_blocks, _form_blocks, _publicity_blocks,
                                           _recommendation_blocks, _self_assessment_blocks)


@pytest.mark.parametrize("title, kind", [
    ("第二届西藏质量奖（制造业、服务业、工程建设行业组织）申报表", K.APPLICATION_FORM),
    ("第三届阳泉市质量奖（个人）推荐表", K.APPLICATION_FORM),
    ("第二届西藏质量奖推荐名单汇总表", K.RECOMMENDATION),
    ("推荐意见", K.RECOMMENDATION),
    ("关于推荐XX公司参评的推荐函", K.RECOMMENDATION),
    ("公示情况说明", K.PUBLICITY_PROOF),
    ("关于XX公司申报质量奖的公示证明", K.PUBLICITY_PROOF),
    ("西藏雪域建材有限责任公司自我评价报告", K.SELF_ASSESSMENT),
    ("营业执照", K.EVIDENCE),
    ("质量管理体系认证证书", K.EVIDENCE),
    ("目录", K.COVER_LETTER),
    ("关于推荐西藏雪域建材有限责任公司参评第二届西藏质量奖的函", K.RECOMMENDATION),
    ("西藏质量奖申报书", K.APPLICATION_FORM),
    ("单位内部公示截图", K.PUBLICITY_PROOF),
])
def test_titles_name_the_kind(title, kind):
    assert title_kind(title) == kind


def test_untitled_page_continues_and_textless_page_is_evidence():
    body = [Row(2, [Cell("三、过程管理")]), Row(2, [Cell("公司建立了覆盖全过程的质量控制点。")])]
    assert classify_page(body, K.SELF_ASSESSMENT).kind == K.SELF_ASSESSMENT
    assert not classify_page(body, K.SELF_ASSESSMENT).starts
    photo = classify_page([], None)
    assert photo.kind == K.EVIDENCE and photo.starts


def test_envelope_copies_are_folded_and_two_applicants_kept_apart(xizang_plans):
    a, b = xizang_plans["xz-01-org-docx"], xizang_plans["xz-02-org-textpdf"]
    pages = [_cover_blocks(a, ["申报表", "自我评价报告"]), _form_blocks(a), _form_blocks(a),
             _form_blocks(a), _self_assessment_blocks(a, __import__("random").Random(1)),
             _publicity_blocks(a), _form_blocks(b)]
    doc = ocr_doc(*pages, source="envelope.pdf")
    docs = read_file_documents("envelope.pdf", doc, [])
    kinds = [(d.kind.value, d.pages, d.copies) for d in docs]
    assert kinds[0] == ("cover_letter", [1, 1], 1)
    assert kinds[1] == ("application_form", [2, 2], 3)
    assert [k for k, _, _ in kinds].count("application_form") == 2
    names = [d.claim("applicant_name").value for d in docs if d.kind == K.APPLICATION_FORM]
    assert names == [a.applicant.name, b.applicant.name]
    assert ("publicity_proof", 1) in [(k, c) for k, _, c in kinds]


def test_recommendation_and_its_roster_are_one_document(xizang_plans):
    plan = xizang_plans["xz-01-org-docx"]
    roster = [("西藏雪域建材有限责任公司", "组织"), ("扎西次仁", "个人")]
    doc = ocr_doc(_recommendation_blocks(plan, roster))
    docs = read_file_documents("rec.pdf", doc, [])
    assert len(docs) == 1 and docs[0].kind == K.RECOMMENDATION and docs[0].pages == [1, 2]
    assert docs[0].claim("recommended_applicants").value == ["西藏雪域建材有限责任公司", "扎西次仁"]
    assert docs[0].claim("recommender").value == plan.route.recommender
    assert docs[0].claim("recommends").value is True


def test_publicity_claims(xizang_plans):
    plan = xizang_plans["xz-11-publicity-short"]
    plan.route.publisher = plan.applicant.name
    docs = read_file_documents("pub.docx", docx_doc([
        "公示情况说明",
        f"根据要求，{plan.applicant.name}于2023年7月7日至2023年7月12日对{plan.applicant.name}申报的有关材料进行了公示。公示期间未收到任何异议。",
        "公示单位（盖章）", "2023年7月13日"]), [])
    claims = {c.field: c.value for c in docs[0].claims}
    assert docs[0].kind == K.PUBLICITY_PROOF
    assert (claims["publicity_start"], claims["publicity_end"]) == ("2023-07-07", "2023-07-12")
    assert claims["publisher"] == plan.applicant.name
    assert claims["subject_name"] == plan.applicant.name
    assert claims["objections"] is False
    assert claims["doc_date"] == "2023-07-13"
    assert claims["seal_present"] is False


def test_evidence_claims_from_a_certificate():
    doc = docx_doc(["质量管理体系认证证书", "证书编号：00121Q34567R0M",
                    "兹证明 西藏雅江药业有限公司 建立的质量管理体系符合标准。",
                    "颁发日期：2021年5月18日", "有效期至：2024年5月17日"])
    (ev,) = read_file_documents("cert.docx", doc, [])
    claims = {c.field: c.value for c in ev.claims}
    assert claims["evidence_kind"] == "认证证书"
    assert claims["holder"] == "西藏雅江药业有限公司"
    assert claims["certificate_number"] == "00121Q34567R0M"
    assert (claims["issue_date"], claims["expiry_date"]) == ("2021-05-18", "2024-05-17")
    assert len(claims["fingerprint"]) == 1 and claims["fingerprint"][0].startswith("txt:")


def test_a_body_line_naming_a_certificate_does_not_start_a_document():
    from sample_docs.generator.packet_render import Para, Title
    first = [Title("西藏雪域建材有限责任公司自我评价报告"), Para("一、领导"), Para("公司坚持质量第一。")]
    second = [Para("三、资源"), Para("公司获得质量管理体系认证证书"), Para("并持续改进。")]
    docs = read_file_documents("sa.pdf", ocr_doc(first, second), [])
    assert [(d.kind, d.pages) for d in docs] == [(K.SELF_ASSESSMENT, [1, 2])]


def test_a_contents_page_titled_with_its_packet_is_a_cover_not_a_form():
    rows = [Row(1, [Cell("申报材料目录")]), Row(1, [Cell("1.申报表.docx")]),
            Row(1, [Cell("2.自我评价报告.docx")]), Row(1, [Cell("纸质材料1份，电子版1份。")])]
    assert classify_page(rows).kind == K.COVER_LETTER
    # a numbered entry below an unknown heading is still no title of its own
    entries = [Row(1, [Cell("报送材料")]), Row(1, [Cell("1.申报表")]), Row(1, [Cell("2.推荐意见")])]
    assert classify_page(entries).title == ""


def test_supporting_material_titles_are_evidence():
    assert title_kind("佐证材料") == K.EVIDENCE


def test_a_forms_untitled_second_page_of_labelled_cells_stays_the_form():
    # heldout-gansu-2023, A1.pdf: page 2 holds the form's table and its 质量管理制度、模式和方法简介,
    # prose a self-assessment would use too.
    from pathlib import Path
    from extractors.readers import read_document
    form = Path(__file__).resolve().parents[3] / "sample_docs/packets/heldout-gansu-2023/gs-05-no-evidence/A1.pdf"
    docs = read_file_documents(form.name, read_document(form), [])
    assert [(d.kind, d.pages) for d in docs] == [(K.APPLICATION_FORM, [1, 2])]
    claims = {c.field: c.value for c in docs[0].claims}
    assert claims["uscc"] == "91620171MAU3EXB355" and claims["legal_representative"] == "何文斌"
