from extractors.spec import SPEC_VERSION, field_view
from models.spec import AwardSpec, Contact, DateValue, Quota, TextValue


def test_union_of_outer_and_forwarded():
    inner = AwardSpec(document="d", issue_date=DateValue(value="2023-06-27"),
                      doc_numbers=[TextValue(value="藏市监〔2023〕55号")],
                      issuers=[TextValue(value="国家市场监督管理总局办公厅")],
                      quotas=[Quota(scope="award", category="组织奖", max=3)],
                      award_names=[TextValue(value="西藏质量奖")])
    outer = AwardSpec(document="d", forwarded=inner,
                      doc_numbers=[TextValue(value="藏质协字〔2023〕11号")],
                      issuers=[TextValue(value="市场监管总局办公厅"), TextValue(value="西藏自治区质量协会")],
                      quotas=[Quota(scope="award", category="西藏质量奖组织奖", max=3)],
                      award_names=[TextValue(value="西藏质量奖")],
                      contacts=[Contact(names=["朗杰"], phones=["0891-6815193"], faxes=["0891-6815194"],
                                        emails=["A@163.COM"], postcode="850008")])
    view = field_view(outer)
    assert view.issue_date is None                       # the forwarded notice's date is not ours
    assert view.doc_numbers == ["藏质协字〔2023〕11号", "藏市监〔2023〕55号"]
    assert sorted(view.issuers) == ["国家市场监督管理总局办公厅", "西藏自治区质量协会"]
    assert [(q.scope, q.max) for q in view.quotas] == [("award", 3)]   # stated twice, one quota
    assert view.award_names == ["西藏质量奖"]
    assert view.phones == ["0891-6815193", "0891-6815194"] and view.emails == ["a@163.com"]


def test_publication_date_is_the_fallback():
    spec = AwardSpec(document="d", publication_date=DateValue(value="2024-05-02"))
    assert field_view(spec).issue_date == "2024-05-02"
    spec.issue_date = DateValue(value="2024-04-30")
    assert field_view(spec).issue_date == "2024-04-30"


def test_spec_carries_component_versions(spec_of):
    spec = spec_of("关于开展第一届某某市质量奖评选的通知\n各单位：\n请于2023年5月1日前报送。")
    assert {"spec_quotas", "spec_contacts", "layout"} <= set(spec.versions)
    assert SPEC_VERSION.startswith("spec-")
    assert all(d.provenance is not None and d.provenance.text for d in spec.deadlines)


def test_a_forwarding_notices_own_cap_with_a_forwarded_number_is_kept():
    inner = AwardSpec(document="d", quotas=[Quota(scope="submission", category="个人", max=1)])
    outer = AwardSpec(document="d", forwarded=inner,
                      quotas=[Quota(scope="submission", category="组织", max=1)])
    assert sorted(q.category for q in field_view(outer).quotas) == ["个人", "组织"]
