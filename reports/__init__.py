"""What a reviewer reads: findings JSON per packet, an Excel workbook and an HTML report.

Two variants of the workbook and the page: the reviewer's (`review.*`) keeps personal identifiers,
the shareable one (`review-shareable.*`) masks 身份证号 and private mobiles. Reviewer decisions
(`overrides.json`, or typed into the workbook) are merged in on every run, so they survive
reprocessing.
"""
from __future__ import annotations

from pathlib import Path

from models.findings import PacketFindings
from models.packet import Packet

from reports.excel import overrides_from_workbook, write_workbook
from reports.findings_json import write_findings
from reports.html import write_html
from reports.overrides import Override, key, load_overrides, merge, save_overrides
from reports.review import packet_rows

__all__ = ["write_reports", "load_overrides", "Override"]

OVERRIDES = "overrides.json"
WORKBOOK = "review.xlsx"


def _carry_dates(old: list[Override], new: list[Override]) -> list[Override]:
    """A decision read back unchanged from the workbook keeps when and by whom it was made."""
    before = {key(o): o for o in old}
    return [before[key(o)] if key(o) in before and (before[key(o)].decision, before[key(o)].comment)
            == (o.decision, o.comment) else o for o in new]


def write_reports(findings: list[PacketFindings], packets: list[Packet], out_dir: Path, *,
                  overrides: Path | None = None, title: str = "形式审查报告") -> dict[str, Path]:
    """Write every output for a batch; returns name → path ("<packet>.findings.json", "workbook", …).

    `overrides`: an extra JSON/CSV of decisions to merge (e.g. sent back by a reviewer).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stored = load_overrides(out_dir / OVERRIDES)
    typed = _carry_dates(stored, overrides_from_workbook(out_dir / WORKBOOK))
    decisions = merge(stored, load_overrides(overrides) if overrides else [], typed)
    written: dict[str, Path] = {}
    for found in findings:
        written[f"{found.packet}.findings.json"] = write_findings(found, out_dir)
    by_name = {p.name: p for p in packets}
    for variant, shareable in (("review", False), ("review-shareable", True)):
        rows = packet_rows(findings, decisions, shareable=shareable)
        suffix = "" if not shareable else "（可外发，已隐去个人信息）"
        written[f"{variant}.xlsx"] = write_workbook(rows, out_dir / f"{variant}.xlsx")
        written[f"{variant}.html"] = write_html(rows, findings, by_name, out_dir / f"{variant}.html",
                                                title=title + suffix, show_images=not shareable)
    written["overrides"] = save_overrides(decisions, out_dir / OVERRIDES)
    return written
