"""The reviewer's workbook: 总览 (one row per packet) and one sheet per flag code.

Frozen header, filters on every sheet, and column widths counted in display cells (a Chinese
character is two), so nothing opens squeezed. The 复核结论/复核意见 columns are where a reviewer
types decisions; `overrides_from_workbook` reads them back on the next run.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from models.findings import FlagCode

from reports.overrides import Override, now, parse_decision
from reports.review import CODE_LABELS, PacketRow

SUMMARY_SHEET = "总览"
FLAG_COLUMNS = ["申报材料", "严重程度", "问题说明", "文件", "页", "证据", "指纹", "复核结论", "复核意见"]
MAX_WIDTH = 60
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def display_width(text: object) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def _summary_frame(rows: list[PacketRow]) -> pd.DataFrame:
    codes = [c.value for c in FlagCode if any(c.value in r.codes for r in rows)]
    records = []
    for r in rows:
        record = {"申报材料": r.packet, "申报主体": r.name, "类型": r.kind, "证件号码": r.identifier,
                  "结论": r.verdict, "复核后结论": r.reviewed_verdict,
                  "错误": r.errors, "警告": r.warnings, "提示": r.infos}
        record.update({f"{CODE_LABELS[FlagCode(c)]}（{c}）": r.codes.get(c, 0) for c in codes})
        records.append(record)
    return pd.DataFrame.from_records(records, columns=list(records[0]) if records else ["申报材料"])


def _flag_frames(rows: list[PacketRow]) -> dict[str, pd.DataFrame]:
    frames: dict[str, list[list[object]]] = {}
    for r in rows:
        for f in r.flags:
            frames.setdefault(f.code.value, []).append(
                [f.packet, f.severity, f.message, f.source, f.page, f.text, f.fingerprint, f.decision, f.comment])
    return {code: pd.DataFrame(data, columns=FLAG_COLUMNS) for code, data in frames.items()}


def _finish(sheet: Worksheet, wrap_columns: set[str]) -> None:
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for column in sheet.columns:
        header = column[0].value
        width = max(display_width(c.value if c.value is not None else "") for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(MAX_WIDTH, width + 2)
        if header in wrap_columns:
            for cell in column[1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_workbook(rows: list[PacketRow], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp.xlsx")
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        _summary_frame(rows).to_excel(writer, sheet_name=SUMMARY_SHEET, index=False)
        for code, frame in sorted(_flag_frames(rows).items()):
            frame.to_excel(writer, sheet_name=code[:31], index=False)
        for sheet in writer.book.worksheets:
            _finish(sheet, wrap_columns={"问题说明", "证据"})
    tmp.replace(path)
    return path


def overrides_from_workbook(path: Path, reviewer: str = "") -> list[Override]:
    """Decisions a reviewer typed into the flag sheets of an earlier workbook."""
    if not path.exists():
        return []
    found = []
    book = load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            if sheet.title not in FlagCode.__members__:
                continue
            rows = sheet.iter_rows(values_only=True)
            header = next(rows, None)
            if not header:
                continue
            col = {name: i for i, name in enumerate(header)}
            if not {"申报材料", "指纹", "复核结论", "复核意见"} <= col.keys():
                continue        # a sheet someone rearranged: its decisions cannot be keyed
            for row in rows:
                decision = parse_decision(row[col["复核结论"]])
                if decision is None:
                    continue
                found.append(Override(packet=str(row[col["申报材料"]]), code=sheet.title,
                                      fingerprint=str(row[col["指纹"]]), decision=decision,
                                      comment=str(row[col["复核意见"]] or ""), reviewer=reviewer,
                                      decided_at=now()))
    finally:
        book.close()
    return found
