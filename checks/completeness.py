"""形式审查 completeness: required documents, required form fields, seals, unreadable files."""
from __future__ import annotations

from models.findings import EvidenceRef, Flag, FlagCode
from models.packet import Packet, PacketDocKind, PacketDocument
from models.spec import AwardSpec

from checks.evidence import cite_document, claims, first, make_flag
from checks.rules import rules

K = PacketDocKind

KIND_NAMES = {
    K.APPLICATION_FORM: "申报表（推荐表）",
    K.SELF_ASSESSMENT: "自我评价报告",
    K.EVIDENCE: "证实性材料",
    K.PUBLICITY_PROOF: "公示情况说明",
    K.RECOMMENDATION: "推荐意见（推荐函）",
    K.COVER_LETTER: "申报函（目录）",
    K.OTHER: "其他材料",
}

# Material names in notices → the packet document kind that satisfies them; order matters
# (个人推荐表 is an application form, 推荐函 a recommendation).
_MATERIAL_KEYWORDS: list[tuple[tuple[str, ...], PacketDocKind]] = [
    (("申报表", "推荐表", "申请表", "申报书"), K.APPLICATION_FORM),
    (("自我评价", "自评报告"), K.SELF_ASSESSMENT),
    (("证实性材料", "证明材料", "佐证材料", "支撑材料"), K.EVIDENCE),
    (("公示",), K.PUBLICITY_PROOF),
    (("推荐意见", "推荐函", "审核意见", "推荐名单"), K.RECOMMENDATION),
    (("申报函", "目录"), K.COVER_LETTER),
]

# Form fields a reviewer cannot accept empty, by applicant kind (the genre's forms all ask them).
REQUIRED_FIELDS: dict[str, dict[str, str]] = {
    "organization": {
        "applicant_name": "申报单位名称",
        "uscc": "统一社会信用代码",
        "legal_representative": "法定代表人",
        "contact_phone": "联系电话",
    },
    "individual": {
        "applicant_name": "姓名",
        "id_number": "居民身份证号码",
        "work_unit": "工作单位",
        "contact_phone": "联系电话",
    },
}

# Documents that carry the issuing body's 公章 in this genre.
SEALED_KINDS = {K.APPLICATION_FORM, K.PUBLICITY_PROOF, K.RECOMMENDATION}


def material_kinds(name: str) -> list[PacketDocKind]:
    """"申报表和证实性材料" → [application_form, evidence]; a 推荐表 is a form, not a recommendation."""
    found: list[PacketDocKind] = []
    rest = name
    for keywords, kind in _MATERIAL_KEYWORDS:
        for k in keywords:
            if k in rest:
                found.append(kind)
                rest = rest.replace(k, "")
                break
    return found


def required_kinds(spec: AwardSpec) -> dict[PacketDocKind, str]:
    """Document kinds the notice requires, each with the material name the notice used."""
    needed: dict[PacketDocKind, str] = {K.APPLICATION_FORM: KIND_NAMES[K.APPLICATION_FORM]}
    for material in spec.materials + (spec.forwarded.materials if spec.forwarded else []):
        if not material.required:
            continue
        declared = _kind_of(material.document_kind)
        for kind in [declared] if declared else material_kinds(material.name):
            if kind is not K.OTHER:
                needed.setdefault(kind, KIND_NAMES[kind] if len(material_kinds(material.name)) > 1 else material.name)
    if rules(spec, "publicity_min_working_days"):
        needed.setdefault(K.PUBLICITY_PROOF, KIND_NAMES[K.PUBLICITY_PROOF])
    return needed


def _kind_of(value: str | None) -> PacketDocKind | None:
    try:
        return PacketDocKind(value) if value else None
    except ValueError:
        return None


def check_documents(packet: Packet, spec: AwardSpec) -> list[Flag]:
    present = {doc.kind for doc in packet.documents}
    where = EvidenceRef(source=packet.name, text="、".join(sorted({KIND_NAMES[k] for k in present})) or "（无）")
    return [
        make_flag(FlagCode.MISSING_DOCUMENT,
                  f"缺少通知要求的材料：{name}（材料中未找到{KIND_NAMES[kind]}）", [where])
        for kind, name in required_kinds(spec).items() if kind not in present
    ]


def applicant_kind(packet: Packet) -> str | None:
    if packet.applicant_kind:
        return packet.applicant_kind
    found = first(packet, "applicant_kind", K.APPLICATION_FORM)
    if found and isinstance(found[1].value, str) and found[1].value in REQUIRED_FIELDS:
        return found[1].value
    if first(packet, "id_number", K.APPLICATION_FORM):
        return "individual"
    if first(packet, "uscc", K.APPLICATION_FORM):
        return "organization"
    return None


def check_fields(packet: Packet) -> list[Flag]:
    forms = [doc for doc in packet.documents if doc.kind is K.APPLICATION_FORM]
    kind = applicant_kind(packet)
    if not forms or kind is None:
        return []
    missing = [label for field, label in REQUIRED_FIELDS[kind].items()
               if next(claims(packet, field, K.APPLICATION_FORM), None) is None]
    if not missing:
        return []
    return [make_flag(FlagCode.MISSING_FIELD,
                      f"申报表必填项未填写：{'、'.join(missing)}",
                      [cite_document(forms[0], "、".join(missing))])]


def has_seal(doc: PacketDocument) -> bool:
    stated = doc.claim("seal_present")
    if stated is not None and isinstance(stated.value, bool):
        return stated.value or bool(doc.seals)
    return bool(doc.seals)


def check_seals(packet: Packet) -> list[Flag]:
    return [
        make_flag(FlagCode.MISSING_SEAL,
                  f"{KIND_NAMES[doc.kind]}应加盖公章，{doc.source} 第{doc.pages[0] if doc.pages else 1}页未见印章",
                  [cite_document(doc, "未见印章")])
        for doc in packet.documents if doc.kind in SEALED_KINDS and not has_seal(doc)
    ]


def check_unreadable(packet: Packet) -> list[Flag]:
    """A warning: a required document that cannot be read is MISSING_DOCUMENT's error already."""
    flags = []
    for entry in packet.unreadable:
        source, _, reason = entry.partition(": ")
        flags.append(make_flag(FlagCode.UNREADABLE,
                               f"文件无法读取：{source}（{reason or '原因不明'}），请申报单位重新提交",
                               [EvidenceRef(source=source, text=reason)], severity="warning"))
    return flags
