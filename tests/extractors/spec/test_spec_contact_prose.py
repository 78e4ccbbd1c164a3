import pytest

from extractors.spec.contact_prose import prose_names


def names(text):
    return [n for _, n in prose_names(text, 0, len(text))]


@pytest.mark.parametrize("text, expected", [
    ("具体事宜请与省质协会员部李娜同志联系（电话：029-87291234）。", ["李娜"]),
    ("或与省总工会经济技术部张国栋同志联系（电话：029-87345621）。", ["张国栋"]),
    ("政策咨询请与省科学技术奖励办公室刘晓东、周敏联系，电话：028-86711234。", ["刘晓东", "周敏"]),
    ("如有查询：\n梁嘉欣女士，电话：(853) 2878 8777；\n区志明先生，电话：(853) 2878 8730；", ["梁嘉欣", "区志明"]),
    ("执行单位中区服务处王雅婷小姐，电话(04)2350-1234。", ["王雅婷"]),
])
def test_names_in_prose(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "各地要与有关部门加强联系，及时报送材料。",
    "企业应与市场监管部门保持联系。",
    "有问题请与我们联系。",
    "王先生表示，质量是企业的生命。",
])
def test_prose_without_contact_names(text):
    assert names(text) == []
