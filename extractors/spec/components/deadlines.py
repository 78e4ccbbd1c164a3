"""Deadlines: dates by which something must be submitted, each with what, who and to whom;
start dates (`2月15日后可提交`) are kept apart. A date without a year takes the notice's year
(the next year when that would put it well before the notice was issued)."""
from __future__ import annotations

import re
from datetime import date

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import sentence_bounds
from models.spec import DateValue, Deadline
from normalizers.dates import DateMatch, find_dates, find_ranges

NAME = "spec_deadlines"
VERSION = "6"
REQUIRES = ("issue_date", "year")
ASSIGNS = ("deadlines",)

# `（星期三）下午5:30`, `17:00`, `18时`, `下班`: what may stand between a date and its 前.
_TIME = (r"(?:\s*[（(][^）)]{1,12}[)）])?(?:\s*(?:(?:上午|下午|中午|晚上)?\s*(?:\d{1,2}[:：]\d{2}|\d{1,2}\s*[时点](?:\d{1,2}分|半)?)"
         r"|下班|中午|上午|下午)\s*)?"
         r"(?:\s*[（(][^）)]{1,12}[)）])?")
# A schedule line names what closes after a colon: `4月18日（周五）17:00：网上申报截止`.
# `提交項目資料冊：2024年11月29日（星期五）或之前`: on or before.
_DEADLINE_AFTER = re.compile(rf"^{_TIME}(?:前|之前|以前|止|截止|为止|截止前|或之前|或以前|[：:][^，。；\n]{{0,8}}?截止)")
# `報名系統則於113年5月24日下午5時關閉`, `6月30日后不再受理`: the window shuts that day, though
# `后`/`起` would otherwise make it a start.
_CLOSES_AFTER = re.compile(rf"^{_TIME}(?:后|以后|之后|起)?(?:关闭|不再受理|不予受理|停止受理|停止接收)")
_START_AFTER = re.compile(rf"^{_TIME}(?:后|以后|之后|起|开始)")
_DEADLINE_BEFORE = re.compile(r"((截止|截至|截止至|截止到|截止日期|截止时间|最迟|不晚于|最晚|之前)[^。，；,]{0,12}|(即日起?|今|起)\s*(?:至|[—–\-－~～]+)\s*)$")
# `2020年12月31日前注册的企业`: a condition on the applicant, not a deadline.
_CONDITION_AFTER = re.compile(r"^[^，。；]{0,4}(?:注册|成立|设立|登记|取得|获得|投产|建成|出生|颁布|实施)")
_SUBMIT = re.compile(r"报送|提交|申报|申请|推荐|提名|寄|送|报|接收|受理|截止|截至|上传|报名|完成|交|递交|登记")
_NOT_DEADLINE = re.compile(r"发布|印发|公布|施行|起施行|成立|召开|举办|表彰大会")
_RECIPIENT = re.compile(
    r"(?:报送|提交|寄送|递交|发送|上报|寄|送|申报(?=至|到)|(?<!申)报)(?:至|到|给)?"
    r"(?P<who>[^，。,；;]{2,40}?(?:局|厅|委|办|处|科|室|会|秘书处|办公室|中心|部门|部))(?=[，。,；;（(\s]|$)")
_TOWARDS = re.compile(r"向(?P<who>[^，。,；;]{2,40}?(?:局|厅|委|办|处|科|室|会|秘书处|办公室|中心|部门|部))"
                      r"(?:提出|提交|报送|申报|申请|推荐|报)")
_CLAUSE = re.compile(r"[，,；;]")
_RECOMMENDER = re.compile(r"推荐单位|各地|各县|各市|各区|各州|各省|市场监管局|市场监管部门|主管部门|领导小组|"
                          r"各单位|审核推荐|初核推荐|推荐意见|社会团体")
_APPLICANT = re.compile(r"申报单位|申报组织|申报人|申报个人|参评|申请人|企业|组织和个人|自愿申报|申报企业|符合条件的")
_WHAT = re.compile(r"(申报材料|推荐材料|审核推荐材料|推荐意见|审核意见|初核推荐意见|推荐函|推荐名单|申报表|电子版材料|纸质材料|材料)")


# `截至2023年12月31日，企业成立满3年`: a reference day for a condition, not a deadline.
_AS_OF = re.compile(r"^[，,]?[^。；]{0,24}?(?:满\s*[\d一二三四五六七八九十]|成立|注册|累计|不少于|以上|已)")


def _year_for(ctx: NoticeContext, d: DateMatch) -> DateMatch:
    year = ctx.found.get("year")
    if d.has_year or not isinstance(year, int):
        return d
    placed = d.with_year(year)
    issue = ctx.found.get("issue_date")
    if isinstance(issue, DateValue) and placed.iso and date.fromisoformat(placed.iso) < date.fromisoformat(issue.value):
        days = (date.fromisoformat(issue.value) - date.fromisoformat(placed.iso)).days
        if days > 60:
            placed = d.with_year(year + 1)
    return placed


_MONTH_END = re.compile(r"(?:(?P<y>(?:19|20)\d\d)\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?:底|末|份)\s*(?:前|之前|以前)")


_THIS_MONTH = re.compile(r"(?P<which>本|下)月\s*(?P<d>\d{1,2})\s*[日号]\s*(?:前|之前|以前|止|截止)")


def _month_ends(text: str, lo: int, hi: int) -> list[tuple[int, int, int | None, int]]:
    """`6月底前` → the month's last day: (start, end, year or None, month)."""
    return [(m.start(), m.end(), int(m["y"]) if m["y"] else None, int(m["m"]))
            for m in _MONTH_END.finditer(text, lo, hi) if 1 <= int(m["m"]) <= 12]


def _roles(sentence: str, at: int) -> tuple[str | None, str | None, str | None]:
    """(what, submitter, recipient) for the date at `at` in `sentence`: the subject is in the
    date's clause (or the one before it), the recipient after the date."""
    breaks = [m.end() for m in _CLAUSE.finditer(sentence, 0, at)]
    head = sentence[breaks[-1] if breaks else 0:at]
    if len(breaks) >= 2 and not (_RECOMMENDER.search(head) or _APPLICANT.search(head)):
        head = sentence[breaks[-2]:at]
    tail = sentence[at:]
    recipient = _RECIPIENT.search(tail) or _TOWARDS.search(tail)
    submitter = "recommender" if _RECOMMENDER.search(head) else ("applicant" if _APPLICANT.search(head) else None)
    what = _WHAT.search(head + tail[: recipient.start() if recipient else 40])
    return (what.group(1) if what else None, submitter, recipient["who"] if recipient else None)


def extract(ctx: NoticeContext) -> dict:
    text, lo, hi = ctx.text, ctx.segment.header_end, ctx.end
    found: list[Deadline] = []
    seen: set[tuple[str, str]] = set()
    issue = ctx.found.get("issue_date")
    range_ends = {}
    for r in find_ranges(text[lo:hi]):
        range_ends[r.end.start + lo] = "end"
        range_ends[r.start.start + lo] = "start"

    for d in find_dates(text[lo:hi]):
        start, end = d.start + lo, d.end + lo
        d = _year_for(ctx, d)
        if d.iso is None:
            continue
        s, e = sentence_bounds(text, start, lo, hi)
        sentence = text[s:e]
        after = text[end:end + 24]     # room for `（星期一）下午5时30分前`
        before = text[max(s, start - 20):start]
        if _NOT_DEADLINE.search(text[end:min(e, end + 8)]) or not _SUBMIT.search(sentence):
            continue
        if isinstance(issue, DateValue) and issue.value == d.iso:
            continue

        if _CONDITION_AFTER.match(after.lstrip("前之以")):
            continue
        if _CLOSES_AFTER.match(after):
            kind = "deadline"
        elif _START_AFTER.match(after) or range_ends.get(start) == "start":
            kind = "start"
        elif _DEADLINE_AFTER.match(after) or range_ends.get(start) == "end" or (
                _DEADLINE_BEFORE.search(before) and not _AS_OF.match(text[end:e])):
            kind = "reception" if re.search(r"接收|受理(?:时间|截止)", sentence) else "deadline"
        else:
            continue
        if kind != "start" and d.has_year and isinstance(issue, DateValue) and d.iso < issue.value:
            continue          # `项目须于2023年12月31日前完成`: a condition met before the notice
        if (kind, d.iso) in seen:
            continue
        seen.add((kind, d.iso))
        what, submitter, recipient = _roles(sentence, start - s)
        found.append(Deadline(date=d.iso, kind=kind, what=what, submitter=submitter, recipient=recipient,
                              uncertain=d.uncertain, confidence=d.confidence * (0.9 if kind != "start" else 0.8),
                              provenance=ctx.prov(s, e)))
    year = ctx.found.get("year")
    for start, end, y, month in _month_ends(text, lo, hi):
        y = y or (year if isinstance(year, int) else None)
        if y is None:
            continue
        s, e = sentence_bounds(text, start, lo, hi)
        if not _SUBMIT.search(text[s:e]) or _CONDITION_AFTER.match(text[end:end + 8]):
            continue
        last = (date(y + month // 12, month % 12 + 1, 1) - date.resolution).isoformat()
        if ("deadline", last) not in seen:
            seen.add(("deadline", last))
            what, submitter, recipient = _roles(text[s:e], start - s)
            found.append(Deadline(date=last, kind="deadline", what=what, submitter=submitter, recipient=recipient,
                                  confidence=0.7, provenance=ctx.prov(s, e)))
    # `请于本月24日前报送`: the month of the notice's own date.
    issue = ctx.found.get("issue_date")
    issued = issue.value if isinstance(issue, DateValue) and issue.value else None
    for m in _THIS_MONTH.finditer(text, lo, hi):
        if issued is None:
            break
        y, month = int(issued[:4]), int(issued[5:7]) + (m["which"] == "下")
        y, month = y + (month - 1) // 12, (month - 1) % 12 + 1
        try:
            day = date(y, month, int(m["d"])).isoformat()
        except ValueError:
            continue
        s, e = sentence_bounds(text, m.start(), lo, hi)
        if not _SUBMIT.search(text[s:e]) or ("deadline", day) in seen:
            continue
        seen.add(("deadline", day))
        what, submitter, recipient = _roles(text[s:e], m.start() - s)
        found.append(Deadline(date=day, kind="deadline", what=what, submitter=submitter, recipient=recipient,
                              confidence=0.75, provenance=ctx.prov(s, e)))
    return {"deadlines": found}
