"""A held-out packet batch written the way another office would fill it in.

`python -m sample_docs.generator.heldout_packets` rewrites sample_docs/packets/heldout-panzhihua-2023/
for 第三届攀枝花市政府质量奖 (seed 004, a 繁體 web notice). Rules the gold follows:
  申报表、自我评价报告、证实性材料 and the 初核推荐意见 of the channel (county 质量强县(区)办, a city
  bureau or the 钒钛高新区管委会) must reach 市质量强市办 by 2023-03-15; registered in 攀枝花市;
  no incident within 3 years; 公示 (where a county ran one) not shorter than 5 working days.
  No 公示证明 is required of applicants and the 3/5 places are awards, not submission quotas.

It is deliberately not packets.py: other form layouts and label words (企业名称/单位全称/组织名称,
负责人, 公民身份号码), codes written with spaces, dates with dots or in Chinese numerals, a
horizontal chapter-score table, 佐证材料/证明材料 titles, 推荐函/审核推荐意见 pages, meaningless
file names. Its own check-character code (not the reader's) keeps the gold independent of it.
Seeded: regenerating gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sample_docs.generator.packet_render import (Para, Seal, Table, Title, PageBreak, layout,
                                                 page_image, scan_effects, seal_png,
                                                 write_scan_pdf, write_text_pdf)
from sample_docs.generator.packets import SEVERITY, _fix_zip_times, site_photo

BATCH = "heldout-panzhihua-2023"
NOTICE = "../../seeds/004_7dee37cb0dc65295.txt"
AWARD = "第三届攀枝花市政府质量奖"

# ----------------------------------------------------------------------------- identifiers

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc(region: str, seed: int, *, broken: bool = False) -> str:
    """GB 32100 code: 9 1 + region + GB 11714 organisation code + check character."""
    rng = random.Random(seed)
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    s = sum(int(c, 36) * w for c, w in zip(body, _ORG_W))
    c9 = 11 - s % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    first17 = "91" + region + org
    c18 = (31 - sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_W)) % 31) % 31
    check = _USCC_CHARS[c18]
    if broken:
        check = _USCC_CHARS[(c18 + 7) % 31]
    return first17 + check


def id_number(region: str, born: dt.date, seq: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    s = sum(int(c) * w for c, w in zip(first17, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]))
    return first17 + "10X98765432"[s % 11]


def spaced(code: str) -> str:
    """How some forms print an 18-character code: in groups of four."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


# ----------------------------------------------------------------------------- dates

_CN_DIGITS = "〇一二三四五六七八九"


def _cn_num(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def date_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_num(d.month)}月{_cn_num(d.day)}日"
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "dot0":
        return f"{d:%Y.%m.%d}"
    if style == "slash":
        return f"{d:%Y/%m/%d}"
    if style == "iso":
        return d.isoformat()
    return f"{d.year}年{d.month}月{d.day}日"


def month_text(d: dt.date, style: str) -> str:
    if style == "cn":
        return "".join(_CN_DIGITS[int(c)] for c in str(d.year)) + f"年{_cn_num(d.month)}月"
    if style in ("dot", "dot0"):
        return f"{d.year}.{d.month:02d}"
    return f"{d.year}年{d.month}月"


# ----------------------------------------------------------------------------- plans

RECOMMENDERS = {
    "东区": "东区质量强区工作领导小组办公室",
    "西区": "西区质量强区工作领导小组办公室",
    "仁和区": "仁和区质量强区工作领导小组办公室",
    "米易县": "米易县质量强县工作领导小组办公室",
    "盐边县": "盐边县质量强县工作领导小组办公室",
    "经信局": "攀枝花市经济和信息化局",
    "高新区": "攀枝花钒钛高新技术产业开发区管理委员会",
}
REGION = {"东区": "510402", "西区": "510403", "仁和区": "510411", "米易县": "510421",
          "盐边县": "510422", "西昌市": "513401"}


@dataclass
class Org:
    name: str
    county: str
    address: str
    founded: dt.date
    head: str
    contact: str
    phone: str
    industry: str
    seed: int
    broken_code: bool = False

    @property
    def code(self) -> str:
        return uscc(REGION[self.county], self.seed, broken=self.broken_code)


@dataclass
class Person:
    name: str
    sex: str
    born: dt.date
    county: str
    work_unit: str
    title: str
    phone: str
    address: str
    seed: int

    @property
    def code(self) -> str:
        return id_number(REGION[self.county], self.born, self.seed)


@dataclass
class Plan:
    name: str
    who: Org | Person
    channel: str                          # key of RECOMMENDERS
    form_date: dt.date
    rec_date: dt.date
    form_style: str                       # table | lines | grid | person
    files: list[tuple[str, str, str]]     # (kind, file name, shape: docx|pdf|jpg|envelope)
    date_style: str = "zh"
    flags: list[str] = field(default_factory=list)
    planted: str = ""
    publicity: tuple[dt.date, dt.date, str] | None = None   # start, end, end-date style
    incident: str = ""
    blank: set[str] = field(default_factory=set)
    unsealed: set[str] = field(default_factory=set)
    rec_name: str | None = None          # the name the recommendation writes
    founded_text: str | None = None      # what the form says for the founding date
    photo_seed: int | None = None


def plans() -> list[Plan]:
    D = dt.date
    a = Org("攀枝花市金沙江钒钛材料有限公司", "东区", "四川省攀枝花市东区钒钛大道西段88号",
            D(2008, 5, 16), "周建华", "陈晓梅", "0812-3326617", "制造业", 11)
    b = Org("米易县阳光康养服务有限公司", "米易县", "四川省攀枝花市米易县攀莲镇迎宾大道126号",
            D(2012, 9, 3), "罗德明", "杨洁", "13980317264", "服务业", 12)
    c = Person("刘芳", "女", D(1979, 4, 12), "西区", "攀枝花市西区格里坪镇卫生院", "副院长/主治医师",
               "13890426618", "四川省攀枝花市西区格里坪镇格里坪路17号", 2)
    d = Person("王志刚", "男", D(1972, 11, 3), "盐边县", "盐边县二滩水电设备制造有限公司",
               "质量总监/高级工程师", "13547631289", "四川省攀枝花市盐边县桐子林镇新华街31号", 5)
    e = Org("攀枝花市东区炳草岗物业服务有限责任公司", "东区", "四川省攀枝花市东区炳草岗大街东段26号",
            D(2006, 3, 20), "何光荣", "黄丽", "0812-2221430", "服务业", 15)
    f = Org("盐边县红格温泉酒店管理有限公司", "盐边县", "四川省攀枝花市盐边县红格镇温泉路9号",
            D(2014, 7, 1), "曾凡林", "苏敏", "0812-8657712", "服务业", 16)
    g = Org("攀枝花市仁和区芒果农业开发有限公司", "仁和区", "四川省攀枝花市仁和区大田镇石头村三组",
            D(2011, 4, 8), "李正阳", "王倩", "13708140057", "农业", 17)
    h = Org("攀枝花市西区宝鼎建筑工程有限公司", "西区", "四川省攀枝花市西区清香坪街道宝鼎路45号",
            D(2003, 10, 9), "邓国强", "许晶", "0812-5553187", "工程建设业", 18)
    i = Org("攀枝花华森智能装备有限公司", "仁和区", "四川省攀枝花市仁和区钒钛高新区马店河路6号",
            D(2015, 1, 22), "韩松", "田甜", "0812-2909231", "制造业", 19)
    j = Org("西昌市邛海旅游服务有限公司", "西昌市", "四川省凉山彝族自治州西昌市海河路218号",
            D(2010, 6, 30), "吉克阿木", "马莉", "0834-3216640", "服务业", 20)
    k = Org("攀枝花市宏达铸造有限公司", "仁和区", "四川省攀枝花市仁和区前进镇工业园区12号",
            D(2005, 8, 11), "高志远", "谢琳", "0812-2891175", "制造业", 21)
    m = Org("攀枝花市三线文化传播有限公司", "西区", "四川省攀枝花市西区苏铁中路3号",
            D(2016, 11, 4), "潘越", "钟静", "0812-5522089", "服务业", 22, broken_code=True)
    n = Org("攀枝花市恒信会计师事务所有限公司", "东区", "四川省攀枝花市东区人民街208号",
            D(2009, 2, 17), "唐树林", "蒋蓉", "0812-3339020", "服务业", 23)
    o = Org("米易县山青新能源科技有限公司", "米易县", "四川省攀枝花市米易县丙谷镇工业园区A区7号",
            D(2019, 6, 18), "郑宇", "冯小燕", "13881472390", "制造业", 24)
    p = Org("攀枝花市钒都物流有限公司", "仁和区", "四川省攀枝花市仁和区南山循环经济园区物流大道1号",
            D(2013, 12, 5), "孙立", "袁媛", "0812-2895506", "服务业", 25)

    return [
        Plan("hp-01-org-docx", a, "东区", D(2023, 3, 2), D(2023, 3, 8), "table",
             [("cover_letter", "0-申报材料目录.docx", "docx"), ("application_form", "1.申报表.docx", "docx"),
              ("self_assessment", "2.自我评价报告.docx", "docx"), ("evidence", "3.证实性材料.docx", "docx"), ("publicity_proof", "5.内部公示情况.docx", "docx"),
              ("recommendation", "4.初核推荐意见.docx", "docx")], publicity=(D(2023, 2, 20), D(2023, 2, 24), "dd"),
             planted="clean organisation, USCC printed in groups of four, 公示 written 2月20日至24日", photo_seed=101),
        Plan("hp-02-org-textpdf", b, "米易县", D(2023, 2, 24), D(2023, 3, 9), "lines",
             [("application_form", "01申报表.pdf", "pdf"), ("self_assessment", "02卓越绩效自评报告.pdf", "pdf"),
              ("evidence", "03佐证材料.pdf", "pdf"), ("publicity_proof", "04公示结果证明.pdf", "pdf"),
              ("recommendation", "05推荐函.pdf", "pdf")], date_style="dot0",
             publicity=(D(2023, 2, 27), D(2023, 3, 3), "zh"),
             planted="clean organisation, form in label lines, dates with dots, 公示 of 5 working days"),
        Plan("hp-03-ind-docx", c, "西区", D(2023, 2, 28), D(2023, 3, 7), "person",
             [("application_form", "个人申报表.docx", "docx"), ("self_assessment", "个人自我评价.docx", "docx"),
              ("evidence", "证明材料.docx", "docx"), ("publicity_proof", "单位公示情况.docx", "docx"), ("recommendation", "推荐意见.docx", "docx")], publicity=(D(2023, 2, 20), D(2023, 2, 24), "dot"),
             planted="clean individual, 公民身份号码 in a table row"),
        Plan("hp-04-ind-envelope", d, "盐边县", D(2023, 3, 16), D(2023, 3, 20), "person",
             [("application_form", "", "envelope"), ("self_assessment", "", "envelope"),
              ("evidence", "", "envelope"), ("publicity_proof", "", "envelope"), ("recommendation", "", "envelope")], publicity=(D(2023, 3, 6), D(2023, 3, 10), "zh"), date_style="dot",
             flags=["LATE_SUBMISSION"], planted="scanned envelope; form 2023.3.16, recommendation 2023.3.20"),
        Plan("hp-05-no-self-assessment", e, "东区", D(2023, 3, 1), D(2023, 3, 8), "lines",
             [("application_form", "doc1.pdf", "pdf"), ("evidence", "doc2.pdf", "pdf"), ("publicity_proof", "doc4.pdf", "pdf"),
              ("recommendation", "doc3.pdf", "pdf")], publicity=(D(2023, 2, 20), D(2023, 2, 24), "zh"),
             flags=["MISSING_DOCUMENT"], planted="自我评价报告 missing; file names say nothing"),
        Plan("hp-06-blank-legal-rep", f, "盐边县", D(2023, 3, 3), D(2023, 3, 10), "table",
             [("application_form", "申报表（红格温泉）.docx", "docx"), ("self_assessment", "自评报告.docx", "docx"),
              ("evidence", "证实性材料汇编.docx", "docx"), ("publicity_proof", "公示情况说明.docx", "docx"), ("recommendation", "初核意见.docx", "docx")], publicity=(D(2023, 2, 27), D(2023, 3, 3), "dot"),
             blank={"legal_rep"}, flags=["MISSING_FIELD"], planted="法定代表人 cell left empty"),
        Plan("hp-07-rec-unsealed", g, "仁和区", D(2023, 3, 1), D(2023, 3, 9), "grid",
             [("application_form", "申报表.pdf", "pdf"), ("self_assessment", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity_proof", "公示证明.pdf", "pdf"), ("recommendation", "审核推荐意见.pdf", "pdf")], publicity=(D(2023, 2, 20), D(2023, 2, 24), "zh"),
             unsealed={"recommendation"}, flags=["MISSING_SEAL"],
             planted="审核推荐意见 says （盖章） but carries no seal"),
        Plan("hp-08-late-numerals", h, "西区", D(2023, 3, 21), D(2023, 3, 23), "table",
             [("application_form", "申报表.docx", "docx"), ("self_assessment", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity_proof", "公示情况.docx", "docx"), ("recommendation", "推荐意见.docx", "docx")], publicity=(D(2023, 3, 13), D(2023, 3, 17), "cn"),
             date_style="cn", flags=["LATE_SUBMISSION"],
             planted="dated 二〇二三年三月二十一日 / 二十三日, after 2023-03-15"),
        Plan("hp-09-publicity-short", i, "高新区", D(2023, 3, 2), D(2023, 3, 10), "lines",
             [("application_form", "申报表.pdf", "pdf"), ("self_assessment", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity_proof", "公示情况.pdf", "pdf"),
              ("recommendation", "推荐函.pdf", "pdf")],
             publicity=(D(2023, 3, 6), D(2023, 3, 8), "md"), flags=["PUBLICITY_TOO_SHORT"],
             planted="公示 2023年3月6日至3月8日: 3 working days"),
        Plan("hp-10-outside-region", j, "经信局", D(2023, 3, 6), D(2023, 3, 13), "table",
             [("application_form", "申报表.docx", "docx"), ("self_assessment", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity_proof", "公示.docx", "docx"), ("recommendation", "推荐函.docx", "docx")], publicity=(D(2023, 2, 27), D(2023, 3, 3), "zh"),
             flags=["INELIGIBLE_REGION"], planted="registered in 西昌市 (凉山州), outside 攀枝花市"),
        Plan("hp-11-incident-scan", k, "仁和区", D(2023, 3, 3), D(2023, 3, 9), "grid",
             [("application_form", "IMG_20230306_0915.jpg", "jpg"), ("self_assessment", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity_proof", "公示说明.pdf", "pdf"),
              ("recommendation", "推荐意见.pdf", "pdf")],
             publicity=(D(2023, 2, 20), D(2023, 2, 24), "dot"),
             incident="2021年11月，铸造车间发生一起一般生产安全事故，造成1人重伤，已按要求完成整改。",
             flags=["RECENT_INCIDENT"], planted="photographed form declares a 2021 安全事故"),
        Plan("hp-12-bad-uscc", m, "西区", D(2023, 3, 1), D(2023, 3, 7), "grid",
             [("application_form", "申报表.pdf", "pdf"), ("self_assessment", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity_proof", "公示情况说明.pdf", "pdf"), ("recommendation", "推荐意见.pdf", "pdf")], publicity=(D(2023, 2, 20), D(2023, 2, 24), "dd"),
             flags=["USCC_INVALID"], planted="统一社会信用代码 with a wrong check character"),
        Plan("hp-13-name-mismatch", n, "东区", D(2023, 3, 2), D(2023, 3, 8), "table",
             [("application_form", "申报表.docx", "docx"), ("self_assessment", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity_proof", "公示结果.docx", "docx"), ("recommendation", "初核推荐意见.docx", "docx")], publicity=(D(2023, 2, 27), D(2023, 3, 3), "zh"),
             rec_name="攀枝花市恒信税务师事务所有限公司", flags=["NAME_MISMATCH"],
             planted="recommendation names 恒信税务师事务所 instead of 恒信会计师事务所"),
        Plan("hp-14-founded-after", o, "米易县", D(2023, 3, 6), D(2023, 3, 10), "lines",
             [("application_form", "申报表.pdf", "pdf"), ("self_assessment", "自评报告.pdf", "pdf"),
              ("evidence", "佐证材料.pdf", "pdf"), ("publicity_proof", "公示证明.pdf", "pdf"), ("recommendation", "推荐函.pdf", "pdf")], publicity=(D(2023, 2, 27), D(2023, 3, 3), "zh"),
             founded_text="二○二三年六月", flags=["DATE_INCONSISTENT"],
             planted="form says founded 二○二三年六月 (a white circle for zero), after it was signed (2023.03.06)"),
        Plan("hp-15-dup-a", p, "仁和区", D(2023, 3, 1), D(2023, 3, 9), "table",
             [("application_form", "申报表.docx", "docx"), ("self_assessment", "自我评价报告.docx", "docx"),
              ("evidence", "证实性材料.docx", "docx"), ("publicity_proof", "公示证明.docx", "docx"),
              ("recommendation", "初核推荐意见.docx", "docx")],
             publicity=(D(2023, 3, 1), D(2023, 3, 7), "zh"), flags=["DUPLICATE_APPLICATION"],
             planted="same USCC also sent through 市经信局 (hp-16)", photo_seed=202),
        Plan("hp-16-dup-b", p, "经信局", D(2023, 3, 8), D(2023, 3, 13), "lines",
             [("application_form", "申报表.pdf", "pdf"), ("self_assessment", "自我评价报告.pdf", "pdf"),
              ("evidence", "证实性材料.pdf", "pdf"), ("publicity_proof", "公示情况说明.pdf", "pdf"), ("recommendation", "推荐函.pdf", "pdf")], publicity=(D(2023, 3, 1), D(2023, 3, 7), "dot"),
             date_style="slash", flags=["DUPLICATE_APPLICATION"],
             planted="same USCC also sent through 仁和区 (hp-15)"),
    ]


# ----------------------------------------------------------------------------- documents
# A document is a list of items: packet_render blocks, plus MergedTable for Word forms whose
# rows span cells (python-docx writes real merges; the PDF path never sees one).

@dataclass
class MergedTable:
    rows: list[list[str | None]]          # None: this cell is merged into the one on its left
    seal_cell: tuple[int, int] | None = None   # a seal pasted inside this cell


def _d(p: Plan, d: dt.date) -> str:
    return date_text(d, p.date_style)


def _seal_or_none(p: Plan, kind: str, org: str) -> list:
    return [] if kind in p.unsealed else [Seal(org)]


def form_items(p: Plan) -> list:
    w = p.who
    incident = p.incident or "无"
    if isinstance(w, Person):
        return _person_form(p, w)
    founded = p.founded_text or (month_text(w.founded, p.date_style) if p.form_style == "lines"
                                 else date_text(w.founded, "dot0"))
    legal = "" if "legal_rep" in p.blank else w.head
    if p.form_style == "table":
        rows: list[list[str | None]] = [
            ["企业名称", w.name, None, None],
            ["统一社会信用代码", spaced(w.code), "成立日期", founded],
            ["注册地址", w.address, None, None],
            ["法 定 代 表 人", legal, "职  务", "董事长" if legal else ""],
            ["联 系 人", w.contact, "联系电话", w.phone],
            ["所属行业", w.industry, "企业性质", "民营企业"],
            ["近三年质量、安全、环境污染、公共卫生事故及违法违规情况", incident, None, None],
            ["曾获荣誉", "2021年度攀枝花市“守合同重信用”企业", None, None],
            ["申报单位承诺", "本单位承诺所填报内容及所附材料真实有效，如有虚假愿承担相应责任。\n"
             f"法定代表人（签字）：{legal}\n单位（盖章）\n{_d(p, p.form_date)}", None, None],
        ]
        return [Title(f"{AWARD}申报表"), Para("（制造业、工程建设业、农业、服务业）", "center"),
                Para(f"申报单位（盖章）：{w.name}"), Para(f"推荐单位：{RECOMMENDERS[p.channel]}"),
                Para(f"填报日期：{_d(p, p.form_date)}"), PageBreak(),
                MergedTable(rows, seal_cell=None if "application_form" in p.unsealed else (8, 1))]
    if p.form_style == "lines":
        return [Title("攀枝花市政府质量奖申报表（组织）"),
                Para("一、组织基本情况", size=12),
                Para(f"单位全称：{w.name}"),
                Para(f"统一社会信用代码：{w.code}　　　成立时间：{founded}"),
                Para(f"注册地址：{w.address}　　邮编：617000"),
                Para(f"负责人：{legal}　　　职务：总经理"),
                Para(f"联系人：{w.contact}　　　手机/电话：{w.phone}"),
                Para(f"所属行业：{w.industry}"),
                Para("二、近三年是否发生质量安全、生产安全、环境污染、公共卫生等事故：" +
                     ("■是 □否　" + incident if p.incident else "□是 ■否"), size=11),
                Para("三、申报渠道：" + ("向市级行业主管部门申报" if p.channel in ("经信局",) else
                                   "向所在地申报") + f"（{RECOMMENDERS[p.channel]}）"),
                Para("四、申报单位意见：以上情况属实，自愿申报第三届攀枝花市政府质量奖。"),
                Para("（单位公章）", "right"), Para(_d(p, p.form_date), "right"),
                *_seal_or_none(p, "application_form", w.name)]
    # grid: a 4-column table, the office's own paper form
    rows = [["组织名称", w.name, "所在地", w.county],
            ["统一社会信用代码（注册号）", w.code, "成立时间", founded],
            ["法定代表人/负责人", legal, "联系人", w.contact],
            ["通讯地址", w.address, "电话", w.phone],
            ["行业类别", w.industry, "推荐单位", RECOMMENDERS[p.channel]]]
    return [Title(f"{AWARD}申报表"),
            Table(rows, [0.24, 0.34, 0.14, 0.28]),
            Table([["近3年事故及违法违规情况", incident],
                   ["申报组织声明", "我单位对申报材料的真实性负责。"]], [0.24, 0.76]),
            Para(f"申报组织（盖章）：{w.name}", "right"),
            Para(f"日期：{_d(p, p.form_date)}", "right"),
            *_seal_or_none(p, "application_form", w.name)]


def _person_form(p: Plan, w: Person) -> list:
    rows = [["姓  名", w.name, "性  别", w.sex],
            ["出生年月", month_text(w.born, "dot"), "政治面貌", "中共党员"],
            ["公民身份号码", w.code, "手  机", w.phone],
            ["工作单位", w.work_unit, "职务/职称", w.title],
            ["通讯地址", w.address, "从事质量工作年限", "18年"]]
    return [Title("攀枝花市政府质量奖申报表（个人）"),
            Table(rows, [0.18, 0.38, 0.18, 0.26]),
            Table([["主要质量工作业绩", f"{w.name}同志长期从事质量管理工作，牵头推行全面质量管理，"
                                   "主持完成质量改进项目12项，所在单位顾客满意度持续提升。"],
                   ["近3年有无违法、违规、违纪行为", "无"],
                   ["申报人承诺", f"本人承诺所填内容真实。申报人（签名）：{w.name}　　{_d(p, p.form_date)}"],
                   ["所在单位意见", f"情况属实，同意申报。（盖章）　{_d(p, p.form_date)}"]],
                  [0.24, 0.76]),
            *_seal_or_none(p, "application_form", w.work_unit)]


_CHAPTERS = [("领导", 110), ("战略", 90), ("顾客与市场", 90), ("资源", 130), ("过程管理", 100),
             ("测量、分析与改进", 80), ("结果", 400)]
_SA_TEXT = [
    "高层领导带头践行质量第一的理念，每季度主持召开质量工作例会。",
    "围绕“十四五”发展规划，将质量目标分解落实到部门和岗位。",
    "建立客户回访制度，近三年顾客满意度分别为93.2%、94.6%和95.1%。",
    "持续加大技术改造投入，关键设备完好率保持在98%以上。",
    "推行标准化作业，关键过程控制点全部纳入信息化监控。",
    "建立经营数据看板，按月开展对标分析和改进。",
]


def self_assessment_items(p: Plan, rng: random.Random) -> list:
    w = p.who
    if isinstance(w, Person):
        rows = [["评价内容", "分值", "自评分"], ["质量意识与职业道德", "20", str(rng.randint(17, 19))],
                ["质量工作业绩", "40", str(rng.randint(33, 38))], ["创新与示范作用", "40", str(rng.randint(31, 37))]]
        return [Title("个人自我评价报告"), Para(f"申报人：{w.name}　　工作单位：{w.work_unit}"),
                Para("一、个人基本情况", size=12),
                Para(f"　　{w.name}，{w.sex}，{w.born.year}年{w.born.month}月生，现任{w.work_unit}{w.title}。"),
                Para("二、主要质量工作业绩", size=12),
                Para("　　" + "".join(rng.sample(_SA_TEXT, 3))),
                Para("三、自评得分", size=12), Table(rows, [0.5, 0.2, 0.3])]
    scores = [round(mx * rng.uniform(0.72, 0.86)) for _, mx in _CHAPTERS]
    if p.form_style in ("table",):
        # horizontal: categories across, 标准分 and 自评分 as rows
        head = ["评价类目", *[c for c, _ in _CHAPTERS], "合计"]
        table = Table([head, ["标准分", *[str(m) for _, m in _CHAPTERS], "1000"],
                       ["自评分", *[str(s) for s in scores], str(sum(scores))]],
                      [0.12] + [0.11] * 7 + [0.11])
        title = f"{w.name}自我评价报告"
    else:
        table = Table([["序号", "评价条款", "满分", "自评分", "得分率"]] +
                      [[f"4.{i + 1}", c, str(m), str(s), f"{s / m:.0%}"]
                       for i, ((c, m), s) in enumerate(zip(_CHAPTERS, scores))] +
                      [["", "合计", "1000", str(sum(scores)), f"{sum(scores) / 1000:.0%}"]],
                      [0.1, 0.38, 0.14, 0.18, 0.2])
        title = "卓越绩效自评报告"
    items: list = [Title(title)]
    if title == "卓越绩效自评报告":
        items += [Para("（依据GB/T 19580-2012《卓越绩效评价准则》）", "center"), Para(f"申报单位：{w.name}")]
    items += [Para("一、组织概述", size=12),
              Para(f"　　{w.name}成立于{w.founded.year}年，主营{w.industry}相关业务。" + "".join(rng.sample(_SA_TEXT, 2))),
              Para("二、自评得分汇总", size=12), table]
    for i, (chapter, _) in enumerate(_CHAPTERS[:4]):
        items += [Para(f"4.{i + 1}　{chapter}", size=12), Para("　　" + "".join(rng.sample(_SA_TEXT, 3)))]
    return items


def evidence_items(p: Plan) -> list:
    w = p.who
    if isinstance(w, Person):
        return [Title("证明材料"), Para(f"申报人：{w.name}　　工作单位：{w.work_unit}"),
                Table([["序号", "材料名称", "页码"], ["1", "居民身份证复印件", "1"],
                       ["2", "职称证书复印件", "2"], ["3", "荣誉证书复印件", "3"]], [0.15, 0.65, 0.2]),
                PageBreak(), Title("居民身份证（复印件）", 14),
                Para(f"姓名 {w.name}　　性别 {w.sex}　　民族 汉"),
                Para(f"出生 {w.born.year}年{w.born.month}月{w.born.day}日"),
                Para(f"住址 {w.address}"), Para(f"公民身份号码 {w.code}"),
                PageBreak(), Title("荣 誉 证 书", 18),
                Para(f"　　{w.name}同志：在2021年度全市质量提升行动中表现突出，被评为质量工作先进个人。"),
                Para("攀枝花市质量强市工作领导小组办公室", "right"), Para("二〇二二年一月", "right")]
    title = "佐证材料" if p.form_style == "lines" else "证实性材料"
    reg = "凉山彝族自治州市场监督管理局" if w.county == "西昌市" else "攀枝花市市场监督管理局"
    issued = dt.date(2021, 6, 18)
    return [Title(title), Para(f"申报单位：{w.name}"),
            Table([["序号", "材料名称", "备注"], ["1", "营业执照（副本）复印件", ""],
                   ["2", "质量管理体系认证证书", "GB/T 19001-2016"], ["3", "近三年财务审计报告（摘要）", ""]],
                  [0.15, 0.6, 0.25]),
            PageBreak(), Title("营 业 执 照", 18), Para("（副  本）", "center"),
            Para(f"统一社会信用代码　{w.code}"), Para(f"名　　称　{w.name}"),
            Para("类　　型　有限责任公司（自然人投资或控股）"), Para(f"法定代表人　{w.head}"),
            Para(f"成立日期　{w.founded.year}年{w.founded.month:02d}月{w.founded.day:02d}日"),
            Para(f"住　　所　{w.address}"), Para(f"登记机关　{reg}", "right"),
            Seal(reg),
            PageBreak(), Title("质量管理体系认证证书", 16),
            Para(f"注册号：15/21Q{w.seed * 977 % 10000:04d}R10"),
            Para(f"兹证明　{w.name}　质量管理体系符合 GB/T 19001-2016/ISO 9001:2015 标准。"),
            Para(f"发证日期：{issued:%Y-%m-%d}　　有效期至：2024-06-17")]


def publicity_items(p: Plan) -> list:
    """The applicant's own internal 公示 (the notice asks for it before the 申报推荐意见)."""
    start, end, style = p.publicity
    w = p.who
    publisher = w.work_unit if isinstance(w, Person) else w.name
    if style == "md":          # the end date without its year, as offices often write
        period = f"{date_text(start, 'zh')}至{end.month}月{end.day}日"
    elif style == "dd":        # ... or without year and month
        period = f"{date_text(start, 'zh')}至{end.day}日"
    elif style in ("dot", "cn"):
        sep = "-" if style == "dot" else "至"
        period = f"{date_text(start, style)}{sep}{date_text(end, style)}"
    else:
        period = f"{date_text(start, 'zh')}至{date_text(end, 'zh')}"
    signed = end + dt.timedelta(days=3)
    subject = f"{w.name}同志" if isinstance(w, Person) else "我单位"
    titles = ["内部公示情况说明", "公示结果证明", "关于申报第三届攀枝花市政府质量奖的公示情况报告"]
    title = titles[sum(map(ord, p.name)) % 3]
    return [Title(title),
            Para(f"　　按照《关于开展第三届攀枝花市政府质量奖评选工作的通知》要求，{subject}申报"
                 f"{AWARD}的申报表及相关材料已在单位内部公告栏和办公系统进行了公示，公示时间：{period}。"),
            Para("　　公示期满，未接到任何单位和个人的实名反映，无异议。"),
            Para("　　特此证明。"),
            Para(publisher, "right"), Para(date_text(signed, "cn" if style == "cn" else "zh"), "right"),
            Seal(publisher)]


def recommendation_items(p: Plan) -> list:
    rec = RECOMMENDERS[p.channel]
    name = p.rec_name or p.who.name
    seal = _seal_or_none(p, "recommendation", rec)
    if p.form_style in ("lines",):
        return [Title("推 荐 函"), Para("攀枝花市质量强市工作领导小组办公室："),
                Para(f"　　经初核，{name}申报材料完整、内容真实，符合第三届攀枝花市政府质量奖申报条件，"
                     "征求有关部门意见无异议，现予推荐。"),
                Para("　　妥否，请审定。"), Para(rec, "right"), Para(_d(p, p.rec_date), "right"), *seal]
    if p.form_style == "grid":
        return [Title("审核推荐意见"),
                Table([["申报单位", name], ["推荐单位", rec],
                       ["初核意见", "经审核，该单位申报材料齐全，符合申报条件，同意推荐。"],
                       ["推荐单位（盖章）", f"\n（盖章）\n{_d(p, p.rec_date)}"]], [0.26, 0.74]), *seal]
    rows: list[list[str | None]] = [
        ["申报对象", name], ["推荐渠道", f"{'属地推荐' if p.channel in ('东区', '西区', '仁和区', '米易县', '盐边县') else '行业推荐'}（{rec}）"],
        ["初核推荐意见", "经初核，申报材料完整、真实、准确，征求有关部门意见无异议，同意推荐。\n"
                      f"{rec}（盖章）\n{_d(p, p.rec_date)}"]]
    return [Title("初核推荐意见表"), MergedTable(rows, seal_cell=None if seal == [] else (2, 1))]


def cover_items(p: Plan, names: list[str]) -> list:
    return [Title("申报材料目录"), *[Para(f"{i + 1}.{n}") for i, n in enumerate(names)],
            Para("纸质材料1份，电子版（Word、PDF）1份。")]


# ----------------------------------------------------------------------------- writing

def write_docx(items: list, path: Path, photo_seed: int | None = None) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = docx.Document()
    doc.core_properties.author = "user"
    doc.core_properties.created = dt.datetime(2023, 3, 1)
    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "center": WD_ALIGN_PARAGRAPH.CENTER}
    for item in items:
        if isinstance(item, (Title, Para)):
            par = doc.add_paragraph()
            par.alignment = align["center" if isinstance(item, Title) else item.align]
            text = item.text
            # Word splits runs at whim: label and value land in different runs
            cut = text.find("：") + 1 if "：" in text else 0
            for piece in ([text[:cut], text[cut:]] if cut else [text]):
                par.add_run(piece).font.size = Pt(item.size)
        elif isinstance(item, Table):
            t = doc.add_table(rows=len(item.rows), cols=len(item.widths))
            t.style = "Table Grid"
            for r, row in enumerate(item.rows):
                for c, text in enumerate(row):
                    t.cell(r, c).text = text
        elif isinstance(item, MergedTable):
            ncols = max(len(r) for r in item.rows)
            t = doc.add_table(rows=len(item.rows), cols=ncols)
            t.style = "Table Grid"
            for r, row in enumerate(item.rows):
                c = 0
                while c < ncols:
                    text = row[c] if c < len(row) else None
                    span = 1
                    while c + span < ncols and (c + span >= len(row) or row[c + span] is None):
                        span += 1
                    cell = t.cell(r, c) if span == 1 else t.cell(r, c).merge(t.cell(r, c + span - 1))
                    cell.text = text or ""
                    if item.seal_cell == (r, c):
                        cell.add_paragraph().add_run().add_picture(
                            io.BytesIO(seal_png(_seal_org(item, r))), width=Mm(36))
                    c += span
        elif isinstance(item, Seal):
            par = doc.add_paragraph()
            par.alignment = align["right"]
            par.add_run().add_picture(io.BytesIO(seal_png(item.org)), width=Mm(38))
        elif isinstance(item, PageBreak):
            doc.add_page_break()
    if photo_seed is not None:
        doc.add_paragraph("附：生产现场照片")
        buf = io.BytesIO()
        site_photo(photo_seed).save(buf, "JPEG", quality=70)
        doc.add_paragraph().add_run().add_picture(buf, width=Mm(120))
    doc.save(str(path))
    _fix_zip_times(path)


def _seal_org(table: MergedTable, r: int) -> str:
    """Who stamps a merged-table form: the applicant on a 申报表, the recommender on its page."""
    return table.rows[0][1] if table.rows[0][0] in ("企业名称",) else \
        next(t for t in table.rows[r][1].splitlines() if "（盖章）" in t).replace("（盖章）", "")


def _pdf_blocks(items: list) -> list:
    """On paper a merged row is just a shorter row: runs of equal-length rows become one table."""
    out: list = []
    for item in items:
        if not isinstance(item, MergedTable):
            out.append(item)
            continue
        rows = [[c for c in row if c is not None] for row in item.rows]
        run: list[list[str]] = []
        for row in rows + [[]]:
            if run and len(row) != len(run[0]):
                n = len(run[0])
                out.append(Table(run, [0.26, 0.74] if n == 2 else [1 / n] * n))
                run = []
            run.append(row)
        if item.seal_cell is not None:
            out.append(Seal(_seal_org(item, item.seal_cell[0])))
    return out


def document_items(p: Plan, kind: str, rng: random.Random) -> list:
    if kind == "application_form":
        return form_items(p)
    if kind == "self_assessment":
        return self_assessment_items(p, rng)
    if kind == "evidence":
        return evidence_items(p)
    if kind == "publicity_proof":
        return publicity_items(p)
    if kind == "recommendation":
        return recommendation_items(p)
    return cover_items(p, [f for k, f, _ in p.files if k != "cover_letter"])


def write_packet(p: Plan, batch_dir: Path) -> dict:
    rng = random.Random(p.name)
    docs: list[dict] = []
    if all(shape == "envelope" for _, _, shape in p.files):
        out = batch_dir / f"{p.name}.pdf"
        images, page = [], 1
        for kind, _, _ in p.files:
            laid = layout(_pdf_blocks(document_items(p, kind, rng)))
            docs.append({"kind": kind, "source": out.name, "pages": [page, page + len(laid) - 1]})
            images += [scan_effects(page_image(lp), rng) for lp in laid]
            page += len(laid)
        write_scan_pdf(images, out)
        return gold(p, docs)
    folder = batch_dir / p.name
    folder.mkdir(parents=True)
    for kind, fname, shape in p.files:
        items = document_items(p, kind, rng)
        path = folder / fname
        if shape == "docx":
            write_docx(items, path, p.photo_seed if kind == "evidence" else None)
            docs.append({"kind": kind, "source": fname, "pages": [1, 1]})
            continue
        laid = layout(_pdf_blocks(items))
        if shape == "pdf":
            write_text_pdf(laid, path)
            docs.append({"kind": kind, "source": fname, "pages": [1, len(laid)]})
        else:   # a phone photo of each page: the first keeps the name, the rest count on
            stem = path.stem
            for j, lp in enumerate(laid):
                img = scan_effects(page_image(lp), rng)
                name = fname if j == 0 else f"{stem}_{j + 1}.jpg"
                img.save(folder / name, "JPEG", quality=60)
                docs.append({"kind": kind, "source": name, "pages": [1, 1]})
    return gold(p, docs)


def gold(p: Plan, documents: list[dict]) -> dict:
    flags = sorted(set(p.flags))
    w = p.who
    return {"complete": not any(SEVERITY[f] == "error" for f in flags), "flags": flags,
            "severity": {f: SEVERITY[f] for f in flags}, "planted": p.planted,
            "applicant": {"name": w.name, "kind": "individual" if isinstance(w, Person) else "organization",
                          "id_number": w.code},
            "documents": documents, "notice": "panzhihua"}


def main(out_root: Path) -> None:
    batch = out_root / "packets" / BATCH
    if batch.exists():
        shutil.rmtree(batch)
    batch.mkdir(parents=True)
    (batch / "batch.json").write_text(json.dumps({"notice": NOTICE}) + "\n", encoding="utf-8")
    for p in plans():
        g = write_packet(p, batch)
        (batch / f"{p.name}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")


if __name__ == "__main__":
    main(Path(__file__).resolve().parents[1])
