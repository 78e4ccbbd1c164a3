"""What the asset checks decide and what the UI shows, on hand-made models."""
import dagster as dg

from models import Document, ErrorCode, ErrorRecord, Line, Origin, Page, Script
from models.findings import Flag, FlagCode, PacketFindings
from models.provenance import Provenance
from models.spec import AwardSpec, Contact, Deadline, DocumentKind, Quota
from pipelines.defs import checks, metadata

ERROR = dg.AssetCheckSeverity.ERROR
WARN = dg.AssetCheckSeverity.WARN


def _scan(*confidences: float) -> Document:
    pages = [Page(number=i + 1, origin=Origin.OCR, ocr_confidence=c,
                  lines=[Line(text="关于申报的通知", origin=Origin.OCR, confidence=c)])
             for i, c in enumerate(confidences)]
    return Document(source="scan.pdf", sha256="0" * 64, media_type="application/pdf",
                    pages=pages, script=Script.HANS)


def _spec(**kwargs) -> AwardSpec:
    return AwardSpec(document="n.txt", kind=DocumentKind.NOTICE, **kwargs)


def test_document_verdicts():
    assert checks.judge_document(_scan(0.95, 0.9))[0] is None
    assert checks.judge_document(_scan(0.5, 0.7))[0] == WARN
    empty = Document(source="e.pdf", sha256="0" * 64, media_type="application/pdf",
                     pages=[Page(number=1)])
    assert checks.judge_document(empty)[0] == ERROR
    error = ErrorRecord(code=ErrorCode.ENCRYPTED, file="x.pdf", message="password")
    assert checks.judge_document(error)[0] == ERROR
    assert metadata.ocr_confidence(_scan(0.9, 0.7)) == 0.8


def test_spec_verdicts():
    deadline = Deadline(date="2024-05-31")
    quota = Quota(scope="submission", category="企业", max=2)
    contact = Contact(names=["王老师"], phones=["0891-6815193"])
    assert checks.judge_spec(_spec(deadlines=[deadline], quotas=[quota], contacts=[contact]))[0] is None
    assert checks.judge_spec(_spec(deadlines=[deadline]))[0] == WARN
    assert checks.judge_spec(_spec(quotas=[quota], contacts=[contact]))[0] == ERROR
    regulation = AwardSpec(document="办法.pdf", kind=DocumentKind.REGULATION)
    assert checks.judge_spec(regulation)[0] == WARN


def test_check_result_names_failed_partitions():
    bad = ErrorRecord(code=ErrorCode.CORRUPT, file="b.pdf", message="x")
    result = checks._result({"good": _scan(0.95), "bad": bad}, checks.judge_document)
    # Fails, but does not block the batch's good document downstream.
    assert not result.passed and result.severity == WARN
    assert result.metadata["failed"].value == 1 and result.metadata["errors"].value == 1
    assert "bad: not read" in result.metadata["details"].value
    alone = checks._result({"bad": bad}, checks.judge_document)
    assert not alone.passed and alone.severity == ERROR


def test_batch_verdict_and_flag_counts():
    flag = Flag(code=FlagCode.MISSING_SEAL, severity="error", message="无公章")
    findings = [PacketFindings(packet="a", flags=[flag]).settle(), PacketFindings(packet="b")]
    severity, why = checks.judge_batch(findings)
    assert severity == WARN and "1/2 incomplete: a" in why
    meta = metadata.findings_metadata(findings)
    assert (meta["complete"], meta["incomplete"]) == (1, 1)
    assert "| MISSING_SEAL | 1 |" in meta["flags"].value


def test_spec_preview_shows_values_and_pages():
    spec = _spec(title="关于申报2024年度质量奖的通知",
                 deadlines=[Deadline(date="2024-05-31", what="申报材料",
                                     provenance=Provenance(document="n.txt", page=2))])
    preview = metadata.spec_markdown(spec)
    assert preview.startswith("### 关于申报2024年度质量奖的通知")
    assert "2024-05-31 申报材料 (p. 2)" in preview


def test_report_links():
    meta = metadata.reports_metadata({"html": "/tmp/r/report.html", "excel": "/tmp/r/report.xlsx"})
    assert meta["html (open)"].value == "file:///tmp/r/report.html"
    assert meta["excel"].value == "/tmp/r/report.xlsx"
