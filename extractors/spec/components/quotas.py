"""Quotas: how many awards may be given (scope `award`) and how many a recommender may put
forward (scope `submission`).

The genre phrases them many ways: `名额分别不超过3个`, `设奖8个（其中：组织3个、个人5名）`,
`设3个“阳泉市质量奖”名额`, `名额每届不超过3个组织`, `每个县（区）申报组织不超过5个，申报个人不超过2名`.
A count is a quota when its sentence is about awards or recommending and the count is of
awards or applicants, not of working days, steps or years.
"""
from __future__ import annotations

import re

from extractors.spec.allocations import allocations
from extractors.spec.context import NoticeContext
from extractors.spec.patterns import sentences
from models.spec import Quota, TextValue
from normalizers.numbers import NUMBER, chinese_to_int

NAME = "spec_quotas"
VERSION = "11"
REQUIRES = ("award_names",)
ASSIGNS = ("quotas", "categories")

_COUNT = re.compile(
    rf"(?P<pre>原则上不超过|不超过|不多于|不得超过|最多|至多|限报|限推|限额|共|各|≤|<=)?\s*(?P<n>{NUMBER})\s*(?P<unit>个|名|家|项|位|人|户|席|件|所|支|组)"
    rf"(?P<limit>为限)?")
_NOT_AFTER = re.compile(
    r"^\s*(?:工作日|自然日|环节|方面|类别|类|领域|月|年|周|步骤|阶段|程序|批|等次|档次|等级|级别|奖种|小时|天|百分点|以上|以内|"
    # (`3个小组` are QC groups put forward; a 工作组 or 评审组 is no entry.)
    r"条|章|部分|维度|指标|专家|评委|委员|人员组成|组成|工作组|评审组|成员|代表|渠道|层级|"
    # `3人联合提名1项`: how many sign one nomination, not a cap
    r"联合)")
# `其中发明专利不少于八项`: a minimum, no cap.
# `同一项目`, `单一企业`: no count either.
_NOT_BEFORE = re.compile(r"(近|连续|第|前|每|后|满|超过|达到|以上|不少于|不低于|至少|同|单|唯|统|由)\s*$")
_AWARD_CUE = re.compile(r"名额|设奖|奖项|设立|设置|获奖|授奖|授予|表彰|评选|推选|评出|产生|推荐|申报|提名|限额|其中|入选|"
                        r"评定|认定|遴选|命名|限报|为限|为原则|"
                        # `本届设一等奖3项、二等奖5项`: the count follows the class it sets
                        rf"设[^，。；]{{0,10}}?奖\s*(?:{NUMBER})\s*[个名家项位人件]|"
                        r"奖[^，。；]{0,8}(?:不超过|不多于|最多|至多|≤|<=)|"
                        # `个人奖：分为实践类及研究类，每类至多1名`
                        r"每(?:类|组|个类别)[^，。；]{0,4}(?:不超过|不多于|最多|至多|以)|"
                        # `分为「永续经营奖」及「数位转型奖」，各至多2家`
                        r"各(?:至多|最多|不超过|不多于)|"
                        # `每家企業最多提交3個品牌申請`
                        r"每[^，。；]{0,8}?(?:提交|申请)")
_TOPIC = re.compile(r"奖|名额|推荐|申报|提名|候选|评定|认定|遴选|限报|评选|推选|申请")
_SUBMISSION_CUE = re.compile(
    r"(每个|每家|每一|每|各)[^，,。；]{0,14}?(推荐|申报|报送|上报|限报|提名|推选|择优|提交|报名)|推荐名额|申报名额|限报|限额|"
    # `同一单位申报标准项目奖不超过2项`: a cap on what one applicant puts forward
    r"同一(?:单位|企业|组织|申报单位|推荐单位|主体)[^，,。；]{0,4}?(?:推荐|申报|报送|提名)|"
    # `集团公司统一申报的，以6个为限`: the cap of one who puts forward
    r"(?:申报|推荐|报送|上报|提名)的[，,]\s*(?:以|限|不超过|不得超过|最多)")
# An award count is marked as one: `名额不超过3个`, `设奖8个`, `其中：组织3个`, `5个“…”名额`.
_AWARD_MARK_BEFORE = re.compile(
    r"(名额|设奖|设立|设置|设|评选出|评出|评选|推选|评定|认定|授予|表彰|奖励|获奖|授奖|其中|产生|确定|不超过|不多于|最多|至多|分别|控制在)[^。；]{0,12}$")
_AWARD_MARK_AFTER = re.compile(r"^[^。；，,]{0,15}名额")
# `…主管部门进行初审，推荐组织不超过3个`, `我省推荐发明专利不超过二十项`: the clause recommends,
# the sentence's subject is one who recommends.
_RECOMMEND_VERB = re.compile(r"推荐|报送|上报|限报|推选|提名(?!奖)")
# `省直有关部门提名项目数不超过8项`, `高新技术企业可自行提名1项`: the verb stands right before
# what it caps, whoever the subject is.
_VERB_BEFORE_COUNT = re.compile(r"(?:推荐|提名(?!奖)|报送|上报|推选)[\u4e00-\u9fff]{0,6}?(?:数)?(?:原则上)?(?:不超过|不多于|不得超过|最多|至多)?\s*$")
# `…可直接向省局推荐，每家不超过3项`: a per-recommender cap continuing a recommending sentence.
_PER_CLAUSE = re.compile(r"^\s*(?:每个|每家|每位|每所|每一|每)[\u4e00-\u9fff]{0,4}?(?:原则上)?(?:不超过|不多于|最多|至多|限)")
_RECOMMENDER = re.compile(r"各|每|推荐单位|主管部门|我省|我市|我区|我县|本省|本市|本地区")
_AWARD_WORDS = re.compile(r"名额|设奖|设立|评选|评出|获奖|授奖|授予|表彰|奖励")
_PER = re.compile(r"(每个|每家|每一|每|各)([^，,。；]{0,12}?)(推荐|申报|报送|上报|限报|提名)")
# `每个项目完成人原则上不超过15人，完成单位不超过10个`: the make-up of one entry, no quota.
_EXCLUDE_SENTENCE = re.compile(r"公示|工作日|环节|年内|年以上|专家|完成人|完成单位|起草人|起草单位|参与人|参建单位|合作单位|团队成员")
_CATEGORY_BEFORE = re.compile(r"([\u4e00-\u9fff“”\"]{1,12})\s*$")
_QUOTED_NAMES = re.compile(r"[“\"]([^”\"]{2,20})[”\"]")
_LISTED_NAMES = re.compile(r"设(?:立|置)?([\u4e00-\u9fff]{2,12}奖)(?:和|、|及)([\u4e00-\u9fff]{2,14}奖)")
_UNIT_CATEGORY = re.compile(r"^\s*(组织|个人|企业|单位|集体|团队|班组)")
_CATEGORY_WORD = re.compile(r"(组织|个人|企业|单位|集体|团队|班组|[\u4e00-\u9fff]{0,12}奖)$")


# `个人奖：分为实践类及研究类，每届合计以不超过2名为原则`: the item's label names the category.
_ITEM_LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．])?\s*"
                         r"(?P<label>[\u4e00-\u9fff]{2,10}奖|[\u4e00-\u9fff]{2,12}(?:单位|企业|个人|组织|集体))[：:]")
# A section of the notice (`一、奖项设置`, `二、推荐名额`), and one about how many.
_TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}[章条部分])")
_QUOTA_HEADING = re.compile(r"名额|奖项|设奖|数量|奖励类别|奖励等级")


def _category(text: str, m: re.Match, listed: list[str], index: int, default: str, label: str | None = None) -> str:
    after = _UNIT_CATEGORY.match(text[m.end():m.end() + 6])
    if after:
        return after.group(1)
    before = _CATEGORY_BEFORE.search(text[max(0, m.start() - 14):m.start()])
    if before:
        word = before.group(1).strip("“”\"")
        word = re.sub(r"^.*?(其中|名额|设奖|申报|推荐|每届|分别|原则上|另设|设立|选出|评出|设)", "", word)
        word = re.sub(r"(?:以|为|合计|共)+$", "", word)       # `每届大型企业奖以不超过3家`
        cat = _CATEGORY_WORD.search(word)
        if cat and cat.group(1):
            return cat.group(1)
    if listed:
        return listed[min(index, len(listed) - 1)]
    if label:
        return label
    return default


_SUBJECT = re.compile(r"^(?P<who>[\u4e00-\u9fff（）()、]{2,20}?)(?:可以|可|限|只能|原则上)?(?:单独|自行|直接|联合)?"
                      r"(?:推荐|提名|报送|上报|推选)")
# `大型企业组及中小企业组各以3名为限`, `分为实践类及专业类，每类以1名为限`: one count for each.
# `分为「永续经营奖」及「数位转型奖」，各至多2家`: the names may be quoted.
_Q = r"[“”「」『』\"]?"


def _two_named(end: str = "") -> str:
    """`A及B`, `「A」及「B」`: two names (ending in `end`), quoted or not."""
    return (rf"{_Q}(?P<a>[\u4e00-\u9fff]{{2,10}}?{end}){_Q}(?:及|和|与|、)"
            rf"{_Q}(?P<b>[\u4e00-\u9fff]{{2,10}}?{end}){_Q}")


_EACH_OF = re.compile(_two_named() + r"各(?:以)?\s*$")
_DIVIDED = re.compile(r"分[为成设]" + _two_named() + r"[，,；;]")
_CLASSES = re.compile(r"(?:分[为成设]|设)" + _two_named("类") + r"[。；;]?\s*$")
_PER_CLASS = re.compile(r"\s*每(?:类|一类|个类别)")
_EACH_CLASS = re.compile(r"每(?:类|组|个类别)(?:以)?\s*$|^\s*各(?:以|至多|最多|不超过|不多于)?\s*$")


def _shared_by(clause: str, sentence: str) -> list[str] | None:
    """The categories one count is given for each of, when the text says `各` or `每类`."""
    each = _EACH_OF.search(clause)
    if each:
        return [each["a"], each["b"]]
    divided = _DIVIDED.search(sentence)
    if divided and _EACH_CLASS.search(clause):
        return [divided["a"], divided["b"]]
    return None


def _recommender(clause: str) -> str | None:
    """Who a cap is for (`两院院士可单独提名1项` → 两院院士): two recommenders with the same
    count are two caps, not one stated twice."""
    m = _SUBJECT.match(clause.strip())
    return m["who"] if m else None


_CAPPED_WITHIN = re.compile(r"(?:控制在|限制在|限定在|限于)\s*$")
_CAP_BEFORE_VERB = re.compile(r"(?:最多|至多|不超过|不得超过|限)[\u4e00-\u9fff]{1,3}$")
# `每个参赛单位（个人）报送作品不超过3件`: a cap on what each one submits, whatever it is called.
_EACH_SUBMITS = re.compile(r"每[^，,。；]{0,14}?(?:推荐|申报|报送|上报|提名|提交|报名)[^，,。；]{0,8}?(?:不超过|不多于|不得超过|最多|至多|限)")


def _continues_list(text: str, found: list, m: re.Match) -> bool:
    """`评选「卓越品质奖」3家、「品质精进奖」7家`: the next item of a quota list."""
    return bool(found) and not re.search(r"[，,。；;]", text[found[-1][1]:m.start()])


def _quotas_in(text: str, start: int, end: int, default: str, *, quota_section: bool = False
               ) -> list[tuple[int, int, str, int, str, str | None]]:
    """(start, end, scope, max, category, per) for each quota in the sentence text[start:end].
    `quota_section`: the sentence stands under a heading about quotas (`一、评选名额`), which
    makes it about awards even where it names none (`（二）质量管理先进单位：不超过十个`)."""
    sentence = text[start:end]
    if not quota_section and (not _TOPIC.search(sentence) or not _AWARD_CUE.search(sentence)) and \
            not _EACH_SUBMITS.search(sentence):
        return []
    listed = _QUOTED_NAMES.findall(sentence)
    pair = _LISTED_NAMES.search(sentence)
    if pair:
        listed = [pair.group(1), pair.group(2)]
    found, submission, per = [], False, None
    label = _ITEM_LABEL.match(sentence)
    counts: list[re.Match] = []
    for m in _COUNT.finditer(text, start, end):
        n = chinese_to_int(m["n"])
        if n is None or n == 0 or n >= 1000 or m["n"] in ("百", "千", "万"):
            continue          # `百名优秀企业家`, `千家企业`: names of campaigns, not caps
        capped = _CAPPED_WITHIN.search(text, max(start, m.start() - 4), m.start())   # `控制在15个以内`
        if (_NOT_AFTER.match(text[m.end():m.end() + 6]) and not capped) or \
                _NOT_BEFORE.search(text[max(start, m.start() - 3):m.start()]):
            continue
        if m["pre"] is None and m["n"] in ("一", "两", "二") and m["unit"] == "个" and \
                not _CAP_BEFORE_VERB.search(text, max(start, m.start() - 8), m.start()):
            continue          # `一个`, `两个` in prose: an article, not a count (`最多提名两个` is one)
        counts.append(m)
    for i, m in enumerate(counts):
        before = text[start:m.start("n")]          # `限报十项`: the verb is part of the clause
        clause = re.split(r"[，,]", before)[-1]
        # A recommender's cap: its own clause says so, or it continues one
        # (`每个县申报组织不超过5个，申报个人不超过2名`) without turning to the awards.
        recommending = bool(_RECOMMEND_VERB.search(clause) and _RECOMMENDER.search(before)) or (
            not _AWARD_WORDS.search(clause) and (bool(_VERB_BEFORE_COUNT.search(clause)) or bool(
                _PER_CLAUSE.match(clause) and _RECOMMEND_VERB.search(before))))
        if _SUBMISSION_CUE.search(clause) or recommending or (
                (submission or _SUBMISSION_CUE.search(before)) and not _AWARD_WORDS.search(clause)):
            submission = True
            # The recommender nearest the count: `…各地级市推荐…；省有关单位每个单位限推荐1个`.
            pers = list(_PER.finditer(before))
            per = pers[-1].group(1) + pers[-1].group(2) if pers else per
        elif _EXCLUDE_SENTENCE.search(clause):
            continue
        elif not (m["pre"] or m["limit"] or _AWARD_MARK_BEFORE.search(text[max(start, m.start() - 14):m.start()])
                  or _AWARD_MARK_AFTER.match(text[m.end():m.end() + 16]) or _continues_list(text, found, m)):
            continue
        else:
            submission = False
        scope = "submission" if submission else "award"
        category = _category(text, m, listed, i, default, label["label"] if label else None)
        value = chinese_to_int(m["n"])
        who = per or (_recommender(clause) if submission else None)
        shared = _shared_by(clause, sentence)
        for name in shared or [category]:
            found.append((m.start(), m.end(), scope, value, name, who if submission else None))
    # `设组织奖和个人奖，其名额分别不超过3个`: one number for each listed category.
    if pair and len(found) == 1 and "分别" in sentence:
        s, e, scope, value, _, p = found[0]
        found = [(s, e, scope, value, name, p) for name in listed]
    elif pair and len(found) == len(listed):
        found = [(s, e, scope, value, listed[i], p) for i, (s, e, scope, value, _, p) in enumerate(found)]
    return found


def extract(ctx: NoticeContext) -> dict:
    awards = ctx.found.get("award_names") or []
    default = awards[0].value if awards else "奖"
    quotas, stated = [], set()
    shares = allocations(ctx.text, ctx.segment.header_end, ctx.end)
    for a in shares:
        quotas.append(Quota(scope="submission", category=default, max=a.max, per=a.place,
                            confidence=0.8, provenance=ctx.prov(a.start, a.end)))
    headings = [(line.start, line.squashed) for line in ctx.lines
                if line.start >= ctx.segment.header_end and _TOP_HEADING.match(line.squashed)]
    classes: list[str] = []
    topic = False
    for s, e in sentences(ctx.text, ctx.segment.header_end, ctx.end):
        heading = next((h for at, h in reversed(headings) if at <= s), "")
        # `…优胜奖分设优胜单位、优秀班组两类。其中优胜单位不超过40家…`: 其中 goes on with the
        # sentence before, and its topic.
        goes_on = topic and ctx.text.startswith("其中", s)
        found = _quotas_in(ctx.text, s, e, default,
                           quota_section=bool(_QUOTA_HEADING.search(heading)) or goes_on)
        topic = bool(_TOPIC.search(ctx.text, s, e))
        # `大奖设「新建建筑类」及「既有建筑类」。每类设金奖1名、优异奖不超过三名。`: each class
        # has its own awards.
        if classes and _PER_CLASS.match(ctx.text, s):
            found = [(fs, fe, scope, value, cls + category, per) for cls in classes
                     for fs, fe, scope, value, category, per in found]
        named = _CLASSES.search(ctx.text, s, e)
        classes = [named["a"], named["b"]] if named else []
        # A place's share of an allocation is read once, as the allocation's.
        found = [f for f in found if not any(a.start <= f[0] < a.end for a in shares)]
        # A quota stated again in a later sentence is the same quota; within one sentence
        # two equal counts are two quotas (`获奖企业不超过10家，提名奖企业不超过10家`).
        for _, _, scope, value, category, per in found:
            if (scope, category, value, per) in stated:
                continue
            quotas.append(Quota(scope=scope, category=category, max=value, per=per,
                                confidence=0.85, provenance=ctx.prov(s, e)))
        stated |= {(scope, category, value, per) for _, _, scope, value, category, per in found}
    return {"quotas": quotas, "categories": _categories(ctx, quotas, default)}


_CATEGORY_WORDS = ("组织奖", "个人奖", "提名奖", "特别奖", "集体奖")


def _categories(ctx: NoticeContext, quotas: list[Quota], award: str) -> list[TextValue]:
    """Award categories: those the quotas are given for, and the usual ones the text names."""
    found: dict[str, TextValue] = {}
    for q in quotas:
        if q.scope == "award" and q.category not in (award, "奖"):
            found.setdefault(q.category, TextValue(value=q.category, confidence=0.8, provenance=q.provenance))
    for word in _CATEGORY_WORDS:
        at = ctx.text.find(word, ctx.start, ctx.end)
        if at >= 0 and not any(word in k for k in found):
            found[word] = TextValue(value=word, confidence=0.7, provenance=ctx.prov(at, at + len(word)))
    return list(found.values())
