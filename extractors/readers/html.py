"""HTML: the visible text only (no scripts, styles, hidden nodes); block elements end lines.

Nothing referenced by the page (images, frames, links) is fetched.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from models import Origin, Page

from extractors.readers.plain_text import text_to_pages
from extractors.readers.sniff import decode_text

_INVISIBLE = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
              "canvas", "head", "button", "select", "input", "textarea"]
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
           "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "dl",
           "form", "hr", "center", "address", "figcaption", "main", "aside", "nav"}


def read_html_pages(data: bytes) -> tuple[list[Page], str | None]:
    soup = BeautifulSoup(decode_text(data) or "", "lxml")
    title = soup.title.get_text(strip=True) if soup.title else None
    for tag in soup(_INVISIBLE):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(style=True):
        style = tag.get("style", "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            tag.decompose()
    for tag in soup.find_all(hidden=True):
        tag.decompose()
    text = _visible_text(soup)
    text = "\n".join(line.strip(" \t\u3000\xa0").replace("\t", "  ") for line in text.split("\n"))
    return text_to_pages(text, Origin.HTML), title


class _Close(str):
    """What a tag leaves after its content (line break, cell TAB), queued on the walk's stack."""


def _visible_text(soup: BeautifulSoup) -> str:
    """The strings `get_text` would give, with a line break around each block element and a TAB
    after each table cell, in one pass over an explicit stack.

    Not by inserting "\\n" strings into the tree: each bs4 insert walks the subtree below it,
    so a hostile page nesting tags 100,000 deep took hours; nor by recursion, which that depth
    would exhaust.
    """
    keep = soup.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    keep = (keep,) if isinstance(keep, type) else tuple(keep)
    parts: list[str] = []
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, _Close):
            parts.append(node)
        elif isinstance(node, NavigableString):
            if type(node) in keep:
                parts.append(str(node))
        elif isinstance(node, Tag):
            block = node.name in _BLOCKS
            if block:
                parts.append("\n")
            closing = ("\t" if node.name in ("td", "th") else "") + ("\n" if block else "")
            if closing:
                stack.append(_Close(closing))
            stack.extend(reversed(node.contents))
    return "".join(parts)
