import pytest
import string

from hypothesis import given, strategies as st

from extractors.spec import field_view
from extractors.spec.secrets import MASK, find_secrets, redact


def test_mailbox_password_is_found_and_masked():
    text = "电子邮箱：yqzlfz@163.com 密码：scjgj300."
    ((start, end, kind),) = find_secrets(text)
    assert (text[start:end], kind) == ("scjgj300", "password")
    assert redact(text) == f"电子邮箱：yqzlfz@163.com 密码：{MASK}."


def test_prose_about_secrets_is_not_a_secret():
    assert find_secrets("申报材料不得涉及国家秘密，涉及商业秘密的应予注明。密码学专家") == []


@given(st.text(alphabet=string.ascii_letters + string.digits, min_size=4, max_size=20),
       st.sampled_from(["密码：", "登录密码为", "提取码:", "口令："]))
def test_redacted_text_never_shows_the_credential(secret, label):
    text = f"平台账号：abc 。{label}{secret}，请妥善保管。"
    assert secret not in redact(text)


def test_spec_counts_and_masks_everywhere(spec_of):
    spec = spec_of("关于开展第一届某某市质量奖评选的通知\n各单位：\n联系人：翟蕾\n电子邮箱：yq@163.com 密码：scjgj300.")
    assert field_view(spec).secrets == 1
    assert spec.secrets[0].kind == "password"
    assert "scjgj300" not in spec.model_dump_json()


@pytest.mark.parametrize("text, secret", [
    ("密碼：abc12345", "abc12345"),                 # Traditional label
    ("口令 abc12345，请妥善保管", "abc12345"),        # no separator
    ("验证码123456", "123456"),
    ("Password is hunter22.", "hunter22"),
    ("密码：质量2023", "质量2023"),                  # Chinese inside the password
    ("key sk-abcdefghijklmnop12345 here", "sk-abcdefghijklmnop12345"),
    ("AKIAABCDEFGHIJKLMNOP", "AKIAABCDEFGHIJKLMNOP"),
    ("Authorization: Bearer abcdefghijklmnopqrstu", "abcdefghijklmnopqrstu"),
    ("ftp://user:s3cret@host/x", "s3cret"),
])
def test_more_credential_forms_are_masked(text, secret):
    assert secret not in redact(text)
    assert len(find_secrets(text)) == 1


@pytest.mark.parametrize("text", ["密码管理制度", "设置密码的要求", "密码：请向管理员索取",
                                  "token based auth", "secret ballot", "联系电话：0891-6815193"])
def test_words_about_passwords_are_not_secrets(text):
    assert find_secrets(text) == []
    assert redact(text) == text


def test_password_after_verb_and_colon():
    text = "系统登录初始口令为：123456，网盘访问密码：8866"
    assert [text[s:e] for s, e, _ in find_secrets(text)] == ["123456", "8866"]


def test_password_followed_by_a_bracketed_note():
    text = "申报系统账号为统一社会信用代码，初始密码为123456（登录后请修改）。"
    assert [text[s:e] for s, e, _ in find_secrets(text)] == ["123456"]


def test_a_word_of_scope_before_the_verb():
    text = "首次使用系统的单位，系统初始登录密码统一为 cbda2025，登录后请立即修改。"
    assert [text[s:e] for s, e, _ in find_secrets(text)] == ["cbda2025"]


def test_one_credential_printed_twice_is_one_exposed(spec_of):
    text = ("关于推荐申报2024年《福建省优秀科普作品》的通知\n各设区市科协：\n"
            "统一上传至网盘：https://pan.baidu.com/s/1xK9mQ2rTfB7nLpZ?pwd=fk24\n提取码：fk24。\n"
            "填表说明：作品电子版请上传至通知所列网盘（提取码：fk24）。\n")
    assert field_view(spec_of(text)).secrets == 1
