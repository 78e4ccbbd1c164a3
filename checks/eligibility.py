"""Eligibility against the spec's rules: operating years, region, category, incidents, re-application."""
from __future__ import annotations

import re
from datetime import date

from models.findings import Flag, FlagCode
from models.packet import Packet, PacketDocKind
from models.spec import AwardSpec

from checks.completeness import applicant_kind
from checks.evidence import claim_date, claims, cite, first, make_flag, parse_date
from checks.rules import int_value, rules

K = PacketDocKind
_REGION_SUFFIX = re.compile(r"(壮族|回族|维吾尔|蒙古族|藏族|彝族)?(自治区|自治州|自治县|特别行政区|省|市|地区|盟|县|区)$")
_SPLIT = re.compile(r"[、，,；;和及与/\s]+")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
# `在中国境内依法设立`: the whole country is the region; any mainland province is inside it.
_NATIONWIDE = {"中国", "全国", "我国", "国内", "境内", "中华人民共和国"}
_PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
              "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
              "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆")
_SCHOOL_WORDS = ("学校", "大学", "学院", "中学", "小学", "初中", "高中", "幼儿园")
# Provincial and city quality awards run every 2–3 years.
EDITION_CYCLE_YEARS = 4
_EDITION = re.compile(r"第([零一二三四五六七八九十\d]+)届")


def reference_date(spec: AwardSpec, today: date) -> date:
    """The day eligibility is judged at: the round's submission deadline, else the notice's date."""
    specs = [s for s in (spec, spec.forwarded) if s]
    deadlines = [parse_date(d.date) for s in specs for d in s.deadlines if d.kind == "deadline"]
    if any(deadlines):
        return max(d for d in deadlines if d)
    issued = [parse_date(s.issue_date.value) for s in specs if s.issue_date]
    return min((d for d in issued if d), default=today)


def full_years(since: date, until: date) -> int:
    return until.year - since.year - ((until.month, until.day) < (since.month, since.day))


def _applicant_text(packet: Packet) -> str:
    fields = ("award_category", "org_type", "applicant_name")
    return " ".join(str(c.value) for f in fields for _, c in claims(packet, f, K.APPLICATION_FORM))


def check_operating_years(packet: Packet, spec: AwardSpec, today: date) -> list[Flag]:
    kind = applicant_kind(packet)
    if kind == "individual":
        return []
    founded = claim_date(packet, "founding_date", K.APPLICATION_FORM)
    if founded is None:
        return []
    day, doc, claim = founded
    ref = reference_date(spec, today)
    years = full_years(day, ref)
    flags = []
    for rule in rules(spec, "min_years_operating", kind):
        need = int_value(rule)
        if need is None:
            continue
        if rule.alt_value is not None and rule.alt_condition and _keyword_hit(rule.alt_condition, _applicant_text(packet)):
            need = rule.alt_value
        if years < need:
            flags.append(make_flag(
                FlagCode.INELIGIBLE_OPERATING_YEARS,
                f"成立于 {day}，至 {ref} 仅满 {years} 年，要求经营满 {need} 年以上",
                [cite(doc, claim)]))
    return flags


def _keyword_hit(condition: str, text: str) -> bool:
    words = [w for w in _SPLIT.split(re.sub(r"[（）()“”\"]", " ", condition)) if len(w) >= 2]
    return any(w in text for w in words)


def region_core(region: str) -> str:
    region = "".join(region.split())
    stripped = _REGION_SUFFIX.sub("", region)
    return stripped if len(stripped) >= 2 else region


def check_region(packet: Packet, spec: AwardSpec) -> list[Flag]:
    kind = applicant_kind(packet)
    located = first(packet, "region", K.APPLICATION_FORM) or first(packet, "registered_address", K.APPLICATION_FORM)
    if located is None:
        return []
    doc, claim = located
    where = "".join(str(claim.value).split())
    flags = []
    for rule in rules(spec, "region", kind):
        if not isinstance(rule.value, str) or not rule.value.strip():
            continue
        core = region_core(rule.value)
        inside = where.startswith(_PROVINCES) if "".join(rule.value.split()) in _NATIONWIDE else core in where
        if not inside:
            flags.append(make_flag(
                FlagCode.INELIGIBLE_REGION,
                f"申报主体注册地为“{where}”，不在评选范围“{rule.value}”内",
                [cite(doc, claim)]))
    return flags


def _top_level_split(text: str) -> list[str]:
    """Split at 、，；and 和 outside brackets: the parts of "A、B（仅限C、D），E"."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch in "（("
        depth -= ch in "）)"
        if depth == 0 and ch in "、，,；;":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip(" 。.") for p in parts if p.strip(" 。.")]


def _item(text: str) -> tuple[str, list[str]]:
    """"教育机构（仅限小学、初中和职业技术学校）" → ("教育机构", ["小学", "初中", "职业技术学校"]);
    a bracket that only says what is included (一线班组（包括QC小组）) restricts nothing."""
    m = re.match(r"^(.*?)[（(](.*?)[）)]", text)
    if not m:
        return text.strip(), []
    inner = m[2].strip()
    only = re.match(r"^(仅限|限于|限|只限)(.*)$", inner)
    return m[1].strip(), [t for t in _SPLIT.split(only[2]) if t] if only else []


def admitted_items(rule_value: object, rule_text: str) -> list[tuple[str, list[str]]]:
    """The admitted categories with their restrictions. The rule's own sentence is read when it
    holds every listed value, since a spec may keep only the restriction's words as the value."""
    values = [str(v) for v in rule_value] if isinstance(rule_value, list) else \
        ([str(rule_value)] if rule_value else [])
    text = rule_text if rule_text and all(v in rule_text for v in values) else "、".join(values)
    text = re.sub(r"^[^（(]*?(包括|包含)", "", text, count=1)
    return [_item(part) for part in _top_level_split(text)]


def _like(token: str, text: str) -> bool:
    """token written inside text, in order (初中 ~ 初级中学); 职业 schools match by stem."""
    if not token or not text:
        return False
    if token in text or text in token:
        return True
    if "职业" in token and ("职业" in text or "技工" in text):
        return True
    it = iter(text)
    return len(token) >= 2 and all(ch in it for ch in token)


def _matches(item: tuple[str, list[str]], text: str) -> bool:
    head, only = item
    return _like(head, text) or any(_like(t, text) for t in only)


def check_category(packet: Packet, spec: AwardSpec) -> list[Flag]:
    kind = applicant_kind(packet)
    stated = first(packet, "award_category", K.APPLICATION_FORM)
    typed = first(packet, "org_type", K.APPLICATION_FORM)
    category = "".join(str(stated[1].value).split()) if stated else ""
    org_type = "".join(str(typed[1].value).split()) if typed else ""
    # Notices list admitted kinds of organization; individuals only where a rule names them.
    applicable = [r for r in rules(spec, "admitted_categories", kind)
                  if kind == "organization" or r.applicant_kind == kind]
    for rule in applicable:
        items = admitted_items(rule.value, rule.text)
        if not items:
            continue
        allowed = "、".join(h + (f"（仅限{'、'.join(o)}）" if o else "") for h, o in items)
        evidence = [cite(*c) for c in (stated, typed) if c]
        if all(_is_school(h) and not o for h, o in items) and not _is_school(category + org_type):
            continue      # a bare list of school types speaks to schools only
        match = next((i for i in items if category and _matches(i, category)), None) or \
            next((i for i in items if org_type and _matches(i, org_type)), None)
        if match is None and category:
            return [make_flag(FlagCode.INELIGIBLE_CATEGORY,
                              f"申报类别“{category}”不在允许参评的范围内（{allowed}）", evidence)]
        restricted = [i for i in ([match] if match else items) if i[1]]
        for head, only in restricted:
            if (match or (_is_school(org_type) and any(_is_school(t) for t in only))) and org_type \
                    and not any(_like(t, org_type) for t in only) and not _like(head, org_type):
                return [make_flag(FlagCode.INELIGIBLE_CATEGORY,
                                  f"{head}仅限{'、'.join(only)}参评，申报单位类型为“{org_type}”", evidence)]
    return []


def _is_school(text: str) -> bool:
    return any(w in text for w in _SCHOOL_WORDS)


def check_incidents(packet: Packet, spec: AwardSpec, today: date) -> list[Flag]:
    kind = applicant_kind(packet)
    windows = [v for r in rules(spec, "no_incidents_within_years", kind) if (v := int_value(r))]
    declared = first(packet, "incident_declared")
    if not windows or declared is None or declared[1].value is not True:
        return []
    window = max(windows)
    ref = reference_date(spec, today)
    doc, claim = declared
    statement = doc.claim("incident_statement")
    years = [int(y) for _, c in claims(packet, "incident_years")
             for y in (c.value if isinstance(c.value, list) else [c.value]) if str(y).strip().isdigit()]
    recent = [y for y in years if ref.year - y < window]
    if years and not recent:
        return []
    when = f"（{'、'.join(map(str, recent))}年）" if recent else ""
    return [make_flag(
        FlagCode.RECENT_INCIDENT,
        f"申报材料表明近 {window} 年内发生重大质量、安全、环境事故或违法违规行为{when}，不符合参评条件",
        [cite(doc, statement or claim)])]


def _edition(text: str) -> int | None:
    m = _EDITION.search(text) or re.fullmatch(r"\s*([零一二三四五六七八九十\d]+)\s*", text)
    if not m:
        return None
    raw = m[1]
    if raw.isdigit():
        return int(raw)
    if raw.startswith("十"):
        return 10 + _CN_DIGITS.get(raw[1:], 0) if len(raw) > 1 else 10
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(raw)


def _award_cores(spec: AwardSpec) -> list[str]:
    names = [n.value for s in (spec, spec.forwarded) if s for n in s.award_names]
    return [_EDITION.sub("", "".join(n.split())) for n in names if n.strip()]


def check_reapplication(packet: Packet, spec: AwardSpec, today: date) -> list[Flag]:
    kind = applicant_kind(packet)
    bans = [v for r in rules(spec, "reapply_ban_years", kind) if (v := int_value(r))]
    no_consecutive = bool(rules(spec, "no_consecutive_application", kind))
    cores = _award_cores(spec)
    if not cores or not (bans or no_consecutive):
        return []
    ref = reference_date(spec, today)
    current = _edition(spec.edition.value) if spec.edition else None
    flags = []
    for doc, claim in claims(packet, "previous_awards"):
        for award in claim.value if isinstance(claim.value, list) else [str(claim.value)]:
            text = "".join(award.split())
            if not any(core in _EDITION.sub("", text) and "提名" not in text for core in cores):
                continue
            year_m = re.search(r"(19|20)\d{2}", text)
            year = int(year_m[0]) if year_m else None
            won = _edition(text)
            too_soon = any(year is not None and ref.year - year < ban for ban in bans)
            if won is not None and current is not None:
                consecutive = no_consecutive and current - won == 1
            else:          # editions unknown: a win within one usual cycle is the previous edition
                consecutive = no_consecutive and (year is None or ref.year - year <= EDITION_CYCLE_YEARS)
            if too_soon or consecutive:
                rule_text = f"获奖后 {max(bans)} 年内不得再次申报" if too_soon else "获奖者不得连续申报"
                flags.append(make_flag(
                    FlagCode.REAPPLIED_TOO_SOON,
                    f"申报主体曾获“{award.strip()}”，按规定{rule_text}",
                    [cite(doc, claim, award.strip())]))
    return flags[:1]
