"""Normalizers: pure functions from reader text to the text extractors read, offsets kept.

Composition order (one documented place: `normalizers.pipeline`):

  characters  1. width        `width.fold_width`              full-width digits/Latin → half-width
              2. script       `script.to_simplified`          OpenCC t2s where Traditional is written
              3. punctuation  `punctuation.unify_punctuation`  Chinese punctuation, 〔〕 in 文号
              4. spacing      `spacing.remove_spaces`         spaces inside Chinese removed
  lines       5. furniture    `lines.is_page_mark`            page numbers, running headers dropped
              6. paragraphs   `lines.continues`               broken lines rejoined, "\n" between paragraphs
              7. tibetan      `tibetan.strip_tibetan`         Tibetan lines kept for display only
              8. settle       steps 3–4 again where a rejoin made new neighbours

Steps 1–4 work within lines (run over the whole text at once, for speed) and 1–3 keep the
length; every other step builds an `offsets.Mapped` whose map is composed with the one
before, so each character of the result points at its origin in the reader text.
Dates and numbers (`dates.py`, `numbers.py`) parse normalized text; they rewrite nothing here.

Entry points: `normalize_text(str) -> NormalizedText`, `normalize_document(Document) ->
models.NormalizedDocument`, `sections.split_sections(text) -> list[Section]`.
"""
import hashlib
from pathlib import Path

from normalizers.document import normalize_document
from normalizers.offsets import Mapped
from normalizers.pipeline import NormalizedText, normalize_line, normalize_text
from normalizers.sections import Section, split_sections

# The stage's code_version: any edit to a normalizer module gives a new one, so exactly the
# documents normalized by older code are redone.
NORMALIZER_VERSION = "normalizers-" + hashlib.sha1(b"".join(
    path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))).hexdigest()[:10]

__all__ = ["NORMALIZER_VERSION", "Mapped", "NormalizedText", "Section", "normalize_document",
           "normalize_line", "normalize_text", "split_sections"]
