from hypothesis import HealthCheck, given, settings, strategies as st

from extractors.spec import extract_spec, field_view
from extractors.spec.secrets import find_secrets

from .conftest import normalized

# Pieces of notices, shuffled: the extractor sees every kind of broken structure.
PIECES = st.sampled_from([
    "关于", "转发", "通知", "文件", "〔2023〕", "号", "联系人：", "电话：", "0891-", "6815193", "、", "\n",
    "年", "月", "日", "前", "不超过", "3个", "名额", "每个县", "推荐", "《", "》", "附件：", "1.",
    "市场监督管理局", "密码：", "abc123", "2023", "12", "（", "）", " ", "：", "邮编：", "850000", "第二届", "质量奖",
])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(PIECES, max_size=50).map("".join) | st.text(max_size=120))
def test_any_text_gives_a_valid_view(text):
    ndoc = normalized(text)
    spec = extract_spec(ndoc)
    view = field_view(spec)
    assert all(len(p) == 6 and p.isdigit() for p in view.postcodes)
    assert all(d[:2] in ("19", "20") and len(d) == 10 for d in view.deadlines)
    assert view.secrets == len(find_secrets(ndoc.text))
