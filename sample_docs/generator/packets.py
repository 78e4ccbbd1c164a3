"""Synthetic application packets with gold findings, for two real notices.

`python -m sample_docs.generator packets` rewrites sample_docs/packets/:
  xizang-2023/   第二届西藏质量奖 (seed 000): 申报表 + 证实性材料 (一式三份), internal 公示 of ≥5
                 working days, 推荐意见 of the channel; deadline 2023-08-05; region 西藏;
                 education only 小学、初中、职业技术学校; no incident within 5 years; no
                 consecutive application after winning; one channel only.
  yangquan-2021/ 第三届阳泉市质量奖 (seed 002): 申报表/推荐表 (一式3份), county 公示 of 5 working
                 days, county recommendation; deadline 2021-11-25; registered in 阳泉市 for ≥3
                 years; no incident within 3 years; ≤5 organisations and ≤2 individuals per county.
Each packet is a folder (docx, text PDFs, scans) or one envelope PDF, with `<packet>.gold.json`
beside it: {"complete", "flags"} as score_findings.py reads, plus "applicant", "documents" and
"planted" for tests. Everything is seeded: regenerating gives the same bytes.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from extractors.packets.identifiers import break_check_char, make_id_number, make_uscc
from sample_docs.generator.packet_render import (Block, PageBreak, Para, Seal, Table,
                                                 Title, font, layout, page_image, scan_effects,
                                                 write_docx, write_scan_pdf, write_text_pdf)

# Severity each planted flag carries in gold (see sample_docs/packets/README.md).
SEVERITY = {
    "MISSING_DOCUMENT": "error", "MISSING_FIELD": "error", "MISSING_SEAL": "error",
    "LATE_SUBMISSION": "error", "PUBLICITY_TOO_SHORT": "error",
    "INELIGIBLE_OPERATING_YEARS": "error", "INELIGIBLE_REGION": "error",
    "INELIGIBLE_CATEGORY": "error", "RECENT_INCIDENT": "error", "REAPPLIED_TOO_SOON": "error",
    "USCC_INVALID": "error", "ID_NUMBER_INVALID": "error", "DATE_INCONSISTENT": "error",
    "DUPLICATE_APPLICATION": "error", "DUPLICATE_EVIDENCE": "error",
    "NAME_MISMATCH": "warning", "TEXT_LAYER_MISMATCH": "warning", "QUOTA_EXCEEDED": "warning",
    "CREDENTIAL_LEAK": "warning", "UNREADABLE": "warning",
}


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass
class Applicant:
    kind: str                          # organization | individual
    name: str
    ident: str                         # USCC or ID number
    category: str
    address: str
    contact: str
    phone: str
    email: str
    form_date: dt.date
    org_type: str = ""
    founded: dt.date | None = None
    legal_rep: str = ""
    # individuals
    sex: str = ""
    born: dt.date | None = None
    work_unit: str = ""
    title: str = ""
    incident: str = ""                 # empty → the clean declaration is written
    awards: list[str] = field(default_factory=list)


@dataclass
class Route:
    channel: str                       # where the packet is submitted
    recommender: str
    publisher: str                     # who ran the 公示
    pub_start: dt.date
    pub_end: dt.date
    pub_date: dt.date
    rec_date: dt.date
    objections: bool = False


@dataclass
class PacketPlan:
    name: str
    notice: str                        # xizang | yangquan
    shape: str                         # docx | textpdf | scan | envelope | mixed
    applicant: Applicant
    route: Route
    flags: list[str] = field(default_factory=list)
    planted: str = ""                  # what was planted, in words (README and gold)
    omit: set[str] = field(default_factory=set)          # document kinds left out
    unsealed: set[str] = field(default_factory=set)      # kinds whose seal is left off
    form_blank: set[str] = field(default_factory=set)    # form labels left empty
    pub_name: str | None = None        # name on the 公示 if it differs from the form
    copies: int = 1                    # envelope: copies of the application form
    shared_photo: bool = False         # evidence photo shared with another packet
    leak: str = ""                     # a secret written into the cover letter
    hidden_text_replace: dict[str, str] = field(default_factory=dict)
    corrupt_extra: bool = False        # an extra file that cannot be read


# ----------------------------------------------------------------------------- content

NOTICES = {
    "xizang": {
        "award": "第二届西藏质量奖",
        "form_title_org": "第二届西藏质量奖（{cat}）申报表",
        "form_title_ind": "第二届西藏质量奖（个人）推荐表",
        "incident_label": "近5年内重大质量、安全、生态环境事故及违法违规违纪情况",
        "clean_incident": "近5年内无重大质量、安全、生态环境等事故，无违法、违规、违纪行为。",
        "copies": 3,
    },
    "yangquan": {
        "award": "第三届阳泉市质量奖",
        "form_title_org": "第三届阳泉市质量奖（组织）申报表",
        "form_title_ind": "第三届阳泉市质量奖（个人）推荐表",
        "incident_label": "近3年重大事故及违法违规情况",
        "clean_incident": "近3年未发生重大违法违规违纪行为，未发生质量安全、环境保护、生产安全等重大事故。",
        "copies": 3,
    },
}

SA_CRITERIA = ["领导", "战略", "顾客与市场", "资源", "过程管理", "测量、分析与改进", "结果"]
SA_PHRASES = [
    "{org}坚持质量第一、效益优先，将质量发展战略纳入年度经营计划。",
    "高层领导定期主持质量分析会，推动全员参与质量改进活动。",
    "围绕顾客需求建立了投诉快速响应机制，顾客满意度连续三年保持在95%以上。",
    "通过QC小组和合理化建议活动，累计完成改进项目{n}项。",
    "建立了覆盖采购、生产、交付全过程的质量控制点，关键工序一次合格率达到{p}%。",
    "持续开展对标分析，主要质量指标处于区内同行业领先水平。",
    "重视人才培养和技能提升，年人均培训时间超过{n}学时。",
    "建立了质量信息数据平台，实现质量数据的实时采集、分析与预警。",
]


def _form_blocks(p: PacketPlan) -> list[Block]:
    a, r, n = p.applicant, p.route, NOTICES[p.notice]
    incident = a.incident or n["clean_incident"]
    awards = "；".join(a.awards) if a.awards else "无"
    blank = p.form_blank

    def v(label: str, value: str) -> str:
        return "" if label in blank else value

    if a.kind == "organization":
        title = n["form_title_org"].format(cat=a.category)
        if p.notice == "xizang":
            rows = [["申报单位名称", a.name], ["统一社会信用代码", v("统一社会信用代码", a.ident)],
                    ["单位性质", a.org_type], ["成立时间", cn_date(a.founded)],
                    ["注册地址", a.address], ["法定代表人", v("法定代表人", a.legal_rep)],
                    ["联系人", a.contact], ["联系电话", a.phone], ["电子邮箱", a.email],
                    ["申报类别", a.category], [n["incident_label"], incident],
                    ["曾获质量奖励情况", awards], ["申报渠道", r.channel], ["推荐单位", r.recommender]]
            tables = [Table(rows, [0.32, 0.68])]
        else:
            tables = [
                Table([["单位名称", a.name, "统一社会信用代码", v("统一社会信用代码", a.ident)],
                       ["注册时间", cn_date(a.founded), "法定代表人", v("法定代表人", a.legal_rep)],
                       ["联系人", a.contact, "联系电话", a.phone],
                       ["电子邮箱", a.email, "单位性质", a.org_type]], [0.2, 0.3, 0.22, 0.28]),
                Table([["单位地址", a.address], ["申报类别", a.category],
                       [n["incident_label"], incident], ["获奖情况", awards],
                       ["推荐单位", r.recommender]], [0.2, 0.8]),
            ]
        sign = [Para("本单位承诺以上所填内容及所附材料真实、准确。"),
                Para(f"法定代表人（签字）：{a.legal_rep}", "right"),
                Para("申报单位（盖章）", "right"), Para(cn_date(a.form_date), "right")]
        seal_org = a.name
    else:
        title = n["form_title_ind"]
        rows4 = [["姓名", a.name, "性别", a.sex],
                 ["出生年月", f"{a.born.year}年{a.born.month}月", "民族", "汉族" if p.notice == "yangquan" else "藏族"],
                 ["身份证号码", v("身份证号码", a.ident), "职务/职称", a.title],
                 ["联系电话", a.phone, "电子邮箱", a.email]]
        rows2 = [["工作单位", a.work_unit], ["通讯地址", a.address], ["参评类别", a.category],
                 ["主要事迹", f"长期从事质量管理工作，主持完成质量改进项目多项，所在单位产品一次交验合格率显著提升。"],
                 ["曾获奖励", awards],
                 ["有无违法、违规、违纪、失信行为", a.incident or "无违法、违规、违纪、失信行为。"],
                 ["推荐单位", r.recommender]]
        tables = [Table(rows4, [0.18, 0.32, 0.18, 0.32]), Table(rows2, [0.25, 0.75])]
        sign = [Para(f"本人签字：{a.name}", "right"),
                Para("所在单位意见：情况属实，同意推荐。"),
                Para(f"{a.work_unit}（盖章）", "right"), Para(cn_date(a.form_date), "right")]
        seal_org = a.work_unit
    blocks: list[Block] = [Title(title), *tables, *sign]
    if "application_form" not in p.unsealed:
        blocks.append(Seal(seal_org))
    return blocks


def _self_assessment_blocks(p: PacketPlan, rng: random.Random) -> list[Block]:
    subject = p.applicant.name
    blocks: list[Block] = [Title(f"{subject}自我评价报告")]
    for i, crit in enumerate(SA_CRITERIA if p.applicant.kind == "organization" else SA_CRITERIA[:3]):
        blocks.append(Para(f"{'一二三四五六七'[i]}、{crit}", size=12))
        text = "".join(rng.choice(SA_PHRASES).format(org=subject, n=rng.randint(12, 80),
                                                     p=rng.randint(96, 99))
                       for _ in range(4))
        blocks.append(Para("　　" + text))
    return blocks


def _publicity_blocks(p: PacketPlan) -> list[Block]:
    r = p.route
    name = p.pub_name or p.applicant.name
    outcome = "公示期间收到异议1件，经核实已处理。" if r.objections else "公示期间未收到任何异议。"
    blocks: list[Block] = [
        Title("公示情况说明"),
        Para(f"　　根据{NOTICES[p.notice]['award']}评选表彰工作要求，{r.publisher}于{cn_date(r.pub_start)}"
             f"至{cn_date(r.pub_end)}对{name}申报{NOTICES[p.notice]['award']}的有关材料进行了公示。{outcome}"),
        Para("　　特此说明。"),
        Para(f"公示单位（盖章）：{r.publisher}", "right"), Para(cn_date(r.pub_date), "right")]
    if "publicity_proof" not in p.unsealed:
        blocks.append(Seal(r.publisher))
    return blocks


def _recommendation_blocks(p: PacketPlan, roster: list[str] | None) -> list[Block]:
    r = p.route
    blocks: list[Block] = [
        Title("推荐意见"),
        Para(f"　　经审核，{p.applicant.name}申报材料真实、完整，符合{NOTICES[p.notice]['award']}申报条件，"
             f"经公示无异议，同意推荐。"),
        Para(f"推荐单位（盖章）：{r.recommender}", "right"), Para(cn_date(r.rec_date), "right")]
    if "recommendation" not in p.unsealed:
        blocks.append(Seal(r.recommender))
    if roster:
        blocks += [PageBreak(), Title(f"{NOTICES[p.notice]['award']}推荐名单汇总表"),
                   Para(f"推荐单位：{r.recommender}"),
                   Table([["序号", "申报单位（个人）名称", "类别"]]
                         + [[str(i + 1), nm, kind] for i, (nm, kind) in enumerate(roster)],
                         [0.12, 0.6, 0.28])]
    return blocks


def _evidence_blocks(p: PacketPlan) -> list[list[Block]]:
    """Evidence documents, one block list each."""
    a = p.applicant
    docs: list[list[Block]] = []
    if a.kind == "organization":
        docs.append([Title("营业执照", 20),
                     Table([["名称", a.name], ["统一社会信用代码", a.ident],
                            ["类型", a.org_type], ["法定代表人", a.legal_rep],
                            ["成立日期", cn_date(a.founded)], ["住所", a.address],
                            ["登记机关", "市场监督管理局"]], [0.3, 0.7]),
                     Para(cn_date(a.founded), "right"), Seal("市场监督管理局登记专用章")])
        issued = dt.date(a.form_date.year - 2, 5, 18)
        docs.append([Title("质量管理体系认证证书", 18),
                     Para(f"证书编号：00{a.form_date.year - 2}Q{zlib.crc32(a.ident.encode()) % 100000:05d}R0M"),
                     Para(f"兹证明 {a.name} 建立的质量管理体系符合标准 GB/T 19001-2016/ISO 9001:2015。"),
                     Para(f"颁发日期：{cn_date(issued)}"),
                     Para(f"有效期至：{cn_date(issued.replace(year=issued.year + 3))}"),
                     Seal("认证有限公司")])
    else:
        docs.append([Title("居民身份证复印件", 16),
                     Table([["姓名", a.name], ["性别", a.sex], ["公民身份号码", a.ident],
                            ["住址", a.address]], [0.3, 0.7])])
        docs.append([Title("荣誉证书", 20),
                     Para(f"　　{a.name}同志在{a.form_date.year - 1}年度质量提升工作中成绩突出，被评为质量工作先进个人。"),
                     Para(f"颁发日期：{cn_date(dt.date(a.form_date.year - 1, 12, 20))}", "right"),
                     Seal("质量强区工作领导小组办公室")])
    return docs


def _cover_blocks(p: PacketPlan, titles: list[str]) -> list[Block]:
    blocks: list[Block] = [Title("目  录"),
                           *[Para(f"{i + 1}．{t}") for i, t in enumerate(titles)],
                           Para(f"纸质材料一式{'三' if NOTICES[p.notice]['copies'] == 3 else '二'}份。")]
    if p.leak:
        blocks.append(Para(p.leak))
    return blocks


def site_photo(seed: int) -> Image.Image:
    """A synthetic 'photo': shapes and shading, no names (shared evidence must not say whose)."""
    rng = random.Random(seed)
    img = Image.new("RGB", (900, 600), (rng.randint(150, 200),) * 3)
    d = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = rng.randint(0, 880), rng.randint(0, 580)
        d.rectangle((x, y, x + rng.randint(20, 200), y + rng.randint(20, 120)),
                    fill=tuple(rng.randint(40, 230) for _ in range(3)))
    d.text((30, 540), "车间 A-3", font=font(36), fill=(250, 250, 250))
    return img


# ----------------------------------------------------------------------------- output

# Parts of python-docx's template that Word does not need: dropped to keep samples small.
_DOCX_DROP = {"word/stylesWithEffects.xml": "stylesWithEffects.xml",
              "docProps/thumbnail.jpeg": "docProps/thumbnail.jpeg"}


_DOCX_STYLES = b"Normal|DefaultParagraphFont|TableNormal|NoList|TableGrid"


def _fix_zip_times(path: Path) -> None:
    """python-docx stamps zip entries with the clock; pin them so output is reproducible,
    and drop template parts nobody reads."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()
                 if i.filename not in _DOCX_DROP]
    for i, (name, data) in enumerate(items):
        if name == "word/styles.xml":
            # the template declares ~160 styles; keep the few these documents use
            data = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", data, flags=re.S)
            data = re.sub(rb'<w:style [^>]*w:styleId="(?!(?:%s)")[^"]*"[^>]*>.*?</w:style>' % _DOCX_STYLES,
                          b"", data, flags=re.S)
            items[i] = (name, data)
        if name.endswith(".rels") or name == "[Content_Types].xml":
            text = data.decode("utf-8")
            for target in _DOCX_DROP.values():
                text = re.sub(rf'<(Relationship|Override)[^>]*"/?{re.escape(target)}"[^>]*/>', "", text)
            items[i] = (name, text.encode("utf-8"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            zout.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data,
                          compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def _documents(p: PacketPlan, rng: random.Random, roster) -> list[tuple[str, str, list[Block]]]:
    """(kind, file stem, blocks) for every document the packet holds, in binding order."""
    docs: list[tuple[str, str, list[Block]]] = []
    if "application_form" not in p.omit:
        docs.append(("application_form", "申报表" if p.applicant.kind == "organization" else "推荐表",
                     _form_blocks(p)))
    if "self_assessment" not in p.omit:
        docs.append(("self_assessment", "自我评价报告", _self_assessment_blocks(p, rng)))
    if "evidence" not in p.omit:
        # bound as one 证实性材料 file, one certificate per page
        bound: list[Block] = []
        for blocks in _evidence_blocks(p):
            bound += ([PageBreak()] if bound else []) + blocks
        docs.append(("evidence", "证实性材料", bound))
    if "publicity_proof" not in p.omit:
        docs.append(("publicity_proof", "公示情况说明", _publicity_blocks(p)))
    if "recommendation" not in p.omit:
        docs.append(("recommendation", "推荐意见", _recommendation_blocks(p, roster)))
    titles = [stem for _, stem, _ in docs]
    if p.leak or p.shape in ("envelope", "docx"):
        docs.insert(0, ("cover_letter", "目录", _cover_blocks(p, titles)))
    return docs


def _parts(kind: str, blocks: list[Block], p: PacketPlan) -> list[int]:
    """Page count of each document inside one written file (the bound evidence holds several)."""
    if kind != "evidence":
        return [len(layout(blocks))]
    return [len(layout(b)) for b in _evidence_blocks(p)]


def _gold_ranges(kind: str, source: str, first: int, parts: list[int], **extra) -> list[dict]:
    out = []
    for n in parts:
        out.append({"kind": kind, "source": source, "pages": [first, first + n - 1], **extra})
        first += n
    return out


def write_packet(p: PacketPlan, batch_dir: Path, roster=None, photo=None) -> dict:
    """Write one packet and return its gold."""
    rng = random.Random(p.name)
    docs = _documents(p, rng, roster)
    gold_docs: list[dict] = []
    if p.shape == "envelope":
        out = batch_dir / f"{p.name}.pdf"
        images, page = [], 1
        for kind, stem, blocks in docs:
            laid = layout(blocks)
            copies = p.copies if kind == "application_form" else 1
            gold_docs += _gold_ranges(kind, out.name, page, _parts(kind, blocks, p), copies=copies)
            pics = [page_image(lp) for lp in laid]
            for _ in range(copies):
                # each copy is scanned again: its own tilt and noise
                images += [scan_effects(img, rng) for img in pics]
            page += len(laid) * copies
        write_scan_pdf(images, out)
        return _gold(p, gold_docs)

    folder = batch_dir / p.name
    folder.mkdir(parents=True)
    for i, (kind, stem, blocks) in enumerate(docs):
        shape = p.shape if p.shape != "mixed" else ["docx", "textpdf", "scan"][i % 3]
        if shape == "docx":
            path = folder / f"{i + 1:02d}_{stem}.docx"
            write_docx(blocks, path)
            _fix_zip_times(path)
            # a Word file is one page to the reader, whatever it binds
            gold_docs += [{"kind": kind, "source": path.name, "pages": [1, 1]}
                          for _ in _parts(kind, blocks, p)]
            continue
        laid = layout(blocks)
        if shape == "textpdf":
            path = folder / f"{i + 1:02d}_{stem}.pdf"
            if kind == "application_form" and p.hidden_text_replace:
                write_scan_pdf([scan_effects(page_image(lp), rng, rotate=0) for lp in laid], path,
                               hidden_text=laid, replace=p.hidden_text_replace)
            else:
                write_text_pdf(laid, path)
        elif kind == "evidence":
            # a phone or a flatbed: each certificate photographed on its own, scanner names
            for j, lp in enumerate(laid):
                path = folder / f"IMG_{4000 + 10 * i + j}.jpg"
                scan_effects(page_image(lp), rng).save(path, "JPEG", quality=50)
                gold_docs.append({"kind": kind, "source": path.name, "pages": [1, 1]})
            continue
        else:
            path = folder / f"scan_{i + 1:04d}.pdf"
            write_scan_pdf([scan_effects(page_image(lp), rng) for lp in laid], path)
        gold_docs += _gold_ranges(kind, path.name, 1, _parts(kind, blocks, p))
    if p.shared_photo and photo is not None:
        photo.save(folder / "现场照片.jpg", "JPEG", quality=80)
        gold_docs.append({"kind": "evidence", "source": "现场照片.jpg", "pages": [1, 1]})
    if p.corrupt_extra:
        good = next(folder.glob("*.pdf"), None) or next(folder.glob("*.docx"))
        (folder / "财务报表.pdf").write_bytes(b"%PDF-1.7\n" + good.read_bytes()[9:400])
    return _gold(p, gold_docs)


def _gold(p: PacketPlan, documents: list[dict]) -> dict:
    flags = sorted(set(p.flags))
    return {
        "complete": not any(SEVERITY[f] == "error" for f in flags),
        "flags": flags,
        "severity": {f: SEVERITY[f] for f in flags},
        "planted": p.planted,
        "applicant": {"name": p.applicant.name, "kind": p.applicant.kind,
                      "id_number": p.applicant.ident},
        "documents": documents,
        "notice": p.notice,
    }


# ----------------------------------------------------------------------------- plans

XZ_PLACES = [("540102", "西藏自治区拉萨市城关区", "拉萨市市场监督管理局"),
             ("540202", "西藏自治区日喀则市桑珠孜区", "日喀则市市场监督管理局"),
             ("540402", "西藏自治区林芝市巴宜区", "林芝市市场监督管理局"),
             ("540171", "西藏自治区拉萨市堆龙德庆区", "拉萨经济技术开发区市场监督管理局")]
XZ_ASSOCIATION = "西藏自治区质量协会"
YQ_PLACES = [("140302", "山西省阳泉市城区", "城区质量强区领导组办公室"),
             ("140303", "山西省阳泉市矿区", "矿区质量强区领导组办公室"),
             ("140311", "山西省阳泉市郊区", "郊区质量强区领导组办公室"),
             ("140322", "山西省阳泉市盂县", "盂县质量强县领导组办公室"),
             ("140321", "山西省阳泉市平定县", "平定县质量强县领导组办公室")]
SURNAMES = "扎西次仁格桑平措多吉尼玛旺堆达瓦卓玛央金"
HAN_NAMES = ["王建国", "李秀英", "张志强", "刘海燕", "陈立新", "杨文华", "赵丽萍", "郭晓东",
             "马俊峰", "孙红梅", "周德胜", "吴桂芳"]
ORG_STEMS = ["雪域", "高原", "圣湖", "珠峰", "雅江", "念青", "羌塘", "格桑", "藏源", "天路",
             "冈底斯", "拉鲁", "娘热", "纳金"]
YQ_STEMS = ["娘子关", "狮脑山", "桃河", "冠山", "藏山", "南庄", "荫营", "固庄", "义井", "赛鱼"]
ORG_KINDS = [("制造业、服务业、工程建设行业组织", "制造业", "有限责任公司", "股份有限公司"),
             ("中小企业", "中小企业", "有限责任公司", "有限公司")]


def _tib_name(n: int | random.Random) -> str:
    """Two Tibetan name parts; by number (unique for n < 56) or at random."""
    parts = [SURNAMES[i:i + 2] for i in range(0, len(SURNAMES), 2)]
    if isinstance(n, random.Random):
        return "".join(n.sample(parts, 2))
    first = n % len(parts)
    return parts[first] + parts[(first + 1 + n // len(parts)) % len(parts)]


def _org(rng: random.Random, notice: str, idx: int, *, form_date: dt.date, place=None,
         category=None, org_type="有限责任公司", stem=None, suffix="有限责任公司",
         founded=None) -> Applicant:
    """`idx` numbers the applicant inside its batch: it picks place, name and dates, so no
    two applicants of a batch share a name unless a plan makes them."""
    places = XZ_PLACES if notice == "xizang" else YQ_PLACES
    division, area, _ = place or places[idx % len(places)]
    stems = ORG_STEMS if notice == "xizang" else YQ_STEMS
    stem = stem or stems[idx % len(stems)]
    trade = ["建材", "食品", "电力工程", "旅游服务", "药业", "水泥", "机械制造", "物流"][idx % 8]
    city = "西藏" if notice == "xizang" else "阳泉"
    # schools are named by place and number, companies by region, brand and trade
    name = f"{stem}{suffix}" if suffix.endswith(("学", "学校", "学院")) else f"{city}{stem}{trade}{suffix}"
    contact = _tib_name(rng) if notice == "xizang" else rng.choice(HAN_NAMES)
    return Applicant(
        kind="organization", name=name, ident=make_uscc(rng, division), org_type=org_type,
        category=category or ("制造业、服务业、工程建设行业组织" if notice == "xizang" else "制造业"),
        founded=founded or dt.date(2003 + idx % 12, 1 + idx % 12, 3 + idx % 25),
        address=f"{area}{['金珠西路', '北京中路', '江苏路', '德吉路', '桃北路', '南大街'][idx % 6]}{10 + idx}号",
        legal_rep=_tib_name(rng) if notice == "xizang" else rng.choice(HAN_NAMES),
        contact=contact, phone=f"139{rng.randrange(10**8):08d}",
        email=f"zlb{rng.randrange(1000, 9999)}@163.com", form_date=form_date)


def _person(rng: random.Random, notice: str, idx: int, *, form_date: dt.date, place=None,
            born=None) -> Applicant:
    places = XZ_PLACES if notice == "xizang" else YQ_PLACES
    division, area, _ = place or places[idx % len(places)]
    born = born or dt.date(1968 + idx % 15, 1 + idx % 12, 1 + (idx * 7) % 28)
    female = idx % 2 == 1
    name = _tib_name(idx) if notice == "xizang" else HAN_NAMES[idx % len(HAN_NAMES)]
    unit_stem = (ORG_STEMS if notice == "xizang" else YQ_STEMS)[(idx + 5) % 10]
    city = "西藏" if notice == "xizang" else "阳泉"
    return Applicant(
        kind="individual", name=name, ident=make_id_number(rng, division, born, female=female),
        category=["一线工作人员", "质量管理人员", "质量领域专家学者"][idx % 3]
        if notice == "xizang" else ["组织管理人员", "工程技术人员", "一线工作人员"][idx % 3],
        sex="女" if female else "男", born=born,
        work_unit=f"{city}{unit_stem}实业有限责任公司", title=["质量部部长", "高级工程师", "班组长"][idx % 3],
        address=f"{area}{['林廓北路', '朵森格路', '义井大街'][idx % 3]}{20 + idx}号",
        contact=name, phone=f"138{rng.randrange(10**8):08d}",
        email=f"q{rng.randrange(1000, 9999)}@qq.com", form_date=form_date)


def _xz_route(channel: str, *, start=dt.date(2023, 7, 10), end=dt.date(2023, 7, 14),
              rec=dt.date(2023, 7, 24), publisher: str) -> Route:
    return Route(channel=channel, recommender=channel, publisher=publisher, pub_start=start,
                 pub_end=end, pub_date=end + dt.timedelta(days=3), rec_date=rec)


def _yq_route(place, *, start=dt.date(2021, 10, 25), end=dt.date(2021, 10, 29),
              rec=dt.date(2021, 11, 8)) -> Route:
    county = place[2]
    return Route(channel=county, recommender=county, publisher=county, pub_start=start,
                 pub_end=end, pub_date=end + dt.timedelta(days=3), rec_date=rec)


def xizang_plans() -> list[PacketPlan]:
    rng = random.Random(2023)
    fd = dt.date(2023, 7, 5)
    plans: list[PacketPlan] = []

    def org_plan(name, idx, shape, flags=(), planted="", place=None, **kw) -> PacketPlan:
        place = place or XZ_PLACES[idx % len(XZ_PLACES)]
        app_kw = {k: kw.pop(k) for k in list(kw) if k in ("category", "org_type", "stem",
                                                          "suffix", "founded", "form_date")}
        app = _org(rng, "xizang", idx, place=place, form_date=app_kw.pop("form_date", fd), **app_kw)
        route = kw.pop("route", None) or _xz_route(place[2], publisher=app.name)
        return PacketPlan(name, "xizang", shape, app, route, list(flags), planted, **kw)

    def ind_plan(name, idx, shape, flags=(), planted="", **kw) -> PacketPlan:
        place = XZ_PLACES[idx % len(XZ_PLACES)]
        app = _person(rng, "xizang", idx, place=place, form_date=fd, born=kw.pop("born", None))
        route = _xz_route(place[2], publisher=app.work_unit)
        return PacketPlan(name, "xizang", shape, app, route, list(flags), planted, **kw)

    plans += [
        org_plan("xz-01-org-docx", 0, "docx"),
        org_plan("xz-02-org-textpdf", 1, "textpdf"),
        org_plan("xz-03-org-scan", 2, "scan", category="中小企业", suffix="有限公司"),
        ind_plan("xz-04-ind-docx", 3, "docx"),
        ind_plan("xz-05-ind-envelope", 4, "envelope", copies=3),
        org_plan("xz-06-edu-textpdf", 5, "textpdf", category="教育机构", org_type="初级中学",
                 stem="拉萨市第八", suffix="中学"),
        org_plan("xz-07-no-evidence", 6, "docx", ["MISSING_DOCUMENT"],
                 "证实性材料 left out (notice: 申报表和证实性材料一式三份)", omit={"evidence"}),
        org_plan("xz-08-no-legal-rep", 7, "textpdf", ["MISSING_FIELD"],
                 "法定代表人 cell empty on the 申报表", form_blank={"法定代表人"}),
        org_plan("xz-09-form-unsealed", 8, "scan", ["MISSING_SEAL"],
                 "申报表 says 申报单位（盖章） but carries no impression", unsealed={"application_form"}),
        org_plan("xz-10-late", 9, "docx", ["LATE_SUBMISSION"],
                 "dated 2023-08-09, deadline to the 质量协会 2023-08-05; recommendation 08-18",
                 form_date=dt.date(2023, 8, 9),
                 route=_xz_route(XZ_ASSOCIATION, start=dt.date(2023, 8, 10), end=dt.date(2023, 8, 16),
                                 rec=dt.date(2023, 8, 18), publisher="PLACEHOLDER")),
        org_plan("xz-11-publicity-short", 10, "mixed", ["PUBLICITY_TOO_SHORT"],
                 "公示 2023-07-07 (Fri) to 07-12 (Wed): 4 working days, 5 required",
                 route=_xz_route("林芝市市场监督管理局", start=dt.date(2023, 7, 7),
                                 end=dt.date(2023, 7, 12), publisher="PLACEHOLDER")),
        org_plan("xz-12-outside-region", 11, "textpdf", ["INELIGIBLE_REGION"],
                 "registered in 四川省成都市 (notice: 在西藏自治区依法设立)",
                 place=("510104", "四川省成都市锦江区", XZ_ASSOCIATION)),
        org_plan("xz-13-high-school", 12, "docx", ["INELIGIBLE_CATEGORY"],
                 "a 普通高中 under 教育机构 (only 小学、初中和职业技术学校 admitted)",
                 category="教育机构", org_type="普通高级中学", stem="拉萨市第三", suffix="高级中学"),
        org_plan("xz-14-incident", 13, "envelope", ["RECENT_INCIDENT"],
                 "declares a 较大生产安全事故 in 2021 (look-back 5 years)", copies=3),
        org_plan("xz-15-won-last-time", 14, "docx", ["REAPPLIED_TOO_SOON"],
                 "won 第一届西藏质量奖 (2020): 不得连续申报"),
        org_plan("xz-16-bad-uscc", 15, "textpdf", ["USCC_INVALID"],
                 "统一社会信用代码 with a wrong check character on form and licence"),
        ind_plan("xz-17-bad-id", 16, "docx", ["ID_NUMBER_INVALID"],
                 "身份证号 with birth date 1987-02-30 (check digit computed, date impossible)"),
        org_plan("xz-18-name-mismatch", 17, "docx", ["NAME_MISMATCH"],
                 "公示 names the applicant …有限公司, the form …有限责任公司"),
        org_plan("xz-19-founded-after", 18, "textpdf", ["DATE_INCONSISTENT"],
                 "成立时间 2024-03-01 on a form dated 2023-07-05", founded=dt.date(2024, 3, 1)),
        org_plan("xz-20-dup-a", 19, "docx", ["DUPLICATE_APPLICATION"],
                 "same USCC as xz-21, through its city 市场监管局", stem="羌塘"),
        org_plan("xz-21-dup-b", 20, "textpdf", ["DUPLICATE_APPLICATION"],
                 "same USCC as xz-20, through 西藏自治区质量协会 (参评组织不得同时通过多渠道申报)",
                 stem="羌塘", route=_xz_route(XZ_ASSOCIATION, publisher="PLACEHOLDER")),
        org_plan("xz-22-photo-a", 21, "docx", ["DUPLICATE_EVIDENCE"],
                 "现场照片.jpg identical to xz-23's", shared_photo=True),
        org_plan("xz-23-photo-b", 22, "textpdf", ["DUPLICATE_EVIDENCE"],
                 "现场照片.jpg identical to xz-22's", shared_photo=True),
        org_plan("xz-24-text-layer", 23, "textpdf", ["TEXT_LAYER_MISMATCH"],
                 "申报表 is a scan with a hidden text layer whose phone number differs from the image"),
        org_plan("xz-25-password", 24, "docx", ["CREDENTIAL_LEAK"],
                 "目录 gives the mailbox password of the applicant",
                 leak="电子版材料已发送至xzzjzjc@163.com，本单位邮箱登录密码：Zl@2023xz"),
        org_plan("xz-26-corrupt-extra", 25, "textpdf", ["UNREADABLE"],
                 "an extra 财务报表.pdf is truncated; every required document is readable",
                 corrupt_extra=True),
    ]
    by = {p.name: p for p in plans}
    # Planted edits that need the applicant first.
    for p in plans:
        if p.route.publisher == "PLACEHOLDER":
            p.route.publisher = p.applicant.name
    by["xz-14-incident"].applicant.incident = "2021年6月发生较大生产安全事故1起，已整改完毕。"
    by["xz-15-won-last-time"].applicant.awards = ["2020年 第一届西藏质量奖（组织奖）"]
    for p in plans:
        if p.name != "xz-15-won-last-time" and p.applicant.kind == "organization" and not p.applicant.awards:
            p.applicant.awards = [f"{2019 + len(p.name) % 3}年 拉萨市质量管理先进单位"]
    by["xz-16-bad-uscc"].applicant.ident = break_check_char(by["xz-16-bad-uscc"].applicant.ident)
    bad = by["xz-17-bad-id"].applicant
    bad.born = dt.date(1987, 2, 28)
    first17 = bad.ident[:6] + "19870230" + bad.ident[14:17]
    from extractors.packets.identifiers import id_check_char
    bad.ident = first17 + id_check_char(first17)
    by["xz-18-name-mismatch"].pub_name = by["xz-18-name-mismatch"].applicant.name.replace(
        "有限责任公司", "有限公司")
    dup_a, dup_b = by["xz-20-dup-a"], by["xz-21-dup-b"]
    dup_b.applicant = copy.deepcopy(dup_a.applicant)
    dup_b.route.publisher = dup_b.applicant.name
    tl = by["xz-24-text-layer"]
    tl.hidden_text_replace = {tl.applicant.phone: tl.applicant.phone[:-4] + "0000"}
    return plans


def yangquan_plans() -> list[PacketPlan]:
    rng = random.Random(2021)
    fd = dt.date(2021, 10, 20)
    plans: list[PacketPlan] = []

    def org_plan(name, idx, shape, flags=(), planted="", place=None, route=None, **kw):
        place = place or YQ_PLACES[idx % len(YQ_PLACES)]
        app_kw = {k: kw.pop(k) for k in list(kw) if k in ("founded", "form_date", "stem")}
        app = _org(rng, "yangquan", idx, place=place, form_date=app_kw.pop("form_date", fd),
                   org_type="有限责任公司", **app_kw)
        return PacketPlan(name, "yangquan", shape, app, route or _yq_route(place), list(flags),
                          planted, **kw)

    def ind_plan(name, idx, shape, flags=(), planted="", place=None, **kw):
        place = place or YQ_PLACES[idx % len(YQ_PLACES)]
        app = _person(rng, "yangquan", idx, place=place, form_date=fd)
        return PacketPlan(name, "yangquan", shape, app, _yq_route(place), list(flags), planted, **kw)

    yu = YQ_PLACES[3]
    plans += [
        org_plan("yq-01-org-envelope", 0, "envelope", copies=3),
        ind_plan("yq-02-ind-envelope", 1, "envelope", copies=2),
        org_plan("yq-03-org-textpdf", 2, "textpdf"),
        org_plan("yq-04-young-org", 3, "docx", ["INELIGIBLE_OPERATING_YEARS"],
                 "注册时间 2019-06-10: under 3 years at the 2021-11-25 deadline",
                 founded=dt.date(2019, 6, 10)),
        org_plan("yq-05-publicity-holiday", 4, "envelope", ["PUBLICITY_TOO_SHORT"],
                 "公示 2021-09-29 to 2021-10-08 spans 国庆: 3 working days, 5 required",
                 form_date=dt.date(2021, 9, 24),
                 route=_yq_route(YQ_PLACES[4], start=dt.date(2021, 9, 29), end=dt.date(2021, 10, 8))),
        org_plan("yq-06-incident", 5, "textpdf", ["RECENT_INCIDENT"],
                 "declares a 重大质量安全事故 in 2020 (look-back 3 years)"),
        org_plan("yq-07-taiyuan", 6, "docx", ["INELIGIBLE_REGION"],
                 "registered in 太原市 (notice: 在阳泉市行政区域内注册)",
                 place=("140105", "山西省太原市小店区", YQ_PLACES[0][2])),
        ind_plan("yq-08-quota-1", 7, "docx", ["QUOTA_EXCEEDED"],
                 "盂县 sends 3 individuals (≤2, 原则上: warning)", place=yu),
        ind_plan("yq-09-quota-2", 8, "textpdf", ["QUOTA_EXCEEDED"],
                 "盂县 sends 3 individuals (≤2, 原则上: warning)", place=yu),
        ind_plan("yq-10-quota-3", 9, "docx", ["QUOTA_EXCEEDED"],
                 "盂县 sends 3 individuals (≤2, 原则上: warning)", place=yu),
        org_plan("yq-11-password", 10, "textpdf", ["CREDENTIAL_LEAK"],
                 "目录 quotes the 电子邮箱 and its 密码",
                 leak="电子版已报送 yqzlfz@163.com（邮箱密码：yq#2021zl）"),
        org_plan("yq-12-late", 11, "docx", ["LATE_SUBMISSION"],
                 "recommendation dated 2021-12-03 after 公示 11-22..26; deadline 2021-11-25",
                 form_date=dt.date(2021, 11, 19),
                 route=_yq_route(YQ_PLACES[1], start=dt.date(2021, 11, 22), end=dt.date(2021, 11, 26),
                                 rec=dt.date(2021, 12, 3))),
        org_plan("yq-13-rec-unsealed", 12, "scan", ["MISSING_SEAL"],
                 "推荐意见 of the county without its seal", unsealed={"recommendation"}),
        org_plan("yq-14-dup-a", 13, "textpdf", ["DUPLICATE_APPLICATION"],
                 "same organisation as yq-15, recommended by 城区", place=YQ_PLACES[0], stem="冠山"),
        org_plan("yq-15-dup-b", 14, "docx", ["DUPLICATE_APPLICATION"],
                 "same organisation as yq-14, recommended again by 郊区", place=YQ_PLACES[0],
                 stem="冠山", route=_yq_route(YQ_PLACES[2])),
        ind_plan("yq-16-publicity-reversed", 15, "docx", ["DATE_INCONSISTENT"],
                 "公示 from 2021-10-29 to 2021-10-25: ends before it starts"),
    ]
    by = {p.name: p for p in plans}
    by["yq-06-incident"].applicant.incident = "2020年8月发生重大质量安全事故1起。"
    by["yq-15-dup-b"].applicant = copy.deepcopy(by["yq-14-dup-a"].applicant)
    rev = by["yq-16-publicity-reversed"].route
    rev.pub_start, rev.pub_end = dt.date(2021, 10, 29), dt.date(2021, 10, 25)
    # Clean organisations list awards too, so the field is exercised without a flag.
    for p in plans:
        if p.applicant.kind == "organization" and not p.applicant.awards:
            p.applicant.awards = ["2019年 阳泉市优秀质量管理小组"]
    return plans


def rosters(plans: list[PacketPlan]) -> dict[str, list[tuple[str, str]]]:
    """推荐名单汇总表 per recommender: every applicant it sends."""
    out: dict[str, list[tuple[str, str]]] = {}
    for p in plans:
        kind = "组织" if p.applicant.kind == "organization" else "个人"
        out.setdefault(p.route.recommender, []).append((p.applicant.name, kind))
    return out


def write_batch(batch_dir: Path, plans: list[PacketPlan], *, notice: str) -> None:
    """The batch's packets with their gold, and batch.json naming the notice they answer."""
    if batch_dir.exists():
        shutil.rmtree(batch_dir)
    batch_dir.mkdir(parents=True)
    (batch_dir / "batch.json").write_text(json.dumps({"notice": notice}) + "\n", encoding="utf-8")
    lists = rosters(plans)
    photo = site_photo(7)
    for p in plans:
        roster = lists[p.route.recommender]
        gold = write_packet(p, batch_dir, roster=roster if len(roster) > 1 else None,
                            photo=photo if p.shared_photo else None)
        (batch_dir / f"{p.name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(out_root: Path) -> None:
    root = out_root / "packets"
    write_batch(root / "xizang-2023", xizang_plans(), notice="../../seeds/000_ede6b576285f0092.txt")
    write_batch(root / "yangquan-2021", yangquan_plans(), notice="../../seeds/002_22c4410221fa3656.txt")
