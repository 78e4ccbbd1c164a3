"""The rows every report shows: one per packet, one per flag, with the reviewer's decisions."""
from __future__ import annotations

from collections import Counter

from pydantic import BaseModel

from models.findings import Flag, FlagCode, PacketFindings

from reports.masking import mask_personal
from reports.overrides import DECISION_LABELS, Override, decisions_for, flag_fingerprint, reviewed_complete

SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
CODE_LABELS = {
    FlagCode.MISSING_DOCUMENT: "缺少材料", FlagCode.MISSING_FIELD: "必填项未填", FlagCode.MISSING_SEAL: "未盖章",
    FlagCode.LATE_SUBMISSION: "逾期报送", FlagCode.PUBLICITY_TOO_SHORT: "公示期不足",
    FlagCode.INELIGIBLE_OPERATING_YEARS: "经营年限不足", FlagCode.INELIGIBLE_REGION: "不在评选地域",
    FlagCode.INELIGIBLE_CATEGORY: "类别不符", FlagCode.RECENT_INCIDENT: "近年有事故或违法",
    FlagCode.REAPPLIED_TOO_SOON: "不得再次申报", FlagCode.USCC_INVALID: "统一社会信用代码无效",
    FlagCode.ID_NUMBER_INVALID: "身份证号无效", FlagCode.NAME_MISMATCH: "名称不一致",
    FlagCode.DATE_INCONSISTENT: "日期矛盾", FlagCode.DUPLICATE_APPLICATION: "重复申报",
    FlagCode.DUPLICATE_EVIDENCE: "证实性材料重复使用", FlagCode.TEXT_LAYER_MISMATCH: "文字层与图像不符",
    FlagCode.QUOTA_EXCEEDED: "超出推荐名额", FlagCode.CREDENTIAL_LEAK: "泄露密码",
    FlagCode.UNREADABLE: "文件无法读取",
}


def verdict(complete: bool) -> str:
    return "形式审查通过" if complete else "形式审查未通过"


class FlagRow(BaseModel):
    packet: str
    code: FlagCode
    severity: str
    message: str
    source: str
    page: int | None
    text: str
    fingerprint: str
    decision: str = ""
    comment: str = ""
    flag_index: int


class PacketRow(BaseModel):
    packet: str
    name: str
    kind: str
    identifier: str
    verdict: str
    reviewed_verdict: str
    errors: int
    warnings: int
    infos: int
    codes: dict[str, int]
    flags: list[FlagRow]


def _show(text: str, shareable: bool) -> str:
    return mask_personal(text) if shareable else text


def _flag_row(found: PacketFindings, i: int, flag: Flag, decision: Override | None, shareable: bool) -> FlagRow:
    first = flag.evidence[0] if flag.evidence else None
    return FlagRow(
        packet=found.packet, code=flag.code, severity=SEVERITY_LABELS[flag.severity],
        message=_show(flag.message, shareable), source=first.source if first else "",
        page=first.page if first else None,
        text=_show("；".join(e.text for e in flag.evidence if e.text), shareable),
        fingerprint=flag_fingerprint(found.packet, flag),
        decision=DECISION_LABELS[decision.decision] if decision else "",
        comment=_show(decision.comment, shareable) if decision else "", flag_index=i)


def packet_rows(findings: list[PacketFindings], overrides: list[Override], *, shareable: bool) -> list[PacketRow]:
    rows = []
    for found in findings:
        decisions = decisions_for(found, overrides)
        severities = Counter(f.severity for f in found.flags)
        rows.append(PacketRow(
            packet=found.packet, name=found.applicant.name or "", kind={"organization": "组织", "individual": "个人"}.get(
                found.applicant.kind or "", ""),
            identifier=_show(found.applicant.id_number or "", shareable),
            verdict=verdict(found.complete), reviewed_verdict=verdict(reviewed_complete(found, decisions)),
            errors=severities["error"], warnings=severities["warning"], infos=severities["info"],
            codes=dict(Counter(f.code.value for f in found.flags)),
            flags=[_flag_row(found, i, f, decisions.get(i), shareable) for i, f in enumerate(found.flags)]))
    return rows
