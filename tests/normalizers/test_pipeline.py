"""normalize_text on the seeds and on made lines for every form the issue lists."""
from models.document import Script
from normalizers import normalize_text


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_seed_000_letterhead_title_and_contacts(seed_000):
    result = normalize_text(seed_000)
    lines = _lines(result.text)
    assert lines[:4] == ["西藏自治区", "质量协会文件", "藏质协字〔2023〕11号",
                         "关于转发《西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作的通知》的通知"]
    assert "联系人：朗杰" in lines
    assert "联系电话：0891-6815193 6347266" in lines
    assert "地址：西藏自治区拉萨市城关区罗布林卡路21号德丹林小区五栋一单元101室" in lines
    assert "西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作的通知" in lines
    assert any("为西藏质量发展事业作出突出贡献的个人" in line for line in lines)
    assert any("出具申报推荐意见。上述公示时间不少于5个工作日" in line for line in lines)
    assert result.script == Script.HANS


def test_seed_000_tibetan_letterhead_kept_for_display_only(seed_000):
    result = normalize_text(seed_000)
    assert not any("\u0f00" <= ch <= "\u0fff" for ch in result.text)
    assert len(result.tibetan_lines) == 2
    assert result.display_text.startswith("བོད་ རང་ རྒྱལ་ ལྗོངས་\n西藏自治区\n")


def test_seed_001_page_number_dropped_and_sentence_rejoined(seed_001):
    result = normalize_text(seed_001)
    assert "— 6 —" not in result.text
    assert "坚持国有、民营、外资企业等一视同仁" in result.text
    assert "联系人：省市场监管局质量发展局 鲁永武 王宏" in _lines(result.text)


def test_seed_004_traditional_converted_and_recorded(seed_004):
    result = normalize_text(seed_004)
    assert result.script == Script.HANT
    assert "联系人：李建 夏犹攀" in result.text
    assert "钒钛高新区管委会" in result.text
    assert "攀枝花市质量强市工作领导小组办公室" in result.text
    assert "2023215日后" in result.text          # damaged dates stay for the date parser
    assert "243944932@qq.com" in result.text


def test_offsets_map_every_character_back(seed_000, seed_004):
    for raw in (seed_000, seed_004):
        result = normalize_text(raw)
        assert len(result.offsets) == len(result.text) + 1
        assert result.offsets[-1] == len(raw)
        assert all(a <= b for a, b in zip(result.offsets, result.offsets[1:]))
        for i, ch in enumerate(result.text):
            source = raw[result.offsets[i]]
            if ch.isdigit() or ch == "@":
                assert source == ch or source in "０１２３４５６７８９＠"


def test_span_maps_to_original_phrase(seed_004):
    result = normalize_text(seed_004)
    start = result.text.index("夏犹攀")
    a, b = result.original_span(start, start + 3)
    assert result.original[a:b] == "夏猶攀"


def test_made_lines_for_each_form():
    raw = ("质 量 协 会 文 件\n"
           "藏市监（2023）55 号\n"
           "\n"
           "一、评选范围\n"
           "西藏质量奖授予为加快建设质量强区，在创新质量管理方面具有显著示范带动作用的组织和为西藏质量发展\n"
           "— 2 —\n"
           "事业作出突出贡献的个人。\n"
           "（一）参评组织范围。\n"
           "联系电话：０８９１－６８１５１９３ 6347266\n"
           "邮 箱：ＸＺ＠163.com\n")
    assert normalize_text(raw).text == (
        "质量协会文件\n藏市监〔2023〕55号\n一、评选范围\n"
        "西藏质量奖授予为加快建设质量强区，在创新质量管理方面具有显著示范带动作用的组织和为西藏质量发展"
        "事业作出突出贡献的个人。\n（一）参评组织范围。\n联系电话：0891-6815193 6347266\n邮箱：XZ@163.com")


def test_page_number_alone_at_page_edge_dropped_only_there():
    raw = "第一页内容。\n3\f4\n第二页内容，共有\n12\n个单位。"
    text = normalize_text(raw).text
    assert "3" not in text and "4" not in text
    assert "12" in text


def test_empty_and_blank():
    assert normalize_text("").text == ""
    assert normalize_text("\n \n\u3000\n").text == ""
    assert normalize_text("").offsets == [0]


def test_running_header_of_a_paged_text_dropped():
    pages = [f"西藏自治区质量协会\n第{n}部分内容，详见正文。\n- {n} -" for n in range(1, 4)]
    text = normalize_text("\f".join(pages)).text
    assert "质量协会" not in text
    assert text.count("详见正文") == 3


def test_windows_line_ends():
    result = normalize_text("联系人：朗 杰\r\n邮 编：850008\r\n")
    assert result.text == "联系人：朗杰\n邮编：850008"
    start = result.text.index("850008")
    a, b = result.original_span(start, start + 6)
    assert result.original[a:b] == "850008"


def test_what_a_tibetan_line_holds_besides_tibetan_stays_readable():
    result = normalize_text("བོད་ རང་ རྒྱལ་ ལྗོངས་ xz@163.com\n西藏自治区")
    assert result.text == "xz@163.com\n西藏自治区"
    assert result.tibetan_lines == ["བོད་ རང་ རྒྱལ་ ལྗོངས་ xz@163.com"]
