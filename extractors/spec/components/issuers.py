"""Issuers: the letterhead (`XX文件`), organisation lines above the title, the title's
`XX关于…` prefix, and the signature block above the date line. Tibetan lines of a bilingual
letterhead are already left out of the text, so the Chinese name is what remains."""
from __future__ import annotations

import re

from extractors.spec.components.dates import signature_dates
from extractors.spec.context import NoticeContext
from extractors.spec.patterns import DOC_NUMBER_RE, ORG_LINE_RE, ORG_SUFFIX, squash
from models.spec import TextValue

NAME = "spec_issuers"
VERSION = "8"
REQUIRES: tuple[str, ...] = ()
ASSIGNS = ("issuers",)

_TITLE_ISSUER = re.compile(rf"^《?(?P<org>[\u4e00-\u9fff（）()、]{{3,60}}?(?:{ORG_SUFFIX}))关于")
_SEAL_LINE = re.compile(r"代章|盖章|印章|签章|^[（(].*[)）]$")
_FRAGMENT = re.compile(r"[\u4e00-\u9fff（）()]{2,40}")
_NOT_ORG = re.compile(r"^(各|有关|全体|关于|附件|抄送|联系|地址|主办|承办)")


# A site's name (`…人民政府门户网站`) ends like an organisation (`站`) but issues nothing.
_SITE = re.compile(r"(?:网站|网|平台|系统)$")


def is_org_line(squashed: str) -> bool:
    return bool(ORG_LINE_RE.fullmatch(squashed)) and not _NOT_ORG.match(squashed) and not _SITE.search(squashed)


_REGION = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|地区|县|区|州|盟|旗))")


def split_glued(name: str) -> list[str]:
    """`甘肃省市场监督管理局甘肃省财政厅` → two names: a second name starts where the first
    one's region starts again (or with 中共/国家)."""
    region = _REGION.match(name)
    for m in re.finditer(ORG_SUFFIX, name):
        head, rest = name[:m.end()], name[m.end():]
        if len(head) < 5 or len(rest) < 5 or not is_org_line(head):
            continue
        if rest.startswith(("中共", "国家")) or (region and rest.startswith(region.group(1))):
            if is_org_line(rest) or split_glued(rest) != [rest]:
                return [head, *split_glued(rest)]
    return [name]


_DIVISION = re.compile(r"[\u4e00-\u9fff]{2,8}(?:处|科|室|股)")


def org_names(ctx: NoticeContext, line) -> list[str]:
    """Organisation name(s) a line consists of; several when spaces in the reader text or a
    repeated region separate them."""
    parts = [squash(p) for p in re.split(r"\s{2,}|[\t\n\f]", ctx.original(line.start, line.end).strip()) if p.strip()]
    if len(parts) > 1 and all(is_org_line(p) for p in parts):
        # `南通市市场监督管理局  质量发展处` (a deck's title page): the office is part of the
        # bureau before it, which is what issued the document.
        return [parts[0], *(p for p in parts[1:] if not _DIVISION.fullmatch(p) or _REGION.match(p))]
    if is_org_line(line.squashed):
        return split_glued(line.squashed)
    return []


def same_org(a: str, b: str) -> bool:
    """`市场监管总局办公厅` is `国家市场监督管理总局办公厅` written short: the short name's
    characters appear in order in the long one and both end alike."""
    short, long_ = sorted((a, b), key=len)
    if short in long_:
        return True
    if short[-1] not in long_[-3:]:        # `市市场监管委` ends where `…委员会` does
        return False
    it = iter(long_)
    return all(ch in it for ch in short)


def merge_orgs(values: list[TextValue]) -> list[TextValue]:
    """One entry per organisation, keeping the fullest name."""
    kept: list[TextValue] = []
    for v in sorted(values, key=lambda v: (-len(v.value), -v.confidence)):
        if not any(same_org(v.value, k.value) for k in kept):
            kept.append(v)
    return kept


def _letterhead(ctx: NoticeContext) -> list[TextValue]:
    """`西藏自治区` + `质量协会文件` → 西藏自治区质量协会 (lines above the 文件 line joined)."""
    lines = ctx.lines[:6]
    for i, line in enumerate(lines):
        s = line.squashed
        if DOC_NUMBER_RE.fullmatch(s) or "关于" in s:
            break
        for kind in ("函", "公告", "通告"):             # `臺中市政府　函`, `經濟部智慧財產局　公告`
            if s.endswith(kind) and is_org_line(s[:-len(kind)]):
                return [TextValue(value=s[:-len(kind)], provenance=ctx.prov(line.start, line.end))]
        if s.endswith("文件"):
            best = None
            for first in range(i, max(-1, i - 4), -1):
                if first < i and not _FRAGMENT.fullmatch(lines[first].squashed):
                    break
                name = squash("".join(l.text for l in lines[first:i + 1]))[:-2]
                if is_org_line(name):
                    best = (name, lines[first].start)
            if best is None:
                return []
            return [TextValue(value=name, provenance=ctx.prov(best[1], line.end)) for name in split_glued(best[0])]
    return []


_BODY_START = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")
_NAVIGATION = re.compile(r"当前位置|首页\s*[>＞»|｜]|^首页|[>＞»]\s*正文")


def _header_lines(ctx: NoticeContext) -> list[TextValue]:
    """Organisation lines at the top, before the salutation (`各有关单位：`). On a web page the
    lines above the navigation are the site's banner, not the notice's issuer. A body under a
    government (`澳門特別行政區政府` / `科學技術發展基金`) is one issuer written on two lines."""
    found: list[TextValue] = []
    for line in ctx.lines[:8]:
        if line.start >= ctx.segment.header_end and found:
            break
        s = line.squashed
        if _NAVIGATION.search(s):
            found = []
            continue
        # The salutation, the first paragraph or heading: what follows is the body (a 公示
        # lists the companies it names right under its first heading).
        if s.endswith(("：", ":")) or _BODY_START.match(s) or (len(s) > 40 and "。" in s):
            break
        for name in org_names(ctx, line):
            prov = ctx.prov(line.start, line.end)
            if found and found[-1].value.endswith("政府") and not _REGION.match(name):
                found[-1] = TextValue(value=found[-1].value + name, confidence=0.9, provenance=prov)
                continue
            found.append(TextValue(value=name, confidence=0.9, provenance=prov))
    return found


def _from_title(ctx: NoticeContext) -> list[TextValue]:
    seg = ctx.segment
    if not seg.title or not seg.title_span:
        return []
    m = _TITLE_ISSUER.match(seg.title)
    if not m or _NOT_ORG.match(m["org"]):
        return []
    return [TextValue(value=name, confidence=0.9, provenance=ctx.prov(*seg.title_span))
            for name in split_glued(m["org"])]


def _signature(ctx: NoticeContext) -> list[TextValue]:
    """Organisation lines right above the signature date (seal notes skipped)."""
    found = []
    for i, d, signed, same_line_org in signature_dates(ctx):
        if not signed:
            continue
        if same_line_org:
            line = ctx.lines[i]
            found.extend(TextValue(value=name, confidence=0.9, provenance=ctx.prov(line.start, line.end))
                         for name in split_glued(same_line_org))
        j = i - 1
        while j >= 0 and i - j <= 4:
            s = ctx.lines[j].squashed
            names = org_names(ctx, ctx.lines[j])
            if names:
                found.extend(TextValue(value=name, confidence=0.95,
                                       provenance=ctx.prov(ctx.lines[j].start, ctx.lines[j].end)) for name in names)
            elif not _SEAL_LINE.search(s):
                break
            j -= 1
        break
    return found


# What a web page prints below the notice: `【打印】【关闭】`, links, the site's imprint.
_PAGE_FOOTER = re.compile(r"【(?:打印|关闭|返回|收藏)|打印本页|关闭窗口|相关链接|版权所有|ICP|主办[:：]|浏览次数|分享到|扫一扫")


def _undated_signature(ctx: NoticeContext) -> list[TextValue]:
    """A web copy may drop the signature's date (`共青团海南省委` / `海南省青年联合会`, then
    `【打印】【关闭】`): organisation lines ending the notice are its signature."""
    found: list[TextValue] = []
    footer = False
    for line in reversed(ctx.lines):
        s = line.squashed
        if not s or (not found and _PAGE_FOOTER.search(s)):
            footer = footer or bool(s)
            continue
        names = org_names(ctx, line)
        if not names or len(found) >= 4:
            break
        found[:0] = [TextValue(value=name, confidence=0.85, provenance=ctx.prov(line.start, line.end))
                     for name in names]
    # Without the page's footer below them, such lines may as well be a list the notice ends
    # with (the companies a 公示 names).
    return found if footer else []


# `现将市场监管总局办公厅《关于…的通知》转发给你们`: the issuer stands before the title.
_ORG_BEFORE_TITLE = re.compile(rf"(?P<org>[\u4e00-\u9fff（）()]{{3,40}}?(?:{ORG_SUFFIX}))\s*《(?P<title>[^《》]{{4,120}})》")
_ORG_LEAD = re.compile(r"^.*?(?:现将|特将|转发|根据|按照|将)")


def forwarded_issuer(ctx: NoticeContext, title: str) -> list[TextValue]:
    """Issuer named in a forwarded notice's title (`《市场监管总局办公厅关于…》`), or right
    before the title where the text forwards it."""
    m = _TITLE_ISSUER.match(title)
    if not m:
        for b in _ORG_BEFORE_TITLE.finditer(ctx.text, ctx.start, ctx.end):
            org = _ORG_LEAD.sub("", b["org"])
            if squash(b["title"]) == title and len(org) >= 3 and is_org_line(org):
                return [TextValue(value=org, confidence=0.7, provenance=ctx.prov(b.start("org"), b.end("org")))]
        return []
    at = ctx.text.find(m["org"], ctx.start, ctx.end)
    prov = ctx.prov(at, at + len(m["org"])) if at >= 0 else None
    return [TextValue(value=m["org"], confidence=0.8, provenance=prov)]


_SOURCE = re.compile(rf"(?:发文机关|发布机构|发布单位|信息来源|来源)\s*[:：]\s*(?P<org>[\u4e00-\u9fff（）()]{{3,40}}?(?:{ORG_SUFFIX}|组))(?![\u4e00-\u9fff])")


# `来源：质量发展处`: an office inside the site's owner, named without its region.
_OFFICE = re.compile(r"^(?!.*(?:省|市|县|区|州|盟|旗|国家|中国|全国))[\u4e00-\u9fff]{2,12}(?:处|科|室|办公室|中心|部|组)$")


def _banner(ctx: NoticeContext) -> list[TextValue]:
    """A web page's banner: organisation lines above the navigation line."""
    found: list[TextValue] = []
    for line in ctx.lines[:8]:
        if _NAVIGATION.search(line.squashed):
            return found
        found.extend(TextValue(value=name, confidence=0.6, provenance=ctx.prov(line.start, line.end))
                     for name in org_names(ctx, line))
        # A bilingual banner: the Chinese name, then the English one.
        bilingual = _BILINGUAL.match(line.squashed)
        if bilingual and is_org_line(bilingual["org"]):
            found.append(TextValue(value=bilingual["org"], confidence=0.6,
                                   provenance=ctx.prov(line.start, line.start + len(bilingual["org"]))))
    return []


_BILINGUAL = re.compile(r"^(?P<org>[\u4e00-\u9fff（）()]{3,40})[A-Za-z][A-Za-z ,.&'-]{8,}")


def _page_source(ctx: NoticeContext) -> list[TextValue]:
    """A web page's `来源：XX局`, for when the notice itself names no issuer; where the source
    is only an office of the site's owner, the owner in the banner issued it."""
    m = _SOURCE.search(ctx.text, ctx.start, min(ctx.end, ctx.start + 600))
    if not m:
        return []
    if _OFFICE.match(m["org"]):
        return _banner(ctx) or []
    return [TextValue(value=m["org"], confidence=0.6, provenance=ctx.prov(m.start("org"), m.end("org")))]


# `根据《农业农村部办公厅关于…的通知》（农办科〔2024〕8号，见附件1）要求`: a notice cited and
# attached is the one this notice passes on, whatever verb it uses.
_ATTACHED_NOTICE = re.compile(r"《(?P<title>[^《》]{6,120})》\s*[（(][^）)]{0,40}?见附件")


def _attached_notice_issuers(ctx: NoticeContext) -> list[TextValue]:
    found = []
    for m in _ATTACHED_NOTICE.finditer(ctx.text, ctx.start, ctx.end):
        title = _TITLE_ISSUER.match(squash(m["title"]))
        if title:
            found.append(TextValue(value=title["org"], confidence=0.75,
                                   provenance=ctx.prov(m.start("title"), m.start("title") + len(title["org"]))))
    return found


# A signature's seal note (`安徽省建筑业协会（盖章）`) is no part of the name.
_SEAL_NOTE = re.compile(r"[（(](?:盖章|公章|印章|签章|章)[)）]$")


def extract(ctx: NoticeContext) -> dict:
    found = _letterhead(ctx) + _header_lines(ctx) + _from_title(ctx) + (_signature(ctx) or _undated_signature(ctx))
    found = [v.model_copy(update={"value": _SEAL_NOTE.sub("", v.value)}) for v in found]
    found += _attached_notice_issuers(ctx)
    return {"issuers": merge_orgs(found or _page_source(ctx))}
