"""The shareable variant of a report: personal identifiers masked, organisations' codes kept.

A USCC identifies an organisation and is public; a 居民身份证号 and a private mobile number are
personal information (个人信息保护法) and leave the review office masked.
"""
from __future__ import annotations

import re

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")


def mask_personal(text: str) -> str:
    """110105199001011234 → 110105********1234; 13912345678 → 139****5678."""
    text = ID_NUMBER.sub(lambda m: f"{m[1]}********{m[3]}", text)
    return MOBILE.sub(lambda m: f"{m[1]}****{m[3]}", text)
