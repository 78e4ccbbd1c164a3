"""Required materials (copies, formats), the attachments list, procedure steps and the
evaluation standards (GB/T 19580 …) a notice names."""
from __future__ import annotations

import re

from extractors.spec.context import NoticeContext
from extractors.spec.patterns import sentences
from models.spec import Attachment, Material, ProcedureStep, TextValue
from normalizers.numbers import NUMBER, chinese_to_int

NAME = "spec_materials"
VERSION = "3"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("materials", "attachments", "procedure", "evaluation_standards")

_COPIES = re.compile(rf"(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff、和及]{{1,30}}?)(?:各)?(?:一式\s*(?P<n>{NUMBER})\s*份|(?P<n2>{NUMBER})\s*份)")
_FORMATS = {"纸质": r"纸质", "Word": r"[Ww][Oo][Rr][Dd]", "PDF": r"PDF|pdf", "U盘": r"U\s*盘|优盘",
            "光盘": r"光盘", "电子版": r"电子版|电子文档"}
_ATTACHMENT_HEAD = re.compile(r"^[-\s]*附\s*件\s*[:：]?\s*(?P<rest>.*)$")
_ATTACHMENT_ITEM = re.compile(r"^[-\s]*(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>.+?)\s*$")
_PROCEDURE = re.compile(
    rf"程序(?:包括|分为|主要包括|依次为)(?P<list>[^。；]{{4,160}}?)(?:等)?(?:{NUMBER})个?(?:环节|步骤|阶段)")
_STANDARD = re.compile(r"(?P<code>(?:GB|DB\d{2})\s*/?\s*[TZ]?\s*\d{4,5}(?:\s*[.\-—]\s*\d{4})?)\s*(?P<title>《[^》]{2,40}》)?")
_SUFFIX = re.compile(r"\.(docx?|xlsx?|pdf|wps)$", re.I)


_CLAUSE_BREAK = re.compile(r"[，,；;（()）]")
# `申报材料包括：申报表、自我评价报告、证实性材料，…`: the documents a packet must hold,
# listed without copies; the list ends at the clause. Only what applicants hand in: 评审材料
# (what the jury writes) is no requirement on a packet.
_LISTED = re.compile(r"(?:申报|推荐|报送|提交|申请|参评|所需)材料(?:主要)?(?:包括|包含|含|有|为|如下)\s*[:：]?\s*"
                     r"(?P<list>[^。；;，,（(：:]{2,120})")
_LIST_ITEM_SPLIT = re.compile(r"、|以及|和|及")
# An item of such a list names a document, not an action or a quality.
_DOCUMENT_NOUN = re.compile(r"(?:表|书|报告|材料|意见|函|说明|证明|复印件|证书|清单|目录)$")


def _clause_window(sentence: str, start: int, end: int) -> str:
    """The clause around a copies phrase, plus the next clause when it adds only a format
    (`一式三份，Word 电子版一份，用优盘拷贝`)."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    stop = _CLAUSE_BREAK.search(sentence, end)
    hi = stop.start() if stop else len(sentence)
    if stop:
        nxt = _CLAUSE_BREAK.search(sentence, stop.end())
        following = sentence[stop.end(): nxt.start() if nxt else len(sentence)]
        if "份" not in following:
            hi = stop.end() + len(following)
    return sentence[lo:hi]


def _materials(ctx: NoticeContext) -> list[Material]:
    found = []
    for s, e in sentences(ctx.text, ctx.segment.header_end, ctx.end):
        sentence = ctx.text[s:e]
        for m in _COPIES.finditer(sentence):
            copies = chinese_to_int(m["n"] or m["n2"])
            window = _clause_window(sentence, m.start(), m.end())
            formats = [f for f, rx in _FORMATS.items() if re.search(rx, window)]
            name = re.sub(r"^.*(?:包括|整理|装订|成册|需|将|把|的)", "", m["name"]) or m["name"]
            name = name.lstrip("版的和及、") or m["name"]
            found.append(Material(name=name, copies=copies, formats=formats, confidence=0.75,
                                  provenance=ctx.prov(s + m.start(), s + m.end())))
    found += _listed_materials(ctx, {m.name for m in found})
    return found or _named_in_rules(ctx)


# Rules (管理办法) name what an applicant hands in within the procedure, not in a list:
# `形成自我评价报告，按照规定填写申报表并提供有关证实性材料，报送至…`.
_RULE_MATERIAL = re.compile(r"(?:形成|填写|提供|提交|报送|附)(?:有关|相关)?(?P<name>自我评价报告|申报表|推荐表|证实性材料)")


def _named_in_rules(ctx: NoticeContext) -> list[Material]:
    found, known = [], set()
    for m in _RULE_MATERIAL.finditer(ctx.text, ctx.segment.header_end, ctx.end):
        if m["name"] not in known:
            known.add(m["name"])
            found.append(Material(name=m["name"], confidence=0.6, provenance=ctx.prov(m.start("name"), m.end("name"))))
    return found


def _listed_materials(ctx: NoticeContext, known: set[str]) -> list[Material]:
    found = []
    for m in _LISTED.finditer(ctx.text, ctx.segment.header_end, ctx.end):
        start = m.start("list")
        for item in _LIST_ITEM_SPLIT.split(m["list"]):
            name = re.sub(r"(?:等|等材料)$", "", item.strip())
            if 2 <= len(name) <= 20 and _DOCUMENT_NOUN.search(name) and name not in known:
                known.add(name)
                at = ctx.text.find(name, start, m.end())
                found.append(Material(name=name, confidence=0.7,
                                      provenance=ctx.prov(at, at + len(name))))
    return found


def _attachments(ctx: NoticeContext) -> list[Attachment]:
    found, lines, i = [], ctx.lines, 0
    while i < len(lines):
        head = _ATTACHMENT_HEAD.match(lines[i].text)
        if not head or lines[i].start < ctx.segment.header_end:
            i += 1
            continue
        rest = head["rest"].strip()
        items = [(lines[i], rest)] if rest else []
        j = i + 1
        if not rest and j < len(lines) and lines[j].squashed.startswith("《"):
            items.append((lines[j], lines[j].text))        # one unnumbered attachment below
            j += 1
        while j < len(lines) and _ATTACHMENT_ITEM.match(lines[j].text):
            items.append((lines[j], lines[j].text))
            j += 1
        for line, raw in items:
            item = _ATTACHMENT_ITEM.match(raw)
            number = int(item["n"]) if item else None
            title = _SUFFIX.sub("", (item["title"] if item else raw).strip())
            if title:
                found.append(Attachment(number=number, title=title, provenance=ctx.prov(line.start, line.end)))
        i = j
    return found


def _procedure(ctx: NoticeContext) -> list[ProcedureStep]:
    m = _PROCEDURE.search(ctx.text, ctx.start, ctx.end)
    if not m:
        return []
    steps = [s for s in re.split(r"[、，,]", m["list"]) if s]
    return [ProcedureStep(order=i + 1, title=step, confidence=0.8, provenance=ctx.prov(m.start(), m.end()))
            for i, step in enumerate(steps)]


def _standards(ctx: NoticeContext) -> list[TextValue]:
    found, seen = [], set()
    for m in _STANDARD.finditer(ctx.text, ctx.start, ctx.end):
        code = re.sub(r"\s+", "", m["code"])
        code = re.sub(r"^(GB|DB\d{2})/?([TZ])?", lambda g: g[1] + ("/" + g[2] if g[2] else "") + " ", code)
        value = code + (m["title"] or "")
        if code not in seen:
            seen.add(code)
            found.append(TextValue(value=value, provenance=ctx.prov(m.start(), m.end())))
    return found


def extract(ctx: NoticeContext) -> dict:
    return {"materials": _materials(ctx), "attachments": _attachments(ctx),
            "procedure": _procedure(ctx), "evaluation_standards": _standards(ctx)}
