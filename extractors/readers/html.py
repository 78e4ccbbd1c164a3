"""HTML: the visible text only (no scripts, styles, hidden nodes); block elements end lines.

Nothing referenced by the page (images, frames, links) is fetched.
"""
from __future__ import annotations

from bs4 import BeautifulSoup, Comment

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
    for cell in soup.find_all(["td", "th"]):
        cell.append("\t")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.append("\n")
    text = soup.get_text("")
    text = "\n".join(line.strip(" \t\u3000\xa0").replace("\t", "  ") for line in text.split("\n"))
    return text_to_pages(text, Origin.HTML), title
