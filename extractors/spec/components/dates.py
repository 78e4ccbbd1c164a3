"""Issue date (the signature date, not a web page's), publication date, and the notice's year.

The signature date is a line that holds nothing but a date (`2023年9月7日`, `20221229`,
`2023年9月7日印发`), right under the issuing organisation; a forwarded notice's date lies in
its own segment and so never becomes the outer notice's date.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import ORG_LINE_RE, squash
from models.spec import DateValue
from normalizers.dates import DateMatch, find_dates

NAME = "spec_dates"
VERSION = "2"
REQUIRES = ("doc_numbers",)
ASSIGNS = ("issue_date", "publication_date", "year")

_DATE_LINE_REST = re.compile(r"^[\s\-]*(印发|发布|签发|制发|成文)?\s*([（(][^）)]{0,12}[)）])?\s*$")
_SEAL_LINE = re.compile(r"代章|盖章|印章|签章|^[（(].*[)）]$")
_PUBLISHED = re.compile(r"(?:(?:发布|发文|上版|更新|公布|发表|成文|发稿)(?:日期|时间)|^(?:日期|时间))\s*[:：]?\s*", re.M)


def _value(ctx: NoticeContext, d: DateMatch, offset: int, confidence: float) -> DateValue:
    return DateValue(value=d.iso, uncertain=d.uncertain, alternatives=list(d.alternatives),
                     confidence=min(confidence, d.confidence),
                     provenance=ctx.prov(offset + d.start, offset + d.end))


def signature_dates(ctx: NoticeContext) -> list[tuple[int, DateMatch, bool, str | None]]:
    """(line index, date, signed, organisation on the same line) for each line that is only a
    date (or `organisation date`); `signed` when an organisation name (or its seal note)
    stands just above or before it on the line."""
    found = []
    for i, line in enumerate(ctx.lines):
        if len(line.text) > 60 or _PUBLISHED.search(line.text):
            continue
        dates = find_dates(line.text)
        if len(dates) != 1 or dates[0].iso is None:
            continue
        d = dates[0]
        before = squash(line.text[:d.start])
        same_line_org = before if before and ORG_LINE_RE.fullmatch(before) else None
        rest = line.text[d.end:] if same_line_org else line.text[:d.start] + line.text[d.end:]
        if not _DATE_LINE_REST.match(rest):
            continue
        above = [ctx.lines[j].squashed for j in range(max(0, i - 3), i)]
        signed = bool(same_line_org) or any(ORG_LINE_RE.fullmatch(a) for a in above[-2:]) \
            or any(_SEAL_LINE.search(a) for a in above[-1:])
        found.append((i, d, signed, same_line_org))
    return found


def _issue_date(ctx: NoticeContext) -> DateValue | None:
    candidates = signature_dates(ctx)
    if not candidates:
        return None
    signed = [c for c in candidates if c[2]]
    i, d, is_signed, _ = signed[0] if signed else candidates[-1]
    return _value(ctx, d, ctx.lines[i].start, 1.0 if is_signed else 0.7)


def _publication_date(ctx: NoticeContext) -> DateValue | None:
    for m in _PUBLISHED.finditer(ctx.text, ctx.start, ctx.end):
        dates = find_dates(ctx.text[m.end(): m.end() + 24])
        if dates and dates[0].start == 0 and dates[0].iso:
            return _value(ctx, dates[0], m.end(), 0.9)
    return None


_YEAR_ONLY = re.compile(r"((?:19|20)\d\d)\s*年(?:度|\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日))")


def extract(ctx: NoticeContext) -> dict:
    issue = _issue_date(ctx)
    published = _publication_date(ctx)
    year = None
    for value in (issue, published):
        if value is not None and not value.uncertain:
            year = int(value.value[:4])
            break
    if year is None:
        years = Counter(d.year for d in find_dates(ctx.text[ctx.start:ctx.end])
                        if d.year is not None and d.form in ("full", "numeric", "chinese", "minguo"))
        numbered = [int(m.group(1)) for v in ctx.found.get("doc_numbers") or []
                    if (m := re.search(r"〔(\d{4})〕", v.value))]
        # A slide deck dated `2025年3月` about the `2025年度` award: no full date anywhere.
        loose = Counter(int(m.group(1)) for m in _YEAR_ONLY.finditer(ctx.text, ctx.start, ctx.end))
        year = (years.most_common(1)[0][0] if years else None) or (max(numbered) if numbered else None) \
            or (loose.most_common(1)[0][0] if loose else None) or ctx.fallback_year
    return {"issue_date": issue, "publication_date": published, "year": year}
