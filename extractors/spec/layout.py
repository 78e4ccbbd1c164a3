"""Where things sit in a notice: lines, the title, the header, and the notice(s) inside it.

A forwarding notice (转发通知) carries the forwarded notice after its own signature, with its
own letterhead, document number, deadlines and contacts; each becomes a `Segment` that the
field components read on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from extractors.spec.patterns import DOC_NUMBER_RE, ORG_LINE_RE, squash


@dataclass(frozen=True)
class TextLine:
    start: int
    end: int
    text: str                       # as in the document, without the line break

    @property
    def squashed(self) -> str:
        return squash(self.text)


@dataclass(frozen=True)
class Segment:
    """One notice inside the document text: [start, end) in the normalized text."""
    start: int
    end: int
    lines: tuple[TextLine, ...]
    title: str | None = None
    title_span: tuple[int, int] | None = None
    header_end: int = 0             # where the body begins (after the salutation line)
    forwarded_title: str | None = None      # set on the notice that forwards another


_TIBETAN = re.compile(r"[\u0f00-\u0fff]")
_TITLE_WORDS = re.compile(r"关于|通知|办法|细则|解读|决定|公告|通告|方案|意见")
_TITLE_END = re.compile(r"(通知|办法|细则|决定|意见|方案|公告|通告|函|解读|规定|》)$")
_NAVIGATION = re.compile(r">|＞|»|当前位置|首页|通知公告$|发布时间|发布日期|来源[:：]")
_SALUTATION = re.compile(r"[:：]$")
_FORWARDING = re.compile(r"转发")
# `现将《…办法》印发给你们` issues the notice's own rules; only 转发 forwards another notice.
_FORWARD_SENTENCE = re.compile(r"现将[^。]{0,200}?转发给你们|现转发|予以转发")
_ENUMERATED = re.compile(r"^[-\s]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、]")
_BOOK_TITLE = re.compile(r"《([^《》]{6,120})》")
_LABELLED = re.compile(r"^[^：:]{2,12}[：:].")
# How a body's sentences open; a line opening so is no title, however short.
_BODY_OPENERS = ("各", "现将", "为", "根据", "附件", "抄送")


def split_lines(text: str, start: int = 0, end: int | None = None) -> tuple[TextLine, ...]:
    """Non-blank lines of text[start:end], Tibetan-script lines left out."""
    end = len(text) if end is None else end
    lines, pos = [], start
    for raw in re.split(r"([\n\f])", text[start:end]):
        if raw in ("\n", "\f"):
            pos += 1
            continue
        if raw.strip() and not _TIBETAN.search(raw):
            lines.append(TextLine(pos, pos + len(raw), raw))
        pos += len(raw)
    return tuple(lines)


def _find_title(lines: tuple[TextLine, ...]) -> tuple[str, tuple[int, int], int] | None:
    """The title: first line near the top with a title word, plus the lines that finish it."""
    for i, line in enumerate(lines[:25]):
        text = line.squashed
        if "。" in text and len(text) >= 60:
            break                       # the body has begun: a title stands above it
        if not _TITLE_WORDS.search(text) or _SALUTATION.search(text) or len(text) > 90 or len(text) < 6:
            continue
        if _LABELLED.search(text):
            continue                    # `初审结果通知：2024年10月`, a field of the body
        if _NAVIGATION.search(text) or "。" in text or text.count("，") > 1:
            continue                    # navigation, or a sentence of the body
        if text.startswith(_BODY_OPENERS) or DOC_NUMBER_RE.fullmatch(text):
            continue
        parts, last = [text], i
        while not _TITLE_END.search("".join(parts)) and last + 1 < len(lines) and last - i < 3:
            nxt = lines[last + 1].squashed
            if _SALUTATION.search(nxt) or len(nxt) > 40 or DOC_NUMBER_RE.fullmatch(nxt):
                break
            parts.append(nxt)
            last += 1
        return "".join(parts), (line.start, lines[last].end), last
    # A web page may headline the award without any title word (`第35届国家品质奖即日起受理申请`),
    # at the top or right below its navigation line (`主页 > 最新消息 > 通告`).
    below_navigation = [i + 1 for i, line in enumerate(lines[:8]) if _NAVIGATION.search(line.squashed)]
    for i in [*range(min(3, len(lines))), *(i for i in below_navigation if 3 <= i < len(lines))]:
        line = lines[i]
        text = line.squashed
        if "奖" in text and 6 <= len(text) <= 60 and not _NAVIGATION.search(text) and not _SALUTATION.search(text) \
                and not text.startswith(_BODY_OPENERS):
            return text, (line.start, line.end), i
    return None


def _header_end(lines: tuple[TextLine, ...], after: int) -> int:
    """Index of the first body line: after the salutation (`各有关单位：`)."""
    for i in range(after, min(len(lines), after + 6)):
        if _SALUTATION.search(lines[i].squashed) and len(lines[i].squashed) < 200:
            return i + 1
    return min(len(lines), after)


def _forwarded_start(lines: tuple[TextLine, ...], after: int) -> int | None:
    """Offset where the forwarded notice begins: its letterhead, found by its standalone
    document number line (backing up over the issuer lines above it), else by its title line."""
    def own_number(s: str) -> bool:
        return DOC_NUMBER_RE.fullmatch(s) is not None

    def own_title(s: str) -> bool:
        return ("关于" in s and s.endswith("通知") and not _ENUMERATED.match(s)
                and not s.startswith(("附件", "《", "关于转发")))

    for is_start in (own_number, own_title):
        for i, line in enumerate(lines):
            if line.start <= after or not is_start(line.squashed):
                continue
            first = i
            while first - 1 >= 0 and lines[first - 1].start > after and first > i - 3:
                above = lines[first - 1].squashed
                # An attached notice may give its title above its number (`附件` / title / 文号).
                if ORG_LINE_RE.fullmatch(above) or own_number(above) or (
                        is_start is own_number and own_title(above)):
                    first -= 1
                else:
                    break
            return lines[first].start
    return None


def _segment(text: str, start: int, end: int) -> Segment:
    lines = split_lines(text, start, end)
    found = _find_title(lines)
    title, span, last = found if found else (None, None, -1)
    header_end_idx = _header_end(lines, last + 1)
    header_end = lines[header_end_idx - 1].end if lines and header_end_idx else start
    return Segment(start=start, end=end, lines=lines, title=title, title_span=span,
                   header_end=header_end)


def _split_forwarded(text: str, seg: Segment) -> tuple[Segment, Segment | None]:
    """(the notice, with `forwarded_title` set if it forwards one; the forwarded notice's
    segment when its text follows) for one segment."""
    body_head = text[seg.header_end: seg.header_end + 1500]
    title = seg.title or ""
    sentence = _FORWARD_SENTENCE.search(body_head)
    if not (_FORWARDING.search(title) or sentence):
        return seg, None
    named = _BOOK_TITLE.search(title) or _BOOK_TITLE.search(body_head)
    forwarded_title = squash(named.group(1)) if named else None
    after = seg.header_end + (sentence.end() if sentence else 0)
    inner_start = _forwarded_start(seg.lines, after)
    if inner_start is None:
        return replace(seg, forwarded_title=forwarded_title), None
    head = replace(_segment(text, seg.start, inner_start), forwarded_title=forwarded_title)
    return head, _segment(text, inner_start, seg.end)


def segments(text: str) -> list[Segment]:
    """The document as a chain of notices: [outer], [outer, forwarded], or deeper when a
    county forwards a city's notice that forwards the province's."""
    chain, rest = [], _segment(text, 0, len(text))
    while rest is not None and len(chain) < 4:
        seg, rest = _split_forwarded(text, rest)
        chain.append(seg)
    return chain
