"""Credentials printed in notices (`电子邮箱：x@163.com 密码：scjgj300`): found, counted and
masked. Every output that carries notice text runs it through `redact`."""
from __future__ import annotations

import re

MASK = "******"

# Label, then the value: a run of the characters passwords are made of.
_SECRET_RE = re.compile(
    r"(?P<label>(?:登录|邮箱|初始|访问|账户|账号)?(?:密\s*码|口\s*令|password|passwd|pwd)"
    r"|提取码|访问码|验证码|授权码|邀请码|access[ _-]?code|api[ _-]?key|token|secret)"
    r"\s*(?:[:：=]|为|是)\s*(?P<value>[A-Za-z0-9!@#$%^&*_\-+=.~]{3,64}?)(?=[.。，,；;\s)）]*(?:$|[\s，,；;。)）\u4e00-\u9fff]))",
    re.IGNORECASE | re.MULTILINE)

_KINDS = {"提取码": "access_code", "访问码": "access_code", "验证码": "access_code", "授权码": "access_code",
          "邀请码": "access_code"}


def _kind(label: str) -> str:
    label = label.lower().replace(" ", "")
    for word, kind in _KINDS.items():
        if word in label:
            return kind
    if "api" in label or "token" in label or "secret" in label:
        return "api_key"
    if "access" in label:
        return "access_code"
    return "password"


def find_secrets(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each credential value in `text` (the value only, not its label)."""
    found = []
    for m in _SECRET_RE.finditer(text):
        value = m["value"]
        if not re.search(r"[A-Za-z0-9]", value):
            continue
        found.append((m.start("value"), m.end("value"), _kind(m["label"])))
    return found


def redact(text: str) -> str:
    """`text` with every credential value replaced by a mask of fixed length."""
    out, last = [], 0
    for start, end, _ in find_secrets(text):
        out.append(text[last:start])
        out.append(MASK)
        last = end
    out.append(text[last:])
    return "".join(out)
