"""Caps on how many applicants one recommender may put forward (spec quotas of scope "submission")."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from models.findings import Flag, FlagCode
from models.packet import Packet, PacketDocKind
from models.spec import AwardSpec, Quota

from checks.completeness import applicant_kind
from checks.evidence import claims, cite, first, make_flag
from checks.identity import normalize_name

K = PacketDocKind
# Notices cap submissions "原则上": exceeding is for the organizer to weigh, not an automatic rejection.
SEVERITY = "warning"
_ORG_WORDS = re.compile(r"(公司|集团|局|院|校|学|中心|协会|厂|站|所|班组|小组|QC|合作社|医院|银行|部)")


def submission_quotas(spec: AwardSpec) -> list[Quota]:
    own = [q for q in spec.quotas if q.scope == "submission"]
    return own + (submission_quotas(spec.forwarded) if spec.forwarded else [])


def quota_kind(quota: Quota) -> str | None:
    """The applicant kind a cap counts: 个人 → individuals, 组织/单位/企业 → organizations."""
    if "个人" in quota.category:
        return "individual"
    if any(w in quota.category for w in ("组织", "单位", "企业", "班组")):
        return "organization"
    return None


def _guess_kind(name: str) -> str:
    return "organization" if len(name) > 5 or _ORG_WORDS.search(name) else "individual"


def _over(quota: Quota, counts: dict[str | None, int], own_kind: str | None) -> int | None:
    """The count past the cap, if the cap covers the packet's own kind of applicant."""
    kind = quota_kind(quota)
    if kind is not None and own_kind is not None and kind != own_kind:
        return None
    n = counts.get(kind, 0) if kind else sum(counts.values())
    return n if n > quota.max else None


def _message(recommender: str, quota: Quota, n: int) -> str:
    return (f"推荐单位“{recommender}”推荐{quota.category} {n} 个，超过"
            f"{quota.per or '每个推荐单位'}不超过 {quota.max} 个的限额")


def check_recommended_list(packet: Packet, spec: AwardSpec) -> list[Flag]:
    """A 推荐名单汇总表 inside the packet listing more applicants of the packet's kind than the cap."""
    quotas = submission_quotas(spec)
    own = applicant_kind(packet)
    flags = []
    for doc, claim in claims(packet, "recommended_applicants", K.RECOMMENDATION):
        names = [normalize_name(str(n)) for n in claim.value] if isinstance(claim.value, list) else []
        counts: dict[str | None, int] = defaultdict(int)
        for name in set(names):
            counts[_guess_kind(name)] += 1
        who = doc.claim("recommender")
        for quota in quotas:
            n = _over(quota, counts, own)
            if n is not None:
                flags.append(make_flag(
                    FlagCode.QUOTA_EXCEEDED, _message(str(who.value) if who else "本推荐单位", quota, n),
                    [cite(doc, claim)], severity=SEVERITY))
                return flags
    return flags


def recommender_names(packet: Packet) -> list[str]:
    """Every spelling of the packet's recommender (recommendation first, then the form's)."""
    fields = [("recommender", (K.RECOMMENDATION,)), ("recommender", ()), ("channel", ())]
    names = [normalize_name(str(c.value)) for field, kinds in fields for _, c in claims(packet, field, *kinds)]
    return list(dict.fromkeys(names))


def group_by_recommender(packets: list[Packet]) -> dict[str, list[int]]:
    """Packets by recommender. OCR may drop a character of one spelling on one page; the spelling
    the batch uses most among a packet's own spellings names its group."""
    spellings = [recommender_names(p) for p in packets]
    usage = Counter(name for names in spellings for name in set(names))
    groups: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(spellings):
        if names:
            groups[max(names, key=lambda n: (usage[n], -names.index(n)))].append(i)
    return groups


def check_batch_quota(packets: list[Packet], spec: AwardSpec, identities: list[str]) -> dict[int, list[Flag]]:
    """Packets grouped by recommender (one pass); every packet of an over-cap group is flagged."""
    quotas = submission_quotas(spec)
    if not quotas:
        return {}
    groups = group_by_recommender(packets)
    flagged: dict[int, list[Flag]] = defaultdict(list)
    for recommender, members in groups.items():
        seen: dict[str | None, set[str]] = defaultdict(set)
        for i in members:
            seen[applicant_kind(packets[i])].add(identities[i])
        counts = {k: len(v) for k, v in seen.items()}
        for i in members:
            for quota in quotas:
                n = _over(quota, counts, applicant_kind(packets[i]))
                if n is None:
                    continue
                found = first(packets[i], "recommender") or first(packets[i], "channel")
                flagged[i].append(make_flag(
                    FlagCode.QUOTA_EXCEEDED, _message(recommender, quota, n),
                    [cite(*found)] if found else [], severity=SEVERITY))
                break
    return flagged
