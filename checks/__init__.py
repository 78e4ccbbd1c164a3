"""形式审查: every packet against its notice's AwardSpec, and against the other packets of its batch.

`check_packet` is pure (claims + spec → findings); `check_batch` adds the checks that need the
whole batch (duplicates, reused evidence, recommender quotas), each a single indexed pass.
Numbers (years, windows, working days, quotas, deadlines) come from the spec's rules only.
"""
from __future__ import annotations

from datetime import date

from models.findings import ApplicantSummary, DocumentSummary, Flag, PacketFindings
from models.packet import Packet, PacketDocKind
from models.spec import AwardSpec

from checks import completeness, eligibility, identifiers, identity, quota, secrets, text_layer, timeline
from checks.batch import applicant_identity, check_duplicate_applications, check_duplicate_evidence
from checks.evidence import first
from checks.workdays import count_working_days

__all__ = ["check_packet", "check_batch", "count_working_days", "CHECK_VERSION"]

# Bump when a check's behaviour changes: pipelines use it as the assets' code_version.
CHECK_VERSION = "3"


def _summary(packet: Packet) -> tuple[ApplicantSummary, list[DocumentSummary]]:
    name = first(packet, "applicant_name", PacketDocKind.APPLICATION_FORM) or first(packet, "applicant_name")
    ident = first(packet, "uscc") or first(packet, "id_number")
    applicant = ApplicantSummary(
        name=str(name[1].value) if name else None,
        kind=completeness.applicant_kind(packet),
        id_number="".join(str(ident[1].value).split()) if ident else None)
    documents = [DocumentSummary(kind=d.kind.value, source=d.source, pages=list(d.pages)) for d in packet.documents]
    return applicant, documents


def check_packet(packet: Packet, spec: AwardSpec, *, today: date | None = None) -> PacketFindings:
    """All per-packet checks; `today` bounds "a date in the future" (default: the real today)."""
    today = today or date.today()
    flags: list[Flag] = [
        *completeness.check_unreadable(packet),
        *completeness.check_documents(packet, spec),
        *completeness.check_fields(packet),
        *completeness.check_seals(packet),
        *timeline.check_deadlines(packet, spec),
        *timeline.check_publicity(packet, spec),
        *timeline.check_dates(packet, spec, today),
        *eligibility.check_operating_years(packet, spec, today),
        *eligibility.check_region(packet, spec),
        *eligibility.check_category(packet, spec),
        *eligibility.check_incidents(packet, spec, today),
        *eligibility.check_reapplication(packet, spec, today),
        *identifiers.check_identifiers(packet, today),
        *identity.check_names(packet),
        *quota.check_recommended_list(packet, spec),
        *secrets.check_credentials(packet),
        *text_layer.check_text_layer(packet),
    ]
    applicant, documents = _summary(packet)
    return PacketFindings(packet=packet.name, applicant=applicant, documents=documents, flags=flags).settle()


def check_batch(packets: list[Packet], spec: AwardSpec, *, today: date | None = None) -> list[PacketFindings]:
    """Per-packet findings plus duplicates, reused evidence and quotas across the batch."""
    findings = [check_packet(p, spec, today=today) for p in packets]
    identities = [applicant_identity(p) for p in packets]
    batch_flags = [
        check_duplicate_applications(packets),
        check_duplicate_evidence(packets, identities),
        quota.check_batch_quota(packets, spec, identities),
    ]
    for i, found in enumerate(findings):
        codes = {f.code for f in found.flags}
        for flagged in batch_flags:
            new = [f for f in flagged.get(i, []) if f.code not in codes]
            found.flags.extend(new)
            codes |= {f.code for f in new}
        found.settle()
    return findings
