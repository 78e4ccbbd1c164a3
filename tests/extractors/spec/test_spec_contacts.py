import pytest

from extractors.spec import field_view
from extractors.spec.components.contacts import split_names

HEAD = "关于开展第二届某某市质量奖评选表彰工作的通知\n各有关单位：\n"


@pytest.mark.parametrize("value, department, names", [
    ("朗 杰", None, ["朗杰"]),
    ("省市场监管局质量发展局 鲁永武 王宏", "省市场监管局质量发展局", ["鲁永武", "王宏"]),
    ("李建 夏犹攀   电话:0812-3343090", None, ["李建", "夏犹攀"]),
    ("杨 帆  李 娜", None, ["杨帆", "李娜"]),
    ("张伟（手机：13912345678）", None, ["张伟"]),
    ("王明同志，电话：0851-85987654", None, ["王明"]),
    ("李强科长 王女士", None, ["李强", "王女士"]),
    ("洛桑丹增平措、买买提·艾力", None, ["洛桑丹增平措", "买买提·艾力"]),
    ("请各单位高度重视", None, []),
    ("李晓红 科长", None, ["李晓红"]),          # a post written apart is no name
    ("王小明先生 电话：04-22289111", None, ["王小明"]),   # an honorific after a full name
])
def test_names(value, department, names):
    assert split_names(value) == (department, names)


def test_contact_block(spec_of):
    text = HEAD + ("联系人：翟蕾 王雨萍\n联系电话：0891-6815193 6347266\n传 真：0891-6815194\n"
                   "电子邮箱：ABC@163.com\n地 址：拉萨市城关区宇拓路28号\n邮 编：850000\n")
    spec = spec_of(text)
    (c,) = spec.contacts
    assert c.names == ["翟蕾", "王雨萍"]
    assert c.phones == ["0891-6815193", "0891-6347266"] and c.faxes == ["0891-6815194"]
    assert (c.emails, c.postcode) == (["abc@163.com"], "850000")
    assert c.address.startswith("拉萨市城关区宇拓路28号")


@pytest.mark.parametrize("line, phones", [
    ("联系电话：010—82262033、82260622", {"010-82262033", "010-82260622"}),
    ("电话：（0871）63123456", {"0871-63123456"}),
    ("电话：0931 8533511", {"0931-8533511"}),
    ("联系电话：2880836", {"2880836"}),
    ("手机：139 1234 5678", {"13912345678"}),
    ("（联系电话：0891-6832261、6517176。）", {"0891-6832261", "0891-6517176"}),
])
def test_phone_forms(spec_of, line, phones):
    assert set(field_view(spec_of(HEAD + line)).phones) == phones


def test_numbers_that_are_not_phones(spec_of):
    view = field_view(spec_of(HEAD + "请于20231229前报送，邮编：850000，文号某市监〔2023〕1234567号。"))
    assert view.phones == []


def test_two_contact_groups(spec_of):
    text = HEAD + "联系人：杨帆\n电话：0871-63212345\n" + "申报要求详见附件。" * 50 + "\n联系人：赵强，手机：13987654321"
    groups = spec_of(text).contacts
    assert [g.names for g in groups] == [["杨帆"], ["赵强"]]
    assert groups[1].phones == ["13987654321"]


def test_names_listed_with_their_numbers(spec_of):
    view = field_view(spec_of(HEAD + "联系人及电话：张三，0891-6815193；李四，13912345678。"))
    assert set(view.contact_names) == {"张三", "李四"}
    assert set(view.phones) == {"0891-6815193", "13912345678"}


def test_name_in_brackets_after_a_number(spec_of):
    spec = spec_of(HEAD + "咨询电话：0851-85987654（王女士），传真：0851-85987655（办公室）；"
                          "0772-2826530（覃志刚科长）。")
    assert [n for c in spec.contacts for n in c.names] == ["王女士", "覃志刚"]
    # A surname with a form of address is whom to ask for, no person's name (FIELDS.md).
    assert field_view(spec).contact_names == ["覃志刚"]


def test_table_cells(spec_of):
    view = field_view(spec_of(HEAD + "联系人\t翟蕾 王雨萍\n联系电话\t2880836\n电子邮箱\tyqzlfz@163.com"))
    assert view.contact_names == ["翟蕾", "王雨萍"] and view.phones == ["2880836"]


def test_contacts_table(spec_of):
    view = field_view(spec_of(HEAD + "单位\t联系人\t电话\n省市场监管局\t张伟\t0871-63212345\n省工信厅\t李娜\t0871-63212346"))
    assert view.contact_names == ["张伟", "李娜"]
    assert set(view.phones) == {"0871-63212345", "0871-63212346"}


def test_names_under_a_contact_heading(spec_of):
    view = field_view(spec_of(HEAD + "四、联系方式\n市市场监管局质量发展科 张三 0891-6815193\n省质协 李四 13912345678"))
    assert view.contact_names == ["张三", "李四"]


@pytest.mark.parametrize("block, names", [
    ("五、联系方式\n市市场监管局质量发展处  联系人：沈 佳怡\n电话：0512-68661234", ["沈佳怡"]),
    ("四、联系方式\n省科学技术奖励办公室：符春燕、王启明\n电话：0898-65342345", ["符春燕", "王启明"]),
    ("四、联络窗口\n中卫发展中心　陈怡君 小姐\n电话：(02)2391-1368 分机 8201", ["陈怡君"]),
    ("05 联系方式\n● 评选全程不收取任何费用，严禁借评选名义开展有偿咨询、培训\n联系人：周 敏　　027-85747215\n"
     "　　　　程 立新　027-85747226\n谢 谢 观 看", ["周敏", "程立新"]),
    # Lines under a 联系人 line in its shape continue its list.
    ("联系人：质量发展处 何丽萍 028-86125873\n        质量发展处 邓　强 028-86125870（传真）", ["何丽萍", "邓强"]),
    ("六、联系方式\n市市场监管局质量发展科 沈红梅科长，电话：0572-2399123", ["沈红梅"]),
    # Two departments, each with its person, on one line.
    ("四、联系方式\n质量奖：市局质量发展处 罗 佳，023-63725231；市质量研究院 韩梅，023-88196027", ["罗佳", "韩梅"]),
    # What names a line, not a person, is no name (`平台客服热线`).
    ("六、咨询服务\n• 政策咨询：质量发展科 郑晓东  0755-28949321\n• 系统操作：平台客服热线 0755-28933333", ["郑晓东"]),
])
def test_contact_block_layouts(spec_of, block, names):
    assert field_view(spec_of(HEAD + block)).contact_names == names


@pytest.mark.parametrize("block, expected", [
    # A name cut by a page break (the reader text keeps the page number between).
    ("联系人：省市场监督管理局质量发展处 马建\n\n— 4 —\n\n国，联系电话：0971-6301234", ["马建国"]),
    ("联系人：宋玉\n- 3 -\n杰、韩冬梅\n电话：0451-84661234", ["宋玉杰", "韩冬梅"]),
    # The next line's label is no part of the name.
    ("联系人：朗 杰\n\n联系电话：0891-6815193", ["朗杰"]),
    ("联系人：欧阳 明、谭丽娟\n联系电话：0731-89991234", ["欧阳明", "谭丽娟"]),
    ("联系人及电话：熊振宇（0791）83889501，付敏13707081346", ["熊振宇", "付敏"]),
    ("六、联系方式\n上海市质量协会QC小组工作部：王立群、邵 华\n电话：021-62781234", ["王立群", "邵华"]),
    ("五、联系人及联系方式\n科技奖励与成果处：\n吴建华 0574-89185123转2，18906621234\n陆 瑶 0574-89185126", ["吴建华", "陆瑶"]),
    ("五、联系方式\n政策咨询：市科技创新局成果与奖励科 梁文辉，电话：0756-2121563", ["梁文辉"]),
    ("七、洽询窗口：\n国家发明创作奖专案办公室　黄淑芬　电话：(02)2376-7123 分机 15", ["黄淑芬"]),
])
def test_contact_names_in_blocks(spec_of, block, expected):
    assert field_view(spec_of(HEAD + block)).contact_names == expected


@pytest.mark.parametrize("line, phones", [
    ("专利数据查询咨询热线：400-880-6688", {"4008806688"}),
    ("系统技术支持：0756-2125108（工作日），4008-830-112（全天）", {"0756-2125108", "4008830112"}),
    ("投诉举报电话：12315", {"12315"}),
    ("梁嘉欣女士，电话：(853) 2878 8777；传真：(853) 2878 8733", {"28788777", "28788733"}),
    ("杜鹏飞 029-86787319\n86787325（传真）", {"029-86787319", "029-86787325"}),
])
def test_phone_variants(spec_of, line, phones):
    assert set(field_view(spec_of(HEAD + line)).phones) == phones


def test_service_numbers_need_a_label(spec_of):
    assert field_view(spec_of(HEAD + "本届评选共受理12315家企业的申报。")).phones == []


@pytest.mark.parametrize("line, code", [
    ("地址：221432新北市汐止区新台五路一段79号2楼", ["221432"]),
    ("（地址：106213台北市大安区辛亥路二段185号3楼）", ["106213"]),
    ("地址：10651台北市大安区信义路三段41-3号", []),
])
def test_postcode_before_the_address(spec_of, line, code):
    assert field_view(spec_of(HEAD + line)).postcodes == code


def test_extension_is_no_name():
    assert split_names("黄雅婷 小姐　电话：(02)2391-1368 分机 8312") == (None, ["黄雅婷"])


def test_pipe_drawn_contact_table(spec_of):
    text = HEAD + ("六、联系方式\n部门 | 联系人 | 电话\n自治区知识产权局运用促进处 | 蒙 振 华 | 0771-5883619\n"
                   "平台技术支持 | 覃 斌 | 18977100235\n")
    names = {n for c in spec_of(text).contacts for n in c.names}
    assert names == {"蒙振华", "覃斌"}


def test_names_under_a_bare_contact_person_heading(spec_of):
    text = HEAD + "六、联系人\n市总工会经济技术保障部　许志强　电话：5051208，5051236\n"
    names = {n for c in spec_of(text).contacts for n in c.names}
    assert names == {"许志强"}


def test_ocr_gaps_inside_phone_and_postcode(spec_of):
    text = HEAD + "联系人：赵国栋，联系电话：0931-8 465723；\n地址：兰州市城关区北滨河中路158号  邮编：7300 30\n"
    (c,) = spec_of(text).contacts
    assert c.phones == ["0931-8465723"] and c.postcode == "730030"


def test_two_contacts_on_one_line_under_a_heading(spec_of):
    text = HEAD + "五、联系方式\n省科技厅科技奖励处：　陈　晨　027-87138552　　孙明远　027-87138560\n"
    names = {n for c in spec_of(text).contacts for n in c.names}
    assert names == {"陈晨", "孙明远"}


def test_ocr_gap_inside_a_labelled_email(spec_of):
    (c,) = spec_of(HEAD + "联系人：赵国栋\n电子邮箱：lzsz ljsc@163.com\n").contacts
    assert c.emails == ["lzszljsc@163.com"]


def test_email_after_prose_keeps_its_own_start(spec_of):
    (c,) = spec_of(HEAD + "联系人：赵国栋\n材料发送至 abc@163.com\n").contacts
    assert c.emails == ["abc@163.com"]


def test_taiwan_area_code_of_one_digit(spec_of):
    (c,) = spec_of(HEAD + "洽询窗口：商业管理科 陈怡君 小姐，电话：06-2991111分机8523；传真：06-2982222\n").contacts
    assert (c.phones, c.faxes) == (["06-2991111"], ["06-2982222"])


def test_office_name_number_rows_without_a_heading(spec_of):
    text = HEAD + "请按时提交。\n省科技厅奖励处　钱 进　0551-62654321\n省财政厅教科文处　孙 丽　0551-68150000\n"
    contacts = spec_of(text).contacts
    assert [n for c in contacts for n in c.names] == ["钱进", "孙丽"]


def test_prose_line_with_a_number_is_no_contact_row(spec_of):
    text = HEAD + "请各单位于6月30日前报送至市科技局办公室，电话0551-62654321。\n"
    assert not [n for c in spec_of(text).contacts for n in c.names]


def test_eight_digits_in_two_groups(spec_of):
    (c,) = spec_of(HEAD + "联系人：刘老师\n电话：（0755）8888 6666，0755-8321 5678\n").contacts
    assert c.phones == ["0755-88886666", "0755-83215678"]


def test_ocr_space_after_the_at_sign(spec_of):
    (c,) = spec_of(HEAD + "联系人：胡晓东\n邮箱：jxszlc@ 163.com\n").contacts
    assert c.emails == ["jxszlc@163.com"]


@pytest.mark.parametrize("value, names", [
    ("省质量技术评审中心 罗 建 平", ["罗建平"]),
    ("区市场监管局质量发展科 顾 晓 雯", ["顾晓雯"]),
    ("鄭 文 彥先生", ["鄭文彥"]),
])
def test_names_spaced_out_character_by_character(value, names):
    assert split_names(value)[1] == names


@pytest.mark.parametrize("block, names", [
    ("五、联系方式\n省科学技术奖励办公室：刘 畅 029-87294516，韩晓辉 029-87294520\n", {"刘畅", "韩晓辉"}),
    ("五、查询\n香港工业总会 品质及标准部 陈 嘉 欣小姐\n电话：(852) 2732 3188\n", {"陈嘉欣"}),
    ("联系人：质量发展股 梁 敏，电话：0757-86282316\n", {"梁敏"}),
    ("联系人：陈晓燕，电话：020-38835127；邮寄地址：广州市天河区林和西路3-15号\n", {"陈晓燕"}),
    # A two-character name spaced to the width of the three-character one above it.
    ("五、联系方式\n联系人：符晓燕  0898-65326418\n        邢  博  0898-65326420\n", {"符晓燕", "邢博"}),
    # Flattened table cells: each label on its line, its value on the next.
    ("四、联系方式\n省社科联评奖办公室\n联系人\n吴晓光\n电话\n024-86893317\n\n"
     "网上申报系统技术支持\n联系人\n韩 冬\n电话\n024-86893366\n", {"吴晓光", "韩冬"}),
])
def test_contact_names_in_more_layouts(spec_of, block, names):
    assert set(field_view(spec_of(HEAD + block)).contact_names) == names


def test_ocr_space_before_the_top_level_domain_and_a_postcode_before_the_address(spec_of):
    view = field_view(spec_of(HEAD + "联系人：林子豪\n电子邮箱：ordos_zlj@163. com\n"
                                     "收件地址：220242 新北市板橋區中山路一段161號\n"))
    assert view.emails == ["ordos_zlj@163.com"] and view.postcodes == ["220242"]
