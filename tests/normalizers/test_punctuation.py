import pytest

from normalizers.punctuation import unify_punctuation


@pytest.mark.parametrize("raw, expected", [
    ("藏质协字（2023）11号", "藏质协字〔2023〕11号"),
    ("藏市监（2023）55 号", "藏市监〔2023〕55 号"),
    ("阳政发[2020]10号", "阳政发〔2020〕10号"),
    ("甘质强组办【2023】5号", "甘质强组办〔2023〕5号"),
    ("市监质函﹝2023﹞105号", "市监质函〔2023〕105号"),
    ("市监质函〔2023〕105号", "市监质函〔2023〕105号"),
])
def test_document_number_brackets_unified(raw, expected):
    assert unify_punctuation(raw) == expected


def test_brackets_elsewhere_are_not_document_numbers():
    assert unify_punctuation("第三届（2022-2023年度）") == "第三届（2022-2023年度）"


def test_ascii_punctuation_next_to_chinese_becomes_chinese():
    assert unify_punctuation("各地(市)市场监管局,有关单位:") == "各地（市）市场监管局，有关单位："
    assert unify_punctuation("(一)组织申报条件") == "（一）组织申报条件"
    assert unify_punctuation("有关企业(组织):") == "有关企业（组织）："


def test_nested_parentheses_pair_up():
    raw = "秘书处(地址:西藏拉萨市宇拓路28号,邮编:850000),电子版"
    assert unify_punctuation(raw) == "秘书处（地址：西藏拉萨市宇拓路28号，邮编：850000），电子版"


def test_urls_emails_times_and_numbered_items_untouched():
    for text in ("http://amr.xizang.gov.cn/?a=1,2", "xzzjzjc@163.com", "9:30", "(1) 政治素质", "3,000"):
        assert unify_punctuation(text) == text


def test_dash_between_digits():
    assert unify_punctuation("0891—6815193、0891–6347266") == "0891-6815193、0891-6347266"


def test_same_length():
    raw = "(地址:西藏(拉萨)),甘质强组办【2023】5号"
    assert len(unify_punctuation(raw)) == len(raw)


def test_document_number_with_di():
    assert unify_punctuation("藏市监（2023）第55号") == "藏市监〔2023〕第55号"


def test_ascii_quotes_around_chinese():
    assert unify_punctuation('坚定拥护"两个确立",坚决做到"两个维护"') == "坚定拥护“两个确立”，坚决做到“两个维护”"
    assert unify_punctuation('say "hello"') == 'say "hello"'


def test_corner_quotes_become_curly():
    assert unify_punctuation("堅決做到「兩個維護」『好』") == "堅決做到“兩個維護”‘好’"
