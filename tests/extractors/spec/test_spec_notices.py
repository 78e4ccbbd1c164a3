"""Whole notices in styles the seeds do not show: joint issuers, an association's
recommendation call, a Traditional-script web page, a bare regulation."""
from extractors.spec import field_view


def test_joint_provincial_notice(notice_specs):
    view = field_view(notice_specs["joint_provincial"])
    assert view.doc_numbers == ["云市监质发〔2024〕18号"]          # 云政发〔2019〕31号 is only the basis
    assert view.issue_date == "2024-02-20"
    assert set(view.issuers) == {"云南省市场监督管理局", "云南省工业和信息化厅"}
    assert view.award_names == ["云南省人民政府质量奖"]
    assert view.deadlines == ["2024-04-30", "2024-05-15"]            # not the 3月1日 start, not 2021-12-31
    assert {(q.scope, q.max) for q in view.quotas} == {("award", 10), ("award", 5), ("award", 20),
                                                       ("submission", 6), ("submission", 3)}
    assert set(view.contact_names) == {"杨帆", "李娜", "赵强"}
    assert set(view.phones) == {"0871-63212345", "0871-63212346", "0871-63212347", "13987654321"}
    assert view.emails == ["ynzlj@126.com"] and view.postcodes == ["650032"]


def test_joint_notice_spec_details(notice_specs):
    spec = notice_specs["joint_provincial"]
    starts = [d.date for d in spec.deadlines if d.kind == "start"]
    assert starts == ["2024-03-01"]
    rules = {r.rule: r for r in spec.eligibility}
    assert rules["min_years_operating"].value == 3
    assert rules["no_incidents_within_years"].value == 3
    assert rules["reapply_ban_years"].value == 5
    fax = [c for c in spec.contacts if c.faxes]
    assert fax and fax[0].faxes == ["0871-63212347"]
    assert [a.title for a in spec.attachments] == ["第四届云南省人民政府质量奖申报表", "推荐汇总表"]


def test_association_recommendation_call(notice_specs):
    view = field_view(notice_specs["association_recommend"])
    assert view.issuers == ["江苏省质量协会"]
    assert view.issue_date == "2024-03-05"
    assert view.deadlines == ["2024-04-30"]
    assert {(q.scope, q.max) for q in view.quotas} == {("award", 15), ("submission", 2)}
    assert view.contact_names == ["张伟"]
    assert set(view.phones) == {"13912345678", "025-83212345"}
    assert view.emails == ["jszx@126.com"] and view.postcodes == ["210008"]
    assert view.award_names == ["全国质量奖"]


def test_traditional_web_page_uses_publication_date(notice_specs):
    spec = notice_specs["web_page"]
    view = field_view(spec)
    assert spec.issue_date is None
    assert view.issue_date == "2024-05-02"                  # 發布日期：113-05-02, a Minguo year
    assert view.deadlines == ["2024-07-31"]
    assert view.award_names == ["台中市卓越品质奖"]


def test_regulation_rules(notice_specs):
    spec = notice_specs["regulation"]
    assert spec.kind.value == "regulation"
    years = next(r for r in spec.eligibility if r.rule == "min_years_operating")
    assert (years.value, years.alt_value) == (5, 3) and "高新技术" in (years.alt_condition or "")
    assert {r.rule for r in spec.eligibility} >= {"reapply_ban_years", "single_channel",
                                                  "publicity_min_working_days", "no_incidents_within_years"}
    assert {(q.scope, q.max) for q in spec.quotas} == {("award", 10), ("award", 5)}
    assert [s.value for s in spec.evaluation_standards] == ["GB/T 19580《卓越绩效评价准则》"]
    assert field_view(spec).deadlines == []                 # 自2023年1月1日起施行 is no deadline
