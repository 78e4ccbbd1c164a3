"""Contacts as a reviewer writes them down: person(s), department, phones (a bare local
number next to one with an area code inherits it), fax, email, postal address, postcode.

Items are found field by field, then grouped: a new group starts at a new 联系人 or after a
long gap, so a notice with a contact for applicants and one for recommenders gives two.
"""
from __future__ import annotations

import re

from extractors.spec.contact_prose import prose_names
from extractors.spec.context import NoticeContext
from extractors.spec.patterns import ORG_SUFFIX, squash
from models.spec import Contact
from normalizers.names import looks_like_name

NAME = "spec_contacts"
VERSION = "14"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("contacts",)

_S = r"[ \t\u3000]*"
_LABEL_PHONE = rf"(?:联系{_S})?(?:电{_S}话|手{_S}机|座{_S}机|热{_S}线|咨询电话|办公电话|联系方式|Tel|TEL|tel|电话号码)"
_LABEL_FAX = rf"(?:传{_S}真|Fax|FAX)"
_SEP = r"(?:[ \t\u3000]*(?:[、，,/;；]|或|和|及|[ \t\u3000]+)[ \t\u3000]*)"
# Taiwan area codes have one digit after the 0 (`06-2991111`, `02-2391-1368`).
_AREA = r"0\d{1,3}"
# 400/800 numbers are grouped every way (`400-880-6688`, `4008-830-112`): ten digits in all.
_HOTLINE = r"[48]00(?:[-—－ ]?\d){7}"
# Public service lines (`12315`, `12345`) count as phones only after a phone label.
_SERVICE = r"12\d{3}"
_PHONE_ITEM = rf"(?:[（(]0\d{{1,3}}[)）]{_S}\d{{3,4}}-?\d{{4}}|[（(]?{_AREA}[)）]?{_S}[-—－–]*{_S}\d{{7,8}}|1[3-9]\d{_S}?\d{{4}}{_S}?\d{{4}}|{_HOTLINE}|\d{{7,8}}|{_SERVICE})(?!\d)"
_PHONE_LIST = re.compile(
    rf"(?P<label>{_LABEL_FAX}|{_LABEL_PHONE})[^\d\n：:。]{{0,6}}[：:]?{_S}(?P<list>{_PHONE_ITEM}(?:{_SEP}{_PHONE_ITEM})*)")
# OCR puts a stray space inside a number (`0931-8 465723`), and some write eight digits in
# two groups (`0755-8321 5678`): one gap, seven or eight digits in all.
_OCR_LOCAL = "|".join(rf"\d{{{i}}} \d{{{n - i}}}" for n in (8, 7) for i in range(1, n))
_AREA_PHONE = re.compile(rf"(?<![\d\-])(?:[（(](?P<a1>0\d{{1,3}})[)）]|(?P<a2>{_AREA}){_S}[-—－–]{{1,2}}){_S}"
                         rf"(?P<local>\d{{7,8}}|\d{{3,4}}-\d{{4}}|{_OCR_LOCAL})(?![\d-])")
# Bare locals right after an area-coded number share its area code: `0551-63357281 63357282`.
# A bare local number alone at the start of the next line continues the list too
# (`杜鹏飞 029-86787319` / `86787325（传真）`).
_CONTINUED = re.compile(rf"^(?:(?:{_SEP}|[ \t\u3000]*\n[ \t\u3000]*)(?P<local>\d{{7,8}})(?![\d-]))")
_SPACED_AREA = re.compile(rf"(?P<a2>{_AREA})[ \t\u3000]+(?P<local>\d{{7,8}})$")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?!\d)")
_HOTLINE_RE = re.compile(rf"(?<![\d\-]){_HOTLINE}(?![\d\-])")
# Hong Kong, Macau and Taiwan numbers after a country code have no area code in the mainland
# sense: `(853) 2878 8777` is kept as its eight local digits.
_COUNTRY_PHONE = re.compile(r"(?:[（(]\s*\+?(?:852|853|886)\s*[)）]|\+(?:852|853|886))[ \-]?(?P<local>\d{4}[ \-]?\d{4})(?!\d)")
_ITEM = re.compile(_PHONE_ITEM)
_FAX_BEFORE = re.compile(rf"{_LABEL_FAX}[^\d\n]{{0,3}}$")
# OCR may leave a space after the @ (`jxszlc@ 163.com`).
# OCR may leave a space after the last dot (`ordos_zlj@163. com`): allowed before a common
# top-level domain only, so a sentence going on after an address stays out of it.
_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*[@＠] ?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
                    r"(?:\. (?:com|cn|net|org|edu|gov)(?![A-Za-z])|\.[A-Za-z]{2,})")
_OCR_POSTCODE = "|".join(rf"\d{{{i}}} \d{{{6 - i}}}" for i in range(1, 6))
# After the label six digits may carry one OCR space (`7300 30`).
# OCR splits an address with a space (`电子邮箱：lzsz ljsc@163.com`); after the label the
# value is one address, so the piece before the gap is its start. (Searched up to the match,
# so no lookahead: it could not see past the end.)
_EMAIL_CUT = re.compile(r"(?:邮箱|邮件|E-?mail|e-?mail)[：:][ \t\u3000]*(?P<head>[A-Za-z0-9._\-]{1,30}) $")
_POSTCODE = re.compile(rf"(?:邮{_S}编|邮政编码|邮{_S}政{_S}编{_S}码)[^\d\n]{{0,3}}\n?{_S}(?P<code>\d{{6}}|{_OCR_POSTCODE})(?!\d)")
_POSTCODE_BEFORE_ADDRESS = re.compile(rf"(?:通讯地址|联系地址|邮寄地址|地{_S}址)[：:]{_S}(?P<code>\d{{6}})(?=[ \t\u3000]?[\u4e00-\u9fff])")
_POSTCODE_AFTER_ADDRESS = re.compile(r"^[，,\s（(]*(?P<code>\d{6})(?![\d号])")
_ADDRESS = re.compile(rf"(?:通讯地址|联系地址|邮寄地址|地{_S}址)(?:[：:]|\t){_S}(?P<addr>[^\n；;，,）)]{{4,60}})")
_DEPARTMENT = re.compile(rf"(?:联系部门|联系单位|联系处室)(?:[：:]|\t){_S}(?P<dept>[^\n；;，,]{{2,40}})")
# The label may stand alone on its line with the value on the next (a flattened table cell),
# or lead into prose: `联系人为刘振宇同志、孙丽娜科长，电话…`.
_NAMES = re.compile(rf"(?:承{_S}办{_S}人|联{_S}[系络絡]{_S}人)(?:及(?:联系)?(?:电话|方式))?{_S}(?:[：:]|\t|为|\n(?=[^\n]*[\u4e00-\u9fff])){_S}(?P<value>[^\n]{{1,80}})")
# A contacts table: a header row with 联系人/姓名, names in that column of the rows below.
_NAME_HEADER = re.compile(r"^(?:联系人|姓名|联系人姓名)$")
_HEADER_CELL = re.compile(r"^(?:联系人|姓名|联系人姓名|单位|单位名称|部门|处室|职务|电话|联系电话|办公电话|手机|"
                          r"手机号码|传真|邮箱|电子邮箱|地址|邮编|备注|序号|联系方式)$")
# `咨询电话：0851-85987654（王女士）`: a name in brackets right after a number.
# What ends a 联系人 value on its line: fields whose values are no names.
_NAME_STOP = re.compile(rf"{_LABEL_FAX}|邮箱|电子邮|邮件|E-?mail|e-?mail|(?:邮寄|通讯|通信|联系|办公)?地址|邮编|邮政编码|QQ|微信|。")
# 股 is the smallest section of a county office (`质量发展股`).
_DEPT_WORD = re.compile(rf"^(?:[\u4e00-\u9fffA-Za-z]{{3,}}(?:{ORG_SUFFIX}|室|科|组|股)|[\u4e00-\u9fffA-Za-z]{{1,}}(?:办公室|秘书处|处|科|室|中心|部)"
                        r"|第[一二三四五六七八九十\d]{1,3}(?:组|科|处|室))$")
_NOT_NAME = re.compile(r"[的要请各将等]|单位|部门|电话|地址|邮箱|负责|联系|方式")
# Posts written after a name (`张三科长`) are dropped; `王女士` is how the notice names her.
# (技正, 技士, 专员: Taiwan's civil-service titles.)
_POSTS = r"(?:同志|副?处长|副?科长|副?主任|副?部长|副?局长|副?秘书长|技正|技士|专员)"
_POST = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){_POSTS}$")
# `咨询电话：0772-2826531（韦晓燕老师）、0772-2826530（覃志刚科长）`: each number's person in
# brackets after it, on a line that a phone label starts.
_NAME_AFTER_PHONE = re.compile(rf"\d{{7,8}}\s*[（(](?P<name>[\u4e00-\u9fff]{{2,4}}?)(?:老师|先生|女士|小姐|{_POSTS})?[)）]")
# `王小明先生` is 王小明; `王先生` alone stays, as that is all the notice gives.
_HONORIFIC_AFTER = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:先生|女士|小姐)$")
# A post written apart from the name (`李晓红 科长`) is no name of its own.
_POST_WORD = re.compile(rf"^{_POSTS}$")


def phone(area: str | None, local: str) -> str:
    local = re.sub(r"\D", "", local)
    return f"{area}-{local}" if area else local


def _phones(text: str, lo: int, hi: int) -> list[tuple[int, str, bool]]:
    """(position, number, is_fax) for every phone; bare local numbers only in a labelled list
    or right after a number with an area code."""
    found: dict[int, tuple[int, str, bool]] = {}
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, number: str, is_fax: bool) -> None:
        if not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            found[start] = (start, number, is_fax)

    for m in _PHONE_LIST.finditer(text, lo, hi):
        is_fax = bool(re.match(_LABEL_FAX, m["label"]))
        area = None
        for item in _ITEM.finditer(m["list"]):
            pos, end = m.start("list") + item.start(), m.start("list") + item.end()
            raw = item.group()
            coded = _AREA_PHONE.match(raw) or _SPACED_AREA.match(raw)
            if coded:
                area = coded.groupdict().get("a1") or coded["a2"]
                add(pos, end, phone(area, coded["local"]), is_fax)
            elif len(re.sub(r"\D", "", raw)) == 11 and raw.lstrip().startswith("1"):
                add(pos, end, re.sub(r"\D", "", raw), is_fax)
            else:
                add(pos, end, phone(area, raw), is_fax)
    for m in _AREA_PHONE.finditer(text, lo, hi):
        area = m["a1"] or m["a2"]
        add(m.start(), m.end(), phone(area, m["local"]), False)
        at = m.end()
        while (more := _CONTINUED.match(text[at:at + 16])) is not None:
            add(at + more.start("local"), at + more.end("local"), phone(area, more["local"]), False)
            at += more.end()
    for m in _MOBILE.finditer(text, lo, hi):
        add(m.start(), m.end(), re.sub(r"\D", "", m.group()), False)
    for m in _HOTLINE_RE.finditer(text, lo, hi):
        add(m.start(), m.end(), re.sub(r"\D", "", m.group()), False)
    for m in _COUNTRY_PHONE.finditer(text, lo, hi):
        add(m.start(), m.end(), re.sub(r"\D", "", m["local"]), _FAX_BEFORE.search(text[max(lo, m.start() - 8):m.start()]) is not None)
    return sorted(found.values())


# Two-character surnames: `欧阳 明` is one name, as `沈 佳怡` is.
_COMPOUND_SURNAMES = frozenset("欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 端木 "
                               "独孤 南宫 西门 呼延 闻人 申屠 澹台 轩辕 万俟 钟离 赫连 濮阳 百里".split())


def _join_spaced(words: list[str]) -> list[str]:
    """`朗 杰`, `罗 建 平`, `郑 文 彦先生`: single characters in a row (the last may carry an
    honorific) are one name spaced out character by character."""
    joined: list[str] = []
    run: list[str] = []
    for word in words + [""]:
        if len(_HONORIFIC_AFTER_ONE.sub("", word)) == 1 and _CJK_ONLY.fullmatch(word):
            run.append(word)
            continue
        joined.extend(["".join(run)] if len(run) > 1 else run)
        run = []
        if word:
            joined.append(word)
    return joined


_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_HONORIFIC_AFTER_ONE = re.compile(r"(?<=[\u4e00-\u9fff])(?:先生|女士|小姐)$")


def _join_surnames(words: list[str]) -> list[str]:
    """`沈 佳怡` → 沈佳怡: a lone character is a surname when a short given name follows."""
    joined: list[str] = []
    for word in words:
        surname = joined and (len(joined[-1]) == 1 or joined[-1] in _COMPOUND_SURNAMES)
        if surname and len(word) <= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def split_names(value: str) -> tuple[str | None, list[str]]:
    """`省市场监管局质量发展局 鲁永武 王宏` → (department, [鲁永武, 王宏]); `朗 杰` → 朗杰;
    `张三，0891-1234567；李四，13912345678` → [张三, 李四]."""
    stop = _NAME_STOP.search(value)
    value = value[: stop.start()] if stop else value
    value = re.sub(r"[（(][^）)]*[)）]", " ", value)
    value = re.sub(r"(?:分机|转)\s*\d+", " ", value)      # an extension is no name: `分机 8312`
    value = re.sub(rf"(?:{_LABEL_PHONE})\s*[:：]?", " ", value)
    # Numbers and emails; ASCII only, so `付敏13707081346` keeps its name.
    value = re.sub(r"[A-Za-z0-9_.@\-]*\d[A-Za-z0-9_.@\-]*|[:：]", " ", value)
    # A two-character name spaced out to the width of three (`邢  博` under `符晓燕`).
    # (Neither character may belong to a name spaced singly: `杨 帆  李 娜` are two names.)
    value = re.sub(r"(?<![\u4e00-\u9fff])(?<![\u4e00-\u9fff][ \t\u3000])([\u4e00-\u9fff])[ \t\u3000]{2,4}"
                   r"([\u4e00-\u9fff])(?![\u4e00-\u9fff])(?![ \t\u3000][\u4e00-\u9fff])", r"\1\2", value.strip())
    tokens = []
    for group in re.split(r"\s{2,}|[、/，,；;]", value):
        words = _join_spaced([w for w in group.split() if not _HONORIFIC.match(w)])
        tokens.extend(_join_surnames(words))
    department = None
    if tokens and _DEPT_WORD.match(tokens[0]) and len(tokens) > 1:
        department = tokens.pop(0)
    names = []
    for t in tokens:
        t = _HONORIFIC_AFTER.sub("", _POST.sub("", re.sub(r"[^\u4e00-\u9fffA-Za-z·]", "", t)))
        if _POST_WORD.match(t):
            continue
        # Up to six characters: Tibetan and Uyghur names run long (`洛桑丹增平措`).
        if 2 <= len(t) <= 6 and not _DEPT_WORD.match(t) and not _NOT_NAME.search(t):
            names.append(t)
    return department, names


_LAST_WORD = re.compile(r"(?:^|\s)(?P<word>[\u4e00-\u9fff]{1,3})\s*$")


def _wrapped_tail(text: str, end: int, value: str) -> str:
    """`马建` + next line `国，联系电话：…` → `国`: a name cut by a line or page break. A lone
    surname takes up to two characters; a name already two or three long takes one, so that
    `张三` + `李四，电话` stays two names."""
    last = _LAST_WORD.search(value)
    if not last or text[end:end + 1] != "\n":
        return ""
    most = 2 if len(last["word"]) == 1 else 1
    m = re.match(rf"\n(?!联系|电话|手机|传真|邮|地址|单位|部门)([\u4e00-\u9fff]{{1,{most}}})(?=[，,；;、]|\s|(?:联系)?电话|手机)"
                 r"((?:、[\u4e00-\u9fff]{2,4})*)", text[end:end + 40])
    return m.group(1) + m.group(2) if m else ""         # and the names listed after it


def _table_names(ctx: NoticeContext) -> list[tuple[int, str]]:
    found, column, width = [], None, 0
    for line in ctx.lines:
        # Cells of a table flattened to text: tabs, or `|` where a converter drew the rules.
        cells = [c.strip() for c in re.split(r"\t|\s*[|｜]\s*", line.text.strip(" |｜"))]
        if len(cells) < 2:
            column = None
            continue
        header = next((i for i, c in enumerate(cells) if _NAME_HEADER.match(squash(c))), None)
        if header is not None and all(_HEADER_CELL.match(squash(c)) for c in cells if c):
            column, width = header, len(cells)
        elif column is not None and len(cells) == width:
            name = squash(cells[column])
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name):
                found.append((line.start, name))
    return found


# Short names of bodies in contact lines: `省质协`, `市监局`, `区科协`.
_SHORT_BODY = re.compile(r"^(?:[省市县区州国].+|.+[协办会院所局委])$")
_CONTACT_HEADING = re.compile(
    # (after any bullet or emoji a web page or a WeChat post puts in front: `📌 四、联系方式`)
    r"^[^\w（(]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．]?)?\s*(?:联系人?(?:及|和|与)?联系方式|联系方式|联络方式|联系窗口|联络窗口|联系人员|联系人|联络人|咨询方式|咨询服务|洽询窗口|洽询方式|咨询窗口|查询|咨询)[：:]?$")
_FIELD_LABEL = re.compile(r"(?:电话|手机|传真|邮箱|邮件|地址|邮编|网址|QQ|微信)\s*$")
_HONORIFIC = re.compile(r"^(?:小姐|先生|女士)$")
_TRAILING_LABEL = re.compile(rf"[，,；;\s]*(?:{_LABEL_PHONE}|{_LABEL_FAX})[^\S\n]*[：:]?[^\S\n]*$")


# With no heading, a line that is nothing but an office, a short name and a number with an
# area code (`省科技厅奖励处　钱 进　0551-62654321`) is a contact all the same.
_CONTACT_ROW = re.compile(
    r"^[ \t\u3000]*[\u4e00-\u9fff（）()]{2,30}(?:处|科|室|部|中心|办公室)[：:]?[ \t\u3000]+"
    r"[\u4e00-\u9fff](?:[ \t\u3000]?[\u4e00-\u9fff]){1,3}[ \t\u3000]+0\d{2,3}-\d{7,8}[ \t\u3000]*$")


_OFFICE_THEN_NAMES = re.compile(r"^[ \t\u3000]*[\u4e00-\u9fff（）()]{2,30}(?:处|科|室|部|中心|办公室|组|股)[：:][ \t\u3000]*"
                                r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[、，,][ \t\u3000]*[\u4e00-\u9fff]{2,4}){0,3})[ \t\u3000]*$")


def _unlabelled_names(ctx: NoticeContext) -> list[tuple[int, str]]:
    """Under a `联系方式` heading, `质量发展科 张三 0891-6815193` or `省质协（技术支持）：李四
    139…`: the short words before the number (after a role label) are names; the department,
    if any, comes first. Right under a `联系人：` line, lines of the same shape continue its
    list (`联系人：质量发展处 何丽萍 028-…` / `质量发展处 邓　强 028-…`)."""
    found = []
    for i, line in enumerate(ctx.lines):
        raw = ctx.original(line.start, line.end)
        if _CONTACT_ROW.match(raw):
            found.extend((line.start, n) for n in _names_before_number(raw, line.text))
        heading = bool(_CONTACT_HEADING.match(line.squashed))
        if not heading and not _NAMES.search(line.text):
            continue
        for below in ctx.lines[i + 1:i + 7]:
            if _NAMES.search(below.text):
                if heading:
                    continue
                break
            raw = ctx.original(below.start, below.end)
            # `…处 罗佳，023-…；…研究院 韩梅，023-…`: one contact per part of the line.
            # `陈　晨　027-…　　孙明远　027-…`: a wide gap after a number starts the next contact.
            # `刘 畅 029-…，韩晓辉 029-…`: a comma after a number does too.
            parts = re.split(r"[；;]|(?<=\d)(?:[ \t\u3000]{2,}|[，,][ \t\u3000]*)(?=[\u4e00-\u9fff])", raw)
            names = [n for part in parts for n in _names_before_number(part, below.text)]
            # `市总工会劳动保护部：沈佳怡、朱建国`, the number on the next line.
            office = _OFFICE_THEN_NAMES.match(raw) if heading and not names else None
            if office:
                names = [n for n in re.split(r"[、，,\s]+", office["names"]) if looks_like_name(n, longest=4)]
            if not names and not heading:
                break
            found.extend((below.start, n) for n in names)
    return list(dict.fromkeys(found))       # a row under a heading is read both ways


def _names_before_number(raw: str, line: str) -> list[str]:
    head = re.split(r"[\d(（]\s*0?\d", raw, maxsplit=1)[0]
    head = _TRAILING_LABEL.sub("", head)     # `科 梁文辉，电话：` ends in the number's label
    label, _, head = head.rpartition("：") if "：" in head else head.rpartition(":")
    if _FIELD_LABEL.search(label) or re.search(r"[：:]", head):
        return []                           # a labelled field (电话：…), not names
    department, names = split_names(head)
    words = [_POST.sub("", w) for w in re.split(r"[\s、，,]+", head)
             if w and not _HONORIFIC.match(w) and not _POST_WORD.match(w)]
    if not names or not words or not words[-1].endswith(names[-1][-1]):
        return []                           # names stand right before the number
    department = department or (squash(label) if _DEPT_WORD.match(squash(label)) else None)
    if not (department or _AREA_PHONE.search(line) or _MOBILE.search(line)):
        return []                           # neither a number nor a department: prose
    # No label vouches for these words, so a name must read as one (`平台客服热线` does not).
    return [n for n in names if not _SHORT_BODY.match(n) and looks_like_name(n, longest=4)]


def extract(ctx: NoticeContext) -> dict:
    text, lo, hi = ctx.text, ctx.segment.header_end, ctx.end
    items: list[tuple[int, str, object]] = [(pos, "name", name) for pos, name in _table_names(ctx) + _unlabelled_names(ctx)
                                            if pos >= lo]
    for pos, name in prose_names(text, lo, hi):
        items.append((pos, "name", name))
    for m in _NAMES.finditer(text, lo, hi):
        # A name cut by a page break: the reader text holds the page number in between.
        tail = _wrapped_tail(text, m.end("value"), m["value"])
        value = m["value"] + tail if tail else ctx.original(m.start("value"), m.end("value"))
        department, names = split_names(value)
        if department:
            items.append((m.start(), "department", department))
        for name in names:
            items.append((m.start(), "name", name))
    for m in _NAME_AFTER_PHONE.finditer(text, lo, hi):
        name = m["name"]
        line = text[text.rfind("\n", lo, m.start()) + 1:m.start()]
        if re.search(_LABEL_PHONE, line) and looks_like_name(name, longest=4) and \
                not re.search(r"传真|办公|室|处|科|局|兼|手机|座机|电话", name):
            items.append((m.start(), "name", name))
    for m in _DEPARTMENT.finditer(text, lo, hi):
        items.append((m.start(), "department", m["dept"].strip()))
    for pos, number, is_fax in _phones(text, lo, hi):
        items.append((pos, "fax" if is_fax else "phone", number))
    for m in _EMAIL.finditer(text, lo, hi):
        cut = _EMAIL_CUT.search(text, max(lo, m.start() - 40), m.start())
        head = cut["head"] if cut else ""
        items.append((m.start(), "email", (head + m.group()).replace("＠", "@").replace(" ", "").lower()))
    for m in _POSTCODE.finditer(text, lo, hi):
        items.append((m.start(), "postcode", m["code"].replace(" ", "")))
    for m in _POSTCODE_BEFORE_ADDRESS.finditer(text, lo, hi):
        items.append((m.start(), "postcode", m["code"]))
    for m in _ADDRESS.finditer(text, lo, hi):
        items.append((m.start(), "address", m["addr"].strip()))
        code = _POSTCODE_AFTER_ADDRESS.match(text[m.end():m.end() + 12])
        if code:
            items.append((m.end(), "postcode", code["code"]))
    items.sort(key=lambda it: it[0])

    contacts: list[Contact] = []
    group: dict | None = None
    last = -10_000
    for pos, kind, value in items:
        starts_new = group is None or pos - last > 400 or (
            kind in ("name", "department") and group["names"] and pos != group["name_at"])
        if starts_new:
            group = {"names": [], "phones": [], "faxes": [], "emails": [], "department": None,
                     "address": None, "postcode": None, "start": pos, "end": pos, "name_at": None}
            contacts.append(group)         # type: ignore[arg-type]
        if kind == "name":
            group["names"].append(value)
            group["name_at"] = pos
        elif kind in ("phone", "fax", "email"):
            key = {"phone": "phones", "fax": "faxes", "email": "emails"}[kind]
            if value not in group[key]:
                group[key].append(value)
        elif group[kind] is None:
            group[kind] = value
        group["end"] = max(group["end"], pos + len(str(value)))
        last = pos
    built = []
    for g in contacts:
        start, end = g.pop("start"), g.pop("end")
        g.pop("name_at")
        built.append(Contact(**g, confidence=0.9, provenance=ctx.prov(start, end)))   # type: ignore[arg-type]
    return {"contacts": built}
