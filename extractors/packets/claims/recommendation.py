"""Claims of a recommendation (推荐意见 / 推荐函 / 推荐名单汇总表)."""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim, last_date_row, sentences

_RECOMMENDER_LINE = re.compile(r"(推荐|审核|报送)(单位|部门|机关)[（(]?(盖章)?[)）]?[:：](?P<name>.+)$")
_SUBJECT = re.compile(r"(经审核|经审查|经研究)[，,]?(?P<name>.+?)(的)?(申报|参评|推荐|材料|符合)")
_POSITIVE = re.compile(r"同意(推荐|上报|报送)|予以推荐|推荐.{0,10}参评")
_NEGATIVE = re.compile(r"不同意|不予推荐|不推荐")
_ROSTER_HEAD = re.compile(r"(单位|个人|组织|申报人|企业).{0,6}名称|^姓名$|名称")


def recommendation_claims(doc: DocRows, *, seal_present: bool) -> list[Claim]:
    claims: list[Claim] = []
    line = next(((row, m) for row in doc.rows for m in [_RECOMMENDER_LINE.search(row.text)] if m), None)
    if line is not None:
        claims.append(claim(doc, "recommender", line[1]["name"].strip(), line[0]))
    opinion = next(((s, row) for s, row in sentences(doc) if _POSITIVE.search(s) or _NEGATIVE.search(s)), None)
    if opinion is not None:
        text, row = opinion
        claims.append(claim(doc, "opinion", text, row))
        claims.append(claim(doc, "recommends", not _NEGATIVE.search(text), row, evidence=text))
        subject = _SUBJECT.search(text)
        if subject:
            claims.append(claim(doc, "subject_name", subject["name"], row, evidence=subject.group()))
    roster = roster_names(doc)
    if roster:
        claims.append(claim(doc, "recommended_applicants", [n for n, _ in roster], roster[0][1]))
    dated = last_date_row(doc)
    if dated is not None:
        claims.append(claim(doc, "doc_date", dated[0], dated[1]))
    claims.append(claim(doc, "seal_present", seal_present))
    return claims


def roster_names(doc: DocRows):
    """Names in a 推荐名单汇总表: the column headed …名称 / 姓名, rows that start with 序号."""
    column = None
    out = []
    for row in doc.rows:
        texts = [c.text for c in row.cells]
        if column is None:
            column = next((i for i, t in enumerate(texts) if _ROSTER_HEAD.search(t) and len(t) < 16), None)
            if column is not None and not any("序号" in t for t in texts) and len(texts) < 2:
                column = None
            continue
        if len(texts) > column and texts[0].isdigit():
            name = texts[column] if column > 0 else texts[1] if len(texts) > 1 else ""
            if name:
                out.append((name, row))
    return out
