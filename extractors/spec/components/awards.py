"""Award name(s) and edition: `关于开展第二届西藏质量奖评选表彰工作的通知` → 西藏质量奖, 第二届.

The title names the award; the body is read only when the title does not. 提名奖 is a
category of the award it belongs to, not an award of its own (see the quotas component).
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import squash
from models.spec import TextValue

NAME = "spec_awards"
VERSION = "7"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("award_names", "edition")

_EDITION = r"(?:第[一二三四五六七八九十百零〇\d]+[届屆次]|首届|首次)"
_EDITION_RE = re.compile(_EDITION)
_LEAD = re.compile(
    rf"^.*(?:年度|关于|开展|做好|组织申报|组织开展|组织推荐|申报|推荐|印发|转发|评选|表彰|参评|启动|下达|公布|确定|受理|征集|遴选|评审|认定|评定|推选|选拔|举办)")
_CATEGORY_ONLY = re.compile(r"^(组织|个人|提名|特别|荣誉|单位|集体|企业|团体|一等|二等|三等|金|银|铜|优秀|鼓励)?奖$")
_NOMINATION = ("提名奖", "鼓励奖", "组织奖", "个人奖")
_BODY_AWARD = re.compile(rf"(?:{_EDITION}|(?:19|20)\d\d\s*年度?)(?:[（(][^）)]{{0,20}}[）)])?(?P<name>[\u4e00-\u9fff]{{2,20}}?奖)")


def award_name(raw: str) -> str | None:
    """`开展第三届(2022-2023年度)攀枝花市政府质量奖` → 攀枝花市政府质量奖; None for a category."""
    name = re.sub(r"[（(][^）)]*[）)]", "", raw)
    # After an edition comes the name (`开展第二届西藏质量奖`), unless what follows is bare
    # (`金华市第三届质量奖`); years and editions inside the name are dropped.
    after = re.split(_EDITION, name)[-1]
    if len(re.sub(r"\d+\s*(?:年度|年)", "", after)) >= 4:
        name = after
    # A year stands where an edition would (`关于组织2024年度四川省科学技术奖`): the name follows it.
    after = re.split(r"\d+\s*(?:年度|年)", name)[-1]
    if len(after) >= 4:
        name = after
    name = re.sub(rf"\d+\s*(?:年度|年)|{_EDITION}", "", name)
    run = re.search(r"[\u4e00-\u9fff]+$", name)
    name = run.group() if run else ""
    stripped = _LEAD.sub("", name)
    name = stripped if len(stripped) >= 3 else name
    for suffix in _NOMINATION:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            base = name[: -len(suffix)]
            name = base if base.endswith("奖") else base + "奖"
    if len(name) < 3 or _CATEGORY_ONLY.match(name):
        return None
    return name


def _in_title(title: str) -> list[str]:
    clean = squash(title)
    clean = re.sub(r"[（(][^）)]*[）)]", "", clean)
    # `安徽省建设工程“黄山杯”奖`: the quoted part is inside the award's name.
    clean = re.sub(r"[“\"「]([^”\"」]{1,12})[”\"」](?=奖)", r"\1", clean)
    names = []
    for chunk in re.split(r"[《》“”\"、和及与]", clean):
        # `最高奖金新臺幣50萬元` in a headline is prize money, no award.
        for m in re.finditer(r"[\u4e00-\u9fff]+?奖(?![金牌杯品])", chunk):
            name = award_name(chunk[: m.end()])
            if name and name not in names:
                names.append(name)
    return names


# Honours that are no 奖 (`全国优秀质量管理小组`, `安徽省优秀质量管理小组成果`): what the title
# says is selected, between the verb and the activity.
# A contest (`职工职业技能大赛`) is what its notice is about as an award is.
_HONOUR_WORDS = re.compile(r"优秀|先进|标杆|示范|品牌|称号|十佳|卓越|模范|能手|工匠|信得过|成果|首席|标兵|领军|杰出|"
                           r"大师|大赛|竞赛|先锋|文明号|文明岗|巾帼|奖章|奖状|冠军|最美|明星|之星|"
                           # grants and recognitions a notice calls for like an award
                           r"首台|资助|专精特新|瞪羚|独角兽|红旗|老字号|好老师|名师|名医|科普作品")
# Two things a title names at once: `首席技师和技能大师`, `…质量奖和…先进单位`.
_AND = re.compile(r"[和及与]")
_HONOUR_VERBS = r"推荐|评选|开展|申报|认定|遴选|命名|组织|做好|征集|举办|表彰"
# A verb the lazy match left at the start of the name (`组织申报…`).
_LEAD_VERB = re.compile(rf"^(?:{_HONOUR_VERBS})+")
_HONOUR = re.compile(
    rf"(?:{_HONOUR_VERBS})(?P<name>[\u4e00-\u9fff（）]{{4,24}}?)"
    r"(?:的通知|发表|交流|评选|推荐|申报|认定|遴选|活动|工作|评审|命名|征集|创建|项目的|$)")
# The second of two things a title names (`开展…市长质量奖和…质量管理先进单位评选工作`)
# shares the first one's verb.
_HONOUR_AFTER_AND = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）]{4,24}?)(?:的通知|评选|推荐|申报|认定|遴选|活动|工作|评审|命名|征集)")


def _honour_in_title(title: str, *, after_and: bool = False) -> list[str]:
    # A one-character note is part of the name (`首台（套）装备`); longer ones are dropped.
    clean = re.sub(r"\d+\s*(?:年度|年)|[（(][^）)]{2,}[）)]|[（(][^）)\u4e00-\u9fff]*[）)]", "", squash(title))
    clean = _EDITION_RE.sub("", clean)
    chunks = re.split(r"[《》〈〉“”\"「」]", clean)
    for i, chunk in enumerate(chunks):
        m = (_HONOUR_AFTER_AND.search(chunk) if after_and else None) or _HONOUR.search(chunk)
        if m and _HONOUR_WORDS.search(m["name"]):
            # What follows the last lead-in (`…信息化局关于组织开展宁波市首台（套）装备`), then
            # without a verb the lazy match left in front (`组织申报…`, `评选表彰…`).
            name = m["name"]
            if "关于" in name:
                name = _at_least_four(_LEAD.sub("", name), name)
            name = _at_least_four(_LEAD_VERB.sub("", name), name)
            # `开展湖北省首席技师和湖北省技能大师评选`: two honours under one verb.
            parts = _AND.split(name)
            if len(parts) > 1 and all(len(p) >= 4 and _HONOUR_WORDS.search(p) for p in parts):
                return parts
            return [name]
        # `开展“昆山品牌”认定工作`: the quoted name, then what is done with it; a noun
        # right after the quote belongs to the name (`“隐形冠军”企业认定` → 隐形冠军企业).
        then = _QUOTED_THEN.match(chunks[i + 1]) if i % 2 and i + 1 < len(chunks) else None
        if then and _HONOUR_WORDS.search(chunk):
            return [chunk + (then["noun"] or "")]
        # `推荐申报《福建省优秀科普作品》的通知`: the verb before the quoted name.
        if i % 2 and _HONOUR_WORDS.search(chunk) and re.search(rf"(?:{_HONOUR_VERBS})$", chunks[i - 1]) \
                and (i + 1 >= len(chunks) or re.match(r"^(?:的通知|$)", chunks[i + 1])):
            return [chunk]
    return []


def _at_least_four(stripped: str, name: str) -> str:
    return stripped if len(stripped) >= 4 else name


_QUOTED_THEN = re.compile(r"^(?P<noun>企业|单位|组织|集体|个人|品牌|产品|人物)?(?:的)?"
                          r"(?:认定|评选|评审|遴选|申报|推荐|命名|选拔|推选|选树|寻访|创建|学习宣传|宣传)")


def _second_in_title(title: str) -> list[str]:
    """`…市长质量奖和…质量管理先进单位评选工作`: an honour named after 和/及 beside an award."""
    for part in _AND.split(squash(title))[1:]:
        if "奖" not in part:
            return _honour_in_title(part, after_and=True)
    return []


# `…评选工作，同时评选安徽省杰出发明人`: a second honour the notice announces in its opening.
_ALSO = re.compile(r"同时(?:评选|开展|表彰|推荐|组织)(?P<name>[\u4e00-\u9fff]{4,16}?)(?:评选|推荐|工作|活动|[。，；])")
_OPENING = 400


_SUBJECT = re.compile(r"^\s*主\s*旨\s*[:：](?P<text>[^\n]{4,200})", re.M)


def _in_body(ctx: NoticeContext) -> list[str]:
    counts = Counter()
    for m in _BODY_AWARD.finditer(ctx.text, ctx.start, ctx.end):
        name = award_name(m["name"])
        if name:
            counts[name] += 1
    return [name for name, _ in counts.most_common(1)]


# A slide deck's cover or a poster names the award or contest on a line of its own, above a
# title without it (`龙岗区区长质量奖` / `2024年度申报政策解读`).
_HEADLINE = re.compile(r"[\u4e00-\u9fff]{2,20}(?:奖|大赛|竞赛)")
_HEADLINE_LINES = 6


def _headline(ctx: NoticeContext) -> tuple[list[str], tuple[int, int] | None]:
    for line in ctx.lines[:_HEADLINE_LINES]:
        squashed = re.sub(r"[“”\"「」]", "", line.squashed)   # `台州市“市长杯”工业设计大赛`
        if _HEADLINE.fullmatch(squashed):
            name = award_name(squashed)
            if name:
                return [name], (line.start, line.end)
    return [], None


def extract(ctx: NoticeContext) -> dict:
    seg = ctx.segment
    names = (_in_title(seg.title) or _honour_in_title(seg.title)) if seg.title else []
    span = seg.title_span
    confidence = 0.95
    subject = _SUBJECT.search(ctx.text, ctx.start, ctx.end) if not names else None
    if subject:                                   # a 函 says what it is about in its 主旨
        names, span = _in_title(subject["text"]), subject.span("text")
    if not names:
        names, span = _headline(ctx)
    if not names:
        names = _in_body(ctx)
        span, confidence = None, 0.7
    if seg.title and names:
        names += _second_in_title(seg.title)
    also = _ALSO.search(ctx.text, seg.header_end, min(ctx.end, seg.header_end + _OPENING))
    if names and also and _HONOUR_WORDS.search(also["name"]):
        names.append(also["name"])
    names = list(dict.fromkeys(names))
    names = [n for n in names if not any(n != other and n in other for other in names)]
    awards = []
    for name in names:
        at = ctx.text.find(name, *(span or (ctx.start, ctx.end)))
        prov = ctx.prov(at, at + len(name)) if at >= 0 else None
        awards.append(TextValue(value=name, confidence=confidence, provenance=prov))
    edition = None
    for lo, hi in ([span] if span else []) + [(ctx.start, ctx.end)]:
        m = _EDITION_RE.search(ctx.text, lo, hi)
        if m:
            edition = TextValue(value=m.group(), provenance=ctx.prov(m.start(), m.end()))
            break
    return {"award_names": awards, "edition": edition}
