"""Document → Page → Line: what every reader (text layer, docx, html, txt, OCR) fills."""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

# (x0, top, x1, bottom) in the page's own unit, origin at the top-left corner.
BBox = tuple[float, float, float, float]


class Script(str, Enum):
    HANS = "zh-Hans"
    HANT = "zh-Hant"
    TIBETAN = "bo"
    LATIN = "latin"
    UNKNOWN = "unknown"


class Origin(str, Enum):
    TEXT_LAYER = "text_layer"   # PDF with a text layer
    OCR = "ocr"                 # recognised from a page image
    DOCX = "docx"
    HTML = "html"
    PLAIN_TEXT = "plain_text"


class LineRole(str, Enum):
    BODY = "body"
    HEADER = "header"           # running header repeated on pages
    FOOTER = "footer"           # running footer repeated on pages
    PAGE_NUMBER = "page_number"
    TABLE_ROW = "table_row"     # cells joined by TAB, one row per line


class Line(BaseModel):
    text: str
    bbox: BBox | None = None
    confidence: float = 1.0
    script: Script = Script.UNKNOWN
    origin: Origin = Origin.PLAIN_TEXT
    role: LineRole = LineRole.BODY
    # Lines a reader knows to be a new paragraph (docx paragraph, blank line before it);
    # the line joiner keeps the break there even if the previous line looks unfinished.
    paragraph_start: bool = False
    # OCR could not read this line (e.g. Tibetan without Tesseract); text is empty then.
    unread: bool = False


class Page(BaseModel):
    number: int                     # 1-based
    width: float | None = None
    height: float | None = None
    unit: str = "pt"                # "pt" for PDF, "px" for images
    origin: Origin = Origin.PLAIN_TEXT
    lines: list[Line] = Field(default_factory=list)
    rotation: int = 0               # degrees the page image was turned before reading
    ocr_confidence: float | None = None
    image_path: str | None = None   # rendered page image, kept for report crops

    def text(self, *, roles: frozenset[LineRole] | None = None) -> str:
        keep = roles or frozenset({LineRole.BODY, LineRole.TABLE_ROW})
        return "\n".join(line.text for line in self.lines if line.role in keep)


class Document(BaseModel):
    source: str                     # path as given by the user
    sha256: str
    media_type: str
    pages: list[Page] = Field(default_factory=list)
    script: Script = Script.UNKNOWN  # script the document was written in (before t2s)
    title: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    @property
    def name(self) -> str:
        from pathlib import PurePath
        return PurePath(self.source).name

    @property
    def id(self) -> str:
        """Short content key: the same bytes under another name are the same document."""
        return self.sha256[:16]
