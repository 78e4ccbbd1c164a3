"""Reading claims off a packet and turning them into flag evidence a reviewer can click through."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from models.findings import EvidenceRef, Flag, FlagCode, Severity
from models.packet import Claim, Packet, PacketDocKind, PacketDocument

_ISO = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})")


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, (str, list)) and not (value.strip() if isinstance(value, str) else value))


def claims(packet: Packet, field: str, *kinds: PacketDocKind) -> Iterator[tuple[PacketDocument, Claim]]:
    """Every non-empty claim `field` of the packet, optionally only on documents of `kinds`."""
    for doc in packet.documents:
        if kinds and doc.kind not in kinds:
            continue
        for claim in doc.claims:
            if claim.field == field and not is_empty(claim.value):
                yield doc, claim


def first(packet: Packet, field: str, *kinds: PacketDocKind) -> tuple[PacketDocument, Claim] | None:
    return next(claims(packet, field, *kinds), None)


def parse_date(value: object) -> date | None:
    """ISO dates as the packet extractor writes them; tolerant of 2023年7月3日 and 2023.07.03."""
    if not isinstance(value, str):
        return None
    m = _ISO.search(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def claim_date(packet: Packet, field: str, *kinds: PacketDocKind) -> tuple[date, PacketDocument, Claim] | None:
    for doc, claim in claims(packet, field, *kinds):
        day = parse_date(claim.value)
        if day is not None:
            return day, doc, claim
    return None


def cite(doc: PacketDocument, claim: Claim | None = None, text: str | None = None) -> EvidenceRef:
    """Evidence at the claim's own page and box where it has provenance, else the document's first page."""
    prov = claim.provenance if claim else None
    page = prov.page if prov and prov.page else (doc.pages[0] if doc.pages else None)
    shown = text if text is not None else (prov.text if prov and prov.text else _show(claim))
    return EvidenceRef(source=doc.source, page=page, text=shown, bbox=prov.bbox if prov else None)


def cite_document(doc: PacketDocument, text: str = "") -> EvidenceRef:
    return EvidenceRef(source=doc.source, page=doc.pages[0] if doc.pages else None, text=text)


def _show(claim: Claim | None) -> str:
    if claim is None or claim.value is None:
        return ""
    return "、".join(claim.value) if isinstance(claim.value, list) else str(claim.value)


def make_flag(code: FlagCode, message: str, evidence: list[EvidenceRef], severity: Severity = "error") -> Flag:
    return Flag(code=code, severity=severity, message=message, evidence=evidence)
