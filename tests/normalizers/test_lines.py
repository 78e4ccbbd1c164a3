import pytest

from normalizers.lines import continues, is_bare_page_number, is_page_mark, joiner, running_marks


@pytest.mark.parametrize("line", ["— 6 —", "- 2 -", "第 3 页", "第3页 共10页", "共10页 第3页", "3 / 10",
                                  "Page 2 of 5", " —  12  — "])
def test_page_marks(line):
    assert is_page_mark(line)


@pytest.mark.parametrize("line", ["- 附件：1.西藏质量奖申报表", "2023-02-01", "第3页内容说明", "0891-6815193",
                                  "6 -"])
def test_not_page_marks(line):
    assert not is_page_mark(line)


def test_bare_page_number():
    assert is_bare_page_number(" 12 ")
    assert not is_bare_page_number("2023")


@pytest.mark.parametrize("paragraph, line", [
    # real breaks from the seeds
    ("关于转发《西藏自治区市场监督管理局关于", "开展第二届西藏质量奖评选表彰工作"),
    ("关于转发《西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作", "的通知》的通知"),
    ("西藏质量奖授予为加快建设质量强区，在创新质量管理等方面具有显著示范带动作用的组织和为西藏质量发展",
     "事业作出突出贡献的个人。"),
    ("申报组织为有关单位的分支、内设、派出等机构的，公示无异议的，出具申报推", "荐意见。"),
    ("第六条 政府质量奖申报、受理、评审、表彰以及宣传推", "广、监督管理，适用本办法。"),
    ("（四）材料评审。按照评审规则对通过形式审查和公示的组织", "及个人进行评审。"),
    ("地址：西藏自治区拉萨市城关区罗布林卡路21号德丹", "林小区五栋一单元101室"),
    ("包括制造业、服务业、工程建设行业生产经营组织，教育机构", "（仅限小学、初中和职业技术学校），中小企业"),
    ("积极动员引导各领域质量管理人员，坚持国", "有、民营、外资企业等一视同仁"),
])
def test_broken_lines_continue(paragraph, line):
    assert continues(paragraph, line)


@pytest.mark.parametrize("paragraph, line", [
    ("联系方式", "联系部门：西藏自治区质量协会"),
    ("联系部门：西藏自治区质量协会", "联系人：朗杰"),
    ("一、评选范围", "西藏质量奖授予为加快建设质量强区"),
    ("（一）自愿申报", "符合条件的组织和个人应如实填写申报材料"),
    ("西藏自治区市场监督管理局", "2023年6月27日"),
    ("甘肃省质量强省建设协调推进领导小组办公室文件", "甘质强组办〔2023〕5号"),
    ("各会员单位及相关组织：", "现将西藏自治区市场监督管理局转发给你们"),
    ("近5年内无重大事故，无违法行为", "（二）个人参评条件。"),
    ("质量管理人员，取得较高的经济和社会效益作出突出贡献。", "3.质量领域专家学者：长期从事"),
    ("附件：1.西藏质量奖申报表", "2.西藏质量奖（教育机构）申报表"),
    ("西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作的通知", "自治区有关单位，各地（市）市场监管局"),
    # A slide's last bullet, then (its page mark dropped) the next slide's numbered heading.
    ("• 逾期系统关闭，不予受理", "06咨询服务"),
])
def test_paragraph_ends_stay(paragraph, line):
    assert not continues(paragraph, line)


def test_latin_words_rejoined_with_a_space():
    assert joiner("please send the", "form") == " "
    assert joiner("推", "荐意见") == ""


def test_marker_alone_takes_the_next_line():
    assert continues("（一）", "加强宣传动员。西藏质量奖是我区质量管理领域的最高荣誉。", paragraph_start=True)
    assert not continues("附件：", "《西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作的通知》")


def test_open_bracket_beats_a_document_number_at_line_start():
    assert continues("现将《市场监管总局办公厅关于开展第五届中国质量奖评选表彰工作的通知》（市",
                     "监质函〔2023〕105号）（以下简称《通知》）转发给你们")
    assert not continues("甘肃省质量强省建设协调推进领导小组办公室文件", "甘质强组办〔2023〕5号")
    assert continues("各单位的申报材料，请于", "2023年8月5日前报送至秘书处。")
    assert not continues("西藏自治区市场监督管理局", "2023年6月27日")


def test_number_and_its_unit_split_over_lines():
    assert continues("第四条 政府质量奖评选周期为2", "年，评选年度与自治区政府质量奖交替组织。", paragraph_start=True)
    assert continues("申报材料及审核推荐意见务于2023年5月25", "日前报送至领导小组办公室")


def test_bullet_alone_takes_the_marker_on_the_next_line():
    assert continues("-", "（二）在地区行政区域内依法设立")
    assert continues("1.", "一线工作人员：长期从事一线工作")
    assert not continues("1.", "(1) 政治素质")


def test_running_marks_repeat_at_page_edges():
    pages = [["西藏自治区市场监督管理局文件", f"正文第{n}页。", "更多内容", f"第 {n} 页"] for n in range(1, 5)]
    pages[2].insert(2, "西藏自治区市场监督管理局文件")      # the same words inside a page: content
    marks = running_marks(pages)
    assert (0, 0) in marks and (3, 3) in marks and (1, 3) in marks
    assert (2, 2) not in marks and (0, 1) not in marks
    assert running_marks(pages[:2]) == set()


def test_title_broken_without_brackets():
    assert continues("关于开展第二届西藏质量奖", "评选表彰工作的通知")
    assert continues("市场监管总局办公厅关于", "开展第五届中国质量奖评选表彰工作的通知")
    assert not continues("关于开展第二届西藏质量奖", "评选表彰工作的通知", paragraph_start=True)
    assert not continues("西藏自治区市场监督管理局", "关于开展第二届西藏质量奖评选表彰工作的通知")
    assert not continues("关于开展评选工作的通知", "各会员单位的相关意见")


@pytest.mark.parametrize("paragraph, line", [
    ("吴建华 0574-89185123转2，18906621234", "陆 瑶 0574-89185126"),
    ("联系人：张三，电话：0571-86221345", "地址：杭州市余杭区"),
    ("地址：澳门友谊大马路918号澳门世界贸易中心7楼", "澳门特别行政区科学技术奖励委员会"),
])
def test_a_finished_contact_field_ends_the_line(paragraph, line):
    assert not continues(paragraph, line)


def test_an_address_still_wraps_before_its_floor():
    assert continues("地址：西藏自治区拉萨市城关区罗布林卡路21号德丹", "林小区五栋一单元101室")


def test_rows_of_a_table_set_out_with_bars_are_never_joined():
    assert not continues("海北州、黄南州 | 1 | 3", "海南州、果洛州、玉树州 | 1 | 2")
    assert not continues("青海省三八红旗手（集体）推荐名额分配表", "地区 | 集体（个） | 个人（名）")
    assert continues("各推荐单位要按照公开、公平、公正的原则，组织开展推荐工", "作。")
