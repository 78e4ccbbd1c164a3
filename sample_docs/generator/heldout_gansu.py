"""A held-out packet batch for 第五届中国质量奖 as forwarded by 甘肃 (seed 001).

`python -m sample_docs.generator heldout_gansu` (or `python -m sample_docs.generator.heldout_gansu`)
rewrites sample_docs/packets/heldout-gansu-2023/. Rules the gold follows, read from the notice
(甘质强组办〔2023〕5号 forwarding 市监质函〔2023〕105号):
  - 申报材料及审核推荐意见 reach the 省质量强省办 by 2023-05-25 (the 6-19 date is the province's
    own deadline towards 总局, not an applicant's); every channel here goes through the province
    (a 市州/兰州新区 市场监管局 or a 省级相关部门), so 2023-05-25 applies to all;
  - 申报表 and 证实性材料 (纸质一式三份) are required; an organisation 公示s internally, a 一线班组
    (an 内设 unit) and a person are 公示ed by their unit, which then issues a 申报推荐意见; 公示 not
    shorter than 5 working days (mainland calendar, 2023 make-up days 4-23 and 5-6 count); the
    channel's 审核推荐意见 is part of what reaches the province;
  - 在中国境内依法设立; no 重大质量、安全、环保等事故 nor 违法违规 within 5 years; education only
    小学、初中和职业技术学校; one channel only (参评组织和个人不得同时通过多渠道进行申报).
  A 自我评价报告 is not required by this notice: some packets carry one, most do not.

It is deliberately neither packets.py nor heldout_packets.py: the five 中国质量奖 form layouts
(组织 with a cover page and six-column grid, 中小企业 as a numbered 项目/填写内容 list, 一线班组,
教育机构, 个人推荐表 with a photo box), label words of its own (组织全称, 社会信用代码/信用代码/统一代码,
设立日期, 法人代表, 住所, 经办人, 身份证件号码 ...), codes split by structure with spaces or
hyphens, dates as 2023年5月8日 / 2023.05.08 / 二〇二三年五月八日 / 2023-05-08, 公示情况说明 with
from/to dates, 推荐名单汇总表, seals as rotated, unevenly inked red impressions on scans, a
scanner-app black-and-white PNG, phone photos. Its own check-character code and working-day
calendar keep the gold independent of the reader. Seeded: regenerating gives the same bytes.

Documents in gold: each file (or each envelope run) is one document; the 证实性材料 is one bound
document of several pages. Envelope entries carry `copies`: pages are those of the first copy,
the other copies follow it directly (申报表 and 证实性材料 ×3, the rest ×1).
"""
from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from sample_docs.generator.packet_render import (MARGIN, PAGE_H, PAGE_W, PT_TO_MM, ImageOp,
                                                 LaidPage, PageBreak, Para, RectOp, TextOp,
                                                 Title, page_image, scan_effects, seal_image,
                                                 seal_png, text_width_mm, wrap, write_scan_pdf,
                                                 write_text_pdf)

BATCH = "heldout-gansu-2023"
NOTICE = "../../seeds/001_2930d51e30417675.txt"
AWARD = "第五届中国质量奖"
PROVINCE_OFFICE = "甘肃省质量强省建设协调推进领导小组办公室"
DEADLINE = dt.date(2023, 5, 25)
LOOKBACK_YEARS = 5
MIN_PUBLICITY_DAYS = 5

# Severity of each code in gold (sample_docs/packets/README.md).
SEVERITY = {
    **{c: "error" for c in (
        "MISSING_DOCUMENT", "MISSING_FIELD", "MISSING_SEAL", "LATE_SUBMISSION",
        "PUBLICITY_TOO_SHORT", "INELIGIBLE_OPERATING_YEARS", "INELIGIBLE_REGION",
        "INELIGIBLE_CATEGORY", "RECENT_INCIDENT", "REAPPLIED_TOO_SOON", "USCC_INVALID",
        "ID_NUMBER_INVALID", "DATE_INCONSISTENT", "DUPLICATE_APPLICATION", "DUPLICATE_EVIDENCE")},
    **{c: "warning" for c in (
        "NAME_MISMATCH", "TEXT_LAYER_MISMATCH", "QUOTA_EXCEEDED", "CREDENTIAL_LEAK", "UNREADABLE")},
}

# ----------------------------------------------------------------------------- identifiers
# GB 32100-2015: 18 characters from a 31-letter alphabet, weights 3^i mod 31, check 31 - S mod 31.
# The embedded organisation code (GB 11714) carries its own check digit (weights 3 7 9 10 5 8 4 2).

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return USCC_ALPHABET[-total % 31]


def org_code_check(body8: str) -> str:
    total = sum(int(ch, 36) * w for ch, w in zip(body8, (3, 7, 9, 10, 5, 8, 4, 2)))
    c = 11 - total % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def make_uscc(prefix: str, division: str, serial: int, *, broken: bool = False) -> str:
    """prefix: 登记管理部门 + 机构类别 (91 企业, 12 事业单位); the body is drawn from `serial`."""
    rng = random.Random(f"gansu-uscc-{serial}")
    if serial % 2:     # newer codes issued by 市场监管: MA + 6
        body = "MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(6))
    else:
        body = "".join(rng.choice("0123456789") for _ in range(8))
    first17 = prefix + division + body + org_code_check(body)
    check = uscc_check_char(first17)
    if broken:   # another letter of the alphabet: a one-character slip
        check = USCC_ALPHABET[(USCC_ALPHABET.index(check) + 11) % 31]
    return first17 + check


def uscc_is_valid(code: str) -> bool:
    code = re.sub(r"[\s\-]", "", code)
    return (len(code) == 18 and all(c in USCC_ALPHABET for c in code)
            and uscc_check_char(code[:17]) == code[17])


_ID_W = [pow(2, 17 - i, 11) for i in range(17)]


def id_check_char(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_W)) % 11]


def make_id_number(division: str, born: dt.date, seq: int, sex: str, *, broken: bool = False) -> str:
    # the 17th digit is odd for a man, even for a woman
    order = (seq * 2 + (1 if sex == "男" else 0)) % 1000
    first17 = f"{division}{born:%Y%m%d}{order:03d}"
    check = id_check_char(first17)
    if broken:
        check = "10X98765432"[("10X98765432".index(check) + 4) % 11]
    return first17 + check


def id_is_valid(code: str) -> bool:
    code = re.sub(r"\s", "", code).upper()
    if not re.fullmatch(r"\d{17}[\dX]", code):
        return False
    try:
        dt.date(int(code[6:10]), int(code[10:12]), int(code[12:14]))
    except ValueError:
        return False
    return id_check_char(code[:17]) == code[17]


def code_text(code: str, style: str) -> str:
    """How a form prints a code: whole, split by structure with spaces, or with hyphens."""
    if style == "parts":       # 登记管理部门+类别 | 行政区划 | 组织机构代码 | 校验码
        return f"{code[:2]} {code[2:8]} {code[8:17]} {code[17]}"
    if style == "hyphen":
        return f"{code[:8]}-{code[8:17]}-{code[17]}"
    if style == "id_parts":    # 地址码 出生日期码 顺序码+校验码
        return f"{code[:6]} {code[6:14]} {code[14:]}"
    return code


# ----------------------------------------------------------------------------- calendar

HOLIDAYS_2023 = {dt.date(2023, 1, 1) + dt.timedelta(n) for n in (0, 1)} | \
    {dt.date(2023, 1, 21) + dt.timedelta(n) for n in range(7)} | {dt.date(2023, 4, 5)} | \
    {dt.date(2023, 4, 29) + dt.timedelta(n) for n in range(5)} | \
    {dt.date(2023, 6, 22) + dt.timedelta(n) for n in range(3)} | \
    {dt.date(2023, 9, 29) + dt.timedelta(n) for n in range(8)}
MAKEUP_2023 = {dt.date(2023, 1, 28), dt.date(2023, 1, 29), dt.date(2023, 4, 23), dt.date(2023, 5, 6),
               dt.date(2023, 6, 25), dt.date(2023, 10, 7), dt.date(2023, 10, 8)}


def is_working_day(d: dt.date) -> bool:
    if d in MAKEUP_2023:
        return True
    return d.weekday() < 5 and d not in HOLIDAYS_2023


def working_days(start: dt.date, end: dt.date) -> int:
    return sum(is_working_day(start + dt.timedelta(n)) for n in range((end - start).days + 1))


# ----------------------------------------------------------------------------- dates in words

_CN = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def date_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日"
    if style == "dot0":
        return f"{d:%Y.%m.%d}"
    if style == "iso":
        return d.isoformat()
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def month_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月"
    if style == "dot0":
        return f"{d:%Y.%m}"
    if style == "iso":
        return f"{d:%Y-%m}"
    return f"{d.year}年{d.month}月"


# ----------------------------------------------------------------------------- who applies

RECOMMENDERS = {
    "兰州": "兰州市市场监督管理局", "天水": "天水市市场监督管理局", "酒泉": "酒泉市市场监督管理局",
    "金昌": "金昌市市场监督管理局", "白银": "白银市市场监督管理局", "定西": "定西市市场监督管理局",
    "张掖": "张掖市市场监督管理局", "新区": "兰州新区市场监督管理局",
    "工信厅": "甘肃省工业和信息化厅",
}
CATEGORY = {"org": "制造业、服务业、工程建设行业组织", "sme": "中小企业", "team": "一线班组",
            "school": "教育机构", "person": "个人"}


@dataclass
class Who:
    kind: str               # org | sme | team | school | person
    name: str
    division: str           # GB/T 2260 code of where it is registered (or born)
    address: str
    founded: dt.date        # person: birth date
    head: str               # 法人代表 / 校长 / 班组长; person: unused
    contact: str
    phone: str
    email: str
    industry: str           # org: trade; school: 办学类型; person: 参评类别
    serial: int
    parent: str = ""        # team: the company it belongs to; person: work unit
    parent_head: str = ""
    sex: str = ""
    title: str = ""
    broken: bool = False    # planted wrong check character

    @property
    def code(self) -> str:
        if self.kind == "person":
            return make_id_number(self.division, self.founded, self.serial, self.sex, broken=self.broken)
        prefix = "12" if self.kind == "school" else "91"
        return make_uscc(prefix, self.division, self.serial, broken=self.broken)

    @property
    def publisher(self) -> str:
        """Who runs the 公示: the organisation itself, or the unit of a team or person."""
        return self.parent if self.kind in ("team", "person") else self.name


@dataclass
class Plan:
    name: str
    who: Who
    channel: str                              # key of RECOMMENDERS
    shape: str                                # docx | textpdf | scan | envelope | mixed | photos
    files: list[tuple[str, str, str]]         # (part, file name, format: docx|pdf|scan|jpg|png)
    form_date: dt.date
    pub: tuple[dt.date, dt.date]
    pub_signed: dt.date
    rec_date: dt.date
    date_style: str = "zh"
    code_style: str = "plain"
    flags: list[str] = field(default_factory=list)
    planted: str = ""
    incident: str = ""
    blank: set[str] = field(default_factory=set)
    unsealed: set[str] = field(default_factory=set)
    pub_name: str | None = None
    pub_phrase: int = 0
    leak: str = ""

    @property
    def recommender(self) -> str:
        return RECOMMENDERS[self.channel]


PART_KIND = {"cover": "cover_letter", "form": "application_form", "self": "self_assessment",
             "evidence": "evidence", "publicity": "publicity_proof", "unit_rec": "recommendation",
             "city_rec": "recommendation"}
ENVELOPE_COPIES = {"form": 3, "evidence": 3}


def _env(parts: list[str]) -> list[tuple[str, str, str]]:
    return [(part, "", "envelope") for part in parts]


def plans() -> list[Plan]:
    D = dt.date
    W = Who
    a = W("org", "甘肃陇峰精密机床有限公司", "620103", "甘肃省兰州市七里河区西津西路216号",
          D(2006, 8, 15), "赵永明", "马丽娟", "0931-2658410", "lfjc_zlb@163.com", "制造业", 31)
    b = W("sme", "武威金穗农机装备有限公司", "620602", "甘肃省武威市凉州区工业园区祁连大道18号",
          D(2012, 3, 26), "李国栋", "张晓燕", "0935-6127735", "jinsui_nj@126.com", "农机装备制造", 32)
    c = W("team", "金昌镍都新材料有限公司熔铸车间“铸魂”QC小组", "620302",
          "甘肃省金昌市金川区新华路88号", D(2016, 4, 6), "王建军", "周丽", "0935-8216354",
          "ndxcl_qc@163.com", "有色金属冶炼及压延加工", 33,
          parent="金昌镍都新材料有限公司", parent_head="孙向东")
    d = W("person", "刘建华", "620902", "甘肃省酒泉市肃州区富康路27号", D(1976, 9, 12), "",
          "刘建华", "13909371846", "ljh_weld@163.com", "一线工作人员", 21,
          parent="酒泉瀚海风电装备有限公司", parent_head="杨振国", sex="男", title="焊接班班长、高级技师")
    e = W("org", "兰州新区秦王川化工新材料有限公司", "620171", "甘肃省兰州新区秦川园区化工大道66号",
          D(2016, 5, 20), "何文斌", "田静", "0931-8870216", "qwc_hg@163.com", "制造业", 35)
    f = W("sme", "兰州七里河百合食品有限公司", "620103", "甘肃省兰州市七里河区西果园镇袁家湾村128号",
          D(2011, 7, 8), "冯志刚", "韩雪", "0931-2872093", "lzbaihe@126.com", "农副食品加工", 36)
    g = W("org", "白银铜城物流有限公司", "620402", "甘肃省白银市白银区北京路301号",
          D(2008, 10, 16), "宋建平", "罗晓红", "0943-8236617", "tcwl_by@163.com", "服务业（道路货物运输）", 37)
    h = W("org", "张掖丹霞文化旅游服务有限公司", "620702", "甘肃省张掖市甘州区县府街56号",
          D(2010, 4, 12), "贾文涛", "吴婷", "0936-8219075", "dxwl_zy@163.com", "服务业（文化旅游）", 38)
    i = W("org", "天水麦积山农产品加工有限公司", "620503", "甘肃省天水市麦积区桥南伯阳路112号",
          D(2013, 9, 9), "苏晓峰", "任芳", "0938-2731508", "mjs_ncp@163.com", "制造业（农产品加工）", 39)
    j = W("school", "定西市陇中高级中学", "621102", "甘肃省定西市安定区交通路91号",
          D(1958, 9, 1), "段建国", "陈慧", "0932-8213360", "lzgz_dx@163.com", "普通高级中学", 40)
    k = W("org", "白银黄河湾精细化工有限公司", "620402", "甘肃省白银市白银区银西工业园区纬三路9号",
          D(2004, 6, 18), "魏国强", "孔玲", "0943-8851726", "hhw_hg@163.com", "制造业（精细化工）", 41)
    m = W("org", "兰州雁滩智能仪表有限公司", "620102", "甘肃省兰州市城关区雁滩路2876号",
          D(2014, 12, 1), "郭海涛", "白洁", "0931-8456021", "yt_yb@163.com", "制造业（仪器仪表）", 43,
          broken=True)
    n = W("person", "王秀芳", "620902", "甘肃省酒泉市肃州区西大街15号", D(1981, 5, 23), "",
          "王秀芳", "13830718852", "wxf_zl@126.com", "质量管理人员", 37,
          parent="酒泉祁连种业有限公司", parent_head="高建新", sex="女", title="质量管理部部长、高级农艺师",
          broken=True)
    o = W("org", "兰州新区陇源生物医药科技有限公司", "620171", "甘肃省兰州新区中川园区昆仑山大道1009号",
          D(2018, 3, 15), "蒋浩", "钟雯", "0931-8301452", "lysw_yy@163.com", "制造业（医药）", 45)
    q = W("org", "张掖祁连山乳业有限公司", "620702", "甘肃省张掖市甘州区工业园区东环路33号",
          D(2007, 2, 27), "曹立新", "邓敏", "0936-8651190", "qls_ry@163.com", "制造业（乳制品）", 46)
    r = W("org", "天水秦州精工轴承有限公司", "620502", "甘肃省天水市秦州区长开路28号",
          D(2005, 3, 18), "石永胜", "汪晓丽", "0938-8213477", "qzjg_zc@163.com", "制造业（轴承）", 47)
    s = W("org", "兰州金城路桥工程建设有限公司", "620105", "甘肃省兰州市安宁区北滨河西路588号",
          D(2003, 11, 11), "康世杰", "毛玉洁", "0931-7661822", "jclq_gc@163.com", "工程建设", 48)

    return [
        Plan("gs-01-org-docx", a, "兰州", "docx",
             [("cover", "00 材料清单.docx", "docx"), ("form", "01 中国质量奖申报表（组织）.docx", "docx"),
              ("self", "02 质量管理模式自我评价.docx", "docx"), ("evidence", "03 证实性材料.docx", "docx"),
              ("publicity", "04 内部公示情况说明.docx", "docx"), ("city_rec", "05 兰州市局审核推荐意见.docx", "docx")],
             D(2023, 4, 20), (D(2023, 4, 23), D(2023, 4, 27)), D(2023, 4, 28), D(2023, 5, 10),
             code_style="parts",
             planted="clean 制造业组织; 公示 starts on Sunday 2023-04-23 (a make-up working day): 5 working days"),
        Plan("gs-02-sme-textpdf", b, "工信厅", "textpdf",
             [("form", "申报表-金穗农机.pdf", "pdf"), ("self", "自评报告-金穗农机.pdf", "pdf"),
              ("evidence", "证实性材料-金穗农机.pdf", "pdf"), ("publicity", "公示情况说明-金穗农机.pdf", "pdf"),
              ("city_rec", "省工信厅推荐意见.pdf", "pdf")],
             D(2023, 4, 28), (D(2023, 5, 4), D(2023, 5, 9)), D(2023, 5, 10), D(2023, 5, 15),
             date_style="dot0", code_style="hyphen",
             planted="clean 中小企业 via a 省级部门; 公示 2023.05.04-05.09 counts Saturday 05-06: 5 working days"),
        Plan("gs-03-team-scan", c, "金昌", "scan",
             [("form", "scan_20230508_0001.pdf", "scan"), ("evidence", "page_0001.png", "png"),
              ("publicity", "scan_20230508_0002.pdf", "scan"), ("unit_rec", "scan_20230508_0003.pdf", "scan"),
              ("city_rec", "scan_20230508_0004.pdf", "scan")],
             D(2023, 4, 12), (D(2023, 4, 17), D(2023, 4, 21)), D(2023, 4, 24), D(2023, 5, 8),
             date_style="cn",
             planted="clean 一线班组 (QC小组); scanned PDFs, evidence as black-and-white scanner-app PNGs; "
                     "company 公示 and 申报推荐意见"),
        Plan("gs-04-ind-envelope", d, "酒泉", "envelope",
             _env(["cover", "form", "evidence", "publicity", "unit_rec", "city_rec"]),
             D(2023, 4, 14), (D(2023, 4, 17), D(2023, 4, 21)), D(2023, 4, 24), D(2023, 5, 9),
             date_style="iso", code_style="id_parts",
             planted="clean individual (一线工作人员); one scanned envelope, 推荐表 and 证实性材料 ×3 copies"),
        Plan("gs-05-no-evidence", e, "新区", "textpdf",
             [("form", "A1.pdf", "pdf"), ("publicity", "A2.pdf", "pdf"), ("city_rec", "A3.pdf", "pdf")],
             D(2023, 4, 24), (D(2023, 5, 4), D(2023, 5, 10)), D(2023, 5, 11), D(2023, 5, 16),
             flags=["MISSING_DOCUMENT"],
             planted="证实性材料 left out (notice: 申报表和证实性材料各一式三份); file names say nothing"),
        Plan("gs-06-blank-code", f, "兰州", "docx",
             [("form", "申报表.docx", "docx"), ("evidence", "证实性材料（执照、证书、荣誉）.docx", "docx"),
              ("publicity", "公示.docx", "docx"), ("city_rec", "推荐意见.docx", "docx")],
             D(2023, 4, 18), (D(2023, 4, 24), D(2023, 4, 28)), D(2023, 5, 4), D(2023, 5, 11),
             date_style="dot0", blank={"code"}, flags=["MISSING_FIELD"],
             planted="信用代码 row of the 中小企业 申报表 left empty (the licence in the evidence has it)"),
        Plan("gs-07-form-unsealed", g, "白银", "photos",
             [("form", "微信图片_20230512093015.jpg", "jpg"), ("evidence", "微信图片_20230512093122.jpg", "jpg"),
              ("publicity", "微信图片_20230512093240.jpg", "jpg"), ("city_rec", "微信图片_20230512093318.jpg", "jpg")],
             D(2023, 4, 19), (D(2023, 4, 24), D(2023, 4, 28)), D(2023, 5, 4), D(2023, 5, 12),
             unsealed={"form"}, flags=["MISSING_SEAL"],
             planted="photographed 申报表 says 申报组织（公章） but carries no impression; other pages sealed"),
        Plan("gs-08-late", h, "张掖", "docx",
             [("form", "1-申报表.docx", "docx"), ("evidence", "2-证实性材料.docx", "docx"),
              ("publicity", "3-公示情况说明.docx", "docx"), ("city_rec", "4-审核推荐意见.docx", "docx")],
             D(2023, 5, 16), (D(2023, 5, 17), D(2023, 5, 23)), D(2023, 5, 24), D(2023, 5, 29),
             date_style="dot0", flags=["LATE_SUBMISSION"],
             planted="市局 审核推荐意见 dated 2023.05.29, after the 2023-05-25 deadline (公示 05.17-05.23 fine)"),
        Plan("gs-09-publicity-short", i, "天水", "mixed",
             [("form", "申报表.docx", "docx"), ("evidence", "证实性材料扫描件.pdf", "scan"),
              ("publicity", "公示情况说明.pdf", "pdf"), ("city_rec", "推荐意见.jpg", "jpg")],
             D(2023, 4, 25), (D(2023, 4, 27), D(2023, 5, 5)), D(2023, 5, 6), D(2023, 5, 12),
             pub_phrase=1, flags=["PUBLICITY_TOO_SHORT"],
             planted="公示 2023-04-27 to 05-05 spans 劳动节 (04-29..05-03 off): 4 working days in 9 calendar days"),
        Plan("gs-10-high-school", j, "定西", "textpdf",
             [("form", "教育机构申报表.pdf", "pdf"), ("evidence", "证实性材料.pdf", "pdf"),
              ("publicity", "校内公示情况说明.pdf", "pdf"), ("city_rec", "定西市局推荐意见.pdf", "pdf")],
             D(2023, 4, 21), (D(2023, 4, 24), D(2023, 4, 28)), D(2023, 5, 4), D(2023, 5, 10),
             code_style="parts", flags=["INELIGIBLE_CATEGORY"],
             planted="a 普通高级中学 under 教育机构 (仅限小学、初中和职业技术学校)"),
        Plan("gs-11-incident", k, "白银", "scan",
             [("form", "DOC230508_001.pdf", "scan"), ("evidence", "DOC230508_002.pdf", "scan"),
              ("publicity", "DOC230508_003.pdf", "scan"), ("city_rec", "DOC230508_004.pdf", "scan")],
             D(2023, 4, 13), (D(2023, 4, 17), D(2023, 4, 21)), D(2023, 4, 23), D(2023, 5, 8),
             incident="2020年9月，公司危险废物暂存库渗漏，发生重大环境污染事故1起，被生态环境部门"
                      "行政处罚，已完成整改。",
             flags=["RECENT_INCIDENT"],
             planted="scanned 申报表 declares a 2020 重大环境污染事故 with a penalty (look-back 5 years)"),
        Plan("gs-12-bad-uscc", m, "兰州", "docx",
             [("form", "申报表（雁滩仪表）.docx", "docx"), ("self", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity", "公示情况说明.docx", "docx"),
              ("city_rec", "审核推荐意见.docx", "docx")],
             D(2023, 5, 5), (D(2023, 5, 8), D(2023, 5, 12)), D(2023, 5, 15), D(2023, 5, 19),
             code_style="hyphen", flags=["USCC_INVALID"],
             planted="社会信用代码 (printed with hyphens) has a wrong check character, on form and licence"),
        Plan("gs-13-bad-id", n, "酒泉", "textpdf",
             [("form", "个人推荐表.pdf", "pdf"), ("evidence", "证实性材料.pdf", "pdf"),
              ("publicity", "单位公示情况说明.pdf", "pdf"), ("unit_rec", "单位申报推荐意见.pdf", "pdf"),
              ("city_rec", "市局审核推荐意见.pdf", "pdf")],
             D(2023, 4, 26), (D(2023, 5, 4), D(2023, 5, 10)), D(2023, 5, 11), D(2023, 5, 17),
             date_style="dot0", code_style="id_parts", flags=["ID_NUMBER_INVALID"],
             planted="身份证件号码 (printed 6-8-4) has a wrong check digit; birth date valid"),
        Plan("gs-14-name-mismatch", o, "新区", "mixed",
             [("form", "申报表.pdf", "pdf"), ("evidence", "证实性材料.docx", "docx"),
              ("publicity", "公示情况说明（扫描）.pdf", "scan"), ("city_rec", "审核推荐意见.docx", "docx")],
             D(2023, 5, 4), (D(2023, 5, 8), D(2023, 5, 12)), D(2023, 5, 15), D(2023, 5, 18),
             pub_name="兰州新区陇原生物医药科技有限公司", pub_phrase=2, flags=["NAME_MISMATCH"],
             planted="scanned 公示情况说明 names 陇原生物医药, every other document 陇源生物医药"),
        Plan("gs-15-signed-before-publicity", q, "张掖", "scan",
             [("form", "扫描件1.pdf", "scan"), ("evidence", "扫描件2.pdf", "scan"),
              ("publicity", "扫描件3.pdf", "scan"), ("city_rec", "扫描件4.pdf", "scan")],
             D(2023, 5, 5), (D(2023, 5, 8), D(2023, 5, 12)), D(2023, 5, 4), D(2023, 5, 17),
             date_style="cn", flags=["DATE_INCONSISTENT"],
             planted="公示情况说明 reports a 公示 of 2023-05-08..05-12 without objection but is dated 2023-05-04"),
        Plan("gs-16-dup-a", r, "天水", "docx",
             [("form", "申报表.docx", "docx"), ("self", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity", "公示情况说明.docx", "docx"),
              ("city_rec", "天水市局推荐意见.docx", "docx")],
             D(2023, 4, 12), (D(2023, 4, 17), D(2023, 4, 21)), D(2023, 4, 24), D(2023, 5, 6),
             flags=["DUPLICATE_APPLICATION"],
             planted="same 社会信用代码 as gs-17, here through 天水市市场监督管理局"),
        Plan("gs-17-dup-b", r, "工信厅", "textpdf",
             [("form", "01申报表.pdf", "pdf"), ("evidence", "02证实性材料.pdf", "pdf"),
              ("publicity", "03公示情况说明.pdf", "pdf"), ("city_rec", "04推荐意见.pdf", "pdf")],
             D(2023, 4, 14), (D(2023, 4, 17), D(2023, 4, 21)), D(2023, 4, 24), D(2023, 5, 16),
             date_style="dot0", code_style="parts", flags=["DUPLICATE_APPLICATION"],
             planted="same 社会信用代码 as gs-16, again through 甘肃省工业和信息化厅 (不得多渠道申报)"),
        Plan("gs-18-usb-password", s, "兰州", "docx",
             [("cover", "申报函.docx", "docx"), ("form", "申报表.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity", "公示情况说明.docx", "docx"),
              ("city_rec", "审核推荐意见.docx", "docx")],
             D(2023, 4, 27), (D(2023, 5, 4), D(2023, 5, 10)), D(2023, 5, 11), D(2023, 5, 18),
             leak="电子版材料（Word版、PDF版）存于随附优盘，优盘已加密，解锁密码：Jclq#20230518",
             flags=["CREDENTIAL_LEAK"],
             planted="申报函 gives the password of the encrypted U盘 (warning only: packet complete)"),
    ]


def sanity(p: Plan) -> None:
    """The plan says what its gold says: dates and codes agree with the planted flags."""
    flags = set(p.flags)
    assert (working_days(*p.pub) < MIN_PUBLICITY_DAYS) == ("PUBLICITY_TOO_SHORT" in flags), p.name
    assert (p.rec_date > DEADLINE) == ("LATE_SUBMISSION" in flags), p.name
    ordered = p.form_date < p.pub[0] <= p.pub[1] < p.pub_signed <= p.rec_date
    assert ordered != ("DATE_INCONSISTENT" in flags), p.name
    valid = id_is_valid(p.who.code) if p.who.kind == "person" else uscc_is_valid(p.who.code)
    assert valid != bool({"USCC_INVALID", "ID_NUMBER_INVALID"} & flags), p.name
    assert bool(p.incident) == ("RECENT_INCIDENT" in flags), p.name
    assert ("evidence" in [f[0] for f in p.files]) != ("MISSING_DOCUMENT" in flags), p.name


# ----------------------------------------------------------------------------- layout
# Own blocks: a grid whose cells may span columns (None merges into the cell on the left), a
# vertical gap, and a seal stamped over the line just written (the 落款).

@dataclass
class Grid:
    rows: list[list[str | None]]
    widths: list[float]
    size: float = 10.5


@dataclass
class Gap:
    mm: float


@dataclass
class Stamp:
    org: str


def _cells(row: list[str | None], widths: list[float]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for text, w in zip(row, widths):
        if text is None and out:
            out[-1] = (out[-1][0], out[-1][1] + w)
        else:
            out.append((text or "", w))
    return out


def lay(blocks: list) -> list[LaidPage]:
    pages = [LaidPage()]
    y = MARGIN
    tw = PAGE_W - 2 * MARGIN
    last = (PAGE_W / 2, MARGIN, PAGE_W / 2, MARGIN)      # box of the last line written

    def need(h: float) -> None:
        nonlocal y
        if y + h > PAGE_H - MARGIN:
            pages.append(LaidPage())
            y = MARGIN

    for b in blocks:
        if isinstance(b, PageBreak):
            pages.append(LaidPage())
            y = MARGIN
        elif isinstance(b, Gap):
            y += b.mm
        elif isinstance(b, (Title, Para)):
            lh = b.size * PT_TO_MM * 1.65
            align = "center" if isinstance(b, Title) else b.align
            for line in wrap(b.text, tw, b.size):
                need(lh)
                w = text_width_mm(line, b.size)
                x = {"left": MARGIN, "center": (PAGE_W - w) / 2, "right": PAGE_W - MARGIN - w}[align]
                pages[-1].ops.append(TextOp(x, y, b.size, line))
                last = (x, y, x + w, y + lh)
                y += lh
            y += 5 if isinstance(b, Title) else 1.2
        elif isinstance(b, Grid):
            pad = 1.5
            lh = b.size * PT_TO_MM * 1.5
            for row in b.rows:
                cells = [(wrap(t, tw * f - 2 * pad, b.size), f) for t, f in _cells(row, b.widths)]
                h = max(len(lines) for lines, _ in cells) * lh + 2 * pad
                need(h)
                x = MARGIN
                for lines, f in cells:
                    pages[-1].ops.append(RectOp(x, y, x + tw * f, y + h))
                    for k, line in enumerate(lines):
                        pages[-1].ops.append(TextOp(x + pad, y + pad + k * lh, b.size, line))
                    last = (x, y, x + tw * f, y + h)
                    x += tw * f
                y += h
            y += 3
        elif isinstance(b, Stamp):
            d = 38.0
            cx = min(max((last[0] + last[2]) / 2, MARGIN + d / 2), PAGE_W - MARGIN - d / 2)
            cy = last[1] - 4
            pages[-1].ops.append(ImageOp(cx - d / 2, cy - d / 2, d, d, b.org))
    return pages


def impression(org: str, px: int, rng: random.Random) -> Image.Image:
    """A seal as it lands on paper: turned a little, ink uneven, one edge fainter."""
    img = seal_image(org).resize((px, px), Image.LANCZOS).rotate(rng.uniform(-25, 25), Image.BICUBIC)
    arr = np.asarray(img).astype(np.float32)
    g = np.random.default_rng(rng.randrange(1 << 30))
    blot = np.asarray(Image.fromarray((g.random((px // 8 + 1, px // 8 + 1)) * 255).astype(np.uint8))
                      .resize((px, px), Image.BILINEAR)).astype(np.float32) / 255
    ramp = np.linspace(rng.uniform(0.55, 0.8), 1.0, px, dtype=np.float32)
    ramp = ramp[None, :] if rng.random() < 0.5 else ramp[:, None]
    arr[..., 3] *= np.clip(0.5 + 0.6 * blot, 0, 1) * ramp * 0.9
    return Image.fromarray(arr.astype(np.uint8))


def render(page: LaidPage, rng: random.Random, dpi: int = 150) -> Image.Image:
    """The page as paper: text and rules, then the seal impressions."""
    img = page_image(LaidPage([op for op in page.ops if not isinstance(op, ImageOp)]), dpi)
    k = dpi / 25.4
    for op in page.ops:
        if isinstance(op, ImageOp):
            pic = impression(op.org, round(op.w * k), rng)
            img.paste(pic, (round(op.x * k), round(op.y * k)), pic)
    return img


def app_scan(img: Image.Image) -> Image.Image:
    """What a phone scanner app's black-and-white mode exports: three inks, a tiny PNG."""
    arr = np.asarray(img).astype(np.int16)
    r, g, b = arr[..., 0], arr[..., 1], arr[..., 2]
    red = (r - np.maximum(g, b)) > 55
    dark = (r + g + b) / 3 < 150
    idx = np.zeros(arr.shape[:2], np.uint8)
    idx[dark] = 1
    idx[red] = 2
    out = Image.frombytes("P", (idx.shape[1], idx.shape[0]), idx.tobytes())
    out.putpalette([255, 255, 255, 25, 25, 25, 200, 40, 45] + [0] * (256 * 3 - 9))
    return out


def photo(img: Image.Image, rng: random.Random) -> Image.Image:
    """A phone photo of a page on a desk: scanner effects, a dark border, a warm cast."""
    img = scan_effects(img, rng, rotate=rng.uniform(-3, 3))
    w, h = img.size
    desk = Image.new("RGB", (w + 60, h + 60), (88, 76, 64))
    desk.paste(img, (30 + rng.randint(-8, 8), 30 + rng.randint(-8, 8)))
    arr = np.asarray(desk).astype(np.float32) * np.array([1.02, 1.0, 0.93], np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).resize((w * 5 // 6, h * 5 // 6))


# ----------------------------------------------------------------------------- documents

def _d(p: Plan, d: dt.date) -> str:
    return date_text(d, p.date_style)


POSTCODE = {"兰州市": "730000", "兰州新区": "730300", "武威市": "733000", "金昌市": "737100",
            "酒泉市": "735000", "白银市": "730900", "张掖市": "734000", "天水市": "741000",
            "定西市": "743000"}


def city(w: Who) -> str:
    """市州 of the registered address (兰州新区 is its own)."""
    return "兰州新区" if w.address.startswith("甘肃省兰州新区") else w.address[3:6]


def _code(p: Plan) -> str:
    return code_text(p.who.code, p.code_style)


def _seal(p: Plan, part: str, org: str) -> list:
    return [] if part in p.unsealed else [Stamp(org)]


CLEAN_INCIDENT = "近五年内未发生重大质量、安全、环保等事故，无相关违法、违规、违纪行为。"
INCIDENT_LABEL = "近五年内重大质量、安全、环保事故及违法违规违纪情况"


def _years(p: Plan) -> list[int]:
    return [p.form_date.year - 3, p.form_date.year - 2, p.form_date.year - 1]


def _kpis(p: Plan, rng: random.Random) -> list[list[str | None]]:
    ys = _years(p)
    base = rng.randint(18000, 96000)
    rev = [base, round(base * rng.uniform(1.05, 1.18)), round(base * rng.uniform(1.2, 1.4))]
    return [["指标", *[f"{y}年" for y in ys]],
            ["营业收入（万元）", *[str(v) for v in rev]],
            ["利润总额（万元）", *[str(round(v * rng.uniform(0.06, 0.11))) for v in rev]],
            ["产品一次交验合格率", *[f"{rng.uniform(98.2, 99.8):.1f}%" for _ in ys]],
            ["顾客满意度", *[f"{rng.uniform(90, 97):.1f}分" for _ in ys]]]


_METHOD = [
    "形成了以“标准引领、数据驱动、全员改善”为主线的质量管理模式。",
    "将质量目标逐级分解至车间、班组和岗位，实行质量责任追溯。",
    "建立质量数据采集平台，关键工序参数在线监测，异常自动预警。",
    "持续开展QC小组和精益改善活动，近三年完成改善课题{n}项。",
    "推行供应商质量分级管理，来料批次合格率稳定在99%以上。",
    "以顾客为关注焦点，建立24小时投诉响应和闭环改进机制。",
    "牵头或参与制修订国家、行业标准{m}项，质量管理经验在省内同行业推广。",
    "将“首件必检、过程巡检、末件复检”固化为作业标准。",
]


def _prose(rng: random.Random, k: int = 4) -> str:
    return "　　" + "".join(s.format(n=rng.randint(20, 90), m=rng.randint(2, 9))
                           for s in rng.sample(_METHOD, k))


def form_blocks(p: Plan, rng: random.Random) -> list:
    w = p.who
    incident = p.incident or CLEAN_INCIDENT
    code = "" if "code" in p.blank else _code(p)
    pledge_clean = "近5年内无重大质量、安全、环保等事故，无相关违法、违规、违纪行为；" if not p.incident else ""
    if w.kind == "org":
        return [
            Gap(30), Title("中国质量奖申报表", 24), Para("（制造业、服务业、工程建设行业组织）", "center", 13),
            Gap(50),
            Para(f"申报组织名称：{w.name}", size=13), Para(f"推 荐 单 位：{p.recommender}", size=13),
            Para(f"填 表 日 期：{_d(p, p.form_date)}", size=13), Gap(40),
            Para("国家市场监督管理总局制", "center", 12), PageBreak(),
            Para("一、组织基本信息", size=12),
            Grid([["组织全称", w.name, None, None, None, None],
                  ["社会信用代码", code, None, "设立日期", _d(p, w.founded), None],
                  ["所有制性质", "民营", "所属行业", w.industry, "从业人数", f"{rng.randint(380, 2600)}人"],
                  ["住所", w.address, None, None, "邮政编码", POSTCODE[city(w)]],
                  ["法人代表", w.head, "经办人", w.contact, "办公电话", w.phone],
                  ["电子信箱", w.email, None, "参评类别", CATEGORY["org"], None]],
                 [0.15, 0.19, 0.14, 0.19, 0.14, 0.19]),
            Para(f"二、{INCIDENT_LABEL}", size=12), Grid([[incident]], [1.0]),
            Para("三、质量管理制度、模式和方法简介", size=12), Para(_prose(rng, 5)),
            Para("四、近三年主要质量效益指标", size=12), Grid(_kpis(p, rng), [0.34, 0.22, 0.22, 0.22]),
            Para("五、获奖情况", size=12),
            Para(f"　　2019年获{city(w)}质量管理先进企业；2021年获甘肃省人民政府质量奖提名奖。"),
            Para("六、申报组织承诺", size=12),
            Para(f"　　本组织自愿申报{AWARD}，承诺所填内容及证实性材料真实、准确、完整；{pledge_clean}"
                 "未通过其他渠道重复申报。"),
            Gap(4), Para(f"法人代表（签字）：{w.head}", "right"),
            Para("申报组织（公章）", "right"), Para(_d(p, p.form_date), "right"),
            *_seal(p, "form", w.name)]
    if w.kind == "sme":
        return [
            Title(f"{AWARD}（中小企业）申报表", 17),
            Para(f"申报企业（盖章）：{w.name}"),
            Para(f"推荐单位：{p.recommender}　　填表日期：{_d(p, p.form_date)}"),
            Grid([["序号", "项　目", "填写内容"],
                  ["1", "企业全称", w.name],
                  ["2", "信用代码", code],
                  ["3", "注册成立日期", _d(p, w.founded)],
                  ["4", "企业住所", w.address],
                  ["5", "法人代表", w.head],
                  ["6", "主营业务", w.industry],
                  ["7", "企业规模", f"中型企业（从业人员{rng.randint(160, 480)}人）"],
                  ["8", "专精特新认定", "2022年认定为甘肃省专精特新中小企业"],
                  ["9", "经办人及电话", f"{w.contact}　{w.phone}"],
                  ["10", "电子信箱", w.email],
                  ["11", INCIDENT_LABEL, incident],
                  ["12", "获得荣誉", "2021年度甘肃省质量信得过班组；2022年度省级“守合同重信用”企业"]],
                 [0.09, 0.3, 0.61]),
            Para("企业质量管理特色（简述）：", size=12), Para(_prose(rng, 4)),
            Para(f"　　本企业承诺：{pledge_clean}所报材料真实有效，仅通过本渠道申报。"),
            Para(f"法人代表（签名）：{w.head}", "right"), Para("企业（公章）", "right"),
            Para(_d(p, p.form_date), "right"), *_seal(p, "form", w.name)]
    if w.kind == "team":
        return [
            Title(f"{AWARD}（一线班组）申报表", 17),
            Grid([["班组名称", w.name, None, None],
                  ["所属单位", w.parent, None, None],
                  ["所属单位信用代码", code, "班组组建时间", month_text(w.founded, p.date_style)],
                  ["班组长", w.head, "班组人数", "12人"],
                  ["联络人", w.contact, "联络电话", w.phone],
                  ["班组类型", "生产一线班组（QC小组）", "所属行业", w.industry],
                  [INCIDENT_LABEL, incident, None, None]],
                 [0.22, 0.3, 0.2, 0.28]),
            Para("班组简介：", size=12),
            Para(f"　　{w.name}成立于{w.founded.year}年，承担熔铸工序质量攻关任务。" + _prose(rng, 3)[2:]),
            Para("近年质量改进成果：", size=12),
            Grid([["课题名称", "年度", "成果级别"],
                  ["降低铸锭表面裂纹发生率", "2020", "全国优秀质量管理小组"],
                  ["缩短熔炼炉换料时间", "2021", "甘肃省优秀QC成果一等奖"],
                  ["提高阴极板平整度合格率", "2022", "有色金属行业优秀QC成果"]], [0.52, 0.16, 0.32]),
            Para(f"班组长（签名）：{w.head}　　{_d(p, p.form_date)}", "right"),
            Para(f"所属单位意见：同意申报。　　{w.parent}（公章）", "right"),
            Para(_d(p, p.form_date), "right"), *_seal(p, "form", w.parent)]
    if w.kind == "school":
        return [
            Title(f"{AWARD}（教育机构）申报表", 17),
            Grid([["学校全称", w.name, None, None],
                  ["统一代码", code, "建校时间", month_text(w.founded, p.date_style)],
                  ["办学类型", w.industry, "办学层次", "高中（三个年级）"],
                  ["校长", w.head, "在校生规模", f"{rng.randint(2100, 3600)}人"],
                  ["学校地址", w.address, None, None],
                  ["联络人", w.contact, "办公电话", w.phone],
                  [INCIDENT_LABEL, incident, None, None]],
                 [0.2, 0.32, 0.18, 0.3]),
            Para("教育质量管理特色：", size=12),
            Para("　　学校构建“目标、过程、评价、改进”教学质量闭环，实行教学常规月查、质量分析季报，"
                 "建立学生综合素质评价档案，近三年学业水平考试合格率保持在98%以上。"),
            Para(f"　　本校承诺所报材料真实，{pledge_clean}仅通过本渠道申报。"),
            Para(f"校长（签字）：{w.head}", "right"), Para("学校（公章）", "right"),
            Para(_d(p, p.form_date), "right"), *_seal(p, "form", w.name)]
    # person
    ident = "" if "code" in p.blank else _code(p)
    return [
        Title(f"{AWARD}（个人）推荐表", 17),
        Grid([["被推荐人", w.name, "性　别", w.sex, "（照片）"],
              ["出生日期", _d(p, w.founded), "政治面貌", "中共党员", ""],
              ["身份证件号码", ident, None, None, ""],
              ["所在单位", w.parent, None, "职务职称", w.title],
              ["参评类别", w.industry, None, "从事质量工作", f"{p.form_date.year - w.founded.year - 22}年"],
              ["通信地址", w.address, None, "手机", w.phone],
              ["电子信箱", w.email, None, None, None]],
             [0.18, 0.22, 0.17, 0.21, 0.22]),
        Para("主要质量工作业绩：", size=12),
        Para(f"　　{w.name}同志长期扎根一线，" + _prose(rng, 3)[2:]),
        Grid([["有无违法、违规、违纪行为", "无"]], [0.4, 0.6]),
        Para(f"被推荐人（签名）：{w.name}　　{_d(p, p.form_date)}", "right"),
        Para(f"所在单位（盖章）：{w.parent}", "right"), Para(_d(p, p.form_date), "right"),
        *_seal(p, "form", w.parent)]


def self_blocks(p: Plan, rng: random.Random) -> list:
    w = p.who
    rows = [["评价要素", "要点", "自评等级"]] + [
        [k, v, rng.choice(["A", "A", "B"])] for k, v in
        [("质量效益", "质量第一、持续改进"), ("创新发展", "关键核心技术自主可控"),
         ("品牌影响", "品牌全生命周期管理"), ("组织效益", "核心质量指标居行业前列"),
         ("示范推广", "模式方法可复制可推广")]]
    return [Title("质量管理模式自我评价报告", 16), Para(f"申报组织：{w.name}", "center"),
            Para("一、总体情况", size=12), Para(_prose(rng, 3)),
            Para("二、对照参评条件的自我评价", size=12), Grid(rows, [0.22, 0.56, 0.22]),
            Para("三、可示范推广的质量管理方法", size=12), Para(_prose(rng, 4))]


def evidence_blocks(p: Plan) -> list:
    """One bound 证实性材料: a certificate per page."""
    w = p.who
    reg = f"{city(w)}市场监督管理局"
    if w.kind == "person":
        return [
            Para("证实性材料之一", size=9), Title("居民身份证（复印件）", 15),
            Grid([["姓名", w.name], ["性别", w.sex], ["出生", date_text(w.founded, "zh")],
                  ["住址", w.address], ["身份证件号码", _code(p)]], [0.3, 0.7]),
            Para("本复印件仅供申报中国质量奖使用", "center", 10),
            PageBreak(), Para("证实性材料之二", size=9), Title("职业资格证书", 18),
            Para(f"　　{w.name}，经考核，取得焊工国家职业资格一级（高级技师）。"
                 if w.industry == "一线工作人员" else
                 f"　　{w.name}，经评审，具备高级农艺师专业技术资格。"),
            Para("证书编号：S2016620000" + w.code[-6:-1], "left"),
            Para("发证日期：2016年11月", "right"), Stamp("甘肃省人力资源和社会保障厅"),
            PageBreak(), Para("证实性材料之三", size=9), Title("荣 誉 证 书", 20),
            Para(f"　　{w.name}同志：荣获2021年度“陇原工匠”称号。" if w.industry == "一线工作人员" else
                 f"　　{w.name}同志：荣获2022年度甘肃省质量管理先进个人称号。"),
            Para("甘肃省总工会" if w.industry == "一线工作人员" else "甘肃省市场监督管理局", "right"),
            Para("二〇二二年四月" if "pdf" not in {f[2] for f in p.files} else "2022年4月", "right"),
            Stamp("甘肃省总工会" if w.industry == "一线工作人员" else "甘肃省市场监督管理局")]
    holder = w.parent if w.kind == "team" else w.name
    if w.kind == "school":
        first = [Para("证实性材料之一", size=9), Title("事业单位法人证书", 18),
                 Grid([["统一社会信用代码", _code(p)], ["名称", w.name],
                       ["宗旨和业务范围", "实施普通高中学历教育，促进基础教育发展"],
                       ["住所", w.address], ["法定代表人", w.head],
                       ["举办单位", "定西市教育局"]], [0.3, 0.7]),
                 Para("登记管理机关：定西市事业单位登记管理局", "right"), Stamp("定西市事业单位登记管理局"),
                 PageBreak(), Para("证实性材料之二", size=9), Title("办学许可证", 18),
                 Para(f"学校名称：{w.name}"), Para("学校类型：普通高级中学"),
                 Para("办学内容：高中学历教育"), Para("发证机关：定西市教育局", "right"),
                 Stamp("定西市教育局")]
        return first
    lic = [Para("证实性材料之一", size=9), Title("营 业 执 照", 22), Para("（副　本）", "center"),
           Para(f"统一社会信用代码　{code_text(w.code, 'plain')}"),
           Gap(3),
           Para(f"名　　　称　{holder}"), Para("类　　　型　有限责任公司（自然人投资或控股）"),
           Para(f"法定代表人　{w.parent_head if w.kind == 'team' else w.head}"),
           Para(f"注册资本　　{3000 + w.serial * 170}万元整"),
           Para(f"成立日期　　{w.founded.year if w.kind != 'team' else 2009}年"
                f"{w.founded.month if w.kind != 'team' else 11:02d}月"
                f"{w.founded.day if w.kind != 'team' else 3:02d}日"),
           Para("营业期限　　长期"), Para(f"住　　　所　{w.address}"),
           Gap(6), Para(f"登记机关　{reg}", "right"), Stamp(reg)]
    if w.kind == "team":
        second = [Para("证实性材料之二", size=9), Title("荣 誉 证 书", 20),
                  Para(f"　　{w.name}：课题“降低铸锭表面裂纹发生率”被评为2020年全国优秀质量管理小组。"),
                  Para("中国质量协会", "right"), Para("2020年12月", "right"), Stamp("中国质量协会"),
                  PageBreak(), Para("证实性材料之三", size=9), Title("QC小组活动成果证书", 18),
                  Para(f"　　{w.name}完成的“缩短熔炼炉换料时间”成果，荣获甘肃省优秀QC成果一等奖。"),
                  Para("甘肃省质量协会", "right"), Para("2021年11月", "right"), Stamp("甘肃省质量协会")]
    else:
        second = [Para("证实性材料之二", size=9), Title("质量管理体系认证证书", 17),
                  Para(f"证书号：0232{w.serial:02d}Q{(w.serial * 7919) % 100000:05d}R2M"),
                  Para(f"兹证明　{w.name}"),
                  Para("质量管理体系符合　GB/T 19001-2016 idt ISO 9001:2015"),
                  Para(f"认证范围：{w.industry}相关产品（服务）的设计、生产和服务"),
                  Para("初次发证：2017年6月12日　　本次发证：2020年6月10日"),
                  Para("有效期至：2023年6月9日"), Stamp("中质协质量保证中心"),
                  PageBreak(), Para("证实性材料之三", size=9), Title("荣 誉 证 书", 20),
                  Para(f"　　{w.name}：被评为2022年度甘肃省质量标杆企业。"),
                  Para("甘肃省质量协会", "right"), Para("2022年12月", "right"), Stamp("甘肃省质量协会")]
    return [*lic, PageBreak(), *second]


def _period(p: Plan) -> str:
    s, e = p.pub
    style = p.date_style
    if p.pub_phrase == 1:     # the end without its year
        return f"{date_text(s, style)}至{e.month}月{e.day}日" if style != "cn" else \
            f"{date_text(s, style)}至{_cn_small(e.month)}月{_cn_small(e.day)}日"
    if p.pub_phrase == 2:
        return f"{date_text(s, style)}～{date_text(e, style)}"
    return f"自{date_text(s, style)}起至{date_text(e, style)}止"


def publicity_blocks(p: Plan) -> list:
    w = p.who
    name = p.pub_name or w.name
    whose = {"team": f"本单位{name}", "person": f"本单位{name}同志"}.get(w.kind, f"本单位（{name}）")
    return [Title("公示情况说明", 18),
            Para(f"　　根据{PROVINCE_OFFICE}《关于开展第五届中国质量奖评选表彰申报工作的通知》"
                 f"（甘质强组办〔2023〕5号）要求，{whose}申报{AWARD}的申报表及证实性材料已在单位内部公示。"),
            Grid([["公示对象", name],
                  ["公示内容", "申报表、证实性材料"],
                  ["公示方式", "单位内部办公网及公告栏张贴"],
                  ["公示起止时间", _period(p)],
                  ["公示结果", "公示期间未收到任何异议"]], [0.26, 0.74]),
            Para("　　特此说明。"), Gap(6),
            Para(w.publisher, "right"), Para(_d(p, p.pub_signed), "right"),
            *_seal(p, "publicity", w.publisher)]


def unit_rec_blocks(p: Plan) -> list:
    w = p.who
    subject = f"{w.name}同志" if w.kind == "person" else w.name
    return [Title("申报推荐意见", 18),
            Para(f"{p.recommender}："),
            Para(f"　　{subject}申报{AWARD}的材料已在本单位内部进行公示（公示期{_period(p)}），公示期间无异议。"
                 f"经研究，同意推荐{subject}参评{AWARD}（{CATEGORY[w.kind]}）。"),
            Gap(8), Para(f"推荐单位：{w.parent}（盖章）", "right"), Para(_d(p, p.pub_signed), "right"),
            *_seal(p, "unit_rec", w.parent)]


def city_rec_blocks(p: Plan, roster: list[Plan]) -> list:
    w = p.who
    rec = p.recommender
    subject = f"{w.name}同志" if w.kind == "person" else w.name
    blocks = [Title(f"关于推荐{subject}参评{AWARD}的审核意见", 15),
              Para(f"{PROVINCE_OFFICE}："),
              Para(f"　　经对{subject}报送的申报材料进行审核，并征求相关部门意见，该{('同志' if w.kind == 'person' else '单位')}"
                   f"申报材料完整、真实、准确，已按要求完成内部公示，符合{AWARD}参评条件，同意推荐参评"
                   f"{CATEGORY[w.kind]}类别。"),
              Para("　　附件：申报材料一式三份"), Gap(8),
              Para(rec, "right"), Para(_d(p, p.rec_date), "right"), *_seal(p, "city_rec", rec)]
    if len(roster) > 1:
        rows: list[list[str | None]] = [["序号", "申报组织（个人）名称", "参评类别", "所在地"]]
        for n, q in enumerate(roster, 1):
            rows.append([str(n), q.who.name, CATEGORY[q.who.kind], city(q.who)])
        blocks += [PageBreak(), Title(f"{AWARD}推荐名单汇总表", 15),
                   Para(f"推荐单位（盖章）：{rec}　　　　填报日期：{_d(p, p.rec_date)}"),
                   *_seal(p, "city_rec", rec), Gap(4), Grid(rows, [0.1, 0.5, 0.26, 0.14])]
    return blocks


def cover_blocks(p: Plan, parts: list[str]) -> list:
    names = {"form": "申报表" if p.who.kind != "person" else "推荐表", "self": "自我评价报告",
             "evidence": "证实性材料", "publicity": "公示情况说明", "unit_rec": "所在单位申报推荐意见",
             "city_rec": f"{p.recommender}审核推荐意见"}
    rows: list[list[str | None]] = [["序号", "材料名称", "份数"]]
    for n, part in enumerate([x for x in parts if x != "cover"], 1):
        rows.append([str(n), names[part], "3" if part in ENVELOPE_COPIES else "1"])
    if p.leak:
        return [Title("申 报 函", 18), Para(f"{p.recommender}："),
                Para(f"　　我单位自愿申报{AWARD}（{CATEGORY[p.who.kind]}），现报送申报材料，清单如下："),
                Grid(rows, [0.12, 0.68, 0.2]), Para(f"　　{p.leak}。"),
                Para(f"　　联系人：{p.who.contact}，电话：{p.who.phone}。"), Gap(6),
                Para(p.who.name, "right"), Para(_d(p, p.form_date), "right"), Stamp(p.who.name)]
    return [Title("申报材料清单", 18), Para(f"申报{'人' if p.who.kind == 'person' else '组织'}：{p.who.name}"),
            Grid(rows, [0.12, 0.68, 0.2]),
            Para("纸质材料整理成册一式三份；Word电子版一份（优盘拷贝）。")]


def blocks_for(p: Plan, part: str, rng: random.Random, roster: list[Plan]) -> list:
    if part == "form":
        return form_blocks(p, rng)
    if part == "self":
        return self_blocks(p, rng)
    if part == "evidence":
        return evidence_blocks(p)
    if part == "publicity":
        return publicity_blocks(p)
    if part == "unit_rec":
        return unit_rec_blocks(p)
    if part == "city_rec":
        return city_rec_blocks(p, roster)
    return cover_blocks(p, [f[0] for f in p.files])


# ----------------------------------------------------------------------------- writing

def _pdf_text_ok(pages: list[LaidPage], where: str) -> None:
    """The text-PDF font holds GB 2312 only (packet_render.pdf_font_path)."""
    for page in pages:
        for op in page.ops:
            if isinstance(op, TextOp):
                for ch in op.text:
                    if ord(ch) > 0x7E:
                        try:
                            ch.encode("gb2312")
                        except UnicodeEncodeError:
                            raise ValueError(f"{where}: {ch!r} is not in the PDF font") from None


_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")
_KEEP_STYLES = b"Normal|DefaultParagraphFont|TableNormal|NoList|TableGrid|Header|HeaderChar"


def _pin_docx(path: Path) -> None:
    """Fixed zip times (python-docx stamps the clock), template parts nobody reads dropped."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename not in _DROP]
    out = []
    for name, data in items:
        if name == "word/styles.xml":
            data = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", data, flags=re.S)
            data = re.sub(rb'<w:style [^>]*w:styleId="(?!(?:%s)")[^"]*"[^>]*>.*?</w:style>' % _KEEP_STYLES,
                          b"", data, flags=re.S)
        if name.endswith(".rels") or name == "[Content_Types].xml":
            text = data.decode("utf-8")
            for target in ("thumbnail.jpeg", "stylesWithEffects.xml"):
                text = re.sub(rf'<(?:Relationship|Override)[^>]*{re.escape(target)}"[^>]*/>', "", text)
            data = text.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            z.writestr(zipfile.ZipInfo(name, date_time=(2023, 5, 1, 8, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def write_docx(blocks: list, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = docx.Document()
    props = doc.core_properties
    props.author = props.last_modified_by = "admin"
    props.created = props.modified = dt.datetime(2023, 5, 1, 8, 0, 0)
    props.revision = 1
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    sec.header.paragraphs[0].text = f"{AWARD}申报材料"
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "center": WD_ALIGN_PARAGRAPH.CENTER}
    for b in blocks:
        if isinstance(b, Title):
            par = doc.add_paragraph()
            par.alignment = align["center"]
            run = par.add_run(b.text)
            run.font.size, run.bold = Pt(b.size), True
        elif isinstance(b, Para):
            par = doc.add_paragraph()
            par.alignment = align[b.align]
            par.add_run(b.text).font.size = Pt(b.size)
        elif isinstance(b, Gap):
            if b.mm >= 20:
                doc.add_paragraph()
        elif isinstance(b, Grid):
            ncols = len(b.widths)
            t = doc.add_table(rows=len(b.rows), cols=ncols)
            t.style = "Table Grid"
            for r, row in enumerate(b.rows):
                c = 0
                while c < ncols:
                    span = 1
                    while c + span < ncols and row[c + span] is None:
                        span += 1
                    cell = t.cell(r, c) if span == 1 else t.cell(r, c).merge(t.cell(r, c + span - 1))
                    cell.text = row[c] or ""
                    c += span
        elif isinstance(b, Stamp):
            par = doc.add_paragraph()
            par.alignment = align["right"]
            par.add_run().add_picture(io.BytesIO(seal_png(b.org)), width=Mm(36))
        elif isinstance(b, PageBreak):
            doc.add_page_break()
    doc.save(str(path))
    _pin_docx(path)


def _rosters(all_plans: list[Plan]) -> dict[str, list[Plan]]:
    out: dict[str, list[Plan]] = {}
    for p in all_plans:
        out.setdefault(p.channel, []).append(p)
    return out


def write_packet(p: Plan, batch_dir: Path, roster: list[Plan] | None = None) -> dict:
    """Write one packet (a folder, or an envelope PDF) into batch_dir and return its gold."""
    rng = random.Random(f"gansu:{p.name}")
    roster = roster if roster is not None else [p]
    docs: list[dict] = []
    if p.shape == "envelope":
        out = batch_dir / f"{p.name}.pdf"
        images: list[Image.Image] = []
        page = 1
        for part, _, _ in p.files:
            laid = lay(blocks_for(p, part, rng, roster))
            copies = ENVELOPE_COPIES.get(part, 1)
            docs.append({"kind": PART_KIND[part], "source": out.name,
                         "pages": [page, page + len(laid) - 1], "copies": copies})
            for _ in range(copies):     # every copy went through the scanner on its own
                images += [scan_effects(render(lp, rng), rng) for lp in laid]
            page += len(laid) * copies
        write_scan_pdf(images, out)
        return gold(p, docs)

    folder = batch_dir / p.name
    folder.mkdir(parents=True)
    for part, fname, fmt in p.files:
        blocks = blocks_for(p, part, rng, roster)
        kind = PART_KIND[part]
        path = folder / fname
        if fmt == "docx":
            write_docx(blocks, path)
            docs.append({"kind": kind, "source": fname, "pages": [1, 1]})
            continue
        laid = lay(blocks)
        if fmt == "pdf":
            _pdf_text_ok(laid, f"{p.name}/{fname}")
            write_text_pdf(laid, path)
            docs.append({"kind": kind, "source": fname, "pages": [1, len(laid)]})
        elif fmt == "scan":
            write_scan_pdf([scan_effects(render(lp, rng), rng) for lp in laid], path)
            docs.append({"kind": kind, "source": fname, "pages": [1, len(laid)]})
        else:    # one image per page: the first keeps the name, the rest count on
            stem, suffix = path.stem, path.suffix
            m = re.search(r"(\d+)$", stem)
            for j, lp in enumerate(laid):
                if j == 0:
                    name = fname
                elif m:
                    name = f"{stem[:m.start()]}{int(m.group(1)) + j:0{len(m.group(1))}d}{suffix}"
                else:
                    name = f"{stem}_{j + 1}{suffix}"
                img = render(lp, rng)
                if fmt == "png":
                    app_scan(img.rotate(rng.uniform(-0.6, 0.6), Image.BICUBIC, fillcolor="white")) \
                        .save(folder / name, "PNG", optimize=True)
                else:
                    photo(img, rng).save(folder / name, "JPEG", quality=55, optimize=True)
                docs.append({"kind": kind, "source": name, "pages": [1, 1]})
    return gold(p, docs)


def gold(p: Plan, documents: list[dict]) -> dict:
    flags = sorted(set(p.flags))
    w = p.who
    return {"complete": not any(SEVERITY[f] == "error" for f in flags), "flags": flags,
            "severity": {f: SEVERITY[f] for f in flags}, "planted": p.planted,
            "applicant": {"name": w.name, "kind": "individual" if w.kind == "person" else "organization",
                          "id_number": w.code},
            "documents": documents, "notice": "gansu"}


def main(out_root: Path) -> None:
    batch = out_root / "packets" / BATCH
    if batch.exists():
        shutil.rmtree(batch)
    batch.mkdir(parents=True)
    (batch / "batch.json").write_text(json.dumps({"notice": NOTICE}) + "\n", encoding="utf-8")
    all_plans = plans()
    rosters = _rosters(all_plans)
    for p in all_plans:
        sanity(p)
        g = write_packet(p, batch, rosters[p.channel])
        (batch / f"{p.name}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1])
