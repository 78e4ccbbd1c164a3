from extractors.spec import field_view
from extractors.spec.layout import segments

from .conftest import normalized

FORWARDING = """某某省质量协会文件
某质协〔2023〕3号
关于转发《某某省市场监督管理局关于开展第三届某某省质量奖评选工作的通知》的通知
各会员单位：
现将《某某省市场监督管理局关于开展第三届某某省质量奖评选工作的通知》（某市监〔2023〕40号）转发给你们，请于2023年7月1日前报送。
附件：1.某某省市场监督管理局关于开展第三届某某省质量奖评选工作的通知
某某省质量协会
2023年6月1日
某某省市场监督管理局
某市监〔2023〕40号
某某省市场监督管理局关于开展第三届某某省质量奖评选工作的通知
各市场监管局：
材料接收时间截止至7月20日。
某某省市场监督管理局
2023年5月20日"""


def test_forwarded_notice_is_its_own_segment():
    ndoc = normalized(FORWARDING)
    outer, inner = segments(ndoc.text)
    assert outer.forwarded_title.startswith("某某省市场监督管理局关于开展")
    # The numbered attachment line names the forwarded notice but does not start it.
    assert ndoc.text[inner.start:].startswith("某某省市场监督管理局\n某市监〔2023〕40号")
    assert inner.title == "某某省市场监督管理局关于开展第三届某某省质量奖评选工作的通知"


def test_forwarding_spec_nests_and_keeps_dates_apart(spec_of):
    spec = spec_of(FORWARDING)
    assert spec.kind.value == "forwarding_notice"
    assert spec.issue_date.value == "2023-06-01"
    assert spec.forwarded.issue_date.value == "2023-05-20"
    assert [d.date for d in spec.deadlines] == ["2023-07-01"]
    assert [d.date for d in spec.forwarded.deadlines] == ["2023-07-20"]
    assert [v.value for v in spec.forwarded.issuers] == ["某某省市场监督管理局"]


def test_plain_notice_is_one_segment():
    ndoc = normalized("关于开展第一届某市质量奖评选的通知\n各单位：\n请于2023年5月1日前报送。")
    (only,) = segments(ndoc.text)
    assert only.title == "关于开展第一届某市质量奖评选的通知" and only.forwarded_title is None


def test_forwarded_notice_named_but_not_included(spec_of):
    spec = spec_of("关于转发《市场监管总局办公厅关于开展第五届中国质量奖评选表彰工作的通知》的通知\n各单位：\n"
                   "现将《市场监管总局办公厅关于开展第五届中国质量奖评选表彰工作的通知》（市监质函〔2023〕105号）"
                   "转发给你们，请于2023年5月25日前报送。\n某某省市场监督管理局\n2023年5月6日")
    assert spec.kind.value == "forwarding_notice"
    assert spec.forwarded.title.startswith("市场监管总局办公厅关于")
    assert [v.value for v in spec.forwarded.issuers] == ["市场监管总局办公厅"]
    assert [v.value for v in spec.forwarded.award_names] == ["中国质量奖"]
    assert [v.value for v in spec.doc_numbers] == ["市监质函〔2023〕105号"]
    assert spec.issue_date.value == "2023-05-06"


def test_forwarding_chain(spec_of):
    county = ("某某县市场监督管理局文件\n某县市监〔2023〕9号\n关于转发《某某市市场监督管理局关于转发〈某某省质量奖评选通知〉的通知》的通知\n"
              "各乡镇：\n现将《某某市市场监督管理局关于转发〈某某省质量奖评选通知〉的通知》（某市监〔2023〕21号）转发给你们，"
              "请于2023年6月1日前报送。\n某某县市场监督管理局\n2023年5月20日\n")
    city = ("某某市市场监督管理局\n某市监〔2023〕21号\n某某市市场监督管理局关于转发《某某省市场监督管理局关于开展第三届某某省质量奖评选的通知》的通知\n"
            "各县市场监管局：\n现将《某某省市场监督管理局关于开展第三届某某省质量奖评选的通知》（某省市监〔2023〕7号）转发给你们，"
            "请于2023年6月10日前报送。\n某某市市场监督管理局\n2023年5月12日\n")
    province = ("某某省市场监督管理局\n某省市监〔2023〕7号\n某某省市场监督管理局关于开展第三届某某省质量奖评选的通知\n"
                "各市场监管局：\n材料接收时间截止至6月30日。\n某某省市场监督管理局\n2023年5月1日")
    spec = spec_of(county + city + province)
    assert spec.forwarded.forwarded.issue_date.value == "2023-05-01"
    view = field_view(spec)
    assert view.issue_date == "2023-05-20"
    assert view.deadlines == ["2023-06-01", "2023-06-10", "2023-06-30"]
    assert set(view.doc_numbers) == {"某县市监〔2023〕9号", "某市监〔2023〕21号", "某省市监〔2023〕7号"}
    assert set(view.issuers) == {"某某县市场监督管理局", "某某市市场监督管理局", "某某省市场监督管理局"}


ATTACHED_TITLE_FIRST = """某某市市场监督管理局
某市监函〔2024〕45号
关于转发《某某省市场监督管理局关于开展2024年度某某省政府质量奖评审工作的通知》的通知
各县市区市场监管局：
现将《某某省市场监督管理局关于开展2024年度某某省政府质量奖评审工作的通知》（某省监函〔2024〕123号）转发给你们。
某某市市场监督管理局
2024年4月28日
附件
某某省市场监督管理局关于开展2024年度某某省政府质量奖评审工作的通知
某省监函〔2024〕123号
各市市场监管局：
根据《某某省政府质量奖管理办法》（某政〔2022〕33号），经省政府同意，现开展评审工作。
某某省市场监督管理局
2024年4月16日"""


def test_attached_notice_with_its_title_above_its_number(spec_of):
    ndoc = normalized(ATTACHED_TITLE_FIRST)
    _, inner = segments(ndoc.text)
    # The title above the number belongs to the forwarded notice; a body sentence is no title.
    assert inner.title == "某某省市场监督管理局关于开展2024年度某某省政府质量奖评审工作的通知"
    assert field_view(spec_of(ATTACHED_TITLE_FIRST)).doc_numbers == ["某市监函〔2024〕45号", "某省监函〔2024〕123号"]


def test_a_labelled_line_of_the_body_is_no_title():
    text = ("香港工业总会\n“2024香港卓越品质大奖”现正接受报名\n"
            "香港工业总会与香港品质保证局联合主办的大奖现正接受报名，旨在表扬在品质管理方面表现卓越的本地企业及机构。\n"
            "四、重要日期\n初审结果通知：2024年10月\n")
    seg = segments(normalized(text).text)[0]
    assert seg.title == "“2024香港卓越品质大奖”现正接受报名"
