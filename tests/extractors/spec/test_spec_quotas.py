import pytest

HEAD = "关于开展第二届某某市质量奖评选表彰工作的通知\n各有关单位：\n"


@pytest.mark.parametrize("sentence, expected", [
    ("某某市质量奖设组织奖和个人奖，其名额分别不超过3个。", {("award", "组织奖", 3), ("award", "个人奖", 3)}),
    ("设“某某市质量奖”和“某某市质量奖提名奖”,其名额分别不超过10个和90个。",
     {("award", "某某市质量奖", 10), ("award", "某某市质量奖提名奖", 90)}),
    ("本届设奖8个（其中：组织3个、个人5名）。", {("award", None, 8), ("award", "组织", 3), ("award", "个人", 5)}),
    ("第三届某某市质量奖设3个“某某市质量奖”名额和5个“某某市质量奖提名奖”名额。",
     {("award", "某某市质量奖", 3), ("award", "某某市质量奖提名奖", 5)}),
    ("质量奖名额每届不超过 3 个组织。", {("award", "组织", 3)}),
    ("原则上每个县（区）申报组织不超过5个，申报个人不超过2名。", {("submission", "组织", 5), ("submission", "个人", 2)}),
    ("每个推荐单位推荐不超过两家企业。", {("submission", None, 2)}),
    ("各市（州）推荐名额原则上不超过6个。", {("submission", None, 6)}),
    ("本届评选获奖组织不超过十个，提名奖不超过二十个。", {("award", None, 10), ("award", "提名奖", 20)}),
])
def test_quota_phrasings(spec_of, sentence, expected):
    quotas = spec_of(HEAD + sentence).quotas
    got = {(q.scope, q.max) for q in quotas}
    assert got == {(scope, n) for scope, _, n in expected}
    for scope, category, n in expected:
        if category:
            assert any(q.category == category and q.max == n for q in quotas), (category, quotas)


@pytest.mark.parametrize("sentence", [
    "公示时间不少于5个工作日。",
    "评选程序包括自愿申报、审核推荐、表彰授奖等8个环节。",
    "近3年内无重大质量事故，获奖后5年内不得再次申报。",
    "评审专家组由7名专家组成，负责质量奖评审。",
    "申报材料一式3份报送质量奖办公室。",
    "对获奖组织给予一次性奖励20万元。",
    "被提名项目的完成人应当作出实质性贡献，每个项目完成人原则上不超过15人，完成单位不超过10个。",
])
def test_counts_that_are_not_quotas(spec_of, sentence):
    assert spec_of(HEAD + sentence).quotas == []


def test_applicant_counts_in_prose_are_not_quotas(spec_of):
    assert spec_of(HEAD + "组织专家对申报的10家企业进行现场评审。").quotas == []


def test_award_clause_after_a_recommending_clause(spec_of):
    quotas = spec_of(HEAD + "各县（区）要积极推荐，本届评选名额不超过10个。").quotas
    assert [(q.scope, q.max) for q in quotas] == [("award", 10)]


def test_equal_counts_in_one_sentence_are_two_quotas(spec_of):
    quotas = spec_of(HEAD + "评选某某市质量奖获奖企业不超过10家，某某市质量奖提名奖企业不超过10家。"
                     "再次强调：获奖企业不超过10家。").quotas
    assert [(q.scope, q.max) for q in quotas] == [("award", 10), ("award", 10)]


@pytest.mark.parametrize("sentence, expected", [
    # The recommending verb right before the count makes a cap, whoever recommends.
    ("省直有关部门提名项目数不超过8项；其他具备提名资格的单位提名项目数不超过3项。",
     [("submission", 8), ("submission", 3)]),
    ("市属开发区推荐组织不超过2家。", [("submission", 2)]),
    ("高新技术企业可自行提名1项。", [("submission", 1)]),
    ("省直有关单位可直接向省知识产权局推荐，每家不超过3项。", [("submission", 3)]),
    # Two recommenders with the same count are two caps.
    ("（二）国家级创新平台依托单位可提名1项。（三）两院院士可单独提名1项。",
     [("submission", 1), ("submission", 1)]),
    # 提名奖 is an award, not a recommendation.
    ("本届评选获奖组织不超过十个，提名奖不超过二十个。", [("award", 10), ("award", 20)]),
    ("本年度优秀质量管理小组评选总数不超过三百个，其中示范级小组不超过三十个。", [("award", 300), ("award", 30)]),
    ("发明奖：金牌奖以不超过10件为原则，银牌奖以不超过20件为原则。", [("award", 10), ("award", 20)]),
    ("机关团体奖：以2名为限。", [("award", 2)]),
])
def test_quota_phrasings_of_the_genre(spec_of, sentence, expected):
    assert [(q.scope, q.max) for q in spec_of(HEAD + sentence).quotas] == expected


def test_one_count_for_each_of_two_categories(spec_of):
    quotas = spec_of(HEAD + "企业奖：大型企业组及中小企业组各以3名为限。").quotas
    assert [(q.category, q.max) for q in quotas] == [("大型企业组", 3), ("中小企业组", 3)]
    quotas = spec_of(HEAD + "个人奖：分为实践类及专业类，每类以1名为限。").quotas
    assert [(q.category, q.max) for q in quotas] == [("实践类", 1), ("专业类", 1)]


def test_limit_phrasing_needs_a_count_word(spec_of):
    assert spec_of(HEAD + "申报材料以3年为限。").quotas == []


@pytest.mark.parametrize("sentence, expected", [
    # A slide gives the caps as `≤`.
    ("本届名额：组织奖 ≤ 3家\n个人奖 ≤ 1名\n提名奖 ≤ 5家", [("award", 3), ("award", 1), ("award", 5)]),
    # One count for each class of an award, after the classes are named.
    ("个人奖：分为「实践类」及「研究类」，每类至多1名。", [("award", 1)]),
])
def test_caps_written_as_symbols_and_per_class(spec_of, sentence, expected):
    assert [(q.scope, q.max) for q in spec_of(HEAD + sentence).quotas] == expected


def test_one_applicants_cap_is_a_submission(spec_of):
    quotas = spec_of(HEAD + "三、申报要求\n（一）同一单位申报标准项目奖不超过2项。\n").quotas
    assert {(q.scope, q.max) for q in quotas} == {("submission", 2)}


def test_members_of_a_joint_nomination_are_no_quota(spec_of):
    quotas = spec_of(HEAD + "省科学技术奖一等奖获奖项目的第一完成人，3人联合提名1项。\n").quotas
    assert {(q.scope, q.max) for q in quotas} == {("submission", 1)}


def test_item_label_names_the_category_of_a_principled_cap(spec_of):
    text = HEAD + "二、机关团体奖：每届以不超过2个为原则。\n三、个人奖：分为实践类及研究类，每届合计以不超过2名为原则。\n"
    quotas = spec_of(text).quotas
    assert {(q.scope, q.category, q.max) for q in quotas} == {("award", "机关团体奖", 2), ("award", "个人奖", 2)}


def test_counts_after_the_classes_a_notice_sets(spec_of):
    quotas = spec_of(HEAD + "一、本届设一等奖3项、二等奖5项、三等奖10项。\n").quotas
    assert {(q.scope, q.category, q.max) for q in quotas} == {
        ("award", "一等奖", 3), ("award", "二等奖", 5), ("award", "三等奖", 10)}


def test_number_of_grades_is_no_quota(spec_of):
    text = HEAD + "科学技术进步奖分设一等奖、二等奖、三等奖三个等级，其中一等奖不超过6项。\n"
    assert {(q.scope, q.max) for q in spec_of(text).quotas} == {("award", 6)}


@pytest.mark.parametrize("section, expected", [
    # Under a heading about quotas a cap counts though its sentence names no award.
    ("一、评选名额\n（一）市长质量奖：组织不超过3个、个人不超过1名。\n（二）质量管理先进单位：不超过十个。\n",
     {("award", 3), ("award", 1), ("award", 10)}),
    ("一、奖项设置\n第八届某某省专利奖设金奖10项、银奖20项。某某省杰出发明人不超过二十名。\n",
     {("award", 10), ("award", 20)}),
    # Elsewhere such a sentence is no quota.
    ("二、申报条件\n申报材料不超过二十页。\n", set()),
])
def test_caps_under_a_quota_heading(spec_of, section, expected):
    quotas = spec_of(HEAD + section).quotas
    assert {(q.scope, q.max) for q in quotas} == expected
    if ("award", 20) in expected:
        assert sum(q.max == 20 for q in quotas) == 2


def test_the_recommender_nearest_the_count(spec_of):
    text = HEAD + "各地级以上市推荐组织不超过2个；省有关单位每个单位限推荐1个。"
    pers = {q.max: q.per for q in spec_of(text).quotas}
    assert pers[1].startswith("每个单位") and pers[2].startswith("各地级以上市")


@pytest.mark.parametrize("sentence, expected", [
    # QC groups are what is put forward; a minimum is no cap; 提交 recommends as 推荐 does.
    ("会员企业每家限报3个小组；非会员企业每家最多推荐2个小组。", {("submission", 3), ("submission", 2)}),
    ("各州（市）市场监督管理局推荐不超过十二项，其中发明专利不少于八项。", {("submission", 12)}),
    ("每家企业最多提交3个品牌参加申报。", {("submission", 3)}),
    ("每家企业最多提交3个品牌申请，同一品牌不得同时申请产品类及服务类。", {("submission", 3)}),
    ("会员企业每家限报3个小组；集团公司统一申报的，以6个为限。", {("submission", 3), ("submission", 6)}),
])
def test_more_recommender_caps(spec_of, sentence, expected):
    assert {(q.scope, q.max) for q in spec_of(HEAD + sentence).quotas} == expected


def test_one_count_for_each_of_two_quoted_classes(spec_of):
    text = HEAD + "本届预计选出卓越企业奖至多10家；另设特别奖，分为「永续经营奖」及「数位转型奖」，各至多2家。"
    assert {(q.category, q.max) for q in spec_of(text).quotas} == {
        ("卓越企业奖", 10), ("永续经营奖", 2), ("数位转型奖", 2)}


def test_each_of_the_classes_named_before_has_its_awards(spec_of):
    text = HEAD + "大奖设「新建建筑类」及「既有建筑类」。每类设金奖1名、优异奖不超过三名。"
    assert {(q.category, q.max) for q in spec_of(text).quotas} == {
        ("新建建筑类金奖", 1), ("新建建筑类优异奖", 3), ("既有建筑类金奖", 1), ("既有建筑类优异奖", 3)}


@pytest.mark.parametrize("sentence, expected", [
    # `两个` after a cap and its verb is a count, `同一项目` none.
    ("每间机构最多提名两个项目，同一项目不可同时参选两个类别。", {("submission", 2)}),
    # No word of awards or recommending: each one's cap on what it sends in.
    ("每个参赛单位（个人）报送作品不超过3件。", {("submission", 3)}),
    # `由一家单位申报`: who may, not how many
    ("每家单位本年度申报项目不超过10项，同一标准只能由一家单位申报。", {("submission", 10)}),
])
def test_caps_on_what_each_one_puts_forward(spec_of, sentence, expected):
    assert {(q.scope, q.max) for q in spec_of(HEAD + sentence).quotas} == expected


@pytest.mark.parametrize("text, expected", [
    ("“安康杯”竞赛优胜奖分设优胜单位、优秀班组两类。其中优胜单位不超过40家，优秀班组不超过60个。",
     {("award", 40), ("award", 60)}),
    ("分“个人组”及“团体组”，个人组获奖名额以5名为限，团体组以3组为限。", {("award", 5), ("award", 3)}),
])
def test_counts_after_the_classes_are_named(spec_of, text, expected):
    assert {(q.scope, q.max) for q in spec_of(HEAD + text).quotas} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("全州推选“最美乡村医生”20名。", {("award", 20)}),
    ("全市推选“星城好老师”100名，其中“星城好老师”标兵10名。", {("award", 100), ("award", 10)}),
    ("本年度优秀科普作品名额控制在15个以内。", {("award", 15)}),
    # how many build one project together is no cap on awards
    ("联合承建的工程由主承建单位申报，参建单位一般不超过2家。中央企业集团推荐工程原则上不超过10项（含）。",
     {("submission", 10)}),
])
def test_more_ways_to_state_a_count(spec_of, sentence, expected):
    assert {(q.scope, q.max) for q in spec_of(HEAD + sentence).quotas} == expected
