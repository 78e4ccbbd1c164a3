import json
import random
from pathlib import Path

import pytest

from extractors.packets import read_packet
from models.packet import PacketDocKind as K

ROOT = Path(__file__).resolve().parents[3] / "sample_docs" / "packets"


def gold(batch: str, name: str) -> dict:
    return json.loads((ROOT / batch / f"{name}.gold.json").read_text(encoding="utf-8"))


def layout_of(packet) -> list[tuple]:
    """Documents by file and page: the order of files in a folder means nothing."""
    return sorted((d.source, d.pages, d.kind.value, d.copies) for d in packet.documents)


def gold_layout(g: dict) -> list[tuple]:
    return sorted((d["source"], d["pages"], d["kind"], d.get("copies", 1)) for d in g["documents"])


@pytest.mark.parametrize("batch, name", [("xizang-2023", "xz-01-org-docx"),
                                         ("xizang-2023", "xz-04-ind-docx"),
                                         ("yangquan-2021", "yq-04-young-org")])
def test_word_packets_match_gold(batch, name):
    g = gold(batch, name)
    packet = read_packet(ROOT / batch / name)
    assert packet.unreadable == []
    assert layout_of(packet) == gold_layout(g)
    assert packet.applicant_kind == g["applicant"]["kind"]
    (form,) = packet.of_kind(K.APPLICATION_FORM)
    assert form.claim("applicant_name").value == g["applicant"]["name"]
    ident = form.claim("uscc") or form.claim("id_number")
    assert ident.value == g["applicant"]["id_number"]
    assert form.claim("seal_present").value is True
    assert all(d.claim("seal_present").value for d in packet.of_kind(K.PUBLICITY_PROOF))


def test_planted_facts_come_out_of_word_packets():
    late = read_packet(ROOT / "xizang-2023" / "xz-10-late")
    assert late.of_kind(K.APPLICATION_FORM)[0].claim("form_date").value == "2023-08-09"
    young = read_packet(ROOT / "yangquan-2021" / "yq-04-young-org")
    assert young.claims("founding_date")[0].value == "2019-06-10"
    won = read_packet(ROOT / "xizang-2023" / "xz-15-won-last-time")
    assert won.claims("previous_awards")[0].value == ["2020 第一届西藏质量奖（组织奖）"]
    mismatch = read_packet(ROOT / "xizang-2023" / "xz-18-name-mismatch")
    form_name = mismatch.claims("applicant_name")[0].value
    (publicity,) = mismatch.of_kind(K.PUBLICITY_PROOF)
    assert publicity.claim("subject_name").value != form_name
    leak = read_packet(ROOT / "xizang-2023" / "xz-25-password")
    assert "密码" in leak.of_kind(K.COVER_LETTER)[0].text


def test_one_bad_file_is_recorded_not_raised(tmp_path):
    src = ROOT / "xizang-2023" / "xz-01-org-docx"
    folder = tmp_path / "packet"
    folder.mkdir()
    form = next(src.glob("*申报表.docx"))
    (folder / form.name).write_bytes(form.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (folder / "empty.docx").write_bytes(b"")
    packet = read_packet(folder)
    assert sorted(u.split(":")[0] for u in packet.unreadable) == ["broken.pdf", "empty.docx"]
    assert [d.kind for d in packet.documents] == [K.APPLICATION_FORM]


def test_missing_path_is_reported():
    packet = read_packet(Path("/nonexistent/packet"))
    assert packet.documents == [] and packet.unreadable


def test_text_pdf_packet_matches_gold():
    pytest.importorskip("extractors.ocr")
    g = gold("xizang-2023", "xz-02-org-textpdf")
    packet = read_packet(ROOT / "xizang-2023" / "xz-02-org-textpdf")
    assert layout_of(packet) == gold_layout(g)
    form = packet.of_kind(K.APPLICATION_FORM)[0]
    assert form.origin == "text_layer"
    assert form.claim("uscc").value == g["applicant"]["id_number"]
    assert form.claim("applicant_name").provenance.bbox is not None


@pytest.mark.slow
def test_scanned_envelope_with_copies(tmp_path, xizang_plans):
    """Three scanned pages through OCR: a form, its second paper copy, and a sealed 公示 proof."""
    pytest.importorskip("extractors.ocr")
    from sample_docs.generator.packet_render import layout, page_image, scan_effects, write_scan_pdf
    from sample_docs.generator.packets import _form_blocks, _publicity_blocks

    plan = xizang_plans["xz-03-org-scan"]
    plan.route.publisher = plan.applicant.name
    rng = random.Random(5)
    pages = [layout(_form_blocks(plan))[0], layout(_form_blocks(plan))[0],
             layout(_publicity_blocks(plan))[0]]
    envelope = tmp_path / "envelope.pdf"
    write_scan_pdf([scan_effects(page_image(p), rng) for p in pages], envelope)
    packet = read_packet(envelope)
    assert layout_of(packet) == [("envelope.pdf", [1, 1], "application_form", 2),
                                 ("envelope.pdf", [3, 3], "publicity_proof", 1)]
    form = packet.documents[0]
    assert form.origin == "ocr"
    assert form.claim("applicant_name").value == plan.applicant.name
    assert form.claim("uscc").value == plan.applicant.ident
    assert form.claim("seal_present").value is True
    assert form.seals and form.seals[0].bbox is not None
    assert packet.documents[1].claim("publicity_start").value == plan.route.pub_start.isoformat()


def test_coverage_of_text_layer_lines():
    from extractors.packets.text_layer import comparable, shown
    seen = comparable("联系电话 13909422019 电子邮箱 zlb3066@163.com")
    assert shown("联系电话 13909422019", seen)
    assert not shown("13909420000", seen)              # four digits changed: all the meaning
    assert not shown("法定代表人 王建国", seen)


@pytest.mark.slow
def test_hidden_text_layer_that_differs_from_the_picture():
    pytest.importorskip("extractors.ocr")
    packet = read_packet(ROOT / "xizang-2023" / "xz-24-text-layer")
    (form,) = packet.of_kind(K.APPLICATION_FORM)
    lines = form.claim("text_layer_mismatch").value
    assert any(line.endswith("0000") for line in lines)
    assert all(d.claim("text_layer_mismatch") is None for d in packet.documents if d is not form)
