"""A held-out packet batch for 塔城地区政府质量奖 (seed 003, 塔行办规〔2023〕1号, issued 2023-09-07).

`python -m sample_docs.generator heldout_tacheng` (or `python -m sample_docs.generator.heldout_tacheng`)
rewrites sample_docs/packets/heldout-tacheng-2023/. Rules the gold follows, read from the 管理办法:
  - 申报组织 are 法人、非法人组织 or their 分支、内设、派出 units (no individuals);
  - 第九条: 在地区行政区域内依法设立 (registered in 塔城地区: 塔城市、乌苏市、沙湾市、额敏县、托里县、
    裕民县、和布克赛尔蒙古自治县), 正常经营 5 years or more (3 for 新技术、新产业、新业态、新模式 organisations),
    counted to the date of the 申报表; 近3年内 no 重大质量、安全、环保等事故 and no 违法、违规、违纪行为;
  - 第十条: a winner may not apply again with the same 获奖成果 within 5 years of winning;
  - 第十二条: 内部公示 of at least 5 working days (mainland calendar: 国庆/中秋 2023-09-29..10-06 off,
    10-07 and 10-08 worked); a branch is 公示ed by its legal person, which issues a 申报推荐意见;
  - 第十三/十四条: 自我评价报告 + 申报表 + 证实性材料 go to a 地区行业主管部门 or the county 市场监督管理部门,
    which 公示s again (5 working days) and issues a sealed 审核意见 sent on with the materials;
    申报材料不得涉及国家秘密.
  The notice sets no calendar deadline, so no packet is late; 每届不超过3个 is a number of awards, not a
  submission quota.

It is deliberately none of packets.py, heldout_packets.py or heldout_gansu.py: three form layouts of its
own (a two-column table with the value on the left and the label on the right; a grid whose
统一社会信用代码 sits in 18 boxes; numbered label lines with the code spaced character by character),
label words 单位名称/企业名称/申报组织名称, 法定代表人（负责人）, 联系人及手机, 成立日期 as 2015.07, □/■
check boxes, a 自我评价报告 with a cover page and GB/T 19580 P.1/P.2 + 4.1-4.7 sections, 公示 proofs
as a report or as the posted notice with a result table, 审核意见 as a letter or as a table, county
seals, Xinjiang places and names, dates as 2023年10月9日 / 2023.10.09 / 二〇二三年十月九日, phone
photos with perspective, 150 dpi scans. Its own check-character code and working-day calendar keep
the gold independent of the reader. Seeded: regenerating gives the same bytes.

Documents in gold: each file (or each envelope run) is one document; a Word file is page [1, 1];
each phone photo is its own one-page document. Envelope entries carry `copies` (申报表 ×3, the rest ×1).
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
from PIL import Image, ImageFilter

from sample_docs.generator.packet_render import (PAGE_H, PAGE_W, PT_TO_MM, ImageOp, LaidPage,
                                                 RectOp, TextOp, page_image, scan_effects,
                                                 seal_image, seal_png, text_width_mm, wrap,
                                                 write_scan_pdf, write_text_pdf)

BATCH = "heldout-tacheng-2023"
NOTICE = "../../seeds/003_0a14e6f6210ae2fe.txt"
NOTICE_DATE = dt.date(2023, 9, 7)
AWARD = "塔城地区政府质量奖"
OFFICE = "塔城地区质量强区工作领导小组办公室"
DOC_NO = "塔行办规〔2023〕1号"
MIN_PUBLICITY_DAYS = 5
OPERATING_YEARS, NEW_ECONOMY_YEARS = 5, 3
INCIDENT_LOOKBACK_YEARS = 3
REAPPLY_YEARS = 5

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
# GB 32100-2015 check character: weights 3^i mod 31 built up step by step, check = (31 - S % 31) % 31.
# The 9-character organisation code inside it (GB 11714) has its own mod-11 check digit.

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}


def _uscc_weights() -> list[int]:
    out, w = [], 1
    for _ in range(17):
        out.append(w)
        w = w * 3 % 31
    return out


_UW = _uscc_weights()


def uscc_check(first17: str) -> str:
    s = 0
    for ch, w in zip(first17, _UW):
        s += _VALUE[ch] * w
    return _ALPHABET[(31 - s % 31) % 31]


def org_code_check(body8: str) -> str:
    s = 0
    for ch, w in zip(body8, (3, 7, 9, 10, 5, 8, 4, 2)):
        s += (int(ch) if ch.isdigit() else ord(ch) - 55) * w
    c = (11 - s % 11) % 11
    return "X" if c == 10 else str(c)


def make_uscc(division: str, serial: int, founded: dt.date, *, broken: bool = False) -> str:
    """91 (企业) + where it was registered + organisation code + check character. Codes issued
    after the 2015 reform start the organisation code with MA; older ones kept their digits."""
    rng = random.Random(f"tacheng-uscc-{serial}")
    if founded >= dt.date(2015, 10, 1):
        body = "MA7" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(5))
    else:
        body = str(rng.choice((3, 5, 6, 7))) + "".join(rng.choice("0123456789") for _ in range(7))
    first17 = "91" + division + body + org_code_check(body)
    check = uscc_check(first17)
    if broken:      # a neighbouring character: what a slip of the pen gives
        check = _ALPHABET[(_VALUE[check] + 3) % 31]
    return first17 + check


def uscc_ok(code: str) -> bool:
    code = re.sub(r"\s", "", code)
    return (len(code) == 18 and all(ch in _VALUE for ch in code)
            and uscc_check(code[:17]) == code[17])


def code_text(code: str, style: str) -> str:
    if style == "spaced":       # typed one character at a time into a 18-cell paper form
        return " ".join(code)
    return code


# ----------------------------------------------------------------------------- calendar (2023)

_OFF = [(dt.date(2023, 1, 1), dt.date(2023, 1, 2)), (dt.date(2023, 1, 21), dt.date(2023, 1, 27)),
        (dt.date(2023, 4, 5), dt.date(2023, 4, 5)), (dt.date(2023, 4, 29), dt.date(2023, 5, 3)),
        (dt.date(2023, 6, 22), dt.date(2023, 6, 24)), (dt.date(2023, 9, 29), dt.date(2023, 10, 6)),
        (dt.date(2023, 12, 30), dt.date(2024, 1, 1))]
_WORKED_WEEKENDS = {dt.date(2023, 1, 28), dt.date(2023, 1, 29), dt.date(2023, 4, 23),
                    dt.date(2023, 5, 6), dt.date(2023, 6, 25), dt.date(2023, 10, 7),
                    dt.date(2023, 10, 8)}


def is_workday(d: dt.date) -> bool:
    if d in _WORKED_WEEKENDS:
        return True
    if any(a <= d <= b for a, b in _OFF):
        return False
    return d.weekday() < 5


def workdays(start: dt.date, end: dt.date) -> int:
    n, d = 0, start
    while d <= end:
        n += is_workday(d)
        d += dt.timedelta(days=1)
    return n


# ----------------------------------------------------------------------------- dates in words

_NUM = "〇一二三四五六七八九"


def _cn(n: int) -> str:
    if n < 10:
        return _NUM[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else _NUM[t]) + "十" + ("" if o == 0 else _NUM[o])


def date_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_NUM[int(c)] for c in f"{d.year}") + f"年{_cn(d.month)}月{_cn(d.day)}日"
    if style == "dot":
        return f"{d.year}.{d.month:02d}.{d.day:02d}"
    return f"{d.year}年{d.month}月{d.day}日"


def month_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_NUM[int(c)] for c in f"{d.year}") + f"年{_cn(d.month)}月"
    if style == "dot":
        return f"{d.year}.{d.month:02d}"
    return f"{d.year}年{d.month}月"


def years_between(a: dt.date, b: dt.date) -> int:
    """Whole years from a to b."""
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


# ----------------------------------------------------------------------------- who applies

COUNTY = {   # where an organisation is registered: (GB/T 2260 code of today, postcode)
    "塔城市": ("654201", "834700"), "乌苏市": ("654202", "833000"), "沙湾市": ("654203", "832100"),
    "额敏县": ("654221", "834600"), "托里县": ("654224", "834500"), "裕民县": ("654225", "834800"),
    "和布克赛尔蒙古自治县": ("654226", "834400"), "乌鲁木齐市": ("650104", "830000"),
}
REVIEWERS = {   # who reviews and issues the 审核意见 (第十三、十四条)
    "塔城市": "塔城市市场监督管理局", "乌苏市": "乌苏市市场监督管理局", "沙湾市": "沙湾市市场监督管理局",
    "额敏县": "额敏县市场监督管理局", "托里县": "托里县市场监督管理局", "裕民县": "裕民县市场监督管理局",
    "和丰": "和布克赛尔蒙古自治县市场监督管理局",
    "工信局": "塔城地区工业和信息化局", "交通局": "塔城地区交通运输局",
}


@dataclass
class Org:
    name: str
    county: str                 # key of COUNTY
    division: str               # the code inside its USCC (an old one for codes issued before a rename)
    address: str
    founded: dt.date
    head: str                   # 法定代表人, or 负责人 for a branch
    contact: str
    mobile: str
    industry: str
    staff: int
    achievement: str            # 申报成果（质量管理模式）
    honours: str
    serial: int
    licence_office: str
    cert: str = "iso"           # second evidence page: iso | food | hitech | safety | road | award2021
    new_economy: str = ""       # the 四新 field it claims, "" when none
    parent: str = ""            # branch: its legal person
    parent_head: str = ""
    broken: bool = False

    @property
    def code(self) -> str:
        return make_uscc(self.division, self.serial, self.founded, broken=self.broken)

    @property
    def publisher(self) -> str:
        """Who runs the internal 公示: the organisation, or the legal person of a branch."""
        return self.parent or self.name


@dataclass
class Plan:
    name: str
    org: Org
    channel: str                                  # key of REVIEWERS
    shape: str                                    # docx | textpdf | scan | envelope | mixed
    files: list[tuple[str, str, str]]             # (part, file name, format: docx|pdf|scan|jpg|shared)
    form_style: str                               # right | boxes | lines
    form_date: dt.date
    pub: tuple[dt.date, dt.date]                  # internal 公示
    pub_signed: dt.date
    audit_pub: tuple[dt.date, dt.date]            # the reviewer's own 社会公示
    rec_date: dt.date                             # date of the 审核意见
    date_style: str = "zh"
    pub_style: str = "report"                     # report | notice
    audit_style: str = "letter"                   # letter | table
    pub_note: str = ""
    flags: list[str] = field(default_factory=list)
    planted: str = ""
    incident: str = ""
    unsealed: set[str] = field(default_factory=set)
    self_name: str | None = None                  # the name the 自我评价报告 cover gives
    prior_win: tuple[int, str] | None = None      # (year, 获奖成果) of an earlier 塔城地区政府质量奖
    embeds_shared: bool = False                   # its 证实性材料.docx pastes the shared test-report photo

    @property
    def reviewer(self) -> str:
        return REVIEWERS[self.channel]


PART_KIND = {"cover": "cover_letter", "form": "application_form", "self": "self_assessment",
             "evidence": "evidence", "shared": "evidence", "publicity": "publicity_proof",
             "unit_rec": "recommendation", "audit": "recommendation"}
ENVELOPE_COPIES = {"form": 3}
SHARED_PHOTO = "tacheng-shared-test-report"


def plans() -> list[Plan]:
    D = dt.date
    a = Org("塔城市锦塔乳业有限公司", "塔城市", "654201", "新疆塔城地区塔城市光明路东段168号",
            D(2015, 7, 16), "努尔兰·哈力木别克", "王晓燕", "13909012736", "乳制品制造", 286,
            "“牧场到餐桌”全链条质量追溯管理模式",
            "2021年认定为自治区级专精特新中小企业；2022年度塔城地区“守合同重信用”企业", 51,
            "塔城市市场监督管理局", cert="food")
    b = Org("乌苏市天晟储能科技有限公司", "乌苏市", "654202", "新疆塔城地区乌苏市工业园区天山路9号",
            D(2019, 4, 11), "周博文", "阿依古丽", "15999218406", "新型储能装备制造", 164,
            "“数字孪生+精益”电池模组质量管控模式", "2022年认定为国家高新技术企业", 52,
            "乌苏市市场监督管理局", cert="hitech", new_economy="新产业：新型储能装备制造")
    c = Org("额敏县额河源面粉有限责任公司", "额敏县", "654221", "新疆塔城地区额敏县城北工业园区麦香路2号",
            D(2008, 5, 20), "马德山", "古丽米拉·托合塔尔", "13579001253", "粮食加工（小麦粉）", 212,
            "“数字麦仓”粮食全过程质量管理模式",
            "2016年以“订单小麦+标准化加工”模式获塔城地区政府质量奖；2020年获评自治区放心粮油示范加工企业",
            53, "额敏县市场监督管理局", cert="food")
    d = Org("新疆天润禾棉业集团有限公司沙湾分公司", "沙湾市", "654223",
            "新疆塔城地区沙湾市乌兰乌苏镇棉麻路17号", D(2011, 9, 5), "杨立军", "哈力旦", "18099316625",
            "棉花加工", 138, "“一包一码”棉花加工质量管理模式",
            "2022年获评自治区棉花质量提升工作先进单位", 54, "沙湾市市场监督管理局",
            parent="新疆天润禾棉业集团有限公司", parent_head="陈国华")
    e = Org("托里县宏远建材有限公司", "托里县", "654224", "新疆塔城地区托里县托里镇建材园区3号",
            D(2010, 3, 18), "刘振江", "赵敏", "13899458271", "水泥制品及商品混凝土制造", 97,
            "“三检一评”混凝土质量控制法", "2021年度塔城地区建筑材料质量诚信企业", 55,
            "托里县市场监督管理局")
    f = Org("裕民县巴尔鲁克牧业有限公司", "裕民县", "654225", "新疆塔城地区裕民县哈拉布拉镇牧业路21号",
            D(2012, 6, 8), "叶尔兰·努尔别克", "张丽", "13779312258", "牛羊养殖及屠宰加工", 143,
            "“草原溯源”生态牧业质量管理模式", "2022年获评自治区级农业产业化重点龙头企业", 56,
            "裕民县市场监督管理局", cert="food")
    g = Org("乌苏市佳禾番茄制品有限公司", "乌苏市", "654202", "新疆塔城地区乌苏市西大桥新区番茄路6号",
            D(2009, 8, 21), "郑海峰", "米娜瓦尔·艾力", "18690105532", "番茄制品加工", 231,
            "“从田间到罐装”番茄酱全流程质量管理模式", "2020年获评自治区出口食品农产品质量安全示范企业", 57,
            "乌苏市市场监督管理局", cert="food")
    h = Org("新疆博建路桥工程有限公司", "乌鲁木齐市", "650104", "新疆乌鲁木齐市新市区北京南路416号",
            D(2006, 11, 2), "孙建国", "何丽娟", "13999128804", "公路工程施工", 528,
            "“品质工程”标准化施工管理模式", "2022年自治区公路建设优质工程奖", 58,
            "乌鲁木齐市新市区市场监督管理局", cert="road")
    i = Org("和布克赛尔蒙古自治县江格尔肉业有限公司", "和布克赛尔蒙古自治县", "654226",
            "新疆塔城地区和布克赛尔蒙古自治县和什托洛盖镇工业园区5号", D(2020, 8, 12), "巴图·孟克", "乌云",
            "15109015567", "牛羊肉屠宰及分割加工", 76, "“冷链一体化”肉品质量管理模式",
            "2022年度和布克赛尔蒙古自治县“诚信经营示范单位”", 59,
            "和布克赛尔蒙古自治县市场监督管理局", cert="food")
    j = Org("托里县铬源矿业有限公司", "托里县", "654224", "新疆塔城地区托里县庙尔沟镇矿业路1号",
            D(2004, 4, 27), "蔡永刚", "库尔曼·别克", "13909951634", "铬矿采选", 318,
            "“安全+质量”双体系融合管理模式", "2020年度塔城地区工业企业20强", 60,
            "托里县市场监督管理局", cert="safety")
    k = Org("塔城市恒通供热有限责任公司", "塔城市", "654201", "新疆塔城地区塔城市伊宁路57号",
            D(2005, 9, 28), "李志强", "沙吾列", "13369013345", "热力生产和供应", 264,
            "“暖心365”供热服务质量管理模式",
            "2021年以“暖心365”供热服务质量管理模式获塔城地区政府质量奖；2022年度自治区供热行业先进单位", 61,
            "塔城市市场监督管理局", cert="award2021")
    m = Org("沙湾市盛源棉纺织有限公司", "沙湾市", "654223", "新疆塔城地区沙湾市金沟河工业园纺织路8号",
            D(2012, 4, 16), "黄永福", "阿依努尔", "18999312087", "棉纺织加工", 402,
            "“全流程在线检测”纱线质量管理模式", "2022年获评自治区纺织服装产业质量标杆企业", 62,
            "沙湾市市场监督管理局")
    n = Org("乌苏市华泰精细化工有限公司", "乌苏市", "654202", "新疆塔城地区乌苏市化工园区北区纬二路12号",
            D(2007, 10, 15), "吴海东", "帕提古丽·买买提", "13579220163", "精细化工", 356,
            "“HSE+质量”一体化管理模式", "2021年获评自治区绿色工厂", 63, "乌苏市市场监督管理局")
    o = Org("裕民县红花谷油脂有限公司", "裕民县", "654225", "新疆塔城地区裕民县吉也克镇红花路15号",
            D(2011, 11, 9), "贺文斌", "加娜尔", "15899012274", "食用植物油加工（红花籽油）", 88,
            "“一粒红花籽”全产业链质量管理模式", "2021年“裕民红花籽油”获国家地理标志保护产品", 64,
            "裕民县市场监督管理局", cert="food")
    q = Org("额敏县沃野油脂有限责任公司", "额敏县", "654221", "新疆塔城地区额敏县郊区乡沃野路33号",
            D(2013, 6, 25), "热合曼·吐尔逊", "邱静", "13899016658", "食用植物油加工", 72,
            "“压榨工艺标准化”油脂质量管理模式", "2022年度塔城地区食品安全示范企业", 65,
            "额敏县市场监督管理局", cert="food")

    # common timelines: form, internal 公示, its proof signed, the reviewer's 公示, 审核意见
    T1 = dict(form_date=D(2023, 9, 13), pub=(D(2023, 9, 15), D(2023, 9, 21)), pub_signed=D(2023, 9, 22),
              audit_pub=(D(2023, 10, 9), D(2023, 10, 13)), rec_date=D(2023, 10, 16))
    T4 = dict(form_date=D(2023, 9, 18), pub=(D(2023, 9, 19), D(2023, 9, 25)), pub_signed=D(2023, 9, 26),
              audit_pub=(D(2023, 10, 9), D(2023, 10, 13)), rec_date=D(2023, 10, 17))
    T5 = dict(form_date=D(2023, 10, 9), pub=(D(2023, 10, 10), D(2023, 10, 16)), pub_signed=D(2023, 10, 17),
              audit_pub=(D(2023, 10, 19), D(2023, 10, 25)), rec_date=D(2023, 10, 27))
    T6 = dict(form_date=D(2023, 9, 25), pub=(D(2023, 10, 7), D(2023, 10, 13)), pub_signed=D(2023, 10, 16),
              audit_pub=(D(2023, 10, 23), D(2023, 10, 27)), rec_date=D(2023, 10, 30))
    T7 = dict(form_date=D(2023, 10, 16), pub=(D(2023, 10, 17), D(2023, 10, 23)), pub_signed=D(2023, 10, 24),
              audit_pub=(D(2023, 10, 30), D(2023, 11, 3)), rec_date=D(2023, 11, 6))

    return [
        Plan("tc-01-clean-docx", a, "塔城市", "docx",
             [("cover", "00申报材料目录.docx", "docx"), ("form", "01申报表.docx", "docx"),
              ("self", "02自我评价报告.docx", "docx"), ("evidence", "03证实性材料.docx", "docx"),
              ("publicity", "04内部公示情况报告.docx", "docx"),
              ("audit", "05审核意见（塔城市市场监督管理局）.docx", "docx")],
             "right", **T1,
             planted="clean organisation; value-left/label-right 申报表, 2023年9月13日 style dates"),
        Plan("tc-02-clean-newtech-holiday", b, "工信局", "textpdf",
             [("form", "申报表.pdf", "pdf"), ("self", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity", "公示证明.pdf", "pdf"),
              ("audit", "审核意见.pdf", "pdf")],
             "boxes", form_date=D(2023, 9, 21), pub=(D(2023, 9, 27), D(2023, 10, 9)),
             pub_signed=D(2023, 10, 10), audit_pub=(D(2023, 10, 11), D(2023, 10, 17)),
             rec_date=D(2023, 10, 19), date_style="dot", pub_style="notice", audit_style="table",
             planted="clean 新产业 company founded 2019.04 (4 years, 3 required); 公示 2023.09.27-10.09 "
                     "spans 国庆 and is 5 working days only thanks to the 10-07/10-08 make-up days"),
        Plan("tc-03-clean-envelope", c, "额敏县", "envelope",
             [("cover", "", "envelope"), ("form", "", "envelope"), ("self", "", "envelope"),
              ("evidence", "", "envelope"), ("publicity", "", "envelope"), ("audit", "", "envelope")],
             "lines", **T4, date_style="cn",
             prior_win=(2016, "“订单小麦+标准化加工”模式"),
             planted="clean; one scanned envelope, 申报表 ×3 copies; code typed one character at a time; "
                     "won 塔城地区政府质量奖 in 2016 with another achievement (more than 5 years ago)"),
        Plan("tc-04-clean-branch-mixed", d, "沙湾市", "mixed",
             [("form", "扫描全能王 2023-09-27 10.15.pdf", "scan"), ("self", "自我评价报告.pdf", "pdf"),
              ("evidence", "IMG_20230927_153012.jpg", "jpg"), ("publicity", "公示情况（集团公司）.docx", "docx"),
              ("unit_rec", "申报推荐意见（集团公司）.docx", "docx"), ("audit", "IMG_20231016_091544.jpg", "jpg")],
             "boxes", **T1, audit_style="table",
             planted="clean 分公司 (registered in 沙湾, code issued under the old 沙湾县 division 654223); "
                     "its legal person (in 乌鲁木齐) ran the 公示 and issued the 申报推荐意见; scan, phone "
                     "photos, text PDF and Word mixed"),
        Plan("tc-05-no-self-assessment", e, "托里县", "textpdf",
             [("form", "材料1.pdf", "pdf"), ("evidence", "材料2.pdf", "pdf"),
              ("publicity", "材料3.pdf", "pdf"), ("audit", "材料4.pdf", "pdf")],
             "lines", **T4, audit_style="table", flags=["MISSING_DOCUMENT"],
             planted="自我评价报告 left out (第十三条); file names say nothing"),
        Plan("tc-06-audit-unsealed", f, "裕民县", "scan",
             [("form", "scan0001.pdf", "scan"), ("self", "scan0002.pdf", "scan"),
              ("evidence", "scan0003.pdf", "scan"), ("publicity", "scan0004.pdf", "scan"),
              ("audit", "scan0005.pdf", "scan")],
             "boxes", **T6, date_style="cn", unsealed={"audit"}, flags=["MISSING_SEAL"],
             planted="裕民县市场监督管理局 审核意见 says （盖章） but carries no impression; every other page sealed"),
        Plan("tc-07-publicity-national-day", g, "乌苏市", "docx",
             [("form", "申报表（佳禾番茄）.docx", "docx"), ("self", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity", "公示及结果.docx", "docx"),
              ("audit", "乌苏市局审核意见.docx", "docx")],
             "right", form_date=D(2023, 9, 20), pub=(D(2023, 9, 26), D(2023, 10, 7)),
             pub_signed=D(2023, 10, 9), audit_pub=(D(2023, 10, 10), D(2023, 10, 16)),
             rec_date=D(2023, 10, 18), date_style="dot", pub_style="notice", pub_note="共12天",
             flags=["PUBLICITY_TOO_SHORT"],
             planted="公示 2023.09.26-2023.10.07 over 国庆/中秋 (\"共12天\"): 09-26, 27, 28 and the 10-07 "
                     "make-up day = 4 working days"),
        Plan("tc-08-urumqi", h, "交通局", "textpdf",
             [("form", "申报表.pdf", "pdf"), ("self", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity", "内部公示情况报告.pdf", "pdf"),
              ("audit", "地区交通运输局审核意见.pdf", "pdf")],
             "lines", **T1, flags=["INELIGIBLE_REGION"],
             planted="registered in 乌鲁木齐市新市区 (code 650104, licence from 乌鲁木齐), sent through "
                     "塔城地区交通运输局 because it builds roads there"),
        Plan("tc-09-founded-2020", i, "和丰", "mixed",
             [("form", "IMG_20231011_104233.jpg", "jpg"), ("self", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料扫描件.pdf", "scan"), ("publicity", "公示情况报告.docx", "docx"),
              ("audit", "审核意见.docx", "docx")],
             "right", **T5, flags=["INELIGIBLE_OPERATING_YEARS"],
             planted="成立日期 2020年8月12日 (3 years at the 2023-10-09 form), 四新 box ticked 否; "
                     "申报表 photographed"),
        Plan("tc-10-incident-2022", j, "托里县", "scan",
             [("form", "DOC20231017_0001.pdf", "scan"), ("self", "DOC20231017_0002.pdf", "scan"),
              ("evidence", "DOC20231017_0003.pdf", "scan"), ("publicity", "DOC20231017_0004.pdf", "scan"),
              ("audit", "DOC20231017_0005.pdf", "scan")],
             "boxes", **T4, audit_style="table",
             incident="2022年7月14日，选矿厂尾矿回水泵房发生较大生产安全事故1起（3人死亡），经塔城地区事故"
                      "调查组调查处理，公司被应急管理部门处以行政罚款，已整改完毕。",
             flags=["RECENT_INCIDENT"],
             planted="scanned 申报表 ticks 有 and declares a 2022 较大生产安全事故 with a fine (look-back 3 years)"),
        Plan("tc-11-reapplied", k, "塔城市", "mixed",
             [("form", "申报表.docx", "docx"), ("self", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity", "公示情况报告.docx", "docx"),
              ("audit", "审核意见.pdf", "pdf")],
             "lines", **T1, prior_win=(2021, "“暖心365”供热服务质量管理模式"),
             flags=["REAPPLIED_TOO_SOON"],
             planted="won 塔城地区政府质量奖 in 2021 with “暖心365”供热服务质量管理模式 and applies with the "
                     "same 成果 (第十条: 5 years); the 2021 certificate is in the evidence"),
        Plan("tc-12-name-mismatch", m, "沙湾市", "textpdf",
             [("form", "1.申报表.pdf", "pdf"), ("self", "2.自我评价报告.pdf", "pdf"),
              ("evidence", "3.证实性材料.pdf", "pdf"), ("publicity", "4.公示证明.pdf", "pdf"),
              ("audit", "5.审核意见.pdf", "pdf")],
             "right", **T7, date_style="dot", pub_style="notice",
             self_name="沙湾市胜源棉纺织有限公司", flags=["NAME_MISMATCH"],
             planted="自我评价报告 cover names 胜源棉纺织, every other document 盛源棉纺织 (warning only)"),
        Plan("tc-13-dup-a", n, "乌苏市", "docx",
             [("cover", "目录.docx", "docx"), ("form", "申报表.docx", "docx"),
              ("self", "自我评价报告.docx", "docx"), ("evidence", "证实性材料.docx", "docx"),
              ("publicity", "内部公示报告.docx", "docx"), ("audit", "审核意见.docx", "docx")],
             "right", **T1, flags=["DUPLICATE_APPLICATION"],
             planted="same 统一社会信用代码 as tc-14, here through 乌苏市市场监督管理局"),
        Plan("tc-14-dup-b", n, "工信局", "scan",
             [("form", "扫描件_申报表.pdf", "scan"), ("self", "扫描件_自评报告.pdf", "scan"),
              ("evidence", "扫描件_证实性材料.pdf", "scan"), ("publicity", "扫描件_公示.pdf", "scan"),
              ("audit", "扫描件_审核意见.pdf", "scan")],
             "boxes", form_date=D(2023, 9, 13), pub=(D(2023, 9, 15), D(2023, 9, 21)),
             pub_signed=D(2023, 9, 22), audit_pub=(D(2023, 10, 16), D(2023, 10, 20)),
             rec_date=D(2023, 10, 23), date_style="dot", audit_style="table",
             flags=["DUPLICATE_APPLICATION"],
             planted="same 统一社会信用代码 as tc-13, again through 塔城地区工业和信息化局"),
        Plan("tc-15-shared-report-a", o, "裕民县", "textpdf",
             [("form", "申报表.pdf", "pdf"), ("self", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("shared", "产品检验报告.jpg", "shared"),
              ("publicity", "公示情况报告.pdf", "pdf"), ("audit", "审核意见.pdf", "pdf")],
             "lines", **T6, audit_style="table", flags=["DUPLICATE_EVIDENCE"],
             planted="产品检验报告.jpg (photo of a 红花籽油 test-report page naming no client) is byte for "
                     "byte the photo inside tc-16's 证实性材料.docx"),
        Plan("tc-16-shared-report-b", q, "额敏县", "docx",
             [("form", "申报表.docx", "docx"), ("self", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity", "公示.docx", "docx"),
              ("audit", "审核意见.docx", "docx")],
             "boxes", **T7, date_style="cn", pub_style="notice", embeds_shared=True,
             flags=["DUPLICATE_EVIDENCE"],
             planted="证实性材料.docx embeds the same test-report photo (same JPEG bytes) that tc-15 "
                     "carries as 产品检验报告.jpg"),
    ]


def sanity(p: Plan) -> None:
    """The plan says what its gold says."""
    flags, w = set(p.flags), p.org
    assert all(f in SEVERITY for f in flags) and len(flags) <= 1, p.name
    assert (workdays(*p.pub) < MIN_PUBLICITY_DAYS) == ("PUBLICITY_TOO_SHORT" in flags), p.name
    assert workdays(*p.audit_pub) >= MIN_PUBLICITY_DAYS, p.name
    assert NOTICE_DATE < p.form_date < p.pub[0] <= p.pub[1] < p.pub_signed \
        < p.audit_pub[0] <= p.audit_pub[1] < p.rec_date, p.name
    need = NEW_ECONOMY_YEARS if w.new_economy else OPERATING_YEARS
    assert (years_between(w.founded, p.form_date) < need) == ("INELIGIBLE_OPERATING_YEARS" in flags), p.name
    assert (not w.division.startswith("6542")) == ("INELIGIBLE_REGION" in flags), p.name
    assert ("塔城地区" in w.address) != ("INELIGIBLE_REGION" in flags), p.name
    assert uscc_ok(w.code) != ("USCC_INVALID" in flags), p.name
    assert bool(p.incident) == ("RECENT_INCIDENT" in flags), p.name
    recent_win = p.prior_win is not None and p.form_date.year - p.prior_win[0] < REAPPLY_YEARS \
        and p.prior_win[1] in w.achievement
    assert recent_win == ("REAPPLIED_TOO_SOON" in flags), p.name
    parts = [f[0] for f in p.files]
    assert ("self" not in parts) == ("MISSING_DOCUMENT" in flags), p.name
    assert {"form", "evidence", "audit"} <= set(parts), p.name
    assert ("unit_rec" in parts) == bool(w.parent), p.name
    assert bool(p.unsealed) == ("MISSING_SEAL" in flags), p.name
    assert bool(p.self_name) == ("NAME_MISMATCH" in flags), p.name
    assert ("shared" in parts or p.embeds_shared) == ("DUPLICATE_EVIDENCE" in flags), p.name


# ----------------------------------------------------------------------------- layout
# Own blocks, laid out once in millimetres; docx, text PDF, scans and photos all draw the same.

MX, MY = 24.0, 24.0          # page margins
TW = PAGE_W - 2 * MX


@dataclass
class H:
    text: str
    size: float = 16
    align: str = "center"


@dataclass
class P:
    text: str
    align: str = "left"
    size: float = 11


@dataclass
class Tab:
    rows: list[list[str | None]]      # None: merged into the cell on its left
    widths: list[float]
    align: str = ""                   # one letter per column: l c r (default all l)
    size: float = 10.5
    min_h: float = 0.0


@dataclass
class Gap:
    mm: float


@dataclass
class Stamp:
    org: str


@dataclass
class Brk:
    pass


@dataclass
class Pic:
    """A photo pasted into a Word document (only Word documents carry one)."""
    data: bytes
    width_mm: float
    caption: str = ""


def _merge(row: list[str | None], widths: list[float], align: str) -> list[tuple[str, float, str]]:
    out: list[tuple[str, float, str]] = []
    for k, (text, w) in enumerate(zip(row, widths)):
        a = align[k] if k < len(align) else "l"
        if text is None and out:
            out[-1] = (out[-1][0], out[-1][1] + w, out[-1][2])
        else:
            out.append((text or "", w, a))
    return out


def lay(blocks: list) -> list[LaidPage]:
    pages = [LaidPage()]
    y = MY
    last = (PAGE_W / 2 - 10, MY, PAGE_W / 2 + 10, MY + 5)

    def room(h: float) -> None:
        nonlocal y
        if y + h > PAGE_H - MY:
            pages.append(LaidPage())
            y = MY

    for b in blocks:
        if isinstance(b, Brk):
            pages.append(LaidPage())
            y = MY
        elif isinstance(b, Gap):
            y += b.mm
        elif isinstance(b, (H, P)):
            lh = b.size * PT_TO_MM * (1.5 if isinstance(b, H) else 1.7)
            for line in wrap(b.text, TW, b.size):
                room(lh)
                w = text_width_mm(line, b.size)
                x = {"left": MX, "center": (PAGE_W - w) / 2, "right": PAGE_W - MX - w}[b.align]
                pages[-1].ops.append(TextOp(x, y, b.size, line))
                last = (x, y, x + w, y + lh)
                y += lh
            y += 4.5 if isinstance(b, H) else 1.0
        elif isinstance(b, Tab):
            pad = 1.6
            lh = b.size * PT_TO_MM * 1.45
            for row in b.rows:
                cells = [(wrap(t, TW * f - 2 * pad, b.size), f, a) for t, f, a in _merge(row, b.widths, b.align)]
                h = max(max(len(lines) for lines, _, _ in cells) * lh + 2 * pad, b.min_h)
                room(h)
                x = MX
                for lines, f, a in cells:
                    x1 = x + TW * f
                    pages[-1].ops.append(RectOp(x, y, x1, y + h))
                    for k, line in enumerate(lines):
                        if not line:
                            continue
                        lw = text_width_mm(line, b.size)
                        tx = {"l": x + pad, "c": (x + x1 - lw) / 2, "r": x1 - pad - lw}[a]
                        pages[-1].ops.append(TextOp(tx, y + pad + k * lh, b.size, line))
                    last = (x, y, x1, y + h)
                    x = x1
                y += h
            y += 3
        elif isinstance(b, Stamp):
            d = 36.0
            cx = min(max((last[0] + last[2]) / 2, MX + d / 2), PAGE_W - MX - d / 2)
            cy = (last[1] + last[3]) / 2 - 3
            pages[-1].ops.append(ImageOp(cx - d / 2, cy - d / 2, d, d, b.org))
        elif isinstance(b, Pic):
            raise ValueError("a pasted photo only goes into a Word document")
    return pages


def _gb2312_only(pages: list[LaidPage], where: str) -> None:
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


# ----------------------------------------------------------------------------- paper

def _inked(org: str, px: int, rng: random.Random) -> Image.Image:
    """A seal as pressed by hand: turned, ink thinning towards one side, a few dry specks."""
    img = seal_image(org).resize((px, px), Image.LANCZOS).rotate(rng.uniform(-18, 18), Image.BICUBIC)
    arr = np.asarray(img).astype(np.float32)
    g = np.random.default_rng(rng.randrange(1 << 30))
    yy, xx = np.mgrid[0:px, 0:px].astype(np.float32) / px
    angle = rng.uniform(0, 2 * np.pi)
    ramp = 0.62 + 0.38 * (0.5 + 0.5 * (np.cos(angle) * (xx - 0.5) + np.sin(angle) * (yy - 0.5)) * 2)
    specks = (g.random((px, px)) > 0.06).astype(np.float32)
    arr[..., 3] *= np.clip(ramp, 0.45, 1.0) * specks * 0.88
    return Image.fromarray(arr.astype(np.uint8))


def paper(page: LaidPage, rng: random.Random, dpi: int = 150) -> Image.Image:
    img = page_image(LaidPage([op for op in page.ops if not isinstance(op, ImageOp)]), dpi)
    k = dpi / 25.4
    for op in page.ops:
        if isinstance(op, ImageOp):
            seal = _inked(op.org, round(op.w * k), rng)
            img.paste(seal, (round(op.x * k), round(op.y * k)), seal)
    return img


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rhs.append(u)
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.append(v)
    return np.linalg.solve(np.array(rows, float), np.array(rhs, float)).tolist()


def phone_photo(img: Image.Image, rng: random.Random, width: int = 1000) -> Image.Image:
    """A page photographed on a desk: held a little askew (perspective), warm light from one
    corner, the phone's own smoothing; scaled to `width` pixels."""
    w, h = img.size
    m = 70
    cw, ch = w + 2 * m, h + 2 * m
    j = lambda: rng.uniform(-38, 38)          # noqa: E731
    top = rng.uniform(10, 45)                 # the top edge further away: narrower
    dst = [(m + top + j(), m + j()), (m + w - top + j(), m + j()),
           (m + w + j(), m + h + j()), (m + j(), m + h + j())]
    coeffs = _perspective_coeffs(dst, [(0, 0), (w, 0), (w, h), (0, h)])
    sheet = img.transform((cw, ch), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(96, 84, 70))
    arr = np.asarray(sheet).astype(np.float32)
    yy, xx = np.mgrid[0:ch, 0:cw].astype(np.float32)
    cx, cy = rng.uniform(0, cw), rng.uniform(0, ch * 0.4)
    light = 1.04 - 0.16 * np.hypot(xx - cx, yy - cy) / np.hypot(cw, ch)
    arr = arr * light[..., None] * np.array([1.03, 1.0, 0.92], np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    out = out.rotate(rng.uniform(-1.2, 1.2), Image.BICUBIC, fillcolor=(96, 84, 70))
    return out.resize((width, round(width * ch / cw)), Image.LANCZOS)


def _jpeg(img: Image.Image, quality: int = 52) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue()


# ----------------------------------------------------------------------------- documents

def _d(p: Plan, d: dt.date) -> str:
    return date_text(d, p.date_style)


def _period(p: Plan, a: dt.date, b: dt.date) -> str:
    if p.date_style == "dot":
        return f"{date_text(a, 'dot')}－{date_text(b, 'dot')}"
    if p.date_style == "cn":
        return f"{date_text(a, 'cn')}至{date_text(b, 'cn')}"
    return f"{date_text(a, 'zh')}至{b.month}月{b.day}日" if a.year == b.year else \
        f"{date_text(a, 'zh')}至{date_text(b, 'zh')}"


def _founded(p: Plan) -> str:
    w = p.org
    if p.form_style == "boxes":
        return month_text(w.founded, "dot")
    if p.form_style == "lines":
        return month_text(w.founded, p.date_style)
    return date_text(w.founded, "zh")


def _seal(p: Plan, part: str, org: str) -> list:
    return [] if part in p.unsealed else [Stamp(org)]


def _kind_boxes(w: Org) -> str:
    return ("□法人　□非法人组织　■分支机构" if w.parent else "■法人　□非法人组织　□分支机构")


def _incident(p: Plan) -> tuple[str, str]:
    """(check boxes, text) of the 近三年事故 row."""
    if p.incident:
        return "□无　■有", p.incident
    return "■无　□有", "近三年内未发生重大质量、安全、环保等事故。"


def _honours(p: Plan) -> str:
    return p.org.honours


SECRET = "本申报材料不涉及国家安全、国家秘密；涉及商业秘密的内容已在自我评价报告中以“★”注明。"


def form_blocks(p: Plan, rng: random.Random) -> list:
    w = p.org
    box, inc = _incident(p)
    four = f"■是　□否（{w.new_economy}）" if w.new_economy else "□是　■否"
    head_label = "法定代表人（负责人）"
    if p.form_style == "right":
        rows: list[list[str | None]] = [
            ["填　报　内　容", "项　　目"],
            [w.name, "单位名称"],
            [code_text(w.code, "plain"), "统一社会信用代码"],
            [_kind_boxes(w), "组织类型"],
            [_founded(p), "成立日期"],
            [w.address, "注册地址"],
            [w.head, head_label],
            [f"{w.contact}　{w.mobile}", "联系人及手机"],
            [w.industry, "所属行业"],
            [four, "是否属于新技术、新产业、新业态、新模式领域"],
            [f"{w.staff}人", "从业人员"],
            [w.achievement, "申报成果（质量管理模式）"],
            [f"{box}　{inc}", "近三年重大质量、安全、环保事故"],
            ["■无　□有" if not p.incident else "□无　■有（见上栏）", "近三年违法、违规、违纪行为"],
            [_honours(p), "近年所获质量荣誉"],
            [SECRET, "保密审查"],
        ]
        if w.parent:
            rows.insert(4, [w.parent, "所属法人单位"])
        return [P("附件1", size=10), H(f"{AWARD}申报表", 18),
                P(f"审核推荐部门：{p.reviewer}", "center", 10.5),
                Tab(rows, [0.66, 0.34], align="lc"),
                P("申报组织承诺：本组织自愿申报塔城地区政府质量奖，对所填内容及所附材料的真实性、准确性、合法性负责。"),
                Gap(3), P(f"{head_label}（签字）：{w.head}", "right"),
                P("申报组织（盖章）", "right"), P(_d(p, p.form_date), "right"),
                *_seal(p, "form", w.name)]
    if p.form_style == "boxes":
        grid = [0.2, 0.3, 0.2, 0.3]
        top: list[list[str | None]] = [["企业名称", w.name, None, None]]
        if w.parent:
            top.append(["所属法人单位", w.parent, None, None])
        rest: list[list[str | None]] = [
            ["成立日期", _founded(p), "从业人数", f"{w.staff}人"],
            [head_label, w.head, "联系人及手机", f"{w.contact}\n{w.mobile}"],
            ["住　所", w.address, None, None],
            ["组织性质", _kind_boxes(w), None, None],
            ["所属行业", w.industry, "“四新”领域", four],
            ["申报成果名称", w.achievement, None, None],
            ["近三年重大质量、安全、环保事故", f"{box}　{'' if not p.incident else inc}", None, None],
            ["近三年违法、违规、违纪行为", "■无　□有" if not p.incident else "□无　■有（行政处罚，见上栏）", None, None],
            ["主要质量荣誉", _honours(p), None, None],
            ["保密声明", SECRET, None, None],
        ]
        return [H(AWARD, 20), H("申 报 表", 20),
                P("受理编号（办公室填写）：", "right", 9.5),
                P(f"审核推荐部门：{p.reviewer}", size=10.5),
                Tab(top, grid, size=10.5),
                Tab([["统一社会信用代码", *list(w.code)]], [0.172] + [0.046] * 18, align="l" + "c" * 18),
                Tab(rest, grid),
                Tab([["申报组织意见", f"本单位自愿申报{AWARD}，所报材料真实、准确、合法，如有不实，愿承担相应责任。\n"
                      f"{head_label}（签字）：{w.head}\n（单位公章）　　　{_d(p, p.form_date)}"]],
                    [0.2, 0.8], min_h=34),
                *_seal(p, "form", w.name)]
    # lines: numbered label lines, the code typed one character at a time
    post = COUNTY[w.county][1]
    return [H(f"{AWARD}申报表", 18), P("（组织类）", "center"),
            P("一、申报组织基本信息", size=12),
            P(f"1．申报组织名称：{w.name}"),
            P(f"2．统一社会信用代码：{code_text(w.code, 'spaced')}"),
            P(f"3．成立日期：{_founded(p)}　　4．组织类型：{'分支机构' if w.parent else '企业法人'}"),
            P(f"5．住所：{w.address}　邮编：{post}"),
            P(f"6．{head_label}：{w.head}"),
            P(f"7．联系人及手机：{w.contact}，{w.mobile}"),
            P(f"8．所属行业：{w.industry}；是否属于“四新”领域：{'是，' + w.new_economy if w.new_economy else '否'}"),
            P(f"9．从业人员：{w.staff}人"),
            P("二、申报成果", size=12),
            P(f"　　{w.achievement}。" + _prose(rng, 2)),
            P("三、近三年重大质量、安全、环保事故及违法、违规、违纪情况", size=12),
            P(f"　　{box}。{inc}"),
            P("四、所获质量荣誉", size=12), P(f"　　{_honours(p)}。"),
            P("五、申报组织声明", size=12),
            P("　　本组织承诺所填报信息及所附材料真实、准确、合法。" + SECRET),
            Gap(4), P(f"{head_label}：{w.head}（签字）", "right"),
            P(f"申报组织：{w.name}（盖章）", "right"), P(_d(p, p.form_date), "right"),
            *_seal(p, "form", w.name)]


_LINES = [
    "坚持“质量第一、效益优先”，将质量强区战略要求纳入年度经营计划和绩效考核。",
    "高层领导每月主持质量分析会，对关键质量指标进行跟踪、对标和纠偏。",
    "积极对接对口援疆省市资源，引进先进工艺、检测设备和管理人才。",
    "建立覆盖原料采购、生产过程、成品检验、物流交付的质量追溯体系，追溯信息扫码可查。",
    "针对冬季严寒、运输半径长的区域特点，制定低温季节生产和长途储运专项质量控制方案。",
    "每年开展一次管理体系内部审核和卓越绩效自我评价，形成改进项目清单并逐项销号。",
    "建立顾客投诉快速响应机制，投诉处理及时率保持在100%。",
    "近三年研发投入占营业收入比例不低于{r}%，获得授权专利{n}项。",
    "组织多语种岗位技能培训，年人均培训{h}学时，持证上岗率100%。",
    "关键工序设置质量控制点{n}个，实行数据自动采集和统计过程控制（SPC）。",
    "主导产品在全地区同行业市场占有率位居前列，产品销往疆内各地州并出口中亚国家。",
    "积极履行社会责任，带动周边农牧民稳定就业{m}人。",
    "建立能源计量和环境监测台账，主要污染物排放稳定达标。",
]
_CHALLENGES = ("远离内地主要市场、物流成本高；专业技术人才引进难、留住难；原材料价格波动大；"
               "国家标准升级带来的技术改造压力。")
_CRITERIA = [("4.1", "领导", 110), ("4.2", "战略", 90), ("4.3", "顾客与市场", 90), ("4.4", "资源", 130),
             ("4.5", "过程管理", 100), ("4.6", "测量、分析与改进", 80), ("4.7", "结果", 400)]


def _prose(rng: random.Random, k: int, deck: list[str] | None = None) -> str:
    """k sentences; with a deck, drawn from it so that a long report repeats itself less."""
    if deck is None:
        picked = rng.sample(_LINES, k)
    else:
        picked = []
        for _ in range(k):
            if not deck:
                deck += rng.sample(_LINES, len(_LINES))
            picked.append(deck.pop())
    return "".join(s.format(r=rng.choice((2.5, 3, 3.5, 4)), n=rng.randint(6, 38), h=rng.randint(40, 96),
                            m=rng.randint(60, 480)) for s in picked)


def self_blocks(p: Plan, rng: random.Random) -> list:
    w = p.org
    cover_name = p.self_name or w.name
    scores = [round(mx * rng.uniform(0.66, 0.84)) for _, _, mx in _CRITERIA]
    deck: list[str] = []
    out: list = [Gap(36), H(AWARD, 22), Gap(8), H("自 我 评 价 报 告", 26), Gap(56),
                 P(f"申报组织：{cover_name}", "center", 14),
                 P(f"审核推荐部门：{p.reviewer}", "center", 14),
                 P(f"报告日期：{date_text(p.form_date, 'cn' if p.date_style == 'cn' else p.date_style)}",
                   "center", 14),
                 Gap(36),
                 P("本报告依据GB/T 19580《卓越绩效评价准则》编写，涉及商业秘密的内容已用“★”标注。", "center", 10),
                 Brk(),
                 H("一、组织概述", 14),
                 P("P.1　组织描述", size=12),
                 P(f"　　本{'分公司' if w.parent else '公司'}成立于{w.founded.year}年，位于{w.county}，"
                   f"主要从事{w.industry}，现有员工{w.staff}人。" + _prose(rng, 2, deck)),
                 P("P.2　组织面临的挑战", size=12),
                 P("　　主要挑战包括：" + _CHALLENGES),
                 H("二、对照评价准则的自我评价", 14)]
    for (no, title, mx), s in zip(_CRITERIA, scores):
        star = "★" if no == "4.4" else ""
        out += [P(f"{no}　{title}（{mx}分）{star}", size=12),
                P("　　" + _prose(rng, 2 if no != "4.7" else 3, deck)),
                P(f"本条款自评得分：{s}分", "right", 10.5)]
    out += [H("三、自我评价结论", 14),
            P(f"　　经对照评价准则逐条自评，本组织总得分{sum(scores)}分（满分1000分），"
              f"“{w.achievement}”已形成可复制、可推广的做法。")]
    return out


def _licence(p: Plan) -> list:
    w = p.org
    kind = ("有限责任公司分公司（自然人投资或控股）" if w.parent else "有限责任公司（自然人投资或控股）")
    issued = dt.date(2022, 3 + w.serial % 9, 5 + w.serial % 20)
    return [P("证实性材料（一）", size=9), H("营 业 执 照", 24), P("（副　本）", "center"),
            P(f"统一社会信用代码　{w.code}", size=11.5), Gap(3),
            P(f"名　　称　{w.name}"), P(f"类　　型　{kind}"),
            P(f"{'负 责 人' if w.parent else '法定代表人'}　{w.head}"),
            P(f"经营范围　{w.industry}；货物进出口（依法须经批准的项目，经相关部门批准后方可开展经营活动）"),
            *([] if w.parent else [P(f"注册资本　{800 + w.serial * 37}万元")]),
            P(f"成立日期　{w.founded.year}年{w.founded.month:02d}月{w.founded.day:02d}日"),
            P(f"{'营业场所' if w.parent else '住　　所'}　{w.address}"),
            Gap(8), P(f"登记机关　{w.licence_office}", "right"),
            P(f"{issued.year}年{issued.month:02d}月{issued.day:02d}日", "right"), Stamp(w.licence_office)]


def _certificate(p: Plan) -> list:
    w = p.org
    head = [Brk(), P("证实性材料（二）", size=9)]
    if w.cert == "food":
        return head + [H("食品生产许可证", 20),
                       P(f"许可证编号：SC{10265 + w.serial}{w.division}{w.serial * 731 % 100000:05d}"),
                       P(f"生产者名称：{w.name}"), P(f"住　　所：{w.address}"),
                       P(f"食品类别：{w.industry}"), P("有效期至：2027年05月30日"),
                       P("发证机关：塔城地区市场监督管理局", "right"), Stamp("塔城地区市场监督管理局")]
    if w.cert == "hitech":
        return head + [H("高新技术企业证书", 20), P(f"企业名称：{w.name}"),
                       P(f"证书编号：GR2022650{w.serial:05d}"), P("发证时间：2022年11月29日　　有效期：三年"),
                       P("新疆维吾尔自治区科学技术厅　新疆维吾尔自治区财政厅", "right"),
                       P("国家税务总局新疆维吾尔自治区税务局", "right"), Stamp("新疆维吾尔自治区科学技术厅")]
    if w.cert == "safety":
        return head + [H("安全生产许可证", 20), P(f"编号：（新）FM安许证字〔2021〕{w.serial:04d}号"),
                       P(f"单位名称：{w.name}"), P(f"主要负责人：{w.head}"),
                       P("许可范围：铬矿地下开采、选矿"), P("有效期：2021年6月1日至2024年5月31日"),
                       P("发证机关：新疆维吾尔自治区应急管理厅", "right"), Stamp("新疆维吾尔自治区应急管理厅")]
    if w.cert == "road":
        return head + [H("建筑业企业资质证书", 20), P(f"企业名称：{w.name}"),
                       P(f"详细地址：{w.address}"), P(f"统一社会信用代码：{w.code}"),
                       P("资质类别及等级：公路工程施工总承包贰级；公路路基工程专业承包贰级"),
                       P("有效期：至2026年12月31日"),
                       P("发证机关：新疆维吾尔自治区住房和城乡建设厅", "right"), Stamp("新疆维吾尔自治区住房和城乡建设厅")]
    if w.cert == "award2021":
        year, what = p.prior_win
        return head + [Gap(20), H("荣 誉 证 书", 28), Gap(10),
                       P(f"　　{w.name}：", size=14),
                       P(f"　　荣获{year}年度塔城地区政府质量奖。", size=14),
                       P(f"　　获奖成果：{what}", size=14),
                       P("　　特发此证，以资鼓励。", size=14), Gap(16),
                       P("塔城地区行政公署", "right", 14), P(f"{year}年12月", "right", 14),
                       Stamp("塔城地区行政公署")]
    return head + [H("质量管理体系认证证书", 19),
                   P(f"证书编号：00123Q{w.serial * 3917 % 100000:05d}R1M/6500"),
                   P(f"兹证明　{w.name}"),
                   P("建立的质量管理体系符合标准：GB/T 19001-2016/ISO 9001:2015"),
                   P(f"覆盖范围：{w.industry}"),
                   P("颁证日期：2021年8月20日　　有效期至：2024年8月19日"),
                   P("中国质量认证中心", "right"), Stamp("中国质量认证中心")]


def evidence_blocks(p: Plan) -> list:
    out = _licence(p) + _certificate(p)
    if p.embeds_shared:     # the photo tc-15 also carries
        out += [Brk(), P("证实性材料（三）", size=9), H("产品检验报告（照片）", 16),
                Pic(shared_photo(), 140, "2023年6月委托检验，红花籽油所检项目合格")]
    return out


def publicity_blocks(p: Plan) -> list:
    w = p.org
    pub = w.publisher
    period = _period(p, *p.pub)
    note = f"（{p.pub_note}）" if p.pub_note else ""
    subject = f"我公司所属{w.name}" if w.parent else "我单位"
    if p.pub_style == "notice":
        return [H("公　　示", 20),
                P(f"　　{subject}拟申报{AWARD}。根据《{AWARD}管理办法》（{DOC_NO}）第十二条规定，现将申报表、"
                  "自我评价报告及证实性材料的主要内容予以公示。"),
                P(f"　　公示时间：{period}{note}。"),
                P(f"　　公示期间，如有异议，请以书面形式实名向公司质量管理部反映。联系人：{w.contact}，"
                  f"电话：{w.mobile}。"),
                Gap(4), P(pub, "right"), P(_d(p, p.pub[0]), "right"), Stamp(pub),
                Gap(10), H("公示结果", 15),
                Tab([["公示起止时间", period + note], ["公示地点", "公司办公楼一楼公示栏、企业内部工作群"],
                     ["收到异议情况", "公示期间未收到任何异议"], ["证明单位（盖章）", f"{pub}\n{_d(p, p.pub_signed)}"]],
                    [0.3, 0.7], min_h=10),
                Stamp(pub)]
    return [H(f"关于{'所属分支机构' if w.parent else ''}申报{AWARD}内部公示情况的报告", 16),
            P(f"{p.reviewer}："),
            P(f"　　根据《{AWARD}管理办法》（{DOC_NO}）第十二条规定，{'我公司' if w.parent else '我单位'}于"
              f"{period}{note}在公司办公楼公示栏和内部办公系统，对{'所属' + w.name if w.parent else '本单位'}"
              f"申报{AWARD}的申报表、自我评价报告及证实性材料（申报成果：{w.achievement}）进行了公示。"),
            P("　　公示期间，未收到任何单位和个人提出的异议。"),
            P("　　特此报告。"), Gap(8),
            P(pub, "right"), P(_d(p, p.pub_signed), "right"), Stamp(pub)]


def unit_rec_blocks(p: Plan) -> list:
    w = p.org
    return [H("申报推荐意见", 20), P(f"{p.reviewer}："),
            P(f"　　{w.name}系我公司依法设立的分支机构，经我公司审查，符合《{AWARD}管理办法》第九条规定的申报条件。"
              f"我公司已于{_period(p, *p.pub)}在公司内部对其申报情况进行公示，公示期满无异议。"),
            P(f"　　同意推荐{w.name}申报{AWARD}。"), Gap(10),
            P(f"{w.parent}（盖章）", "right"), P(f"法定代表人：{w.parent_head}", "right"),
            P(_d(p, p.pub_signed), "right"), Stamp(w.parent)]


def audit_blocks(p: Plan) -> list:
    w = p.org
    rev = p.reviewer
    apub = _period(p, *p.audit_pub)
    where = "本局门户网站" if rev.endswith("市场监督管理局") else "塔城地区行政公署门户网站"
    county_scope = ("该单位在塔城地区承建多项国省干线公路工程，" if w.county == "乌鲁木齐市" else "")
    if p.audit_style == "table":
        rows = [["申报组织", w.name], ["统一社会信用代码", w.code], ["审核部门", rev],
                ["申报条件", "符合管理办法第九条规定"],
                ["申报材料", "申报表、自我评价报告、证实性材料齐全，内容真实、准确、合法"],
                ["经营异常名录、严重违法失信名单", "经查询，未被列入"],
                ["征求意见部门", "应急管理、生态环境、税务、人力资源和社会保障等部门，均无不同意见"],
                ["社会公示", f"{apub}，在{where}公示，无异议"],
                ["审核意见", f"同意推荐。\n\n{rev}（盖章）\n{_d(p, p.rec_date)}"]]
        return [H(f"{AWARD}申报审核意见表", 17), Tab(rows, [0.3, 0.7], min_h=9), *_seal(p, "audit", rev)]
    return [H("审 核 意 见", 22), P(f"{OFFICE}："),
            P(f"　　经审核，{w.name}（统一社会信用代码：{w.code}）{county_scope}符合《{AWARD}管理办法》"
              "第九条规定的申报条件，申报材料完整、真实、准确、合法；经查询，该单位未被列入经营异常名录或严重"
              "违法失信企业名单。"),
            P(f"　　经征求应急管理、生态环境、税务等部门意见，我局于{apub}在{where}对该单位申报情况进行了"
              "社会公示，公示期间无异议。"),
            P(f"　　同意推荐该单位参加{AWARD}评审。"),
            P("　　附件：申报材料一套"), Gap(10),
            P(f"{rev}（盖章）", "right"), P(_d(p, p.rec_date), "right"), *_seal(p, "audit", rev)]


def cover_blocks(p: Plan) -> list:
    names = {"form": "申报表", "self": "自我评价报告", "evidence": "证实性材料", "shared": "证实性材料（照片）",
             "publicity": "内部公示情况材料", "unit_rec": "申报推荐意见", "audit": f"审核意见（{p.reviewer}）"}
    rows: list[list[str | None]] = [["序号", "材　料　名　称", "份数", "备注"]]
    for k, (part, _, _) in enumerate([f for f in p.files if f[0] != "cover"], 1):
        rows.append([str(k), names[part], str(ENVELOPE_COPIES.get(part, 1)) if p.shape == "envelope" else "1",
                     "纸质" if p.shape == "envelope" else "电子版"])
    return [H("申报材料目录", 18), P(f"申报组织：{p.org.name}"), P(f"审核推荐部门：{p.reviewer}"),
            Tab(rows, [0.12, 0.58, 0.12, 0.18], align="llcc"),
            P("　　申报材料按目录顺序装订。")]


def blocks_for(p: Plan, part: str, rng: random.Random) -> list:
    return {"form": lambda: form_blocks(p, rng), "self": lambda: self_blocks(p, rng),
            "evidence": lambda: evidence_blocks(p), "publicity": lambda: publicity_blocks(p),
            "unit_rec": lambda: unit_rec_blocks(p), "audit": lambda: audit_blocks(p),
            "cover": lambda: cover_blocks(p)}[part]()


def shared_blocks() -> list:
    """A results page of a test report: report number, items, conclusion, the lab's seal; no client."""
    rows = [["序号", "检验项目", "标准要求", "检验结果", "单项判定"],
            ["1", "酸价（KOH）", "≤3.0 mg/g", "0.86 mg/g", "合格"],
            ["2", "过氧化值", "≤0.25 g/100g", "0.08 g/100g", "合格"],
            ["3", "溶剂残留量", "不得检出", "未检出", "合格"],
            ["4", "苯并[a]芘", "≤10 μg/kg", "2.1 μg/kg", "合格"],
            ["5", "黄曲霉毒素B1", "≤10 μg/kg", "未检出", "合格"]]
    return [P("报告编号：TCJY-2023-S0617　　　　　　　　第2页　共3页", "right", 9.5),
            H("检 验 检 测 报 告", 20), P("样品名称：红花籽油（一级压榨）　　检验类别：委托检验"),
            P("检验依据：GB 2716-2018《食品安全国家标准 植物油》"),
            Tab(rows, [0.1, 0.26, 0.24, 0.24, 0.16], align="clccc"),
            P("检验结论：所检项目符合GB 2716-2018要求。"), Gap(6),
            P("塔城地区产品质量检验所（检验检测专用章）", "right"), P("2023年6月17日", "right"),
            Stamp("塔城地区产品质量检验所检验检测专用章")]


_SHARED: dict[str, bytes] = {}


def shared_photo() -> bytes:
    """The one JPEG both tc-15 and tc-16 carry: made once from its own seed."""
    if SHARED_PHOTO not in _SHARED:
        rng = random.Random(SHARED_PHOTO)
        page = lay(shared_blocks())[0]
        _SHARED[SHARED_PHOTO] = _jpeg(phone_photo(paper(page, rng), rng, width=900), 55)
    return _SHARED[SHARED_PHOTO]


# ----------------------------------------------------------------------------- writing

_DOCX_DROP = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml")
_DOCX_STYLES = b"Normal|DefaultParagraphFont|TableNormal|NoList|TableGrid|Footer|FooterChar"


def _freeze_docx(path: Path) -> None:
    """Pinned zip times and core properties; template parts nobody reads left out."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename not in _DOCX_DROP]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "word/styles.xml":
                data = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", data, flags=re.S)
                data = re.sub(rb'<w:style [^>]*w:styleId="(?!(?:%s)")[^"]*"[^>]*>.*?</w:style>' % _DOCX_STYLES,
                              b"", data, flags=re.S)
            if name.endswith(".rels") or name == "[Content_Types].xml":
                text = data.decode("utf-8")
                for target in ("thumbnail.jpeg", "stylesWithEffects.xml"):
                    text = re.sub(rf'<(?:Relationship|Override)[^>]*{re.escape(target)}"[^>]*/>', "", text)
                data = text.encode("utf-8")
            z.writestr(zipfile.ZipInfo(name, date_time=(2023, 10, 1, 9, 30, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def write_docx(blocks: list, path: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = docx.Document()
    cp = doc.core_properties
    cp.author = cp.last_modified_by = "Administrator"
    cp.created = cp.modified = dt.datetime(2023, 10, 1, 9, 30, 0)
    cp.revision = 3
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(MX)
    foot = sec.footer.paragraphs[0]
    foot.text = "— 塔城地区政府质量奖申报材料 —"
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    al = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER, "l": WD_ALIGN_PARAGRAPH.LEFT,
          "r": WD_ALIGN_PARAGRAPH.RIGHT, "c": WD_ALIGN_PARAGRAPH.CENTER}
    for b in blocks:
        if isinstance(b, (H, P)):
            par = doc.add_paragraph()
            par.alignment = al[b.align]
            run = par.add_run(b.text)
            run.font.size = Pt(b.size)
            run.bold = isinstance(b, H)
        elif isinstance(b, Gap):
            if b.mm >= 15:
                doc.add_paragraph()
        elif isinstance(b, Tab):
            ncols = len(b.widths)
            t = doc.add_table(rows=len(b.rows), cols=ncols)
            t.style = "Table Grid"
            t.autofit = False
            for r, row in enumerate(b.rows):
                c = 0
                while c < ncols:
                    span = 1
                    while c + span < ncols and row[c + span] is None:
                        span += 1
                    cell = t.cell(r, c) if span == 1 else t.cell(r, c).merge(t.cell(r, c + span - 1))
                    cell.width = Mm(TW * sum(b.widths[c:c + span]))
                    cell.text = row[c] or ""
                    a = b.align[c] if c < len(b.align) else "l"
                    for par in cell.paragraphs:
                        par.alignment = al[a]
                    c += span
        elif isinstance(b, Stamp):
            par = doc.add_paragraph()
            par.alignment = al["right"]
            par.add_run().add_picture(io.BytesIO(seal_png(b.org)), width=Mm(36))
        elif isinstance(b, Pic):
            par = doc.add_paragraph()
            par.alignment = al["center"]
            par.add_run().add_picture(io.BytesIO(b.data), width=Mm(b.width_mm))
            if b.caption:
                doc.add_paragraph(b.caption).alignment = al["center"]
        elif isinstance(b, Brk):
            doc.add_page_break()
    doc.save(str(path))
    _freeze_docx(path)


def write_packet(p: Plan, batch_dir: Path) -> dict:
    """Write one packet (a folder, or an envelope PDF) into batch_dir and return its gold."""
    rng = random.Random(f"tacheng:{p.name}")
    docs: list[dict] = []
    if p.shape == "envelope":
        out = batch_dir / f"{p.name}.pdf"
        images: list[Image.Image] = []
        page = 1
        for part, _, _ in p.files:
            laid = lay(blocks_for(p, part, rng))
            copies = ENVELOPE_COPIES.get(part, 1)
            docs.append({"kind": PART_KIND[part], "source": out.name,
                         "pages": [page, page + len(laid) - 1], "copies": copies})
            for _ in range(copies):
                images += [scan_effects(paper(lp, rng), rng) for lp in laid]
            page += len(laid) * copies
        write_scan_pdf(images, out)
        return gold(p, docs)

    folder = batch_dir / p.name
    folder.mkdir(parents=True)
    for part, fname, fmt in p.files:
        kind = PART_KIND[part]
        path = folder / fname
        if fmt == "shared":
            path.write_bytes(shared_photo())
            docs.append({"kind": kind, "source": fname, "pages": [1, 1]})
            continue
        blocks = blocks_for(p, part, rng)
        if fmt == "docx":
            write_docx(blocks, path)
            docs.append({"kind": kind, "source": fname, "pages": [1, 1]})
            continue
        laid = lay(blocks)
        if fmt == "pdf":
            _gb2312_only(laid, f"{p.name}/{fname}")
            write_text_pdf(laid, path)
            docs.append({"kind": kind, "source": fname, "pages": [1, len(laid)]})
        elif fmt == "scan":
            write_scan_pdf([scan_effects(paper(lp, rng), rng) for lp in laid], path)
            docs.append({"kind": kind, "source": fname, "pages": [1, len(laid)]})
        else:     # jpg: one phone photo per page, the shutter a second or so apart
            m = re.search(r"(\d{6})(\.jpg)$", fname)
            for k, lp in enumerate(laid):
                name = fname if k == 0 else \
                    f"{fname[:m.start(1)]}{int(m.group(1)) + 7 * k:06d}{m.group(2)}"
                (folder / name).write_bytes(_jpeg(phone_photo(paper(lp, rng), rng)))
                docs.append({"kind": kind, "source": name, "pages": [1, 1]})
    return gold(p, docs)


def gold(p: Plan, documents: list[dict]) -> dict:
    flags = sorted(set(p.flags))
    return {"complete": not any(SEVERITY[f] == "error" for f in flags), "flags": flags,
            "severity": {f: SEVERITY[f] for f in flags}, "planted": p.planted,
            "applicant": {"name": p.org.name, "kind": "organization", "id_number": p.org.code},
            "documents": documents, "notice": "tacheng"}


def main(out_root: Path) -> None:
    batch = out_root / "packets" / BATCH
    if batch.exists():
        shutil.rmtree(batch)
    batch.mkdir(parents=True)
    (batch / "batch.json").write_text(json.dumps({"notice": NOTICE}) + "\n", encoding="utf-8")
    for p in plans():
        sanity(p)
        g = write_packet(p, batch)
        (batch / f"{p.name}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1])
