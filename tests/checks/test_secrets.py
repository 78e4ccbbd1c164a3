from checks.secrets import find_secrets, mask


def test_password_after_a_label_is_found():
    found = find_secrets("电子版已报送 yqzlfz@163.com（邮箱密码：yq#2021zl）")
    assert [(m["label"], m["value"]) for m in found] == [("邮箱密码", "yq#2021zl")]


def test_blank_or_masked_fields_are_not_secrets():
    assert find_secrets("登录密码：________") == []
    assert find_secrets("密码：******") == []
    assert find_secrets("请妥善保管密码。") == []


def test_mask_keeps_only_the_ends():
    assert mask("Zl@2023xz") == "Z*******z"
