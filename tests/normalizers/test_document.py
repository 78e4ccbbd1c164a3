"""normalize_document: Chinese view, display view, original layout, line spans, provenance."""
from models.document import Line, LineRole, Script
from normalizers import normalize_document


def test_original_is_lines_and_pages_joined(make_document):
    doc = make_document(["西 藏 自 治 区", "质 量 协 会 文 件"], ["第二页"])
    result = normalize_document(doc)
    assert result.original == "西 藏 自 治 区\n质 量 协 会 文 件\f第二页"
    assert result.text == "西藏自治区\n质量协会文件\n第二页"
    assert [(s.page, s.line, s.start, s.end) for s in result.lines] == [
        (1, 0, 0, 9), (1, 1, 10, 21), (2, 0, 22, 25)]


def test_tibetan_lines_left_out_of_text_kept_in_display(make_document):
    doc = make_document(["བོད་ རང་ རྒྱལ་ ལྗོངས་", "西 藏 自 治 区", "ལུས་ ཚད་ མཐུན་ ཚོགས་", "质 量 协 会 文 件"])
    result = normalize_document(doc)
    assert result.text == "西藏自治区\n质量协会文件"
    assert result.display_text == "བོད་ རང་ རྒྱལ་ ལྗོངས་\n西藏自治区\nལུས་ ཚད་ མཐུན་ ཚོགས་\n质量协会文件"
    assert result.tibetan_lines == ["བོད་ རང་ རྒྱལ་ ལྗོངས་", "ལུས་ ཚད་ མཐུན་ ཚོགས་"]
    assert [s.script for s in result.lines] == [Script.TIBETAN, Script.HANS, Script.TIBETAN, Script.HANS]


def test_header_footer_page_number_roles_dropped(make_document):
    doc = make_document(
        [Line(text="西藏自治区质量协会", role=LineRole.HEADER), "为推动质量发展，现将有关",
         Line(text="- 1 -", role=LineRole.PAGE_NUMBER)],
        [Line(text="西藏自治区质量协会", role=LineRole.HEADER), "事项通知如下：", "2"])
    result = normalize_document(doc)
    assert result.text == "为推动质量发展，现将有关事项通知如下："


def test_sentence_rejoined_across_pages_with_provenance(make_document):
    doc = make_document(
        [Line(text="为推动质量发展，现将有关", bbox=(10, 700, 500, 720))],
        [Line(text="事项通知如下：", bbox=(10, 40, 300, 60))])
    result = normalize_document(doc)
    start = result.text.index("事项")
    provenance = result.provenance(start, start + 4)
    assert provenance.page == 2
    assert provenance.bbox == (10, 40, 300, 60)
    assert provenance.text == "事项通知"
    assert result.provenance(0, 2).page == 1


def test_reader_paragraph_start_is_respected(make_document):
    doc = make_document(["为推动质量发展，现将有关", Line(text="事项通知如下：", paragraph_start=True)])
    assert normalize_document(doc).text == "为推动质量发展，现将有关\n事项通知如下："


def test_text_evidence_overrides_a_reader_paragraph_start(make_document):
    # PDF readers flag a title's centred lines and a lone `：` pushed onto its own line.
    doc = make_document([Line(text=t, paragraph_start=True) for t in (
        "关于转发《西藏自治区市场监督管理局关于", "开展第二届西藏质量奖评选表彰工作", "的通知》的通知",
        "各环节具体要求如下", "：")])
    assert normalize_document(doc).text == (
        "关于转发《西藏自治区市场监督管理局关于开展第二届西藏质量奖评选表彰工作的通知》的通知\n"
        "各环节具体要求如下：")


def test_page_break_is_no_paragraph_start(make_document):
    doc = make_document(
        [Line(text="在创新发展方面，将创新作为提升质量的有效手段。在品牌影响方", paragraph_start=True)],
        [Line(text="— 2 —", role=LineRole.PAGE_NUMBER), Line(text="面，重视品牌建设", paragraph_start=True)])
    assert normalize_document(doc).text == "在创新发展方面，将创新作为提升质量的有效手段。在品牌影响方面，重视品牌建设"


def test_table_rows_are_never_joined(make_document):
    doc = make_document(["申报单位，名称", Line(text="序号\t单位\t名额", role=LineRole.TABLE_ROW),
                         Line(text="1\t拉萨市\t3", role=LineRole.TABLE_ROW)])
    assert normalize_document(doc).text == "申报单位，名称\n序号\t单位\t名额\n1\t拉萨市\t3"


def test_traditional_document(make_document):
    doc = make_document(["聯系人:李建 夏猶攀   電話:0812-3343090"])
    result = normalize_document(doc)
    assert result.script == Script.HANT
    assert result.text == "联系人：李建 夏犹攀   电话：0812-3343090"
    assert result.original == "聯系人:李建 夏猶攀   電話:0812-3343090"


def test_offsets_point_into_original(seed_000, make_document):
    doc = make_document(seed_000.split("\n"))
    result = normalize_document(doc)
    assert len(result.offsets) == len(result.text) + 1
    assert result.original == seed_000
    for i, ch in enumerate(result.text):
        if ch.isdigit():
            assert result.original[result.offsets[i]] == ch


def test_double_spaced_text_file_flags_are_ignored(make_document):
    # The txt reader flags every line after a blank line; in a file with a blank line after
    # every line that says nothing, and the broken sentence must still be rejoined.
    lines = [Line(text=t, paragraph_start=True) for t in (
        "一、评选范围", "西藏质量奖授予在创新质量管理、提升质量水平等方面具有显著示范带动作用的组织和为西藏质量发展",
        "事业作出突出贡献的个人。", "二、参评条件", "（一）组织参评条件。")]
    result = normalize_document(make_document(lines))
    assert result.text.split("\n")[1].endswith("为西藏质量发展事业作出突出贡献的个人。")
    assert len(result.text.split("\n")) == 4


def test_docx_paragraph_flags_are_kept(make_document):
    from models.document import Origin
    lines = [Line(text=t, paragraph_start=True, origin=Origin.DOCX) for t in (
        "西藏质量奖设组织奖和个人奖，其名额分别不超过3个", "西藏质量奖评选程序包括自愿申报", "三、申报渠道", "各单位")]
    assert len(normalize_document(make_document(lines)).text.split("\n")) == 4


def test_pdf_line_without_a_gap_continues(make_document):
    from models.document import Origin
    lines = [Line(text=t, origin=Origin.TEXT_LAYER, paragraph_start=start) for t, start in (
        ("第四条 政府质量奖评选周期为2", True), ("年，评选年度与自治区政府质量奖交替组织。", False),
        ("西藏自治区市场监督管理局", True), ("2023年6月27日", False))]
    assert normalize_document(make_document(lines)).text == (
        "第四条 政府质量奖评选周期为2年，评选年度与自治区政府质量奖交替组织。\n西藏自治区市场监督管理局\n2023年6月27日")


def test_running_header_between_page_numbers_of_one_text_page(make_document):
    running = "贵州省省长质量奖评审委员会办公室                    黔质奖办〔2024〕3号"
    doc = make_document([
        "关于开展贵州省省长质量奖评选的通知", "一、评选条件。", running, "- 1 -",
        running, "申报组织和个人按要求填写申报表，经推荐单位审核公示无异议后，由推荐单位出具推荐意见。请各推荐单位于2024年7月",
        running, "- 2 -",
        running, "31日前报送。", "贵州省省长质量奖评审委员会办公室", "2024年6月12日", running, "- 3 -"])
    text = normalize_document(doc).text
    assert "请各推荐单位于2024年7月31日前报送。" in text and "黔质奖办" not in text
