import pytest

from extractors.spec.allocations import allocations

HEAD = "关于开展第二届某某市质量奖评选表彰工作的通知\n各有关单位：\n"


def shares(text: str) -> list[tuple[str, int]]:
    return [(a.place, a.max) for a in allocations(text, 0, len(text))]


def test_inline_allocation_with_chinese_numerals():
    text = "各县市区推荐名额如下：宣州区二个、广德市二个、宁国市一个、泾县一个，市经开区一个。"
    assert shares(text) == [("宣州区", 2), ("广德市", 2), ("宁国市", 1), ("泾县", 1), ("市经开区", 1)]


def test_allocation_under_a_table_title():
    text = "各设区市推荐名额分配表\n南京市8项，无锡市7项，徐州市3项，苏州市10项。"
    assert shares(text) == [("南京市", 8), ("无锡市", 7), ("徐州市", 3), ("苏州市", 10)]


def test_flattened_table_rows():
    text = "组织推荐名额分配表\n序号设区市推荐名额（个）\n1杭州市5\n2宁波市4\n3温州市3\n10台州市3\n合计15\n"
    assert shares(text) == [("杭州市", 5), ("宁波市", 4), ("温州市", 3), ("台州市", 3)]


def test_table_rows_naming_the_recommending_body_with_two_columns():
    text = ("推荐名额分配表\n序号 推荐单位 组织（个） 个人（名）\n1 福州市市场监督管理局 6 3\n"
            "2 平潭综合实验区市场监督管理局 2 1\n3 省直有关单位 3 1\n合计 11 5\n")
    assert shares(text) == [("福州市市场监督管理局", 6), ("福州市市场监督管理局", 3),
                            ("平潭综合实验区市场监督管理局", 2), ("平潭综合实验区市场监督管理局", 1),
                            ("省直有关单位", 3), ("省直有关单位", 1)]


@pytest.mark.parametrize("text", [
    "杭州市2家企业、宁波市3家企业获得表彰。",                       # no 名额/推荐 around it
    "推荐名额：杭州市5个、宁波市4个。",                             # two places are no allocation table
    "获奖名单\n1杭州市5\n2宁波市4\n",
])
def test_not_allocations(text):
    assert shares(text) == []


def test_shares_become_submission_quotas_once(spec_of):
    quotas = spec_of(HEAD + "三、推荐名额\n各区推荐名额：甲城区3个，乙城区2个，丙城区1个。获奖组织不超过5个。").quotas
    assert sorted((q.scope, q.max, q.per) for q in quotas) == [
        ("award", 5, None), ("submission", 1, "丙城区"), ("submission", 2, "乙城区"), ("submission", 3, "甲城区")]


def test_last_row_for_the_places_not_listed():
    text = ("推荐名额分配表\n序号  市（州）  推荐名额（个）\n1  成都市  5\n2  绵阳市  3\n3  德阳市  3\n"
            "4  其余13个市（州）  各1\n合计  35\n")
    assert shares(text)[-1] == ("其余13个市（州）", 1)


def test_rows_for_universities():
    text = ("推荐名额分配表\n序号 推荐单位 名额\n1 洛龙区 5\n2 洛阳高新区 6\n3 河南科技大学 8\n"
            "4 洛阳理工学院 4\n")
    assert shares(text)[-2:] == [("河南科技大学", 8), ("洛阳理工学院", 4)]


def test_rows_for_classes_of_schools_with_a_share_each():
    text = ("各高校择优推荐，推荐数量不得超过下表限额：\n学校类别    推荐限额（项）\n吉林大学    15\n"
            "其他部属及省属重点建设高校    每校 6\n高职（专科）院校    每校 3\n民办高校    每校 2\n")
    assert shares(text) == [("吉林大学", 15), ("其他部属及省属重点建设高校", 6), ("高职（专科）院校", 3),
                            ("民办高校", 2)]


def test_several_places_to_a_table_line():
    text = ("各地各单位推荐名额分配如下（推荐数不得超过分配名额）：\n\n合肥市 15   淮北市 6   亳州市 8   宿州市 9\n"
            "蚌埠市 8   阜阳市 12\n省直机关妇工委 8   省属企业妇委会 6\n")
    assert shares(text) == [("合肥市", 15), ("淮北市", 6), ("亳州市", 8), ("宿州市", 9), ("蚌埠市", 8),
                            ("阜阳市", 12), ("省直机关妇工委", 8), ("省属企业妇委会", 6)]


def test_rows_with_a_note_a_dash_for_no_share_and_enterprises():
    text = ("初选推荐人选数分配表\n序号\t推荐单位\t中华技能大奖候选人（名）\t全国技术能手候选人（名）\n"
            "1\t贵阳市（含贵安新区）\t2\t5\n2\t遵义市\t1\t4\n3\t六盘水市\t—\t2\n11\t有关中央在黔企业\t1\t3\n")
    assert shares(text) == [("贵阳市", 2), ("贵阳市", 5), ("遵义市", 1), ("遵义市", 4), ("六盘水市", 2),
                            ("有关中央在黔企业", 1), ("有关中央在黔企业", 3)]


def test_cells_set_apart_by_bars_and_places_sharing_a_row():
    text = ("附表：推荐名额分配表\n地区 | 集体（个） | 个人（名）\n西宁市 | 4 | 9\n海北州、黄南州 | 1 | 3\n"
            "省直机关妇工委 | 3 | 6\n")
    assert shares(text) == [("西宁市", 4), ("西宁市", 9), ("海北州", 1), ("海北州", 3), ("黄南州", 1),
                            ("黄南州", 3), ("省直机关妇工委", 3), ("省直机关妇工委", 6)]
    text = "各县（市、区）推荐名额如下：\n县（市、区） | 推荐名额\n榆阳区、神木市 | 各4名\n府谷县、靖边县 | 各3名\n市级有关部门（合计） | 3名\n"
    assert shares(text) == [("榆阳区", 4), ("神木市", 4), ("府谷县", 3), ("靖边县", 3), ("市级有关部门", 3)]
