"""Identifier validity checks: USCC (GB 32100-2015) and 居民身份证号 (GB 11643-1999).

The validators themselves live with the packet extractor (`extractors.packets.identifiers`),
which also generates valid codes; this module only turns their answers into flags.
"""
from __future__ import annotations

import re
from datetime import date

from checks.evidence import claims, cite, make_flag
from extractors.packets.identifiers import id_birth_date, id_number_valid, uscc_valid
from models.findings import Flag, FlagCode
from models.packet import Packet


def _compact(value: object) -> str:
    # Codes are printed in groups, with spaces or hyphens (`91620602-350533093-Q`).
    return re.sub(r"[\s\-－—–]", "", str(value)).upper()


def check_identifiers(packet: Packet, today: date) -> list[Flag]:
    flags: list[Flag] = []
    for doc, claim in claims(packet, "uscc"):
        code = _compact(claim.value)
        if not uscc_valid(code):
            why = "长度应为18位" if len(code) != 18 else "校验码或字符不符合 GB 32100-2015"
            flags.append(make_flag(
                FlagCode.USCC_INVALID,
                f"统一社会信用代码“{code}”无效：{why}",
                [cite(doc, claim)]))
    for doc, claim in claims(packet, "id_number"):
        number = _compact(claim.value)
        if not id_number_valid(number, today=today):
            born = id_birth_date(number) if len(number) == 18 else None
            why = ("出生日期不存在或不合理" if len(number) == 18 and (born is None or born > today)
                   else "校验码不符合 GB 11643-1999" if len(number) == 18 else "长度应为18位")
            flags.append(make_flag(
                FlagCode.ID_NUMBER_INVALID,
                f"居民身份证号码“{_mask_id(number)}”无效：{why}",
                [cite(doc, claim)]))
    return flags


def _mask_id(number: str) -> str:
    # The message travels into shareable reports; the full number stays in the evidence.
    return number[:6] + "********" + number[-4:] if len(number) >= 10 else number
