"""Claims of evidence (证实性材料): what certificate, whose, issued and valid until when."""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim, iso_date
from extractors.packets.claims.form import labelled_values
from extractors.packets.identifiers import ID_NUMBER_PATTERN, USCC_PATTERN

EVIDENCE_KINDS: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p)) for k, p in [
    ("营业执照", r"营业执照|事业单位法人证书|社会团体法人登记证书|民办非企业单位登记证书"),
    ("认证证书", r"认证证书|体系认证|注册证书"),
    ("资质证书", r"资质|许可证|生产许可|资格证"),
    ("获奖证书", r"荣誉|获奖|奖状|表彰|奖牌|证书"),
    ("身份证明", r"身份证|公民身份号码"),
    ("财务报表", r"财务|审计报告|资产负债表|利润表|纳税"),
]]
_HOLDER = [re.compile(p) for p in (
    r"^(名称|企业名称|单位名称|持证单位|获证(组织|单位)|证书持有人|姓名)[:：]?(?P<name>.+)$",
    r"兹证明\s*(?P<name>.+?)\s*(建立|的|同志|在)",
    r"^(?P<name>.+?)同志在",
    r"授予\s*(?P<name>.+?)\s*\d{4}")]
# The next field of a certificate or ID card, printed after the name without a colon
# (姓名 刘芳 性别 女 民族 汉): where the holder's name ends.
_NEXT_FIELD = re.compile(r"(性别|公民身份|工作单位|类型|法定代表人|注册资本|成立日期|住所|住址)")
_NUMBER = re.compile(r"(证书编号|编号|注册号|证号|No\.?)[:：]?\s*(?P<no>[A-Za-z0-9\-]{5,30})")
_ISSUED = re.compile(r"(发证|颁发|颁证|签发|成立|发布|注册)(日期|时间)[:：]?")
_EXPIRY = re.compile(r"有效期(至|到|截止)[:：]?|有效期[:：].*?至")


def evidence_kind(title: str, text: str) -> str:
    for source in (title, text):
        for kind, pattern in EVIDENCE_KINDS:
            if pattern.search(source):
                return kind
    return "其他"


def evidence_claims(doc: DocRows, *, title: str, fingerprints: list[str]) -> list[Claim]:
    claims = [claim(doc, "evidence_kind", evidence_kind(title, doc.text),
                    doc.rows[0] if doc.rows else None, evidence=title)]
    labelled = {f: (v, row, cell) for f, v, row, cell in reversed(labelled_values(doc.rows)) if v}
    holder = labelled.get("applicant_name") or labelled.get("person_name")
    if holder:
        claims.append(claim(doc, "holder", _name_only(holder[0]), holder[1], holder[2]))
    else:
        for row in doc.rows:
            m = next((m for p in _HOLDER for m in [p.search(row.text)] if m), None)
            if m:
                claims.append(claim(doc, "holder", _name_only(m["name"]), row, evidence=m.group()))
                break
    for row in doc.rows:
        number = _NUMBER.search(row.text) or USCC_PATTERN.search(row.text) \
            or ID_NUMBER_PATTERN.search(row.text)
        if number:
            value = number["no"] if "no" in number.groupdict() else number.group()
            claims.append(claim(doc, "certificate_number", value.upper(), row, evidence=number.group()))
            break
    issued = labelled.get("founding_date")
    if issued and iso_date(issued[0]):
        claims.append(claim(doc, "issue_date", iso_date(issued[0]), issued[1], issued[2]))
    for field, pattern in (("issue_date", _ISSUED), ("expiry_date", _EXPIRY)):
        if any(c.field == field for c in claims):
            continue
        for row in doc.rows:
            m = pattern.search(row.text)
            date = iso_date(row.text[m.end():]) if m else None
            if date:
                claims.append(claim(doc, field, date, row))
                break
    claims.append(claim(doc, "fingerprint", fingerprints))
    return claims


def _name_only(text: str) -> str:
    return _NEXT_FIELD.split(text, maxsplit=1)[0].strip()
