"""`read_packet`: a packet folder or envelope PDF → `models.Packet`.

Every file goes through `extractors.readers.read_document` (text layer, docx, OCR for scans);
its pages are classified, cut into documents, copies folded together, and each document's
claims read by the reader for its kind. A file that cannot be read is recorded, never raised.
"""
from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from models import Document, IntakeError, Origin
from models.packet import Claim, Packet, PacketDocKind as K, PacketDocument, SealMark
from models.provenance import Provenance

from extractors.packets.classify import PageClass, classify_page, title_kind
from extractors.packets.claims.common import DocRows
from extractors.packets.claims.cover import cover_claims
from extractors.packets.claims.evidence import evidence_claims
from extractors.packets.claims.form import form_claims, label_field
from extractors.packets.claims.publicity import publicity_claims
from extractors.packets.claims.recommendation import recommendation_claims
from extractors.packets.claims.self_assessment import self_assessment_claims
from extractors.packets.images import PagePicture, dhash, pictures, text_hash
from extractors.packets.rows import Row, page_rows
from extractors.packets.seals import find_seals
from extractors.packets.text_layer import mismatched_lines

log = logging.getLogger(__name__)

PACKET_VERSION = "packets-0.3.0"
# Files a scanner or an OS leaves in a folder: not part of what the applicant sent.
_IGNORED = {"thumbs.db", ".ds_store", "desktop.ini"}
_MIN_TEXT_FOR_HASH = 20
# Below this mean OCR confidence a page's words are guesses: reported, still used.
OCR_UNSURE = 0.5
_COPY_SIMILARITY = 0.9


@dataclass
class Segment:
    kind: K
    title: str
    first: int
    last: int
    rows: list[Row] = field(default_factory=list)


def packet_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*")
                  if p.is_file() and not p.name.startswith(".") and p.name.lower() not in _IGNORED)


def read_packet(path: str | Path,
                read_document: Callable[[Path], Document] | None = None) -> Packet:
    """`read_document` reads each file (default: `extractors.readers.read_document`; the
    pipelines pass one that reads PDFs and scans in a supervised child process)."""
    if read_document is None:
        from extractors.readers import read_document

    path = Path(path)
    packet = Packet(name=path.stem if path.is_file() else path.name, path=str(path))
    if not path.exists():
        packet.unreadable.append(f"{path.name}: not_found: no such file or folder")
        return packet
    for file in packet_files(path):
        rel = file.relative_to(path).as_posix() if path.is_dir() else file.name
        try:
            doc = read_document(file)
        except IntakeError as exc:
            packet.unreadable.append(f"{rel}: {exc.record.code.value}: {exc.record.message}")
            continue
        except Exception as exc:  # one bad file must not stop the packet
            log.exception("reading %s", file)
            packet.unreadable.append(f"{rel}: internal: {type(exc).__name__}: {exc}")
            continue
        try:
            pics = pictures(file, doc)
        except Exception as exc:  # no pictures: no seals found, the text still counts
            log.warning("no page pictures for %s: %s", file, exc)
            pics = []
        packet.pages_read += len(doc.pages)
        packet.unreadable += [f"{rel}: page {page.number}: ocr_unsure: mean confidence {page.ocr_confidence:.2f}"
                              for page in doc.pages if page.origin == Origin.OCR and page.lines
                              and page.ocr_confidence is not None and page.ocr_confidence < OCR_UNSURE]
        packet.documents += read_file_documents(rel, doc, pics, mismatched_lines(file, doc))
    form = next((d for d in packet.documents if d.kind == K.APPLICATION_FORM
                 and d.claim("applicant_kind")), None)
    if form is not None:
        packet.applicant_kind = form.claim("applicant_kind").value
    return packet


def split_pages(doc: Document) -> tuple[list[list[Row]], list[Segment]]:
    """Rows of every page, and the documents the pages make up (page numbers 1-based)."""
    rows = [page_rows(page, doc.script, is_label=_is_label) for page in doc.pages]
    segments: list[Segment] = []
    previous: K | None = None
    for page, page_rows_ in zip(doc.pages, rows):
        chunks = _title_chunks(page_rows_) if _without_geometry(page) else [page_rows_]
        for chunk in chunks:
            pc: PageClass = classify_page(chunk, previous, page.width)
            if previous == K.APPLICATION_FORM and not pc.title and _labelled_cells(chunk) >= _FORM_LABELS:
                # An untitled page of labelled cells after a form is the form's next page,
                # whatever its prose (`质量管理制度、模式和方法简介`) reads like.
                pc = PageClass(K.APPLICATION_FORM, "", False, pc.score)
            if segments and not pc.starts and pc.kind == segments[-1].kind:
                segments[-1].last = page.number
                segments[-1].rows += chunk
            else:
                segments.append(Segment(pc.kind, pc.title, page.number, page.number, list(chunk)))
            previous = pc.kind
    return rows, _join_continued(segments)


def _is_label(text: str) -> bool:
    return label_field(text) is not None


_FORM_LABELS = 3


def _labelled_cells(rows: list[Row]) -> int:
    return sum(1 for row in rows for cell in row.cells if _is_label(cell.text))


def _without_geometry(page) -> bool:
    return bool(page.lines) and all(line.bbox is None for line in page.lines)


_ENUMERATED = re.compile(r"^([一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])")


_SENTENCE_MARKS = re.compile(r"[:：，,。；;]")


def _title_chunks(rows: list[Row]) -> list[list[Row]]:
    """A Word file has no pages: one file may bind several documents (the certificates of a
    证实性材料). Cut before every later row that reads as a document title on its own."""
    chunks: list[list[Row]] = [[]]
    for row in rows:
        if chunks[-1] and len(row.cells) == 1 and not _ENUMERATED.match(row.text) \
                and not _SENTENCE_MARKS.search(row.text) and title_kind(row.text) is not None:
            chunks.append([])
        chunks[-1].append(row)
    return [c for c in chunks if c]


def _join_continued(segments: list[Segment]) -> list[Segment]:
    """A titled page of the same kind under another title continues its document (a 推荐意见
    followed by its 推荐名单汇总表); the same title again is a new document or a copy.
    Evidence never joins: every certificate is a document of its own."""
    out: list[Segment] = []
    for seg in segments:
        prev = out[-1] if out else None
        if prev and seg.kind == prev.kind and seg.kind != K.EVIDENCE and seg.title != prev.title \
                and seg.title and prev.title:
            prev.last, prev.rows = seg.last, prev.rows + seg.rows
        else:
            out.append(seg)
    return out


def read_file_documents(source: str, doc: Document, pics: list[PagePicture],
                        mismatches: dict[int, list[str]] | None = None) -> list[PacketDocument]:
    """The documents of one file; `mismatches` (page → lines) from `text_layer`."""
    _, segments = split_pages(doc)
    page_pictures = _page_pictures(pics)
    out: list[PacketDocument] = []
    for seg in segments:
        seals = _seals(source, doc, pics, seg)
        rows = DocRows(source, seg.rows)
        sealed = bool(seals)
        if seg.kind == K.APPLICATION_FORM:
            claims = form_claims(rows, seal_present=sealed)
        elif seg.kind == K.PUBLICITY_PROOF:
            claims = publicity_claims(rows, seal_present=sealed)
        elif seg.kind == K.RECOMMENDATION:
            claims = recommendation_claims(rows, seal_present=sealed)
        elif seg.kind == K.EVIDENCE:
            claims = evidence_claims(rows, title=seg.title,
                                     fingerprints=_fingerprints(page_pictures, seg))
        elif seg.kind == K.SELF_ASSESSMENT:
            claims = self_assessment_claims(rows)
        elif seg.kind == K.COVER_LETTER:
            claims = cover_claims(rows)
        else:
            claims = []
        claims += _mismatch_claims(source, seg, mismatches or {})
        document = PacketDocument(kind=seg.kind, source=source, pages=[seg.first, seg.last],
                                  claims=claims, seals=seals, origin=_origin(doc, seg),
                                  text="\f".join(_page_texts(seg)), title=seg.title)
        original = next((d for d in out if _same_copy(d, document)), None)
        if original is not None:
            original.copies += 1
        else:
            out.append(document)
    return out


def _mismatch_claims(source: str, seg: Segment, mismatches: dict[int, list[str]]) -> list[Claim]:
    pages = [n for n in sorted(mismatches) if seg.first <= n <= seg.last]
    if not pages:
        return []
    lines = [line for n in pages for line in mismatches[n]]
    prov = Provenance(document=source, page=pages[0], text="；".join(lines[:3]))
    return [Claim(field="text_layer_mismatch", value=lines, provenance=prov)]


def _seals(source: str, doc: Document, pics: list[PagePicture], seg: Segment) -> list[SealMark]:
    marks = []
    for pic in pics:
        if not seg.first <= pic.page <= seg.last:
            continue
        scale = _picture_to_page(doc, pic)
        for box in find_seals(pic.rgb, px_per_mm=pic.px_per_mm):
            bbox = tuple(round(v * scale, 1) for v in box.bbox) if scale else None
            marks.append(SealMark(source=source, page=pic.page, bbox=bbox, score=box.score,
                                  text=_text_under(doc, pic.page, bbox)))
    return marks


def _picture_to_page(doc: Document, pic: PagePicture) -> float | None:
    """Factor from picture pixels to the page's own unit (pt for a text layer, px for OCR)."""
    if pic.to_page is None:
        return None
    page = doc.pages[pic.page - 1] if 1 <= pic.page <= len(doc.pages) else None
    if page is not None and page.width:
        return page.width / pic.rgb.shape[1]
    return pic.to_page


def _text_under(doc: Document, page_no: int, bbox) -> str:
    if bbox is None or not 1 <= page_no <= len(doc.pages):
        return ""
    x0, y0, x1, y1 = bbox
    hits = [ln.text for ln in doc.pages[page_no - 1].lines
            if ln.bbox and ln.bbox[0] < x1 and ln.bbox[2] > x0 and ln.bbox[1] < y1 and ln.bbox[3] > y0]
    return " ".join(hits)


def _page_pictures(pics: list[PagePicture]) -> dict[int | None, PagePicture]:
    """Each page's picture, looked up once per file. A Word file has no page pictures: its
    largest embedded picture stands for the first page of each of its documents (key None).
    Not a seal impression: the issuing office's seal is on every licence it issued, to anyone."""
    by_page: dict[int | None, PagePicture] = {p.page: p for p in pics if p.to_page is not None}
    embedded = [p for p in pics if p.to_page is None]
    if embedded and not by_page:
        embedded = [p for p in embedded if not _is_seal_picture(p.rgb)]
        if embedded:
            by_page[None] = max(embedded, key=lambda p: p.rgb.shape[0] * p.rgb.shape[1])
    return by_page


def _fingerprints(page_pictures: dict[int | None, PagePicture], seg: Segment) -> list[str]:
    """One per page, in page order: a hash of its text when it has enough, else of its
    picture (a photo). Image hashes are 16 hex digits (near-matchable); text hashes 20."""
    prints = []
    by_page = dict(page_pictures)
    if None in by_page:
        by_page[seg.first] = by_page.pop(None)
    for number in range(seg.first, seg.last + 1):
        text = "".join(r.text for r in seg.rows if r.page == number)
        if len(text) >= _MIN_TEXT_FOR_HASH:
            prints.append(f"txt:{text_hash(text)}")
        elif number in by_page:
            prints.append(f"img:{dhash(by_page[number].rgb)}")
        else:
            # A few words and no picture (`证实性材料之二`, a divider) are in every packet
            # alike: no print, only the page's place in the list.
            prints.append("")
    return prints


def _is_seal_picture(rgb) -> bool:
    """A picture that is one seal impression and little else (a seal pasted into a Word file)."""
    seals = find_seals(rgb)
    if len(seals) != 1:
        return False
    x0, y0, x1, y1 = seals[0].bbox
    return (x1 - x0) * (y1 - y0) >= 0.5 * rgb.shape[0] * rgb.shape[1]


def _page_texts(seg: Segment) -> list[str]:
    pages: dict[int, list[str]] = {}
    for row in seg.rows:
        pages.setdefault(row.page, []).append("\t".join(c.text for c in row.cells))
    return ["\n".join(lines) for _, lines in sorted(pages.items())]


def _origin(doc: Document, seg: Segment) -> str | None:
    origins = {doc.pages[n - 1].origin.value for n in range(seg.first, seg.last + 1)
               if 1 <= n <= len(doc.pages)}
    return origins.pop() if len(origins) == 1 else ("mixed" if origins else None)


_IDENTITY = ("uscc", "id_number", "applicant_name", "subject_name", "holder", "certificate_number")


def _same_copy(a: PacketDocument, b: PacketDocument) -> bool:
    """Is `b` another paper copy of `a` (纸质一式三份)? Same kind and the same identifying
    claims; without any, nearly the same text."""
    if a.kind != b.kind:
        return False
    keys = [f for f in _IDENTITY if a.claim(f) and b.claim(f)]
    if keys:
        return all(a.claim(f).value == b.claim(f).value for f in keys) and \
            _similar(a.text, b.text, 0.7)
    if len(a.text) < _MIN_TEXT_FOR_HASH or len(b.text) < _MIN_TEXT_FOR_HASH:
        fa, fb = a.claim("fingerprint"), b.claim("fingerprint")
        return bool(fa and fb and set(fa.value) & set(fb.value))
    return _similar(a.text, b.text, _COPY_SIMILARITY)


def _similar(a: str, b: str, threshold: float) -> bool:
    a, b = "".join(a.split())[:3000], "".join(b.split())[:3000]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold
