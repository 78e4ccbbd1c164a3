"""Claims of a publicity proof (公示情况说明): who published, when, and with what outcome."""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim, first_range, last_date_row, sentences

_PUBLISHER_LINE = re.compile(r"公示(单位|部门|机构)[（(]?(盖章)?[)）]?[:：](?P<name>.+)$")
# "<publisher>于<date>至<date>对<subject>申报…进行了公示"
_SUBJECT = re.compile(r"对(?P<name>.+?)(申报|参评|的申报|的有关|有关|相关)")
_PUBLISHER_IN = re.compile(r"(?:^|[，,。])(?P<name>[^，,。]{2,40}?)(?:于|在)\s*\d{4}")
_NO_OBJECTION = re.compile(r"无异议|未收到(任何)?(异议|意见|投诉|举报)|没有收到(任何)?(异议|意见)|无人提出异议")
_OBJECTION = re.compile(r"收到(异议|投诉|举报|意见)|提出异议")


def publicity_claims(doc: DocRows, *, seal_present: bool) -> list[Claim]:
    claims: list[Claim] = []
    publicity = next(((s, row) for s, row in sentences(doc) if "公示" in s and first_range(s)), None)
    if publicity is not None:
        text, row = publicity
        start, end = first_range(text)
        claims += [claim(doc, "publicity_start", start, row, evidence=text),
                   claim(doc, "publicity_end", end, row, evidence=text)]
        subject = _SUBJECT.search(text)
        if subject:
            claims.append(claim(doc, "subject_name", subject["name"], row, evidence=subject.group()))
        publisher = _PUBLISHER_IN.search(text)
        if publisher:
            name = re.sub(r"^(根据.*?要求|经.*?同意)", "", publisher["name"]).strip()
            if name:
                claims.append(claim(doc, "publisher", name, row, evidence=publisher.group()))
    line = next(((row, m) for row in doc.rows for m in [_PUBLISHER_LINE.search(row.text)] if m), None)
    if line is not None and not any(c.field == "publisher" for c in claims):
        claims.append(claim(doc, "publisher", line[1]["name"].strip(), line[0]))
    full = doc.text
    if _NO_OBJECTION.search(full):
        claims.append(claim(doc, "objections", False, evidence=_NO_OBJECTION.search(full).group()))
    elif _OBJECTION.search(full):
        claims.append(claim(doc, "objections", True, evidence=_OBJECTION.search(full).group()))
    dated = last_date_row(doc)
    if dated is not None:
        claims.append(claim(doc, "doc_date", dated[0], dated[1]))
    claims.append(claim(doc, "seal_present", seal_present))
    return claims
