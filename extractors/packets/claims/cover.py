"""Claims of a cover letter or table of contents (申报函 / 目录)."""
from __future__ import annotations

import re

from models.packet import Claim
from normalizers.numbers import parse_int

from extractors.packets.claims.common import DocRows, claim

_ENTRY = re.compile(r"^\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(?P<entry>\S.{0,40})$")
_COPIES = re.compile(r"一式\s*(?P<n>[0-9一二两三四五六七八九十]{1,2})\s*份")


def cover_claims(doc: DocRows) -> list[Claim]:
    entries = [(m["entry"], row) for row in doc.rows for m in [_ENTRY.match(row.text)] if m]
    claims = []
    if entries:
        claims.append(claim(doc, "toc_entries", [e for e, _ in entries], entries[0][1]))
    for row in doc.rows:
        m = _COPIES.search(row.text)
        if m and parse_int(m["n"]):
            claims.append(claim(doc, "copies_stated", parse_int(m["n"]), row, evidence=m.group()))
            break
    return claims
