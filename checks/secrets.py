"""Credentials written into a packet: a reviewer must not pass them on, the applicant must change them."""
from __future__ import annotations

import re

from models.findings import Flag, FlagCode
from models.packet import Packet

from checks.evidence import cite_document, make_flag

# Leaking a secret does not make an application ineligible: a warning the reviewer acts on.
# A label for a secret followed by a value that is not a blank to fill in.
SECRET = re.compile(
    r"(?P<label>登录密码|邮箱密码|初始密码|密码|口令|提取码|访问码|验证码|password|passwd|pwd|secret|token|api[_-]?key)"
    r"\s*(?:[:：=]|为|是)\s*(?P<value>[A-Za-z0-9!@#$%^&*()_+\-=.~/]{4,})",
    re.IGNORECASE)


def mask(value: str) -> str:
    return value[:1] + "*" * (len(value) - 2) + value[-1:] if len(value) > 2 else "**"


def find_secrets(text: str) -> list[re.Match[str]]:
    return [m for m in SECRET.finditer(text) if not set(m["value"]) <= set("_-*.~")]


def check_credentials(packet: Packet) -> list[Flag]:
    flags = []
    for doc in packet.documents:
        texts = [doc.text]
        for claim in doc.claims:
            values = claim.value if isinstance(claim.value, list) else [claim.value]
            texts += [v for v in values if isinstance(v, str)]
        hits = [m for t in texts for m in find_secrets(t)]
        if hits:
            shown = "；".join(f"{m['label']}：{mask(m['value'])}" for m in hits[:3])
            flags.append(make_flag(
                FlagCode.CREDENTIAL_LEAK,
                f"{doc.source} 中出现了密码等凭据（{shown}），应删除后再流转，并提醒申报单位修改",
                [cite_document(doc, shown)], severity="warning"))
    return flags
