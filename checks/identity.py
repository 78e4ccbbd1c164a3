"""Who the packet is about: the applicant's name must read the same in every document."""
from __future__ import annotations

import re
import unicodedata

from models.findings import Flag, FlagCode
from models.packet import Packet, PacketDocKind

from checks.evidence import claims, cite, first, make_flag
from normalizers.names import looks_like_name

K = PacketDocKind
# Documents that name the applicant, and the claim that holds the name there.
NAME_SOURCES = [(K.PUBLICITY_PROOF, "subject_name"), (K.RECOMMENDATION, "subject_name"),
                (K.SELF_ASSESSMENT, "subject_name"), (K.COVER_LETTER, "applicant_name")]
# Evidence whose holder must be the applicant itself.
OWN_EVIDENCE = ("营业执照", "身份证明")
_PUNCT = re.compile(r"[\s·•・\.,，。:：;；\"“”'‘’《》<>]")
# OCR misreads a character now and then (≈0.1–1% CER on scans): one character apart on a page
# that was OCR'd, or on a low-confidence line, is not a different name.
_OCR_TRUST = 0.9
# A differing name is for the reviewer to judge (short forms, renamed units), not a rejection.
SEVERITY = "warning"


def normalize_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    return _PUNCT.sub("", name)


def _one_char_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# How an organisation's name ends; what a title or an opinion says before or instead of a name
# (`质量管理模式自我评价报告`, `同意推荐`) does not.
_ORG_END = re.compile(r"(公司|厂|集团|院|所|校|学|中心|局|委|会|站|行|社|部|店|馆|队|组|室|班|场|园|处|科|办|"
                      r"企业|医院|银行|合作社|事务所|有限合伙)$")


def _reads_as_name(found: str, expected: str) -> bool:
    """Whether a name found elsewhere reads as a name of the applicant's kind at all."""
    if looks_like_name(expected, longest=4):           # a person applies
        return looks_like_name(found, longest=4)
    return bool(_ORG_END.search(found))


def check_names(packet: Packet) -> list[Flag]:
    reference = first(packet, "applicant_name", K.APPLICATION_FORM)
    if reference is None:
        return []
    ref_doc, ref_claim = reference
    expected = normalize_name(str(ref_claim.value))
    others = [(d, c) for kind, field in NAME_SOURCES for d, c in claims(packet, field, kind)]
    others += [(d, c) for d, c in claims(packet, "holder", K.EVIDENCE)
               if (k := d.claim("evidence_kind")) is not None and k.value in OWN_EVIDENCE]
    flags = []
    for doc, claim in others:
        found = normalize_name(str(claim.value))
        if found == expected or not _reads_as_name(found, expected):
            continue
        if len(found) >= 4 and expected.startswith(found):
            continue          # a team or branch of the organisation named (its licence is the parent's)
        if expected in found:
            continue          # the name with words around it (`所属…分公司`)
        unsure = min(claim.confidence, ref_claim.confidence) < _OCR_TRUST or "ocr" in (doc.origin, ref_doc.origin)
        if unsure and _one_char_apart(found, expected):
            continue
        flags.append(make_flag(
            FlagCode.NAME_MISMATCH,
            f"申报主体名称不一致：申报表为“{ref_claim.value}”，{doc.source} 中为“{claim.value}”",
            [cite(ref_doc, ref_claim), cite(doc, claim)], severity=SEVERITY))
    for doc, claim in claims(packet, "recommended_applicants", K.RECOMMENDATION):
        listed = {normalize_name(str(n)) for n in claim.value} if isinstance(claim.value, list) else set()
        if listed and expected not in listed:
            flags.append(make_flag(
                FlagCode.NAME_MISMATCH,
                f"推荐名单中未列出申报主体“{ref_claim.value}”（名单：{'、'.join(map(str, claim.value))}）",
                [cite(ref_doc, ref_claim), cite(doc, claim)], severity=SEVERITY))
    return flags
