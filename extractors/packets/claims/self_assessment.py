"""Claims of a self-assessment report (自我评价报告): present, how long, which criteria."""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim
from extractors.packets.claims.form import labelled_values

# GB/T 19580 categories and the words a report uses for each.
CRITERIA: dict[str, re.Pattern[str]] = {k: re.compile(p) for k, p in {
    "领导": r"领导|高层|治理|社会责任",
    "战略": r"战略",
    "顾客与市场": r"顾客|客户|市场|满意",
    "资源": r"资源|人力|人才|培训|设备|基础设施|信息",
    "过程管理": r"过程|工序|流程|控制点|生产",
    "测量、分析与改进": r"测量|分析|改进|对标|QC",
    "结果": r"结果|绩效|效益|合格率|指标",
}.items()}
_TITLE = re.compile(r"^(?P<name>.+?)(的)?自我评价报告")
# What a title says before 自我评价报告 when it names no one: 个人自我评价报告, 年度….
_GENERIC = re.compile(r"^(个人|组织|单位|企业|本单位|我单位|本人|申报单位|申报人|\d{4}年度?|年度)$")
_HEAD_ROWS = 4                     # the name under the title: 申报单位：… / 申报人：…


def self_assessment_claims(doc: DocRows) -> list[Claim]:
    text = doc.text
    claims = [claim(doc, "present", True, doc.rows[0] if doc.rows else None),
              claim(doc, "length_chars", len(re.sub(r"\s", "", text)))]
    covered = [k for k, p in CRITERIA.items() if p.search(text)]
    claims.append(claim(doc, "criteria_covered", covered))
    for row in doc.rows[:3]:
        m = _TITLE.search(row.text)
        if m and not _GENERIC.match(m["name"]):
            claims.append(claim(doc, "subject_name", m["name"], row, evidence=m.group()))
            return claims
    for field, value, row, cell in labelled_values(doc.rows[:_HEAD_ROWS]):
        if field in ("applicant_name", "person_name") and value:
            claims.append(claim(doc, "subject_name", value, row, cell))
            break
    return claims
