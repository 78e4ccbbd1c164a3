"""Claims of a recommendation (推荐意见 / 推荐函 / 推荐名单汇总表)."""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim, last_date_row, sentences
from extractors.packets.claims.form import labelled_values

_RECOMMENDER_LINE = re.compile(r"(推荐|审核|报送)(单位|部门|机关)[（(]?(盖章)?[)）]?[:：](?P<name>.+)$")
_SUBJECT = re.compile(r"(经(初核|初审|复核|核实|审核|审查|研究))[，,]?(?P<name>.+?)(的)?(申报|参评|推荐|材料|符合)")
_POSITIVE = re.compile(r"同意(推荐|上报|报送)|予以推荐|(现|特)予?推荐|推荐.{0,10}参评")
# A table row that names whom the opinion is about: 申报对象 / 推荐对象 / 申报单位 / 被推荐人
# (推荐单位 is the recommender).
_SUBJECT_LABEL = re.compile(r"^((申报|被推荐|参评)(对象|单位|组织|企业|人)|推荐对象)(名称|姓名)?$")
# Words that stand for the applicant without naming it: no name to compare.
_PRONOUN = re.compile(r"^(该|本|我|其|上述|以上)")
# A body that signs a letter: the short line above its date, ending as public bodies do.
_SIGNER = re.compile(r"^[^，,。；;:：\s]{4,40}(办公室|局|委员会|管委会|管理委员会|人民政府|政府|协会|学会|联合会|中心|厅|委)$")
_NEGATIVE = re.compile(r"不同意|不予推荐|不推荐")
_ROSTER_HEAD = re.compile(r"(单位|个人|组织|申报人|企业).{0,6}名称|^姓名$|名称")


def recommendation_claims(doc: DocRows, *, seal_present: bool) -> list[Claim]:
    claims: list[Claim] = []
    labelled = [(f, v, row, cell) for f, v, row, cell in labelled_values(doc.rows) if v]
    line = next(((row, m) for row in doc.rows for m in [_RECOMMENDER_LINE.search(row.text)] if m), None)
    if line is not None:
        claims.append(claim(doc, "recommender", line[1]["name"].strip(), line[0]))
    else:
        found = next(((v, row, cell) for f, v, row, cell in labelled if f == "recommender"), None) \
            or _signer(doc)
        if found is not None:
            claims.append(claim(doc, "recommender", *found))
    opinion = next(((s, row) for s, row in sentences(doc) if _POSITIVE.search(s) or _NEGATIVE.search(s)), None)
    named = _labelled_subject(doc)
    if named is not None:
        claims.append(claim(doc, "subject_name", *named))
    if opinion is not None:
        text, row = opinion
        claims.append(claim(doc, "opinion", text, row))
        claims.append(claim(doc, "recommends", not _NEGATIVE.search(text), row, evidence=text))
        subject = _SUBJECT.search(text)
        if subject and named is None and not _PRONOUN.match(subject["name"]):
            claims.append(claim(doc, "subject_name", subject["name"], row, evidence=subject.group()))
    roster = roster_names(doc)
    if roster:
        claims.append(claim(doc, "recommended_applicants", [n for n, _ in roster], roster[0][1]))
    dated = last_date_row(doc)
    if dated is not None:
        claims.append(claim(doc, "doc_date", dated[0], dated[1]))
    claims.append(claim(doc, "seal_present", seal_present))
    return claims


def _labelled_subject(doc: DocRows):
    """(name, row, cell) from a 申报对象 / 申报单位 row of an opinion form."""
    for row in doc.rows:
        cells = row.cells
        for i, cell in enumerate(cells[:-1]):
            if _SUBJECT_LABEL.match(re.sub(r"[\s:：]", "", cell.text)) and cells[i + 1].text \
                    and not _PRONOUN.match(cells[i + 1].text):
                return cells[i + 1].text, row, cells[i + 1]
    return None


def _signer(doc: DocRows):
    """The body signing above the date at the foot of a letter (推荐函) that has no label for it."""
    dated = last_date_row(doc)
    if dated is None:
        return None
    at = next(i for i, row in enumerate(doc.rows) if row is dated[1])
    for row in reversed(doc.rows[max(0, at - 2):at + 1]):
        text = re.sub(r"[（(]盖章[)）]", "", row.text).strip()
        if _SIGNER.match(text):
            return text, row, None
    return None


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
