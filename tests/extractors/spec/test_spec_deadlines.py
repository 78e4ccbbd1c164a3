import pytest

HEAD = "关于开展第二届某某市质量奖评选表彰工作的通知\n各有关单位：\n"
SIGNED = "\n某某市市场监督管理局\n2023年3月1日"


def deadlines(spec, kind=None):
    return [d.date for d in spec.deadlines if kind is None or d.kind == kind]


@pytest.mark.parametrize("sentence, expected", [
    ("请于2023年8月5日前申报到秘书处，逾期不予受理。", ["2023-08-05"]),
    ("申报材料务于 2023 年 5 月 25 日前报送至领导小组办公室。", ["2023-05-25"]),
    ("材料接收时间截止至8月14日。", ["2023-08-14"]),
    ("申报截止时间为2023年6月30日。", ["2023-06-30"]),
    ("请于6月30日（星期五）17:00前将推荐材料寄至秘书处。", ["2023-06-30"]),
    ("申报时间为2023年4月1日至5月31日。", ["2023-05-31"]),
    ("申报材料及初核推荐意见于2023315日前提交至市质量强市办。", ["2023-03-15"]),
    ("即日起至2023年9月30日受理申报。", ["2023-09-30"]),
    # The day an online window shuts is the online deadline, `后`/`起` notwithstanding.
    ("线上报名系统则于2023年5月24日下午5时关闭。", ["2023-05-24"]),
    ("申报材料于2023年6月30日后不再受理。", ["2023-06-30"]),
])
def test_deadline_phrasings(spec_of, sentence, expected):
    assert deadlines(spec_of(HEAD + sentence + SIGNED), "deadline") + \
        deadlines(spec_of(HEAD + sentence + SIGNED), "reception") == expected


def test_start_dates_are_kept_apart(spec_of):
    spec = spec_of(HEAD + "2023215日后，申报组织和个人可提交申报材料。" + SIGNED)
    assert deadlines(spec, "start") == ["2023-02-15"] and deadlines(spec, "deadline") == []


@pytest.mark.parametrize("sentence", [
    "申报单位须在2020年12月31日前依法注册。",
    "本办法自2023年5月1日起施行。",
    "拟于2023年11月20日召开表彰大会。",
    "截至2023年12月31日，申报企业成立满3年。",
])
def test_dates_that_are_not_deadlines(spec_of, sentence):
    assert spec_of(HEAD + sentence + SIGNED).deadlines == []


def test_year_rolls_over_after_a_december_notice(spec_of):
    spec = spec_of(HEAD + "请于1月15日前报送申报材料。\n某某市市场监督管理局\n2023年12月10日")
    assert deadlines(spec) == ["2024-01-15"]


def test_who_submits_to_whom(spec_of):
    spec = spec_of(HEAD + "请各县（区）于2023年11月25日前将申报材料报送至市质量强市领导小组办公室。" + SIGNED)
    (d,) = spec.deadlines
    assert (d.submitter, d.what) == ("recommender", "申报材料")
    assert d.recipient.startswith("市质量强市领导小组办公室")
    assert d.provenance.text.startswith("请各县")


def test_month_end(spec_of):
    assert deadlines(spec_of(HEAD + "请于6月底前将申报材料报送至市市场监管局。" + SIGNED)) == ["2023-06-30"]


def test_year_from_the_document_number(spec_of):
    spec = spec_of("某某市市场监督管理局文件\n某市监〔2024〕3号\n" + HEAD + "材料接收时间截止至6月19日。")
    assert deadlines(spec) == ["2024-06-19"]


def test_applicant_and_recommender_deadlines_in_one_sentence(spec_of):
    spec = spec_of(HEAD + "申报单位于2024年4月30日前将申报材料报所在区（县、市）市场监管局，各区（县、市）市场监管局于"
                   "2024年5月15日前完成初审并推荐。符合条件的组织于2024年4月20日前向所在县市场监管局提出申请。" + SIGNED)
    roles = {d.date: (d.submitter, d.recipient) for d in spec.deadlines}
    assert roles["2024-04-30"] == ("applicant", "所在区（县、市）市场监管局")
    assert roles["2024-05-15"][0] == "recommender"
    assert roles["2024-04-20"] == ("applicant", "所在县市场监管局")


@pytest.mark.parametrize("sentence, expected", [
    ("请各推荐单位于2023年7月31日（星期一）下午5:30前将推荐函报送至省局标准化处。", ["2023-07-31"]),
    ("网上申报：即日起—2023年8月23日。", ["2023-08-23"]),
    ("报名期间：即日起至2023年6月28日下午5时止，逾期不予受理。", ["2023-06-28"]),
])
def test_deadline_phrasings_of_the_genre(spec_of, sentence, expected):
    assert deadlines(spec_of(HEAD + sentence + SIGNED), "deadline") == expected


def test_a_date_before_the_notice_is_a_condition(spec_of):
    spec = spec_of(HEAD + "被提名项目须于2022年12月31日前完成，提名书于2023年5月10日前报送。" + SIGNED)
    assert deadlines(spec) == ["2023-05-10"]


@pytest.mark.parametrize("sentence, expected", [
    # A weekday and a time with minutes between the date and its 前.
    ("申请企业须于2024年9月30日（星期一）下午5时30分前，透过网上平台递交申请表。", ["2024-09-30"]),
    # A schedule line: the date, then what closes.
    ("时间安排：\n2024年4月18日（周五）17:00：网上申报截止\n", ["2024-04-18"]),
    ("提交项目资料册：2024年11月29日（星期五）或之前\n", ["2024-11-29"]),       # on or before
])
def test_more_deadline_forms(spec_of, sentence, expected):
    assert [d.date for d in spec_of(HEAD + sentence).deadlines if d.kind != "start"] == expected


def test_a_day_of_this_month_takes_the_month_of_the_notice(spec_of):
    text = HEAD + "请各州（市）妇联于本月24日前将推荐材料报送省妇联。\n\n青海省妇女联合会\n2025年1月10日\n"
    assert [d.date for d in spec_of(text).deadlines] == ["2025-01-24"]
