import pytest

from tests.extractors.packets.packet_pages import docx_doc, ocr_doc

from extractors.packets.claims.common import DocRows
from extractors.packets.claims.form import (award_items, form_claims, incident_admitted, label_field,
                                            region_of)
from extractors.packets.reader import split_pages
from sample_docs.generator.packet_render import Para, Table, Title
from sample_docs.generator.packets import _form_blocks


def claims_of(doc, sealed=True):
    _, segments = split_pages(doc)
    assert segments[0].kind.value == "application_form"
    out = form_claims(DocRows(doc.source, segments[0].rows), seal_present=sealed)
    return {c.field: c.value for c in out}, out


def test_two_column_form_read_from_ocr_boxes_with_wrapped_label(xizang_plans):
    plan = xizang_plans["xz-02-org-textpdf"]
    a = plan.applicant
    values, claims = claims_of(ocr_doc(_form_blocks(plan)))
    assert values["applicant_name"] == a.name
    assert values["uscc"] == a.ident
    assert values["founding_date"] == a.founded.isoformat()
    assert values["legal_representative"] == a.legal_rep
    assert values["registered_address"] == a.address
    assert values["region"].startswith("西藏自治区")
    assert values["contact_phone"] == a.phone
    assert values["incident_declared"] is False          # label wrapped over three lines
    assert values["channel"] == plan.route.channel
    assert values["form_date"] == a.form_date.isoformat()
    assert values["signature_present"] is True
    assert values["applicant_kind"] == "organization"
    name = next(c for c in claims if c.field == "applicant_name")
    assert name.provenance.page == 1 and name.provenance.bbox is not None


def test_four_column_form_of_another_award():
    doc = docx_doc([
        "第三届阳泉市质量奖（组织）申报表",
        ["单位名称", "阳泉冠山水泥有限责任公司", "统一社会信用代码", "91140302MA0K3X4B2U"],
        ["注册时间", "2008年5月6日", "法定代表人", "王建国"],
        ["单位地址", "山西省阳泉市城区南大街8号"],
        ["近3年重大事故及违法违规情况", "近3年未发生重大事故。"],
        ["获奖情况", "2019年 阳泉市优秀质量管理小组；2020年度 山西省质量信得过班组"],
        "申报单位（盖章）", "2021年10月20日"])
    values, _ = claims_of(doc)
    assert values["applicant_name"] == "阳泉冠山水泥有限责任公司"
    assert values["uscc"] == "91140302MA0K3X4B2U"
    assert values["founding_date"] == "2008-05-06"
    assert values["legal_representative"] == "王建国"
    assert values["region"] == "山西省阳泉市城区"
    assert values["previous_awards"] == ["2019 阳泉市优秀质量管理小组", "2020 山西省质量信得过班组"]
    assert values["incident_declared"] is False
    assert values["form_date"] == "2021-10-20"


def test_empty_cells_give_no_claim_in_word_and_in_scans(xizang_plans):
    plan = xizang_plans["xz-08-no-legal-rep"]
    for doc in (ocr_doc(_form_blocks(plan)),
                docx_doc(["申报表", ["申报单位名称", "某某公司"], ["法定代表人", ""], ["联系人", "张三"]])):
        values, _ = claims_of(doc)
        assert "legal_representative" not in values
        assert values.get("contact_name")


def test_inline_labels_without_a_table():
    doc = docx_doc(["西藏质量奖申报表", "申报单位名称：西藏雅江药业有限公司", "统一社会信用代码：91540102ABCDEFGH1X",
                    "成立日期：2010.3.8", "法定代表人（签字）：", "2023年7月1日"])
    values, _ = claims_of(doc)
    assert values["applicant_name"] == "西藏雅江药业有限公司"
    assert values["uscc"] == "91540102ABCDEFGH1X"
    assert values["founding_date"] == "2010-03-08"
    assert values["signature_present"] is False
    assert "legal_representative" not in values


def test_individual_form_takes_the_person_not_the_work_unit():
    doc = docx_doc(["第二届西藏质量奖（个人）推荐表",
                    ["姓名", "次仁卓玛", "性别", "女"],
                    ["身份证号码", "540102198002296360", "出生年月", "1980年2月"],
                    ["工作单位", "西藏天路建材有限公司"], ["单位名称", "西藏天路建材有限公司"],
                    ["有无违法、违规、违纪、失信行为", "无违法、违规、违纪、失信行为。"],
                    "本人签字：次仁卓玛", "2023年7月5日"])
    values, _ = claims_of(doc)
    assert values["applicant_kind"] == "individual"
    assert values["applicant_name"] == "次仁卓玛"
    assert values["id_number"] == "540102198002296360"
    assert values["work_unit"] == "西藏天路建材有限公司"
    assert values["birth_date"] == "1980-02"
    assert values["incident_declared"] is False


def test_incident_statements():
    assert incident_admitted("近5年内无重大质量、安全、生态环境等事故，无违法、违规、违纪行为。") == (False, [])
    assert incident_admitted("2021年6月发生较大生产安全事故1起，已整改完毕。") == (True, ["2021"])
    assert incident_admitted("近3年未发生重大事故；2020年受到环保行政处罚一次。") == (True, ["2020"])
    assert incident_admitted("2022年曾因环境违法被罚款5万元") == (True, ["2022"])
    assert incident_admitted("近3年未被行政处罚") == (False, [])


def test_award_items_and_region():
    assert award_items("无") == []
    assert award_items("2020年 第一届西藏质量奖（组织奖）") == ["2020 第一届西藏质量奖（组织奖）"]
    assert region_of("西藏自治区拉萨市城关区金珠西路10号") == "西藏自治区拉萨市城关区"
    assert region_of("四川省成都市锦江区春熙路1号") == "四川省成都市锦江区"


def test_a_form_split_across_pages_is_one_document():
    first = [Title("西藏质量奖申报表"), Table([["申报单位名称", "西藏羌塘物流有限公司"],
                                             ["统一社会信用代码", "91540102ABCDEFGH1X"]], [0.3, 0.7])]
    second = [Table([["法定代表人", "扎西"], ["成立时间", "2009年9月9日"]], [0.3, 0.7]),
              Para("申报单位（盖章）", "right"), Para("2023年7月5日", "right")]
    doc = ocr_doc(first, second)
    _, segments = split_pages(doc)
    assert [(s.kind.value, s.first, s.last) for s in segments] == [("application_form", 1, 2)]
    values, _ = claims_of(doc)
    assert values["legal_representative"] == "扎西" and values["founding_date"] == "2009-09-09"


def test_traditional_chinese_form_reads_like_simplified():
    doc = docx_doc(["第二屆西藏質量獎申報表", ["申報單位名稱", "西藏雪域建材有限責任公司"],
                    ["統一社會信用代碼", "91540102UCAKJXAL0C"], ["成立時間", "2003年1月3日"],
                    ["法定代表人", "扎西"]])
    values, _ = claims_of(doc)
    assert values["applicant_name"] == "西藏雪域建材有限责任公司"
    assert values["founding_date"] == "2003-01-03"


@pytest.mark.parametrize("label, field", [
    ("统一社会信用代码（组织机构代码）", "uscc"), ("联系电话（手机）", "contact_phone"),
    ("成立时间（注册时间）：", "founding_date"), ("单位名称(全称)", "applicant_name"),
    ("法人代表", "legal_representative"), ("姓 名", "person_name"), ("住所", "registered_address"),
    ("近三年是否发生重大质量、安全事故", "incident_statement"), ("获奖情况", "previous_awards"),
    ("法定代表人（签字）", None), ("申报单位（盖章）", None),
    ("近5年内无重大质量、安全事故。", None),          # a filled-in statement, not its label
])
def test_label_variants(label, field):
    assert label_field(label) == field


def test_tick_boxes_and_yes_no_answers():
    doc = docx_doc(["质量奖申报表", ["申报单位名称", "西藏雅江药业有限公司"],
                    ["申报类别", "□制造业 ☑服务业 □工程建设行业"],
                    ["近5年是否发生重大质量、安全事故", "是"]])
    values, _ = claims_of(doc)
    assert values["award_category"] == "服务业"
    assert values["incident_declared"] is True
    assert incident_admitted("否") == (False, [])


@pytest.mark.parametrize("label, field", [
    ("手机/电话", "contact_phone"), ("电话或手机", "contact_phone"),
    ("法定代表人/负责人", "legal_representative"), ("所属行业", "industry"), ("行业类别", "industry"),
    ("职务/职称", None),                              # neither half is a field we read
])
def test_labels_naming_alternatives_and_the_industry(label, field):
    assert label_field(label) == field


def test_label_lines_typed_without_a_table_carry_several_fields():
    # a form typed as lines, two `label：value` pairs to a line, apart by spaces only
    doc = docx_doc(["攀枝花市政府质量奖申报表（组织）", "一、组织基本情况", "单位全称：米易县阳光康养服务有限公司",
                    "统一社会信用代码：91510421F8MGMB4C7C　　成立时间：2012.09",
                    "注册地址：四川省攀枝花市米易县攀莲镇迎宾大道126号　邮编：617000",
                    "负责人：罗德明　　职务：总经理", "联系人：杨洁　　手机/电话：13980317264",
                    "（单位公章）", "2023.02.24"])
    values, _ = claims_of(doc)
    assert values["uscc"] == "91510421F8MGMB4C7C"
    assert values["founding_date"] == "2012-09"
    assert values["registered_address"] == "四川省攀枝花市米易县攀莲镇迎宾大道126号"
    assert values["legal_representative"] == "罗德明"
    assert values["contact_name"] == "杨洁" and values["contact_phone"] == "13980317264"
    assert values["form_date"] == "2023-02-24"


@pytest.mark.parametrize("written, month", [
    ("二○二三年六月", "2023-06"),             # a white circle typed for the zero
    ("二〇一九年十二月", "2019-12"), ("二〇〇八年十月", "2008-10"), ("2012年9月", "2012-09"),
])
def test_founding_month_in_chinese_numerals(written, month):
    doc = docx_doc(["申报表", ["单位名称", "米易县山青新能源科技有限公司"], ["成立时间", written]])
    values, _ = claims_of(doc)
    assert values["founding_date"] == month


def test_a_school_form_names_its_fields_its_own_way():
    doc = docx_doc([
        "第五届中国质量奖（教育机构）申报表",
        ["学校全称", "定西市陇中高级中学", "统一代码", "12 621102 203302041 E"],
        ["建校时间", "1958年9月", "办学类型", "普通高级中学"],
        ["校长", "段建国", "联络人", "陈慧"],
        ["学校地址", "甘肃省定西市安定区交通路91号", "办公电话", "0932-8213360"],
        "学校（公章）", "2023年4月21日"])
    values, _ = claims_of(doc)
    assert values["uscc"] == "12621102203302041E"
    assert values["founding_date"] == "1958-09"
    assert values["org_type"] == "普通高级中学"
    assert values["legal_representative"] == "段建国"
    assert values["contact_name"] == "陈慧" and values["contact_phone"] == "0932-8213360"


def test_a_form_typed_as_numbered_lines_with_a_boxed_code_and_numbered_headings():
    doc = docx_doc([
        "塔城地区政府质量奖申报表", "（组织类）", "一、申报组织基本信息",
        "1.申报组织名称：塔城市恒通供热有限责任公司",
        ["2.统一社会信用代码", *"91654201738211381J"],
        "3.成立日期：2005年9月  4.组织类型：企业法人",
        "6.法定代表人（负责人）：李志强", "7.联系人及手机：沙吾列，13369013345",
        "四、所获质量荣誉", "2021年以“暖心365”供热服务质量管理模式获塔城地区政府质量奖。",
        "申报组织：塔城市恒通供热有限责任公司（盖章）", "2023年9月13日"])
    values, _ = claims_of(doc)
    assert values["applicant_name"] == "塔城市恒通供热有限责任公司"
    assert values["uscc"] == "91654201738211381J"
    assert values["founding_date"] == "2005-09" and values["legal_representative"] == "李志强"
    assert values["contact_phone"] == "沙吾列，13369013345"
    assert values["previous_awards"] and "2021" in values["previous_awards"][0]


def test_a_value_before_its_label():
    doc = docx_doc(["塔城地区政府质量奖申报表", ["塔城市恒通供热有限责任公司", "单位名称"],
                    ["李志强", "法定代表人（负责人）"], "2023年9月13日"])
    values, _ = claims_of(doc)
    assert values["applicant_name"] == "塔城市恒通供热有限责任公司" and values["legal_representative"] == "李志强"
