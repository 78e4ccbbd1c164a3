import pytest

from normalizers.spacing import remove_spaces


@pytest.mark.parametrize("raw, expected", [
    ("质 量 协 会 文 件", "质量协会文件"),                    # seed 000 letterhead
    ("西  藏  自  治  区", "西藏自治区"),
    ("联系人：朗 杰", "联系人：朗杰"),
    ("地 址：西藏自治区拉萨市城关区罗布林卡路 21 号德丹", "地址：西藏自治区拉萨市城关区罗布林卡路21号德丹"),
    ("开展第二届 西藏质量奖评选表彰工作的通知", "开展第二届西藏质量奖评选表彰工作的通知"),
    ("申报材料及审核推荐意见务于 2023 年 5 月 25 日前报送", "申报材料及审核推荐意见务于2023年5月25日前报送"),
    ("一线班组（包括各领域 QC 小组）", "一线班组（包括各领域QC小组）"),
    ("第一章 总 则", "第一章 总则"),
    ("  为贯彻落实 ", "为贯彻落实"),
    ("（一） 加强宣传动员", "（一）加强宣传动员"),
])
def test_spaces_inside_chinese_removed(raw, expected):
    assert remove_spaces(raw).text == expected


@pytest.mark.parametrize("text", [
    "联系电话：0891-6815193 6347266",                      # two phone numbers
    "quality award notice",                                # English words
    "发布时间:2023-02-01     来源:攀枝花市",               # a date and the next word
    "20221229 发布",
    "第一条 为深入推进质量强区战略",                         # article marker
    "联系人：省市场监管局质量发展局 鲁永武 王宏",             # names
    "联系人：李建 夏犹攀",
    "ལུས་ ཚད་ མཐུན་ ཚོགས་",                                  # Tibetan syllables
    "邮箱：a@b.com 或 c@d.cn",
])
def test_spaces_that_separate_things_stay(text):
    assert remove_spaces(text).text == text


def test_offsets_point_at_the_kept_characters():
    raw = "朗 杰 21 号"
    mapped = remove_spaces(raw)
    assert mapped.text == "朗杰21号"
    assert "".join(raw[i] for i in mapped.offsets[:-1]) == mapped.text
    assert mapped.offsets[-1] == len(raw)


def test_zero_width_characters_removed():
    assert remove_spaces("西\u200b藏\ufeff").text == "西藏"


def test_a_date_and_the_next_word_stay_apart():
    assert remove_spaces("发布日期：2023年2月1日 来源：市监局").text == "发布日期：2023年2月1日 来源：市监局"
    assert remove_spaces("2023年2月1日  星期三").text == "2023年2月1日  星期三"
    # but a date cut from its own sentence by a stray space is glued back
    assert remove_spaces("请于2023年8月5日 前申报").text == "请于2023年8月5日前申报"


def test_spaces_around_the_hyphen_of_a_number_removed():
    assert remove_spaces("电话：0891 - 6815193").text == "电话：0891-6815193"
    assert remove_spaces("0891- 6815193 6347266").text == "0891-6815193 6347266"


def test_next_field_label_stays_apart():
    assert remove_spaces("联系人：朗 杰 电话：0891-6815193").text == "联系人：朗杰 电话：0891-6815193"
    assert remove_spaces("邮 箱：a@b.cn").text == "邮箱：a@b.cn"
