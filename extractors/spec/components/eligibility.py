"""Eligibility conditions as checkable rules, each with the text it was read from.

Region, minimum years operating (and the shorter term for new-tech organisations), look-back
windows without incidents, admitted categories (`仅限小学、初中和职业技术学校`), re-application
bans, no consecutive or multi-channel applications, minimum publicity in working days. The
applicant kind a rule applies to comes from the nearest condition heading above it.
"""
from __future__ import annotations

import re

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import sentences
from models.spec import EligibilityRule, TextValue
from normalizers.numbers import NUMBER, chinese_to_int

NAME = "spec_eligibility"
VERSION = "2"
REQUIRES: tuple[str, ...] = ("award_names", "issuers")
ASSIGNS = ("eligibility", "region")

_N = rf"(?P<n>{NUMBER})"
_REGION = re.compile(r"在(?P<r>[\u4e00-\u9fff]{2,20}?)(?:行政区域|行政区划|境内|辖区|区域)?内?(?:依法)?(?:设立|注册|登记)")
_MIN_YEARS = re.compile(
    rf"(?:正常|持续)?(?:经营|运营|运行|成立|注册|设立|从事[^，。；]{{0,24}}?(?:活动|工作))[^，。；（(]{{0,6}}?(?:满|超过)?{_N}\s*年(?:以上|及以上)")
_ALT_YEARS = re.compile(rf"[（(](?P<cond>[^）)]{{2,40}}?){_N}\s*年(?:以上|及以上)[）)]")
_NO_INCIDENTS = re.compile(rf"(?:近|最近)?{_N}\s*年(?:内|以来)?(?:无|未发生|未出现|没有|未有|发生)")
_CATEGORIES = re.compile(r"仅限(?:于)?(?P<list>[^）)。；，]{2,60})")
_REAPPLY = re.compile(rf"获[^。；]{{0,24}}?{_N}\s*年内不(?:得|再|予)[^，。；]{{0,16}}?申报")
_CONSECUTIVE = re.compile(r"不(?:得|能|可)连续(?:申报|参评|参加)")
_SINGLE_CHANNEL = re.compile(r"不得[^，。；]{0,10}?(?:多渠道|多头|重复|多个渠道)[^，。；]{0,4}?(?:申报|推荐)|只能(?:选择)?(?:通过)?一个渠道")
_PUBLICITY = re.compile(rf"公示(?:时间|期|期限)?(?:为|不少于|不得少于|不低于)?\s*{_N}\s*个?工作日")
_LEGAL_FORM = re.compile(r"具有独立法人资格|独立法人|法人、非法人组织[^，。；]{0,16}|法人或者?其他组织|依法注册的[^，。；]{0,10}?法人")
_INCIDENT_WORDS = re.compile(r"事故|违法|违规|违纪|投诉|失信|不良")
_ORG_HEADING = re.compile(r"(组织|企业|单位)(?:参评|申报|评选|推荐)?(?:条件|范围)|[（(]组织[)）]")
_PERSON_HEADING = re.compile(r"个人(?:参评|申报|评选|推荐)?(?:条件|范围)|[（(]个人[)）]")


def _applicant_kind(text: str, lo: int, pos: int) -> str:
    window = text[max(lo, pos - 1500):pos]
    org = [m.end() for m in _ORG_HEADING.finditer(window)]
    person = [m.end() for m in _PERSON_HEADING.finditer(window)]
    if not org and not person:
        return "any"
    return "organization" if (org[-1] if org else -1) > (person[-1] if person else -1) else "individual"


_PENALTY = re.compile(r"欺骗|贿赂|不正当手段|虚假材料|弄虚作假|隐瞒")


def _rules_in(sentence: str) -> list[dict]:
    rules = []
    for m in _REGION.finditer(sentence):
        rules.append({"rule": "region", "value": m["r"]})
    for m in _LEGAL_FORM.finditer(sentence):
        rules.append({"rule": "legal_form", "value": m.group()})
    for m in _MIN_YEARS.finditer(sentence):
        if sentence[:m.start()].count("（") + sentence[:m.start()].count("(") > \
                sentence[:m.start()].count("）") + sentence[:m.start()].count(")"):
            continue              # the shorter term in brackets is the alt of the rule before it
        rule = {"rule": "min_years_operating", "value": chinese_to_int(m["n"])}
        alt = _ALT_YEARS.search(sentence, m.end())
        if alt:
            rule.update(alt_value=chinese_to_int(alt["n"]), alt_condition=alt["cond"].strip())
        rules.append(rule)
    if _INCIDENT_WORDS.search(sentence):
        for m in _NO_INCIDENTS.finditer(sentence):
            rules.append({"rule": "no_incidents_within_years", "value": chinese_to_int(m["n"])})
    for m in _CATEGORIES.finditer(sentence):
        items = [i for i in re.split(r"[、，,和及与或]", m["list"]) if i]
        rules.append({"rule": "admitted_categories", "value": items})
    # `以欺骗、贿赂等不正当手段获奖的，…10年内不予受理其申报`: a penalty for cheats, no rule for winners.
    if not _PENALTY.search(sentence):
        for m in _REAPPLY.finditer(sentence):
            rules.append({"rule": "reapply_ban_years", "value": chinese_to_int(m["n"])})
    if _CONSECUTIVE.search(sentence):
        rules.append({"rule": "no_consecutive_application", "value": None})
    if _SINGLE_CHANNEL.search(sentence):
        rules.append({"rule": "single_channel", "value": None})
    for m in _PUBLICITY.finditer(sentence):
        rules.append({"rule": "publicity_min_working_days", "value": chinese_to_int(m["n"])})
    return rules


# `在地区行政区域内依法设立`, `在本市注册`: the region is the issuing office's own.
_RELATIVE_REGION = re.compile(r"^(?:本|我|全)?(?P<level>地区|自治州|自治区|省|市|州|县|区|盟)$")


def _resolve_region(value: str, ctx: NoticeContext) -> str:
    relative = _RELATIVE_REGION.match(value)
    if not relative:
        return value
    names = [v.value for key in ("award_names", "issuers") for v in ctx.found.get(key) or []]
    level = re.escape(relative["level"])
    for name in names:
        m = re.search(rf"(?:^|(?<=自治州)|(?<=省)|(?<=自治区))(?P<r>[\u4e00-\u9fff]{{2,6}}?{level})", name)
        if m:
            return m["r"]
    return value


def extract(ctx: NoticeContext) -> dict:
    found, seen = [], set()
    for s, e in sentences(ctx.text, ctx.segment.header_end, ctx.end):
        sentence = ctx.text[s:e]
        rules = _rules_in(sentence)
        if not rules:
            continue
        kind = _applicant_kind(ctx.text, ctx.start, s)
        for rule in rules:
            if rule["rule"] == "region":
                rule["value"] = _resolve_region(rule["value"], ctx)
            value = rule.get("value")
            key = (kind, rule["rule"], repr(value))
            if key in seen or (value is None and rule["rule"] not in ("no_consecutive_application", "single_channel")):
                continue
            seen.add(key)
            found.append(EligibilityRule(applicant_kind=kind, text=sentence.strip(), confidence=0.8,
                                         provenance=ctx.prov(s, e), **rule))
    region = next((TextValue(value=r.value, provenance=r.provenance, confidence=r.confidence)
                   for r in found if r.rule == "region" and isinstance(r.value, str)), None)
    return {"eligibility": found, "region": region}
