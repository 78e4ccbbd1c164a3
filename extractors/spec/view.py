"""AwardSpec → FieldView: the flat, scored view (FIELDS.md contract v1).

Lists are the union of the outer notice and the notice it forwards; the issue date is the
outer notice's own (its signature date, else the page's publication date).
"""
from __future__ import annotations

import re

from extractors.spec.components.issuers import merge_orgs
from extractors.spec.patterns import squash
from models.fields import FieldQuota, FieldView
from models.spec import AwardSpec


# `王老师`, `梁小姐`, `彭工`: a surname and a form of address is whom to ask for, not a person's
# name (FIELDS.md: person names). The spec's contacts keep them for the reviewer.
_TITLE_ONLY = re.compile(r"[\u4e00-\u9fff]{1,2}(?:老师|先生|女士|小姐|同志)|[\u4e00-\u9fff](?:工|总)")


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


def field_view(spec: AwardSpec) -> FieldView:
    parts, inner = [spec], spec.forwarded
    while inner is not None:                     # a forwarded notice may forward one in turn
        parts.append(inner)
        inner = inner.forwarded
    issue = spec.issue_date or spec.publication_date

    quotas: list[FieldQuota] = []
    for part in reversed(parts):                 # the forwarded notice states them first-hand
        # The forwarding notice restating one of them is the same cap (`组织奖` restated as
        # `西藏质量奖组织奖`); one for its own recommenders (`各镇（街道）限额推荐1家组织`
        # beside the forwarded `个人不超过1名`) is another, though the number is the same.
        stated = list(quotas)
        for q in part.quotas:
            if part is spec and any(q.scope == o.scope and q.max == o.max and (
                    q.category in o.category or o.category in q.category) for o in stated):
                continue
            quotas.append(FieldQuota(scope=q.scope, category=q.category, max=q.max))

    awards = _unique(squash(a.value) for p in parts for a in p.award_names)
    awards = [a for a in awards if not any(a != b and a in b for b in awards)]
    contacts = [c for p in parts for c in p.contacts]
    return FieldView(
        doc_numbers=_unique(squash(d.value) for p in parts for d in p.doc_numbers),
        issue_date=issue.value if issue else None,
        deadlines=sorted(_unique(d.date for p in parts for d in p.deadlines if d.kind != "start")),
        quotas=quotas,
        contact_names=_unique(squash(n) for c in contacts for n in c.names if not _TITLE_ONLY.fullmatch(squash(n))),
        phones=_unique(n for c in contacts for n in (*c.phones, *c.faxes)),
        emails=_unique(e.lower() for c in contacts for e in c.emails),
        postcodes=_unique(c.postcode for c in contacts),
        award_names=awards,
        issuers=[squash(v.value) for v in merge_orgs([i for p in parts for i in p.issuers])],
        secrets=sum(len(p.secrets) for p in parts),
    )
