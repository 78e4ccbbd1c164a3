"""Inbox layout, content keys and the source registry (no Dagster involved)."""
import json
from pathlib import Path

from pipelines.defs.inbox import SourceRegistry, content_key, scan_inbox


def _write(path: Path, data: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


def test_layout_rounds_and_packets(tmp_path):
    inbox = tmp_path / "inbox"
    _write(inbox / "通知.txt", "a")
    _write(inbox / "2024-round" / "管理办法.pdf", "b")
    _write(inbox / "2024-round" / "packets" / "acme" / "申报表.docx", "c")
    _write(inbox / "2024-round" / "packets" / "envelope.pdf", "d")
    _write(inbox / "2024-round" / "packets" / "empty" / ".DS_Store", "e")
    _write(inbox / "2024-round" / ".partial.pdf.part", "f")
    _write(inbox / "2024-round" / "notes.py", "g")       # not a document type
    found = {(e.kind, Path(e.path).name, tuple(e.rounds)) for e in scan_inbox(inbox)}
    assert found == {("notice", "通知.txt", ("",)),
                     ("notice", "管理办法.pdf", ("2024-round",)),
                     ("packet", "acme", ("2024-round",)),
                     ("packet", "envelope.pdf", ("2024-round",))}


def test_batch_manifest_ties_packets_to_a_notice(tmp_path):
    inbox = tmp_path / "inbox"
    notice = _write(inbox / "seeds" / "000.txt", "notice")
    batch = inbox / "packets" / "b1"
    _write(batch / "p1" / "a.docx", "p1")
    _write(batch / "batch.json", json.dumps({"notice": "../../seeds/000.txt"}))
    entries = {Path(e.path).name: e for e in scan_inbox(inbox)}
    assert set(entries) == {"000.txt", "p1"}
    batch_round = entries["p1"].rounds[0]
    assert batch_round in entries["000.txt"].rounds and entries[notice.name].kind == "notice"


def test_missing_inbox_is_empty(tmp_path):
    assert scan_inbox(tmp_path / "nope") == []


def test_content_key_ignores_names(tmp_path):
    a = _write(tmp_path / "a.txt", "same bytes")
    b = _write(tmp_path / "renamed.txt", "same bytes")
    c = _write(tmp_path / "c.txt", "other bytes")
    assert content_key(a) == content_key(b) != content_key(c)
    assert len(content_key(a)) == 16
    p1 = tmp_path / "p1"
    _write(p1 / "申报表.docx", "form")
    _write(p1 / "sub" / "证明.pdf", "proof")
    p2 = tmp_path / "p2"
    _write(p2 / "form.docx", "form")
    _write(p2 / "proof.pdf", "proof")
    assert content_key(p1) == content_key(p2)
    _write(p2 / "proof.pdf", "changed")
    assert content_key(p1) != content_key(p2)


def test_registry_recognises_a_resent_file(tmp_path):
    inbox = tmp_path / "inbox"
    first = _write(inbox / "r1" / "通知.txt", "notice")
    registry = SourceRegistry(tmp_path / "var")
    [entry] = scan_inbox(inbox)
    record, is_new = registry.register(entry, content_key(first))
    assert is_new and record.rounds == ["r1"]
    second = _write(inbox / "r2" / "copy.txt", "notice")
    first.unlink()
    [entry2] = scan_inbox(inbox)
    record2, is_new2 = registry.register(entry2, content_key(second))
    assert not is_new2
    assert record2.rounds == ["r1", "r2"]
    assert record2.path == str(second.resolve())   # the first copy left: read the new one
    assert registry.get("notice", record.key) == record2
    assert [r.key for r in registry.all("notice")] == [record.key]
