"""Chinese identifiers with check characters: 统一社会信用代码 and 居民身份证号码.

Validators answer one question (is this a well-formed code whose check character is right);
the `make_*` generators build valid codes for synthetic packets and tests.
"""
from __future__ import annotations

import datetime as dt
import random
import re

# GB 32100-2015: the 31 characters a USCC may use (no I, O, S, V, Z), valued by position.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
# GB 11714 organisation code (positions 9–17 of a USCC) has its own mod-11 check.
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
# GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits.
_ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
_ID_CHECK = "10X98765432"
# First two digits of an administrative division code (GB/T 2260 provinces, plus HK/MO/TW).
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
              45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}

USCC_PATTERN = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-Z]{9}[0-9A-Z](?![0-9A-Z])")
ID_NUMBER_PATTERN = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(s: str) -> bool:
    """GB 32100-2015: 18 characters from the USCC alphabet, a 6-digit division code at 3–8,
    and the right check character. The inner organisation-code check is not required, since
    codes re-issued from old registrations do not always keep it."""
    s = (s or "").strip().upper()
    if len(s) != 18 or any(c not in USCC_ALPHABET for c in s):
        return False
    if not s[2:8].isdigit():
        return False
    return uscc_check_char(s[:17]) == s[17]


def org_code_check_char(first8: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS))
    c = 11 - total % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def id_birth_date(s: str) -> dt.date | None:
    try:
        return dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return None


def id_number_valid(s: str, *, today: dt.date | None = None) -> bool:
    """GB 11643-1999: 17 digits + check (digit or X), a known province, a birth date that
    exists and lies between 1900 and `today`, and the right check character."""
    s = (s or "").strip().upper()
    if not ID_NUMBER_PATTERN.fullmatch(s):
        return False
    if int(s[:2]) not in _PROVINCES:
        return False
    born = id_birth_date(s)
    if born is None or born.year < 1900 or born > (today or dt.date.today()):
        return False
    return id_check_char(s[:17]) == s[17]


def make_uscc(rng: random.Random, division: str = "540102", category: str = "91") -> str:
    """A valid USCC: registration category (e.g. 91 enterprise, 52 social org, 12 public
    institution), division code, organisation code with its own check, USCC check."""
    body = "".join(rng.choice(USCC_ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    first17 = category + division + body + org_code_check_char(body)
    return first17 + uscc_check_char(first17)


def make_id_number(rng: random.Random, division: str, born: dt.date, *, female: bool) -> str:
    seq = rng.randrange(0, 100) * 10 + rng.choice([0, 2, 4, 6, 8] if female else [1, 3, 5, 7, 9])
    first17 = f"{division}{born:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def break_check_char(code: str, alphabet: str = USCC_ALPHABET) -> str:
    """The same code with a wrong last character (for planting invalid identifiers)."""
    last = code[-1]
    choices = [c for c in (alphabet if alphabet != "id" else "0123456789X") if c != last]
    return code[:-1] + choices[len(code) % len(choices)]
