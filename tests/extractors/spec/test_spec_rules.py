"""Eligibility rules, materials, attachments, procedure and standards."""
import pytest

HEAD = "关于开展第二届某某市质量奖评选表彰工作的通知\n各有关单位：\n"


def rules(spec):
    return {(r.applicant_kind, r.rule): r for r in spec.eligibility}


def test_rules_per_applicant_kind(spec_of):
    spec = spec_of(HEAD + "（一）组织参评条件。在西藏自治区依法设立。近5年内无重大质量、安全等事故。"
                   "教育机构（仅限小学、初中和职业技术学校）。\n"
                   "（二）个人参评条件。近3年内无违法、违规、违纪行为。\n"
                   "参评组织和个人不得同时通过多渠道进行申报。已获得过质量奖的组织和个人，不得连续申报。"
                   "上述公示时间不少于5个工作日。")
    got = rules(spec)
    assert got[("organization", "region")].value == "西藏自治区"
    assert got[("organization", "no_incidents_within_years")].value == 5
    assert got[("organization", "admitted_categories")].value == ["小学", "初中", "职业技术学校"]
    assert got[("individual", "no_incidents_within_years")].value == 3
    kinds = {rule for _, rule in got}
    assert {"single_channel", "no_consecutive_application", "publicity_min_working_days"} <= kinds
    assert got[("individual", "no_incidents_within_years")].provenance.text.startswith("近3年内")


@pytest.mark.parametrize("sentence, years, alt", [
    ("在地区行政区域内依法设立，正常经营5年以上（新技术、新产业领域组织正常运营3年以上）。", 5, 3),
    ("从事合法生产经营或公益活动3年以上。", 3, None),
    ("申报单位成立满三年以上。", 3, None),
])
def test_minimum_years(spec_of, sentence, years, alt):
    rule = rules(spec_of(HEAD + sentence))[("any", "min_years_operating")]
    assert (rule.value, rule.alt_value) == (years, alt)


def test_reapplication_ban(spec_of):
    rule = rules(spec_of(HEAD + "获政府质量奖的组织在获奖后 5 年内不得以原获奖成果再次申报。"))[("any", "reapply_ban_years")]
    assert rule.value == 5


def test_materials_copies_and_formats(spec_of):
    spec = spec_of(HEAD + "申报材料（整理成册的纸质材料一式三份，Word 电子版材料一份，用优盘拷贝）报送至办公室。")
    paper, digital = spec.materials
    assert (paper.name, paper.copies, paper.formats) == ("纸质材料", 3, ["纸质"])
    assert digital.copies == 1 and {"Word", "U盘"} <= set(digital.formats)


def test_materials_listed_without_copies(spec_of):
    spec = spec_of(HEAD + "提交申报材料（申报材料包括：申报表、自我评价报告和证实性材料等，需整理成册的纸质材料1份）。"
                   "评审材料有专家意见和有关情况。")
    assert [m.name for m in spec.materials] == ["纸质材料", "申报表", "自我评价报告", "证实性材料"]
    assert spec.materials[1].copies is None and spec.materials[1].provenance.text == "申报表"


def test_attachments_procedure_standards(spec_of):
    spec = spec_of(HEAD + "评选程序包括自愿申报、审核推荐、表彰授奖等3个环节。评审依据GBT19580《卓越绩效评价准则》。\n"
                   "附件：1.某某市质量奖申报表.docx\n2.推荐名单汇总表")
    assert [(a.number, a.title) for a in spec.attachments] == [(1, "某某市质量奖申报表"), (2, "推荐名单汇总表")]
    assert [p.title for p in spec.procedure] == ["自愿申报", "审核推荐", "表彰授奖"]
    assert [s.value for s in spec.evaluation_standards] == ["GB/T 19580《卓越绩效评价准则》"]


def test_legal_form(spec_of):
    rule = rules(spec_of(HEAD + "在阳泉市行政区域内注册、具有独立法人资格、从事合法生产经营活动3年以上。"))
    assert rule[("any", "legal_form")].value == "具有独立法人资格"
    assert rule[("any", "region")].value == "阳泉市"
    assert rule[("any", "min_years_operating")].value == 3


def test_rules_name_their_region_and_materials_in_their_own_words(spec_of):
    text = ("伊犁哈萨克自治州塔城地区行署办公室\n关于印发《塔城地区政府质量奖管理办法》的通知\n各县（市）人民政府：\n"
            "第九条 申报组织应当符合下列条件：（二）在地区行政区域内依法设立，正常经营5年以上；\n"
            "第十三条 申报组织按照政府质量奖评审标准进行自我评价，形成自我评价报告，按照规定填写申报表并提供有关证实性材料，"
            "报送至地区行业主管部门。\n")
    spec = spec_of(text)
    assert spec.region.value == "塔城地区"
    assert [m.name for m in spec.materials] == ["自我评价报告", "申报表", "证实性材料"]


def test_a_ban_for_cheats_is_no_rule_for_winners(spec_of):
    text = HEAD + ("第十条 获政府质量奖的组织在获奖后5年内不得以原获奖成果再次申报。\n第三十二条 获奖组织以欺骗、贿赂等"
                   "不正当手段获奖的，取消其奖励，10年内不予受理其申报。\n")
    assert [r.value for r in spec_of(text).eligibility if r.rule == "reapply_ban_years"] == [5]
