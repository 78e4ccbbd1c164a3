"""Credentials printed in notices (`电子邮箱：x@163.com 密码：scjgj300`): found, counted and
masked. Every output that carries notice text runs it through `redact`."""
from __future__ import annotations

import re

MASK = "******"

# Label, then the value: a run of the characters passwords are made of. The separator may be
# missing (口令 abc12345, 验证码123456); a value must then start right after the label.
_VALUE = r"[A-Za-z0-9!@#$%^&*_\-+=.~\u4e00-\u9fff]{3,64}?"
_SECRET_RE = re.compile(
    r"(?P<label>(?:登录|邮箱|初始|访问|账户|账号|帳號|登錄)?(?:密\s*[码碼]|口\s*令|password|passwd|pwd)"
    r"|提取[码碼]|访问码|訪問碼|验证码|驗證碼|授权码|授權碼|邀请码|邀請碼|access[ _-]?code|api[ _-]?key|token|secret)"
    # `初始口令为：123456`: the verb and a colon together.
    # `初始登录密码统一为 cbda2025`: a word of scope may stand before the verb.
    r"(?P<sep>\s*(?:(?:统一|統一|均|一律|默认|默認)?(?:为|為|是)\s*[:：]?|[:：=]|\bis\b)\s*|\s+|(?=[A-Za-z0-9]))"
    # A note in brackets may follow the value: `初始密码为123456（登录后请修改）`.
    r"(?P<value>" + _VALUE + r")(?=[.。，,；;\s)）]*(?:$|[\s，,；;。)）（(]))",
    re.IGNORECASE | re.MULTILINE)
# Credentials that need no label: cloud keys, bearer tokens, user:password in a URL.
_BARE_RE = re.compile(
    r"\b(?P<value>sk-[A-Za-z0-9_\-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,})\b"
    r"|Bearer\s+(?P<bearer>[A-Za-z0-9._\-]{16,})"
    r"|://[^\s/:@]+:(?P<userpass>[^\s/@]{3,})@")

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
        # A credential has letters or digits; "密码：请向管理员索取" is an instruction.
        if not re.search(r"[A-Za-z0-9]", value):
            continue
        # Without a separator only a value with a digit counts: "token based", "secret ballot".
        if not re.search(r"[:：=为為是]|is", m["sep"]) and not re.search(r"\d", value):
            continue
        found.append((m.start("value"), m.end("value"), _kind(m["label"])))
    for m in _BARE_RE.finditer(text):
        group = next(g for g in ("value", "bearer", "userpass") if m[g])
        found.append((m.start(group), m.end(group), "password" if group == "userpass" else "api_key"))
    found.sort()
    # Overlaps (a labelled key that is also a bare key) count once.
    merged: list[tuple[int, int, str]] = []
    for item in found:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    return merged


def redact(text: str) -> str:
    """`text` with every credential value replaced by a mask of fixed length."""
    out, last = [], 0
    for start, end, _ in find_secrets(text):
        out.append(text[last:start])
        out.append(MASK)
        last = end
    out.append(text[last:])
    return "".join(out)
