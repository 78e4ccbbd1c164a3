"""Checks across the packets of one batch, each a single pass over an index (never all pairs)."""
from __future__ import annotations

import re
from collections import defaultdict

from models.findings import EvidenceRef, Flag, FlagCode
from models.packet import Packet, PacketDocKind

from checks.evidence import claims, cite, first, make_flag
from checks.identity import normalize_name
from checks.phash import HashIndex

K = PacketDocKind
_HEX64 = re.compile(r"(?:^|:)([0-9a-fA-F]{16})$")
# A page shared by this many applicants is a template or a public document, not a reused proof.
BOILERPLATE_SHARE = 0.5
BOILERPLATE_MIN = 5


def identity_key(packet: Packet) -> tuple[str, str] | None:
    """(kind, value) the applicant is known by: its USCC, else its ID number."""
    for field, label in (("uscc", "统一社会信用代码"), ("id_number", "居民身份证号码")):
        found = first(packet, field, K.APPLICATION_FORM) or first(packet, field)
        if found:
            value = "".join(str(found[1].value).split()).upper()
            if len(value) >= 15:
                return label, value
    return None


def applicant_identity(packet: Packet) -> str:
    """A stable key for "the same applicant": identifier if given, else the normalized name."""
    key = identity_key(packet)
    if key:
        return key[1]
    name = first(packet, "applicant_name")
    return normalize_name(str(name[1].value)) if name else f"packet:{packet.name}"


def _channel(packet: Packet) -> str:
    found = first(packet, "channel") or first(packet, "recommender")
    return str(found[1].value) if found else "未注明渠道"


def check_duplicate_applications(packets: list[Packet]) -> dict[int, list[Flag]]:
    by_id: dict[str, list[int]] = defaultdict(list)
    labels: dict[str, str] = {}
    for i, packet in enumerate(packets):
        key = identity_key(packet)
        if key:
            labels[key[1]] = key[0]
            by_id[key[1]].append(i)
    flagged: dict[int, list[Flag]] = defaultdict(list)
    for value, members in by_id.items():
        if len(members) < 2:
            continue
        for i in members:
            others = [j for j in members if j != i]
            where = "；".join(f"{packets[j].name}（渠道：{_channel(packets[j])}）" for j in others[:5])
            same_channel = all(_channel(packets[j]) == _channel(packets[i]) for j in others)
            how = "重复申报" if same_channel else "通过多个渠道申报"
            found = first(packets[i], "uscc") or first(packets[i], "id_number")
            evidence = [cite(*found)] if found else []
            evidence += [EvidenceRef(source=packets[j].name, text=value) for j in others[:5]]
            flagged[i].append(make_flag(
                FlagCode.DUPLICATE_APPLICATION,
                f"同一申报主体（{labels[value]} {value}）{how}：本材料渠道为{_channel(packets[i])}，另见于 {where}",
                evidence))
    return flagged


def _fingerprints(packet: Packet):
    for doc, claim in claims(packet, "fingerprint", K.EVIDENCE):
        values = claim.value if isinstance(claim.value, list) else [claim.value]
        holder = doc.claim("holder")
        who = normalize_name(str(holder.value)) if holder and holder.value else None
        for offset, value in enumerate(values):
            page = doc.pages[0] + offset if doc.pages else offset + 1
            if value:
                yield doc, page, str(value), who


def check_duplicate_evidence(packets: list[Packet], identities: list[str]) -> dict[int, list[Flag]]:
    """Evidence pages equal (text hash) or near-equal (image hash) across different applicants."""
    index = HashIndex()
    exact: dict[str, list[int]] = defaultdict(list)
    pages: list[tuple[int, str, int]] = []            # (packet, source, page) by page id
    holders: list[str | None] = []
    links: dict[int, set[int]] = defaultdict(set)     # page id → page ids it matches
    for i, packet in enumerate(packets):
        for doc, page, value, holder in _fingerprints(packet):
            pid = len(pages)
            pages.append((i, doc.source, page))
            holders.append(holder)
            m = _HEX64.search(value)
            near = index.add(int(m[1], 16), pid) if m else []
            # One certificate template filled for two holders hashes alike: a near match is
            # reuse only if the name on it is the same (or it names nobody, like a photo).
            hits = [o for o in near if holder is None or holders[o] is None or holders[o] == holder]
            hits += exact[value]
            exact[value].append(pid)
            for other in hits:
                links[pid].add(other)
                links[other].add(pid)
    n_applicants = len(set(identities)) or 1
    flagged: dict[int, list[Flag]] = defaultdict(list)
    for pid, others in links.items():
        i, source, page = pages[pid]
        foreign = {pages[o][0] for o in others if identities[pages[o][0]] != identities[i]}
        sharers = len({identities[j] for j in foreign}) + 1
        if not foreign or (sharers >= BOILERPLATE_MIN and sharers / n_applicants >= BOILERPLATE_SHARE):
            continue
        if any(f.code is FlagCode.DUPLICATE_EVIDENCE for f in flagged[i]):
            continue
        names = "、".join(sorted(packets[j].name for j in foreign)[:5])
        evidence = [EvidenceRef(source=source, page=page, text="证实性材料页面")]
        evidence += [EvidenceRef(source=f"{packets[pages[o][0]].name}/{pages[o][1]}", page=pages[o][2])
                     for o in sorted(others)[:5] if pages[o][0] in foreign]
        flagged[i].append(make_flag(
            FlagCode.DUPLICATE_EVIDENCE,
            f"证实性材料 {source} 第{page}页与其他申报主体（{names}）提交的材料页面相同或高度相似，疑似重复使用",
            evidence))
    return flagged
