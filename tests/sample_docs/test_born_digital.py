"""The born-digital renderings read back to their sources, and every gold file keeps to FIELDS.md."""
import json
import re
from pathlib import Path

import docx
import pdfplumber
from docx.oxml.ns import qn
import pytest

from sample_docs.generator import born_digital

ROOT = Path(__file__).resolve().parents[2] / "sample_docs"
NOTICES = born_digital.load_notices(ROOT)
GOLD = sorted(p for d in born_digital.SOURCE_DIRS for p in (ROOT / d).glob("*.gold.json"))
FIELD_KEYS = {"doc_numbers", "issue_date", "deadlines", "quotas", "contact_names", "phones", "emails",
              "postcodes", "award_names", "issuers", "secrets"}
ISO_DATE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


def squashed(text: str) -> str:
    """Text without whitespace and without `— N —` page-number lines."""
    kept = [line for line in text.splitlines() if not born_digital.PAGE_NUMBER_LINE.match(line)]
    return re.sub(r"\s+", "", "".join(kept))


def test_corpus_is_large_enough():
    assert len([n for n in NOTICES if n.stem.startswith("n")]) >= 20
    assert {p.name.removesuffix(".gold.json") for p in GOLD} == {n.stem for n in NOTICES}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Render a few notices (Tibetan letterhead, Traditional web copy, inline page numbers, full-width digits)."""
    picks = [n for n in NOTICES if n.stem.startswith(("000_", "004_", "n15_", "n16_"))]
    tmp = tmp_path_factory.mktemp("fonts")
    two_column = next(n for n in NOTICES if n.stem == born_digital.TWO_COLUMN_STEM)
    fonts = born_digital.build_fonts("".join(n.text for n in [*picks, two_column]), tmp)
    return [(n, born_digital.render_pdf(n, fonts), born_digital.render_docx(n)) for n in picks], fonts


def test_pdf_text_layer_reads_back_to_source(rendered, tmp_path):
    for notice, pdf_bytes, _ in rendered[0]:
        path = tmp_path / f"{notice.stem}.pdf"
        path.write_bytes(pdf_bytes)
        with pdfplumber.open(path) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            footers = [page.extract_text().splitlines()[-1] for page in pdf.pages]
        assert squashed(text) == squashed(notice.text), notice.stem
        assert footers == [f"— {i} —" for i in range(1, len(footers) + 1)]


def docx_text_in_order(path: Path) -> str:
    """Paragraphs and table cells in body order, as a reader walking the document sees them."""
    document = docx.Document(path)
    parts = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            parts.extend("".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in child.iter(qn("w:tc")))
    return "\n".join(parts)


def test_docx_reads_back_to_source(rendered, tmp_path):
    for notice, _, docx_bytes in rendered[0]:
        path = tmp_path / f"{notice.stem}.docx"
        path.write_bytes(docx_bytes)
        assert squashed(docx_text_in_order(path)) == squashed(notice.text), notice.stem


def test_rendering_is_deterministic(rendered):
    notice, pdf_bytes, docx_bytes = rendered[0][0]
    fonts = rendered[1]
    assert born_digital.render_pdf(notice, fonts) == pdf_bytes
    assert born_digital.render_docx(notice) == docx_bytes


def test_two_column_page_reads_in_column_order(rendered, tmp_path):
    notice = next(n for n in NOTICES if n.stem == born_digital.TWO_COLUMN_STEM)
    fonts = rendered[1]
    path = tmp_path / "two.pdf"
    path.write_bytes(born_digital.render_two_column_pdf(notice, fonts))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        body_top = min(c["top"] for c in page.chars if c["size"] < 11) - 1  # body is set at 10.5 pt
        middle = page.width / 2
        head = page.crop((0, 0, page.width, body_top)).extract_text()
        left = page.crop((0, body_top, middle, page.height - 62)).extract_text()
        right = page.crop((middle, body_top, page.width, page.height - 62)).extract_text()
    assert len(pdf.pages) == 1
    assert squashed(head + left + right) == squashed(notice.text)


def test_web_copies_become_html_with_chrome():
    web = [n for n in NOTICES if born_digital.is_web_copy(n)]
    assert web
    page = born_digital.render_html(web[0])
    assert "<script" in page and "<ul class=\"nav\">" in page
    assert web[0].lines[0].strip() in page


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.name)
def test_gold_keeps_to_field_contract(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert FIELD_KEYS <= gold.keys()
    assert gold["issue_date"] is None or ISO_DATE.match(gold["issue_date"])
    assert all(ISO_DATE.match(d) for d in gold["deadlines"])
    assert isinstance(gold["secrets"], int) and gold["secrets"] >= 0
    for quota in gold["quotas"]:
        assert quota.keys() == {"scope", "category", "max"}
        assert quota["scope"] in ("award", "submission") and type(quota["max"]) is int and quota["category"]
    assert all(re.fullmatch(r"\d{6}", p) for p in gold["postcodes"])
    assert all(e == e.lower() and re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", e) for e in gold["emails"])
    # Besides landlines and mobiles: 400/800 hotlines (ten digits, no area code) and public
    # service lines such as 12315, which notices give as contacts too (FIELDS.md: every phone).
    assert all(re.fullmatch(r"(0\d{1,3}-)?\d{7,8}|1\d{10}|[48]00\d{7}|12\d{3}", p) for p in gold["phones"])
    assert all(not re.search(r"\s", s) for s in gold["contact_names"] + gold["doc_numbers"])
    # a year, where the number carries one, sits in 〔〕 (a Taiwan 字第…號 number has none)
    assert not any(re.search(r"[\[\(（【]\s*(19|20)\d\d\s*[\]\)）】]", d) for d in gold["doc_numbers"])
    for key in ("doc_numbers", "deadlines", "contact_names", "phones", "emails", "postcodes", "award_names", "issuers"):
        assert all(isinstance(s, str) and s for s in gold[key]), key
