"""Claims of an application form (申报表 / 推荐表), found by label, not by position.

Forms differ between awards and provinces: two-column and four-column tables, labels with or
without colons, labels wrapped over lines, 组织机构代码/统一社会信用代码 in one cell. A cell
whose whole text is a known label takes the next cell of its row as its value; a cell written
`label：value` carries both. A label followed by another label, or by nothing, is an empty field.
"""
from __future__ import annotations

import re

from models.packet import Claim

from extractors.packets.claims.common import DocRows, claim, iso_date, last_date_row, trim_label
from extractors.packets.identifiers import ID_NUMBER_PATTERN
from extractors.packets.rows import Cell, Row
from normalizers.numbers import chinese_to_int

# field → label pattern (matched against a whole label cell, colons trimmed). Order matters:
# the first field whose pattern matches owns the cell.
LABELS: list[tuple[str, re.Pattern[str]]] = [(f, re.compile(p)) for f, p in [
    # A team (一线班组) gives its company's code: 所属单位信用代码.
    ("uscc", r"^(所属单位|所在单位)?((组织机构代码[/／或]?)?统一社会信用代码(证号)?|社会信用代码|信用代码|统一代码)$"),
    ("id_number", r"^(居民|公民)?身份(证|号码)(号码|号|件号码)?$|^公民身份号码$|^证件号码$"),
    ("incident_statement", r"(事故|违法|违规|违纪|失信).{0,20}$"),
    ("previous_awards", r"^(曾获|获得|所获|近.年).{0,8}(奖励|荣誉|奖项)|^获奖情况|^荣誉情况|^曾获奖励"),
    ("applicant_name", r"^(申报|申请|参评)?(单位|组织|企业|学校|机构|班组|小组|团队)(全称|名称)$|^申报(单位|组织|企业)$|^名称$"),
    ("person_name", r"^(姓名|申报人|被推荐人|被推荐人姓名|申报人姓名)$"),
    ("award_category", r"^(申报|参评|推荐)?(类别|类型|奖项)$|^申报奖项类别$"),
    ("org_type", r"^(单位|组织|企业|学校|机构|办学)(性质|类型)$|^所有制性质$"),
    ("industry", r"^(所属|所在)?行业(类别|类型|领域|分类)?$"),
    ("founding_date", r"^(班组|小组|团队)?(成立|注册|创建|设立|组建|建校|建院|创办|开办)(时间|日期|年月|年份)$"),
    ("registered_address", r"^(注册|单位|通讯|通信|办公|联系)?地址$|^住所$"),
    # A school's head (校长), a hospital's or institute's (院长) is its legal representative.
    ("legal_representative", r"^(法定代表人|法人代表|主要负责人|单位负责人|负责人|校长|院长|董事长|班组长|组长)(姓名)?$"),
    ("work_unit", r"^(工作|所在)单位$"),
    ("birth_date", r"^出生(年月|日期|年月日)$"),
    ("contact_name", r"^(联系人|联络人|经办人|填表人)(姓名)?$"),
    # `经办人及电话 | 张晓燕 0935-6127735`: the number is what a reviewer needs from the cell.
    ("contact_phone", r"^(联系|联络|办公|固定|单位|移动)?(电话|手机|手机号码|联系方式)$|^(联系人|经办人|联络人)及(联系)?(电话|手机|方式)$"),
    ("contact_email", r"^(电子)?邮箱$|^E-?mail$|^电子信箱$"),
    ("channel", r"^申报(渠道|途径)$"),
    ("recommender", r"^推荐(单位|部门|机构)(名称)?$"),
]]
_FIELD_OF = dict(LABELS)
_MAX_LABEL = 40

_SIGNATURE = re.compile(r"(签字|签名|签章)[)）]?[:：]?(?P<name>[^\s（(）)：:]{0,12})")
_ADMIT = re.compile(r"(发生|出现|受到|造成|存在).{0,20}(事故|处罚|违法|违规|事件|行为)|\d{4}年.{0,12}事故"
                    r"|(被|曾因).{0,15}(处罚|罚款|通报|查处|吊销)")
_DENY = re.compile(r"(无|未|没有|不存在|未曾|从未)(发生|出现|受到|造成|任何|重大)?")
_YEAR = re.compile(r"(19|20)\d{2}")
_REGION = re.compile(r"^(?P<p>.{2,8}?(?:省|自治区))?(?P<c>.{2,9}?(?:市|地区|自治州|州|盟))?"
                     r"(?P<d>.{1,8}?(?:区|县|市|旗))?")
_NONE = re.compile(r"^(无|没有|暂无|/|—+|-+)[。.]?$")


# What a filled-in statement looks like, as opposed to the label asking for it.
_STATEMENT = re.compile(r"[，,。；;]|^(无|未|没有|近\S{1,3}年(内)?(无|未|没有))")


# A parenthesis that qualifies a label (（手机）, （组织机构代码）, （注册时间）) is dropped before
# matching; one asking for a signature or seal is kept, so 法定代表人（签字） stays a sign line.
_QUALIFIER = re.compile(r"[（(](?![^）)]*[签章])[^）)]{1,16}[)）]")


# Offices ask for one thing under two names: 手机/电话, 法定代表人/负责人, 电话或手机.
_ALTERNATIVES = re.compile(r"[/／]|或")


# A numbered form line: `1.申报组织名称：…`, `（3）成立日期`.
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")


def label_field(text: str) -> str | None:
    text = _ITEM_NUMBER.sub("", _QUALIFIER.sub("", re.sub(r"\s+", "", trim_label(text))))
    if not text or len(text) > _MAX_LABEL or _STATEMENT.search(text):
        return None
    found = _field_of_label(text)
    if found is not None:
        return found
    # each named alternative must ask for the same field, else the cell asks two things
    parts = [part for part in _ALTERNATIVES.split(text) if part]
    fields = {_field_of_label(part) for part in parts} if len(parts) > 1 else {None}
    return fields.pop() if len(fields) == 1 else None


def _field_of_label(text: str) -> str | None:
    for field, pattern in LABELS:
        if pattern.search(text):
            return field
    return None


def labelled_values(rows: list[Row]) -> list[tuple[str, str, Row, Cell | None]]:
    """(field, value, row, value cell) for every labelled cell; value "" when left empty.
    A label standing as a heading on a row of its own (`二、近五年内重大质量、安全、环保事故及
    违法违规违纪情况`) takes the row under it, if that is one cell of no label."""
    out = []
    for index, row in enumerate(rows):
        cells = row.cells
        below = rows[index + 1] if index + 1 < len(rows) else None
        if len(cells) == 1 and below is not None and len(below.cells) == 1 and _HEADING_LABEL.match(cells[0].text):
            field = label_field(cells[0].text)
            if field is not None and label_field(below.cells[0].text) is None \
                    and not _HEADING_LABEL.match(below.cells[0].text):
                out.append((field, below.cells[0].text, below, below.cells[0]))
                continue
        # A row may put the value first and its label last (`甲公司 | 单位名称`).
        if len(cells) == 2 and (last := label_field(cells[1].text)) is not None \
                and label_field(cells[0].text) is None and not inline_pairs(cells[0].text):
            out.append((last, cells[0].text, row, cells[0]))
            continue
        i = 0
        while i < len(cells):
            text = cells[i].text
            field = label_field(text)
            if field is not None:
                nxt = cells[i + 1] if i + 1 < len(cells) else None
                if nxt is not None and label_field(nxt.text) is None:
                    # A code written into boxes, one character a cell.
                    boxes = _boxed_code(cells[i + 1:]) if field in ("uscc", "id_number") else None
                    if boxes:
                        out.append((field, boxes[0], row, nxt))
                        i += 1 + boxes[1]
                        continue
                    out.append((field, nxt.text, row, nxt))
                    i += 2
                    continue
                out.append((field, "", row, None))
            else:
                out += [(f, v, row, cells[i]) for f, v in inline_pairs(text)]
            i += 1
    return out


def _boxed_code(cells: list[Cell]) -> tuple[str, int] | None:
    """(code, cells used) where single characters in a row of cells spell a code."""
    chars = []
    for cell in cells:
        text = re.sub(r"\s", "", cell.text)
        if len(text) != 1 or not text.isalnum():
            break
        chars.append(text)
    return ("".join(chars), len(chars)) if len(chars) >= 15 else None


_HEADING_LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
_INLINE = re.compile(r"^(?P<label>[^:：]{2,20})[:：](?P<value>.*)$")
# Where a second `label：` starts inside a value: after a space, a short run without punctuation.
_NEXT_LABEL = re.compile(r"\s+(?=[^\s:：，,。；;（）()]{2,10}[:：])")


def inline_pairs(text: str) -> list[tuple[str, str]]:
    """`单位全称：甲  成立时间：2012.09` → both pairs. A line typed without a table puts
    several `label：value` pairs on it, apart by spaces (which an unknown label such as 邮编
    also ends a value at) or, once normalizing dropped the spaces between Chinese
    characters, by nothing: then a known label just before the next colon starts a pair."""
    out = []
    for piece in _NEXT_LABEL.split(text):
        m = _INLINE.match(piece)
        field = label_field(m["label"]) if m else None
        while field is not None:
            value, nxt = _split_at_label(m["value"])
            out.append((field, value.strip()))
            field, m = (nxt, _INLINE.match(m["value"][len(value):])) if nxt else (None, None)
    return out


def _split_at_label(value: str) -> tuple[str, str | None]:
    """The value up to the known label that owns the next colon, and that label's field."""
    for colon in (i for i, ch in enumerate(value) if ch in ":："):
        for start in range(max(0, colon - 12), colon - 1):
            field = label_field(value[start:colon])
            if field is not None:
                return value[:start], field
    return value, None


def region_of(address: str) -> str:
    m = _REGION.match(address)
    return "".join(g for g in (m["p"], m["c"], m["d"]) if g) if m else ""


_YES = re.compile(r"^[☑✓√■☒]?\s*(是|有)[。.]?$")
_CHECKED = re.compile(r"[☑✓√■☒▣]\s*(?P<item>[^□☐☑✓√■☒▣\s]+)")


def checked_options(value: str) -> str:
    """`□制造业 ☑服务业 □工程建设` → `服务业`; text without tick boxes stays as it is."""
    if not re.search(r"[□☐]", value):
        return value
    return "、".join(m["item"] for m in _CHECKED.finditer(value))


def incident_admitted(statement: str) -> tuple[bool, list[str]]:
    """Does a 近N年无…事故 statement admit an incident? And in which years. A bare 是/有
    answers a 是否发生… question with yes."""
    if _YES.match(statement.strip()):
        return True, []
    admitted, years = False, []
    for clause in re.split(r"[，,。；;]", statement):
        if not clause:
            continue
        m = _ADMIT.search(clause)
        if m and not _DENY.search(clause[:m.start() + 2]):
            admitted = True
            years += [y.group() for y in _YEAR.finditer(clause)]
    return admitted, years


def award_items(value: str) -> list[str]:
    if _NONE.match(value.strip()):
        return []
    items = []
    for part in re.split(r"[；;\n]|(?<=[奖号])[，,、]", value):
        part = part.strip(" ，,。")
        if not part:
            continue
        year = _YEAR.search(part)
        name = re.sub(r"^(19|20)\d{2}\s*年(度)?", "", part).strip(" ：:，,") if year else part
        items.append(f"{year.group()} {name}" if year else name)
    return items


def form_claims(doc: DocRows, *, seal_present: bool) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[str] = set()

    def add(field, value, row=None, cell=None, evidence=None):
        if field not in seen:
            seen.add(field)
            claims.append(claim(doc, field, value, row, cell, evidence))

    values = labelled_values(doc.rows)
    kind = "individual" if any(f in ("person_name", "id_number") for f, *_ in values) \
        and not any(f == "uscc" for f, *_ in values) else "organization"
    for field, value, row, cell in values:
        if field == "applicant_name" and kind == "individual":
            continue                      # a 单位名称 on a personal form is the work unit
        if field == "person_name":
            field = "applicant_name" if kind == "individual" else "contact_name"
        if field in ("award_category", "org_type"):
            value = checked_options(value)
        elif field in ("founding_date", "birth_date"):
            value = iso_date(value) or _year_month(value) or value
        elif field == "incident_statement":
            admitted, years = incident_admitted(value)
            add("incident_declared", admitted, row, cell)
            if years:
                add("incident_years", years, row, cell)
        elif field == "previous_awards":
            value = award_items(value)
        elif field == "id_number" and kind == "organization":
            continue
        elif field in ("uscc", "id_number"):
            value = re.sub(r"[\s\-－—–]", "", value).upper()     # printed in groups: `91 620103 …`
        if value == "":
            continue                      # an empty field is no claim: checks see it missing
        add(field, value, row, cell)
        if field == "registered_address":
            add("region", region_of(value), row, cell)
    if kind == "individual" and "id_number" not in seen:
        for row in doc.rows:
            m = ID_NUMBER_PATTERN.search(row.text)
            if m:
                add("id_number", m.group().upper(), row, evidence=m.group())
                break
    add("applicant_kind", kind)
    sig = next(((row, m) for row in doc.rows for m in [_SIGNATURE.search(row.text)] if m), None)
    if sig is not None:
        add("signature_present", bool(sig[1]["name"]), sig[0])
    dated = last_date_row(doc)
    if dated is not None and not _is_field_row(dated[1], values):
        add("form_date", dated[0], dated[1])
    claims.append(claim(doc, "seal_present", seal_present))
    return claims


_CN_YEAR_MONTH = re.compile(r"(?P<y>[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(?P<m>十[一二]?|[一二三四五六七八九])\s*月")


def _year_month(text: str) -> str | None:
    """A date given to the month only: 2012.09, 2012年9月, 二〇二三年六月 → YYYY-MM."""
    m = re.search(r"((?:19|20)\d{2})\s*[年.\-/]\s*(\d{1,2})\s*月?", text)
    if m and 1 <= int(m[2]) <= 12:
        return f"{m[1]}-{int(m[2]):02d}"
    m = _CN_YEAR_MONTH.search(text)
    if m is None:
        return None
    year = chinese_to_int(m["y"].replace("Ｏ", "〇"))
    return f"{year}-{chinese_to_int(m['m']):02d}"


def _is_field_row(row: Row, values) -> bool:
    return any(r is row for _, _, r, _ in values)

