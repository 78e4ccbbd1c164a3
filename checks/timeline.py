"""Dates against dates: publicity length, channel deadlines, and contradictions between dates."""
from __future__ import annotations

import re
from datetime import date

from models.findings import Flag, FlagCode
from models.packet import Packet, PacketDocKind
from models.spec import AwardSpec, Deadline

from checks.completeness import applicant_kind
from checks.evidence import claim_date, claims, cite, make_flag, parse_date
from checks.rules import int_value, rules
from checks.workdays import count_working_days

K = PacketDocKind

# Date claims that must not lie in the future (expiry dates may, of course).
PAST_DATE_FIELDS = ("form_date", "doc_date", "publicity_start", "publicity_end", "founding_date",
                    "issue_date", "birth_date")
# Dates a party writes while applying: none may precede the notice that opened the round.
SIGNED_DATE_FIELDS = ("form_date", "doc_date", "publicity_start")
_SUFFIXES = ("秘书处", "办公室", "领导小组", "评选表彰委员会")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})")


def check_publicity(packet: Packet, spec: AwardSpec) -> list[Flag]:
    required = [v for r in rules(spec, "publicity_min_working_days", applicant_kind(packet))
                if (v := int_value(r)) is not None]
    if not required:
        return []
    need = max(required)
    flags = []
    for doc in (d for d in packet.documents if d.kind is K.PUBLICITY_PROOF):
        start_c, end_c = doc.claim("publicity_start"), doc.claim("publicity_end")
        start = parse_date(start_c.value) if start_c else None
        end = parse_date(end_c.value) if end_c else None
        if start is None or end is None or end < start:
            continue            # an unreadable or reversed period is DATE_INCONSISTENT's, not a length
        n, verified = count_working_days(start, end)
        evidence = [cite(doc, start_c), cite(doc, end_c)]
        if not verified:
            flags.append(make_flag(
                FlagCode.PUBLICITY_TOO_SHORT,
                f"公示期 {start} 至 {end}：该年度节假日安排尚未收录，按周一至周五计为 {n} 个工作日，"
                f"要求不少于 {need} 个工作日，工作日数未经核实，请人工确认",
                evidence, severity="warning"))
        elif n < need:
            flags.append(make_flag(
                FlagCode.PUBLICITY_TOO_SHORT,
                f"公示期 {start} 至 {end}，仅 {n} 个工作日，要求不少于 {need} 个工作日",
                evidence))
    return flags


def _core(name: str) -> str:
    name = "".join(name.split())
    for suffix in _SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def _addressed_to(deadline: Deadline, channel: str | None) -> bool:
    if not channel or not deadline.recipient:
        return False
    a, b = _core(deadline.recipient), _core(channel)
    return bool(a and b) and (a in b or b in a)


def _deadlines(spec: AwardSpec) -> list[Deadline]:
    # "材料接收时间截止至…" (reception) closes submission as much as "…前报送" does.
    own = [d for d in spec.deadlines if d.kind in ("deadline", "reception") and parse_date(d.date)]
    return own + (_deadlines(spec.forwarded) if spec.forwarded else [])


def applicable_deadline(spec: AwardSpec, submitter: str, channel: str | None) -> Deadline | None:
    """The deadline for this submitter on this channel. An applicant is held to a deadline
    addressed to its channel's body; a deadline addressed to another body binds that channel
    only, and a recommender never submits to itself. Failing those, the round's latest deadline
    bounds everyone, so no channel is held to another channel's date. A date the notice itself
    sets for recommenders comes before those of a notice it forwards: those bind the forwarding
    office."""
    every = _deadlines(spec)
    mine = [d for d in every if d.submitter in (None, submitter)]
    if submitter == "applicant":
        addressed = [d for d in mine if _addressed_to(d, channel)]
    else:
        addressed, mine = [], [d for d in mine if not _addressed_to(d, channel)]
        every = [d for d in every if not _addressed_to(d, channel)]
    # A deadline the notice sets for recommenders (`申报材料及审核推荐意见务于…前报送至…`) names
    # where their packets go (the office above), not a channel.
    own = {id(d) for d in spec.deadlines}
    own_mine = [d for d in mine if id(d) in own and (d.submitter == "recommender" if submitter == "recommender"
                                                     else not d.recipient)]
    pool = addressed or own_mine or [d for d in mine if not d.recipient] or every
    return max(pool, key=lambda d: d.date) if pool else None


def check_deadlines(packet: Packet, spec: AwardSpec) -> list[Flag]:
    channel = next((str(c.value) for field in ("channel", "recommender")
                    for _, c in claims(packet, field)), None)
    flags = []
    checks = [("form_date", "applicant", (K.APPLICATION_FORM, K.COVER_LETTER), "申报日期"),
              ("doc_date", "recommender", (K.RECOMMENDATION,), "推荐意见日期"),
              ("received_date", "recommender", (), "收件日期")]
    for field, submitter, kinds, label in checks:
        found = claim_date(packet, field, *kinds)
        deadline = applicable_deadline(spec, submitter, channel)
        if found is None or deadline is None:
            continue
        day, doc, claim = found
        due = parse_date(deadline.date)
        if due and day > due:
            to = f"（报送至{deadline.recipient}）" if deadline.recipient else ""
            flags.append(make_flag(
                FlagCode.LATE_SUBMISSION,
                f"{label} {day} 晚于截止日期 {due}{to}，逾期 {(day - due).days} 天",
                [cite(doc, claim)]))
    return flags


def _founded(packet: Packet) -> tuple[date, object, object] | None:
    """The founding date, at its earliest: a form that gives only the month (2023-06) was
    founded on or after the month's first day, so that day bounds it."""
    for doc, claim in claims(packet, "founding_date", K.APPLICATION_FORM):
        day = parse_date(claim.value)
        if day is None and isinstance(claim.value, str):
            m = _YEAR_MONTH.fullmatch(claim.value)
            day = date(int(m[1]), int(m[2]), 1) if m and 1 <= int(m[2]) <= 12 else None
        if day is not None:
            return day, doc, claim
    return None


def _notice_date(spec: AwardSpec) -> date | None:
    dates = [parse_date(s.issue_date.value) for s in (spec, spec.forwarded) if s and s.issue_date]
    dates = [d for d in dates if d]
    return min(dates) if dates else None


_PROOF_EARLY_DAYS = 31


def check_dates(packet: Packet, spec: AwardSpec, today: date) -> list[Flag]:
    flags = []
    founded = _founded(packet)
    signed = claim_date(packet, "form_date", K.APPLICATION_FORM)
    if founded and signed and founded[0] > signed[0]:
        flags.append(make_flag(
            FlagCode.DATE_INCONSISTENT,
            f"成立时间 {founded[0]} 晚于申报日期 {signed[0]}",
            [cite(founded[1], founded[2]), cite(signed[1], signed[2])]))
    for doc in (d for d in packet.documents if d.kind is K.PUBLICITY_PROOF):
        start_c, end_c = doc.claim("publicity_start"), doc.claim("publicity_end")
        start = parse_date(start_c.value) if start_c else None
        end = parse_date(end_c.value) if end_c else None
        if start and end and end < start:
            flags.append(make_flag(
                FlagCode.DATE_INCONSISTENT,
                f"公示结束日期 {end} 早于开始日期 {start}",
                [cite(doc, start_c), cite(doc, end_c)]))
        # A proof that a 公示 ran without objection cannot be signed before the 公示 began. (Days
        # before it, not months: a date that far off is a misread, or the year's template. The
        # day it began is often read as the proof's date, so that day itself is let be.)
        signed_c = doc.claim("doc_date")
        signed_on = parse_date(signed_c.value) if signed_c else None
        if signed_on and start and end and start <= end and 0 < (start - signed_on).days <= _PROOF_EARLY_DAYS:
            flags.append(make_flag(
                FlagCode.DATE_INCONSISTENT,
                f"公示情况说明落款日期 {signed_on} 早于公示开始日期 {start}",
                [cite(doc, signed_c), cite(doc, start_c)]))
    issued = _notice_date(spec)
    if issued:
        for field in SIGNED_DATE_FIELDS:
            for doc, claim in claims(packet, field):
                day = parse_date(claim.value)
                if day and day < issued:
                    flags.append(make_flag(
                        FlagCode.DATE_INCONSISTENT,
                        f"{doc.source} 所署日期 {day} 早于通知印发日期 {issued}",
                        [cite(doc, claim)]))
    for field in PAST_DATE_FIELDS:
        for doc, claim in claims(packet, field):
            day = parse_date(claim.value)
            if day and day > today:
                flags.append(make_flag(
                    FlagCode.DATE_INCONSISTENT,
                    f"{doc.source} 中的日期 {day} 晚于今天（{today}），不可能已发生",
                    [cite(doc, claim)]))
    return flags
