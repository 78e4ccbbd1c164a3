"""write_reports: findings JSON as PACKETS.md, workbook layout, HTML with crops, masking, overrides."""
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image, ImageDraw

from models.findings import EvidenceRef, Flag, FlagCode, PacketFindings
from models.packet import Packet, PacketDocKind, PacketDocument
from reports import write_reports
from reports.excel import display_width
from reports.masking import mask_personal
from reports.overrides import flag_fingerprint, load_overrides

ID = "540102198702280019"


@pytest.fixture
def batch(tmp_path):
    folder = tmp_path / "packets" / "zhaxi"
    folder.mkdir(parents=True)
    page = Image.new("RGB", (595, 842), "white")
    ImageDraw.Draw(page).rectangle((100, 200, 300, 240), outline="black", width=3)
    page.save(folder / "公示.pdf", resolution=72)
    packet = Packet(name="zhaxi", path=str(folder), applicant_kind="individual", documents=[
        PacketDocument(kind=PacketDocKind.PUBLICITY_PROOF, source="公示.pdf", pages=[1, 1])])
    found = PacketFindings(packet="zhaxi", flags=[
        Flag(code=FlagCode.PUBLICITY_TOO_SHORT, severity="error",
             message="公示期 2023-07-07 至 2023-07-12，仅 4 个工作日，要求不少于 5 个工作日",
             evidence=[EvidenceRef(source="公示.pdf", page=1, text="2023年7月7日至2023年7月12日",
                                   bbox=(100, 200, 300, 240))]),
        Flag(code=FlagCode.ID_NUMBER_INVALID, severity="error", message=f"身份证号 {ID} 无效，联系电话 13912345678",
             evidence=[EvidenceRef(source="推荐表.docx", page=1, text=ID)])]).settle()
    found.applicant.name, found.applicant.kind, found.applicant.id_number = "扎西", "individual", ID
    clean = PacketFindings(packet="clean").settle()
    return [found, clean], [packet], tmp_path / "out"


def test_findings_json_is_the_contract(batch):
    findings, packets, out = batch
    paths = write_reports(findings, packets, out)
    data = json.loads(paths["zhaxi.findings.json"].read_text(encoding="utf-8"))
    assert list(data) == ["packet", "applicant", "documents", "complete", "flags"]
    assert data["complete"] is False and data["flags"][0]["evidence"][0]["bbox"] == [100, 200, 300, 240]
    assert json.loads((out / "clean.findings.json").read_text())["complete"] is True
    assert not list(out.glob(".*tmp*")), "temp files left behind"


def test_workbook_has_summary_and_a_sheet_per_code(batch):
    findings, packets, out = batch
    write_reports(findings, packets, out)
    book = load_workbook(out / "review.xlsx")
    assert book.sheetnames == ["总览", "ID_NUMBER_INVALID", "PUBLICITY_TOO_SHORT"]
    summary = book["总览"]
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref
    rows = list(summary.iter_rows(values_only=True))
    assert rows[1][:6] == ("zhaxi", "扎西", "个人", ID, "形式审查未通过", "形式审查未通过")
    assert rows[2][4] == "形式审查通过"
    sheet = book["PUBLICITY_TOO_SHORT"]
    message_width = sheet.column_dimensions["C"].width
    assert message_width >= min(60, display_width(findings[0].flags[0].message))


def test_shareable_variant_masks_personal_identifiers(batch):
    findings, packets, out = batch
    write_reports(findings, packets, out)
    cells = " ".join(str(c) for s in load_workbook(out / "review-shareable.xlsx").worksheets
                     for row in s.iter_rows(values_only=True) for c in row)
    assert ID not in cells and "13912345678" not in cells and "540102********0019" in cells
    html = (out / "review-shareable.html").read_text(encoding="utf-8")
    assert ID not in html and "data:image/" not in html
    assert ID in (out / "review.html").read_text(encoding="utf-8")


def test_html_shows_the_page_region_beside_the_flag(batch):
    findings, packets, out = batch
    write_reports(findings, packets, out)
    html = (out / "review.html").read_text(encoding="utf-8")
    assert html.count("data:image/jpeg;base64,") == 1          # the PDF; the .docx has no picture
    assert "公示期不足" in html and "仅 4 个工作日" in html


def test_a_decision_typed_into_the_workbook_survives_reprocessing(batch):
    findings, packets, out = batch
    write_reports(findings, packets, out)
    book = load_workbook(out / "review.xlsx")
    sheet = book["ID_NUMBER_INVALID"]
    header = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=header.index("复核结论") + 1, value="驳回")
    sheet.cell(row=2, column=header.index("复核意见") + 1, value="经核对身份证原件，号码无误")
    book.save(out / "review.xlsx")

    write_reports(findings, packets, out)            # reprocess: same findings come back
    saved = load_overrides(out / "overrides.json")
    assert [(o.code, o.decision) for o in saved] == [("ID_NUMBER_INVALID", "reject")]
    assert saved[0].fingerprint == flag_fingerprint("zhaxi", findings[0].flags[1])
    write_reports(findings, packets, out)            # and again, from overrides.json alone
    rows = list(load_workbook(out / "review.xlsx")["ID_NUMBER_INVALID"].iter_rows(values_only=True))
    assert rows[1][-2:] == ("驳回", "经核对身份证原件，号码无误")
    # one error rejected, the publicity error still stands
    assert list(load_workbook(out / "review.xlsx")["总览"].iter_rows(values_only=True))[1][5] == "形式审查未通过"


def test_overrides_from_csv(batch, tmp_path):
    findings, packets, out = batch
    fp = flag_fingerprint("zhaxi", findings[0].flags[0])
    csv_path = tmp_path / "decisions.csv"
    csv_path.write_text(f"packet,code,fingerprint,decision,comment\nzhaxi,PUBLICITY_TOO_SHORT,{fp},reject,国庆调休已核\n"
                        f"zhaxi,ID_NUMBER_INVALID,{flag_fingerprint('zhaxi', findings[0].flags[1])},驳回,\n",
                        encoding="utf-8")
    write_reports(findings, packets, out, overrides=csv_path)
    summary = list(load_workbook(out / "review.xlsx")["总览"].iter_rows(values_only=True))
    assert summary[1][4:6] == ("形式审查未通过", "形式审查通过")
    assert json.loads((out / "zhaxi.findings.json").read_text())["complete"] is False  # the contract file is the machine's verdict


@pytest.mark.parametrize("text, masked", [
    (ID, "540102********0019"), ("11010519491231002X", "110105********002X"),
    ("电话13912345678", "电话139****5678"), ("91540102K8PBRNYTXA", "91540102K8PBRNYTXA"),
    ("0891-6815193", "0891-6815193")])
def test_masking(text, masked):
    assert mask_personal(text) == masked
