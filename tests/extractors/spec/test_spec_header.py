"""Document numbers, issuers, issue date, award name and edition: the header fields."""
import pytest

from extractors.spec import field_view
from extractors.spec.components.issuers import same_org, split_glued

BODY = "\n各有关单位：\n请于2023年8月5日前报送。\n"


@pytest.mark.parametrize("header, numbers", [
    ("藏质协字（2023）11 号", ["藏质协字〔2023〕11号"]),
    ("市监质函[2023]105号", ["市监质函〔2023〕105号"]),
    ("甘质强组办【2023】5号", ["甘质强组办〔2023〕5号"]),
    ("阳政发〔2016512号", ["阳政发〔2016〕512号"]),
    ("赣市监质 〔2024〕 4 2号", ["赣市监质〔2024〕42号"]),       # OCR split the serial
])
def test_doc_number_brackets(spec_of, header, numbers):
    spec = spec_of(f"某某市市场监督管理局文件\n{header}\n关于开展第一届某某市质量奖评选的通知" + BODY)
    assert [d.value for d in spec.doc_numbers] == numbers


def test_cited_basis_numbers_are_left_out(spec_of):
    text = ("关于开展第一届某某市质量奖评选的通知\n各有关单位：\n根据《某某市质量奖管理办法》（某政发〔2020〕10号）"
            "精神，现将《某某省市场监督管理局关于开展质量奖评选的通知》（某市监〔2023〕40号）转发给你们。")
    assert field_view(spec_of(text)).doc_numbers == ["某市监〔2023〕40号"]


def test_notice_cited_as_basis_is_left_out(spec_of):
    # Neither forwarded nor attached (FIELDS.md): cited so, a notice counts no more than rules.
    text = ("关于开展某某省专利奖评选工作的通知\n各有关单位：\n根据国家知识产权局《关于评选第二十六届中国专利奖的通知》"
            "（国知发运字〔2024〕18号），现将有关事项通知如下。")
    assert field_view(spec_of(text)).doc_numbers == []


@pytest.mark.parametrize("text, issuers", [
    ("西藏自治区\n质量协会文件\n藏质协字〔2023〕11号\n关于开展第二届西藏质量奖评选的通知", ["西藏自治区质量协会"]),
    ("攀枝花市质量强市工作领导小组办公室关于开展第三届攀枝花市政府质量奖评选工作的通知",
     ["攀枝花市质量强市工作领导小组办公室"]),
    ("甘肃省市场监督管理局\n甘肃省财政厅\n文件\n关于开展第一届甘肃省质量奖评选的通知",
     ["甘肃省市场监督管理局", "甘肃省财政厅"]),
])
def test_issuers_from_the_header(spec_of, text, issuers):
    assert sorted(field_view(spec_of(text + BODY)).issuers) == sorted(issuers)


def test_issuers_from_a_joint_signature(spec_of):
    text = ("关于开展第一届某某省质量奖评选的通知" + BODY +
            "某某省市场监督管理局        某某省工业和信息化厅\n（此件公开发布）\n2023年7月1日")
    spec = spec_of(text)
    assert sorted(v.value for v in spec.issuers) == ["某某省工业和信息化厅", "某某省市场监督管理局"]
    assert spec.issue_date is None or spec.issue_date.value == "2023-07-01"


def test_org_names():
    assert same_org("市场监管总局办公厅", "国家市场监督管理总局办公厅")
    assert not same_org("甘肃省财政厅", "甘肃省市场监督管理局")
    assert split_glued("甘肃省市场监督管理局甘肃省财政厅") == ["甘肃省市场监督管理局", "甘肃省财政厅"]
    assert split_glued("国家市场监督管理总局办公厅") == ["国家市场监督管理总局办公厅"]


@pytest.mark.parametrize("signature, iso", [
    ("塔城地区行署办公室\n2023年9月7日", "2023-09-07"),
    ("攀枝花市质量强市工作领导小组办公室\n（市市场监管局代章）\n20221229", "2022-12-29"),
    ("某某市市场监督管理局\n二〇二三年六月二十七日", "2023-06-27"),
])
def test_issue_date_is_the_signature_date(spec_of, signature, iso):
    spec = spec_of("关于开展第一届某某市质量奖评选的通知\n发布时间：2023-12-01" + BODY + signature)
    assert spec.issue_date.value == iso
    assert field_view(spec).issue_date == iso
    assert spec.publication_date.value == "2023-12-01"


@pytest.mark.parametrize("title, award, edition", [
    ("关于开展第二届西藏质量奖评选表彰工作的通知", "西藏质量奖", "第二届"),
    ("关于开展第三届（2022—2023年度）攀枝花市政府质量奖评选工作的通知", "攀枝花市政府质量奖", "第三届"),
    ("关于印发《塔城地区政府质量奖 管理办法》的通知", "塔城地区政府质量奖", None),
    ("关于做好2024年度四川省科学技术奖提名工作的通知", "四川省科学技术奖", None),
    ("关于推荐第十九届全国质量奖提名奖候选组织的通知", "全国质量奖", "第十九届"),
    ("关于开展甘肃省2023年度质量奖评选工作的通知", "甘肃省质量奖", None),
    ("关于开展金华市第三届质量奖评选的通知", "金华市质量奖", "第三届"),
    ("关于开展“天府质量奖”评选工作的通知", "天府质量奖", None),
])
def test_award_name_without_edition(spec_of, title, award, edition):
    spec = spec_of(title + BODY)
    assert field_view(spec).award_names == [award]
    assert (spec.edition.value if spec.edition else None) == edition


def test_signature_on_one_line(spec_of):
    spec = spec_of("关于开展第一届某某市质量奖评选的通知" + BODY + "某某市市场监督管理局  2023年7月1日")
    assert spec.issue_date.value == "2023-07-01"
    assert [v.value for v in spec.issuers] == ["某某市市场监督管理局"]


def test_issuing_own_rules_is_no_forwarding(spec_of):
    spec = spec_of("关于印发《某某市质量奖管理办法》的通知\n各单位：\n现将《某某市质量奖管理办法》印发给你们，请认真贯彻执行。")
    assert spec.kind.value == "regulation" and spec.forwarded is None


def test_first_edition_and_joint_title(spec_of):
    spec = spec_of("中共某某市委办公室某某市人民政府办公室关于开展首届某某市质量奖评选工作的通知" + BODY)
    assert field_view(spec).award_names == ["某某市质量奖"]
    assert spec.edition.value == "首届"
    assert sorted(v.value for v in spec.issuers) == ["中共某某市委办公室", "某某市人民政府办公室"]


def test_page_source_only_when_nothing_else_names_the_issuer(spec_of):
    page = "关于开展第一届某某市质量奖评选的通知\n发布时间：2023-05-01  来源：某某市市场监督管理局  浏览次数：12\n各单位：\n请于2023年6月1日前报送。"
    assert field_view(spec_of(page)).issuers == ["某某市市场监督管理局"]
    signed = page + "\n某某市质量强市工作领导小组办公室\n2023年4月28日"
    assert field_view(spec_of(signed)).issuers == ["某某市质量强市工作领导小组办公室"]


def test_page_source_naming_an_office_gives_the_banner(spec_of):
    page = ("某某省市场监督管理局\n首页 > 通知公告\n关于开展2024年某某省省长质量奖评审工作的通知\n"
            "发布时间：2024年05月08日　来源：质量发展处\n各市市场监督管理局：\n请于2024年7月31日前报送。")
    assert field_view(spec_of(page)).issuers == ["某某省市场监督管理局"]


def test_official_letter_han(spec_of):
    letter = ("高雄市政府　函\n承辦人：李 明華\n電話：(07)3368-3333\n發文日期：中華民國112年3月2日\n"
              "發文字號：高市府經字第11230045678號\n主旨：檢送「112年度高雄市優良品質獎」申請須知1份，請查照。\n"
              "說明：\n一、本年度評選「優良品質獎」5家、「品質進步獎」8家。")
    spec = spec_of(letter)
    view = field_view(spec)
    assert view.issuers == ["高雄市政府"]
    assert view.doc_numbers == ["高市府经字第11230045678号"]
    assert view.award_names == ["高雄市优良品质奖"]
    assert view.contact_names == ["李明华"] and view.phones == ["07-33683333"]
    assert view.issue_date == "2023-03-02"
    assert sorted(q.max for q in view.quotas) == [5, 8]


@pytest.mark.parametrize("title, award", [
    ("四川省科学技术厅关于组织2024年度四川省科学技术奖提名工作的通知", "四川省科学技术奖"),
    ("关于开展2024年度潍坊市市长质量奖评审工作的通知", "潍坊市市长质量奖"),
])
def test_award_name_after_a_year(spec_of, title, award):
    assert field_view(spec_of(title + BODY)).award_names == [award]


def test_award_name_from_a_year_in_the_body(spec_of):
    text = "澳门科学技术奖励计划\n2024年度申报公告\n现公布2024年度澳门科学技术奖的申报事宜如下：\n一、申报期至2024年4月30日止。"
    assert field_view(spec_of(text)).award_names == ["澳门科学技术奖"]


@pytest.mark.parametrize("text, issuers", [
    # The site's banner above the navigation is not the issuer.
    ("广州市黄埔区人民政府门户网站\n广州开发区管委会\n首页 | 政务公开 | 互动交流\n当前位置：首页 > 通知公告\n"
     "关于开展第四届黄埔区区长质量奖申报工作的通知", []),
    ("经济部智慧财产局　公告\n发文日期：中华民国113年4月1日\n主旨：公告受理“2024年国家发明创作奖”申请", ["经济部智慧财产局"]),
    ("澳门特别行政区政府\n科学技术发展基金\n澳门科学技术奖励计划\n2024年度申报公告", ["澳门特别行政区政府科学技术发展基金"]),
])
def test_issuers_of_pages_and_letterheads(spec_of, text, issuers):
    assert field_view(spec_of(text + BODY)).issuers == issuers


def test_forwarded_issuer_named_before_the_title(spec_of):
    text = ("广东省市场监督管理局关于组织推荐2024年度中国标准创新贡献奖的通知\n各有关单位：\n"
            "现将市场监管总局办公厅《关于开展2024年度中国标准创新贡献奖推荐工作的通知》（市监标创函〔2024〕310号）转发给你们。"
            "请于2024年4月19日前报送。\n")
    view = field_view(spec_of(text))
    assert sorted(view.issuers) == ["市场监管总局办公厅", "广东省市场监督管理局"]
    assert view.doc_numbers == ["市监标创函〔2024〕310号"]


def test_award_named_on_a_cover_line_above_the_title(spec_of):
    text = "第1页\n某某区区长质量奖\n2024年度申报政策解读\n某某区市场监督管理局\n第2页\n• 申报时间：即日起至2024年7月31日"
    assert field_view(spec_of(text)).award_names == ["某某区区长质量奖"]


@pytest.mark.parametrize("text, awards", [
    # An honour named after 和 beside an award, sharing its verb.
    ("关于开展第五届株洲市市长质量奖和2024年度株洲市质量管理先进单位评选工作的通知\n各有关单位：\n",
     {"株洲市市长质量奖", "株洲市质量管理先进单位"}),
    # A second honour announced in the opening sentence.
    ("关于开展第八届安徽省专利奖评选工作的通知\n各有关单位：\n"
     "省知识产权局决定开展第八届安徽省专利奖评选工作，同时评选安徽省杰出发明人。现将有关事项通知如下：\n",
     {"安徽省专利奖", "安徽省杰出发明人"}),
    # A contest is what its notice is about.
    ("关于举办2024年江西省职工职业技能大赛的通知\n各有关单位：\n", {"江西省职工职业技能大赛"}),
    # A plain award title stays one award.
    ("关于开展2024年度某某市质量奖评选工作的通知\n各有关单位：\n", {"某某市质量奖"}),
])
def test_honours_beside_an_award_and_contests(spec_of, text, awards):
    assert {a.value for a in spec_of(text).award_names} == awards


def test_issuer_of_a_web_page_from_its_bilingual_banner(spec_of):
    text = ("经济部中小及新创企业署 Small and Medium Enterprise and Startup Administration, MOEA\n"
            "首页 > 最新消息 > 本署新闻\n第27届小巨人奖即日起受理推荐报名\n发布单位：企业辅导组\n"
            "发布日期：中华民国113年4月22日\n为表扬中小企业，本署办理第27届小巨人奖选拔。\n")
    assert field_view(spec_of(text)).issuers == ["经济部中小及新创企业署"]


@pytest.mark.parametrize("text, awards", [
    ("关于开展2024年湖北省首席技师和湖北省技能大师评选工作的通知\n各有关单位：\n",
     {"湖北省首席技师", "湖北省技能大师"}),
    ("关于开展2024年度“昆山品牌”认定工作的通知\n各有关单位：\n", {"昆山品牌"}),
    # A web headline right below the navigation line.
    ("澳门特别行政区政府\n经济及科技发展局\n主页 > 最新消息 > 通告\n“2024澳门优质品牌奖”即日起接受申请\n"
     "发布日期：2024/07/15\n经济及科技发展局现举办“2024澳门优质品牌奖”，即日起接受本澳企业申请。\n",
     {"澳门优质品牌奖"}),
    ("湖南省总工会关于做好2025年湖南省五一劳动\n奖和湖南省工人先锋号推荐评选工作的通知\n各市州总工会：\n",
     {"湖南省五一劳动奖", "湖南省工人先锋号"}),
    # Prize money in a web headline is no award.
    ("新北市政府经济发展局\n首页 > 最新消息 > 新闻稿\n第12届新北市卓越企业奖即日起受理报名　最高奖金新台币50万元\n"
     "发布日期：113-04-15\n经发局办理“第12届新北市卓越企业奖”。\n", {"新北市卓越企业奖"}),
    ("关于开展2024年度漳州市制造业“隐形冠军”企业认定工作的通知\n各有关企业：\n", {"隐形冠军企业"}),
    ("关于开展2024年甘肃省“最美科技工作者”\n学习宣传活动的通知\n各市（州）科协：\n", {"最美科技工作者"}),
    ("关于开展2024年度安徽省巾帼文明岗\n创建命名工作的通知\n各市妇联：\n", {"安徽省巾帼文明岗"}),
    # A contest named on a deck's cover.
    ("第六届台州市“市长杯”工业设计大赛\n参赛指南宣讲\n台州市经济和信息化局\n目 录\n", {"台州市市长杯工业设计大赛"}),
    ("关于开展2023年度陕西省用户满意标杆企业和陕西省用户满意服务明星推荐工作的通知\n各有关单位：\n",
     {"陕西省用户满意标杆企业", "陕西省用户满意服务明星"}),
    ("关于开展2024年度安徽省建设工程“黄山杯”奖申报工作的通知\n各有关单位：\n", {"安徽省建设工程黄山杯奖"}),
    # Grants and recognitions are called for as awards are; a one-character note stays.
    ("郑州市市场监督管理局关于组织申报2024年度郑州市标准化战略资助项目的通知\n各有关单位：\n", {"郑州市标准化战略资助"}),
    ("宁波市经济和信息化局关于组织开展2024年度宁波市首台（套）装备认定及奖励申报工作的通知\n各有关单位：\n",
     {"宁波市首台（套）装备"}),
    ("关于评选表彰青海省三八红旗手和三八红旗集体的通知\n各州（市）妇联：\n", {"青海省三八红旗手", "三八红旗集体"}),
    ("关于推荐申报2024年《福建省优秀科普作品》的通知\n各设区市科协：\n", {"福建省优秀科普作品"}),
    ("南宁市商务局关于开展2025年度“南宁老字号”认定工作的通知\n各有关企业：\n", {"南宁老字号"}),
])
def test_more_honour_titles(spec_of, text, awards):
    assert {a.value for a in spec_of(text).award_names} == awards


def test_a_slide_deck_without_a_full_date_takes_its_year_from_year_month_lines(spec_of):
    text = ("2025年度南通市市长质量奖\n申报政策解读\n南通市市场监督管理局\n2025年3月\n"
            "时间安排\n4月25日前：县区推荐材料报送\n")
    assert field_view(spec_of(text)).deadlines == ["2025-04-25"]


@pytest.mark.parametrize("cover_line, issuers", [
    ("南通市市场监督管理局  质量发展处", ["南通市市场监督管理局"]),       # the bureau's office
    ("南通市市场监督管理局  南通市财政局", ["南通市市场监督管理局", "南通市财政局"]),
])
def test_an_office_beside_its_bureau_on_a_deck_cover_is_no_second_issuer(spec_of, cover_line, issuers):
    text = f"2025年度南通市市长质量奖\n申报政策解读\n{cover_line}\n2025年3月\n一、政策依据\n"
    assert field_view(spec_of(text)).issuers == issuers


def test_signature_of_a_web_copy_without_its_date(spec_of):
    text = ("共青团海南省委员会\n首页 | 通知公告\n当前位置：首页 > 通知公告 > 正文\n"
            "关于开展2025年“海南青年五四奖章”评选活动的通知\n发布时间：2025-03-11    来源：共青团海南省委\n"
            "各市县团委：\n请于2025年4月10日前报送。\n附件：推荐表\n\n共青团海南省委\n海南省青年联合会\n\n"
            "【打印】【关闭】\n\n相关链接：中国青年网 | 海南省人民政府网\n主办：共青团海南省委员会  版权所有\n")
    assert set(field_view(spec_of(text)).issuers) == {"共青团海南省委", "海南省青年联合会"}


def test_companies_a_publicity_notice_lists_are_no_issuers(spec_of):
    text = ("芜湖市市场监督管理局关于第二届芜湖市政府质量奖拟表彰对象的公示\n\n发布日期：2024-11-01    来源：质量发展科\n\n"
            "根据《芜湖市政府质量奖管理办法》规定，现将第二届芜湖市政府质量奖拟表彰对象予以公示。\n\n"
            "一、芜湖市政府质量奖（组织）拟表彰对象\n\n芜湖长江精密轴承股份有限公司\n\n安徽鸠兹汽车零部件有限公司\n")
    assert field_view(spec_of(text)).issuers == ["芜湖市市场监督管理局"]


def test_a_notice_cited_and_attached_is_passed_on_and_a_seal_note_is_no_name(spec_of):
    text = ("福建省农业农村厅关于组织推荐2022-2024年度全国农牧渔业丰收奖的通知\n各设区市农业农村局：\n"
            "根据《农业农村部办公厅关于开展2022—2024年度全国农牧渔业丰收奖推荐工作的通知》（农办科〔2024〕8号，"
            "见附件1）要求，现将有关事项通知如下：\n请于2024年6月30日前报送。\n\n福建省农业农村厅（盖章）\n2024年5月20日\n")
    assert set(field_view(spec_of(text)).issuers) == {"福建省农业农村厅", "农业农村部办公厅"}
