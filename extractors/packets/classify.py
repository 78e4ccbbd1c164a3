"""What kind of packet document a page belongs to, and whether it starts one.

A page's title (its first few rows) names the document in this genre: 申报表, 推荐表,
自我评价报告, 公示情况说明, 推荐意见, 营业执照, 目录. A titled page starts a document; an
untitled page continues the one before. The body's vocabulary decides only when no title
speaks (a form page without a heading, a certificate photo with a few words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.packet import PacketDocKind as K

from extractors.packets.rows import Row

# Title patterns, most specific first: 推荐名单汇总表 before 推荐表, 公示证明 before 证明.
TITLE_PATTERNS: list[tuple[K, re.Pattern[str]]] = [
    (K.COVER_LETTER, re.compile(r"^(目录|申报函|材料清单|报送函)$|^目录|^申报材料(目录|清单)$")),
    (K.SELF_ASSESSMENT, re.compile(r"自我评价|自评报告|自我评估")),
    (K.PUBLICITY_PROOF, re.compile(r"公示(情况|证明|说明|结果|截图|材料|公告)|关于.*公示的(说明|证明|报告)")),
    (K.RECOMMENDATION, re.compile(r"推荐(意见|函|名单|汇总表)|审核意见|推荐信|评审意见|^关于推荐.*的(函|报告|请示)$")),
    (K.APPLICATION_FORM, re.compile(r"(申报|申请|推荐|登记|报名)(表|书)$|(申报|申请|推荐)(表|书)[（(]"
                                    r"|^.{0,40}(申报|申请|推荐)表")),
    (K.EVIDENCE, re.compile(r"营业执照|证书|许可证|资质|荣誉|身份证|复印件|财务(报表|报告)|审计报告|"
                            r"照片|检测报告|证明$|证明材料|证实性材料|佐证材料|支撑材料|合同")),
]

# Body words of each kind, for pages without a title.
BODY_WORDS: dict[K, tuple[str, ...]] = {
    K.APPLICATION_FORM: ("统一社会信用代码", "法定代表人", "联系人", "联系电话", "成立时间", "注册地址",
                         "申报类别", "身份证号", "工作单位", "出生年月", "盖章", "签字"),
    K.SELF_ASSESSMENT: ("领导", "战略", "顾客", "过程管理", "测量", "改进", "结果", "质量文化"),
    K.PUBLICITY_PROOF: ("公示", "异议", "公示期"),
    K.RECOMMENDATION: ("同意推荐", "推荐单位", "经审核", "推荐意见"),
    K.EVIDENCE: ("证书编号", "发证", "颁发", "有效期", "登记机关", "兹证明", "特发此证"),
    K.COVER_LETTER: ("目录", "一式", "份"),
}

TITLE_ROWS = 5                     # a letterhead and a document number may stand above the title
PHOTO_MAX_CHARS = 20               # a caption or a sign in the picture, not a document
TITLE_MAX_CHARS = 60


@dataclass(frozen=True)
class PageClass:
    kind: K
    title: str                     # the row that named the kind ("" when the body decided)
    starts: bool                   # a titled page: a new document begins here
    score: float


_SENTENCE = re.compile(r"[，,。；;]")
# A numbered line is an entry of a list (a 目录 naming "1.申报表"), never a heading.
_LIST_ENTRY = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")


def _centred(row: Row, page_width: float | None) -> bool:
    box = row.bbox
    if page_width is None or box is None:
        return True
    return abs((box[0] + box[2]) / 2 - page_width / 2) < 0.15 * page_width


def title_kind(text: str) -> K | None:
    text = text.replace(" ", "")
    if not text or len(text) > TITLE_MAX_CHARS:
        return None
    for kind, pattern in TITLE_PATTERNS:
        if pattern.search(text):
            return kind
    return None


def classify_page(rows: list[Row], previous: K | None = None,
                  page_width: float | None = None) -> PageClass:
    """Kind of one page from its rows; `previous` is the kind of the page before it. With the
    page's width, a title below the first row must be centred: a body line that happens to
    say 证书 or 推荐表 is not a heading."""
    for i, row in enumerate(rows[:TITLE_ROWS]):
        # a title is one short line on its own, not a labelled table cell nor a sentence
        if len(row.cells) > 1 and not title_kind(row.cells[0].text):
            continue
        if _SENTENCE.search(row.text) or _LIST_ENTRY.match(row.text) \
                or (i > 0 and not _centred(row, page_width)):
            continue
        kind = title_kind(row.text)
        if kind is not None:
            return PageClass(kind, row.text, True, 1.0)
    text = "".join(r.text for r in rows)
    scores = {k: sum(text.count(w) for w in words) for k, words in BODY_WORDS.items()}
    best, hits = max(scores.items(), key=lambda kv: kv[1])
    if previous is not None and (hits < 3 or best == previous):
        return PageClass(previous, "", False, 0.5)
    if hits == 0:
        # a page with (almost) no words is a photo: evidence of its own; unknown prose is other
        return PageClass(K.EVIDENCE if len(text) < PHOTO_MAX_CHARS else K.OTHER, "", True, 0.2)
    return PageClass(best, "", previous is None or best != previous, min(1.0, hits / 6))
