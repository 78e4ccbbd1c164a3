"""Contact names written in prose rather than after a `联系人：` label.

`请与省质协会员部李娜同志联系（电话：…）` and `梁嘉欣女士，电话：…` name the person to call
without any label; the department, when there is one, comes right before the name.
"""
from __future__ import annotations

import re

from normalizers.names import looks_like_name

_CJK = r"\u4e00-\u9fff"
# A department ends in one of these; the name follows it directly.
_DEPT_END = r"(?:办公室|秘书处|工作部|处|科|室|部|中心|局|会|所|院|组|站|厅)"
_NAME = rf"[{_CJK}]{{2,4}}?"
# `与（dept）张三、李四（同志|老师）联系`: what stands between 与 and 联系 is at most a
# department and a few names, so a long clause (`与有关部门加强联系`) never fits.
_WITH = re.compile(
    rf"与(?:[{_CJK}A-Za-z]{{2,30}}{_DEPT_END}(?!门))?(?P<names>{_NAME}(?:[、和及]{_NAME}){{0,3}})"
    rf"(?:同志|老师|女士|先生)?(?:联系|联络|咨询|洽询)")
# `梁嘉欣女士，电话：…` (or spaced out, `陈 嘉 欣小姐`) at the start of a line, after
# punctuation or after a department (`中区服务处王雅婷小姐，电话…`): the honorific marks a
# person and the phone label right after says it is a contact.
_HONORIFIC_PHONE = re.compile(
    rf"(?:^|(?<=[\s，,；;：:、处科室部局组心]))(?P<name>[{_CJK}](?:[ \t\u3000]?[{_CJK}]){{1,2}})(?:女士|先生|小姐)\s*[，,：:]?\s*"
    rf"(?:联系)?(?:电话|手机|电邮|Tel|TEL)", re.M)
_NOT_NAME = re.compile(r"[的要请各将等与和及在向由对从为]|单位|部门|电话|地址|邮箱|负责|有关|相关|工作|办公|本会|我们|"
                       r"加强|保持|密切|及时|主动|积极|取得")


def prose_names(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, name) for each contact person named in prose in text[lo:hi]."""
    found = []
    for m in _WITH.finditer(text, lo, hi):
        for name in re.split(r"[、和及]", m["names"]):
            # `请与秘书处联系`: an office, not a person
            if not _NOT_NAME.search(name) and looks_like_name(name, longest=4):
                found.append((m.start("names"), name))
    for m in _HONORIFIC_PHONE.finditer(text, lo, hi):
        name = re.sub(r"\s", "", m["name"])       # spaced out: `陳 嘉 欣小姐`
        if not _NOT_NAME.search(name):
            found.append((m.start("name"), name))
    return found
