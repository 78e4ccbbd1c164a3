from normalizers.sections import chinese_ordinal, heading_marker, split_sections

NOTICE = "\n".join([
    "关于开展第二届西藏质量奖评选表彰工作的通知",
    "一、评选范围",
    "（一）参评组织范围。包括制造业。",
    "（二）参评个人范围。包括一线工作人员。",
    "二、参评条件",
    "1.一线工作人员：长期从事一线工作。",
    "(1) 政治素质。认真学习。",
    "① 第一点",
    "● 评选条件",
    "附件：1.西藏质量奖申报表",
    "2.西藏质量奖（教育机构）申报表",
])


def test_every_marker_kind_and_level():
    found = [(s.kind, s.level, s.marker, s.number, s.title) for s in split_sections(NOTICE)]
    assert found == [
        ("cn_item", 1, "一、", 1, "评选范围"),
        ("cn_paren", 2, "（一）", 1, "参评组织范围"),
        ("cn_paren", 2, "（二）", 2, "参评个人范围"),
        ("cn_item", 1, "二、", 2, "参评条件"),
        ("num_item", 3, "1.", 1, "一线工作人员"),
        ("num_paren", 4, "(1)", 1, "政治素质"),
        ("circled", 5, "①", 1, "第一点"),
        ("bullet", 6, "●", None, "评选条件"),
        ("attachment", 1, "附件：", None, "1.西藏质量奖申报表"),
        ("num_item", 3, "2.", 2, "西藏质量奖（教育机构）申报表"),
    ]


def test_section_extent_runs_to_next_heading_of_same_or_higher_level():
    sections = split_sections(NOTICE)
    first, second = sections[0], sections[3]
    assert NOTICE[first.start:first.end].startswith("一、评选范围")
    assert first.end == second.start
    assert NOTICE[first.body_start:].startswith("评选范围")
    assert sections[-1].end == len(NOTICE)


def test_regulation_chapters_and_articles():
    text = "第一章 总则\n第一条 为深入推进质量强区战略。\n第二条 政府质量奖由地区行政公署设立。\n" \
           "第二章 申报与受理\n第十二条 申报组织应当公示。\n- （一）拥护党中央的路线；"
    found = [(s.kind, s.level, s.number) for s in split_sections(text)]
    assert found == [("chapter", 1, 1), ("article", 2, 1), ("article", 2, 2), ("chapter", 1, 2),
                     ("article", 2, 12), ("cn_paren", 3, 1)]


def test_not_headings():
    for line in ("一是基本条件。", "2023年8月5日前", "1.5万元", "第三届阳泉市质量奖"):
        assert heading_marker(line) is None, line


def test_chinese_ordinal():
    assert [chinese_ordinal(x) for x in ("一", "十", "十二", "二十", "三十六", "一百零五")] == [1, 10, 12, 20, 36, 105]
