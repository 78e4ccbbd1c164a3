"""The JSON store shared by the CLI and Dagster: one file per stage and key, atomic."""
import os

import pytest

from models import Document, ErrorCode, ErrorRecord, Page
from pipelines.defs.artifacts import ArtifactStore, by_partition, partition_value_type, write_atomic
from pipelines.defs.stage_types import DocumentOrError


def _doc(name: str = "a.txt") -> Document:
    return Document(source=name, sha256="ab" * 32, media_type="text/plain", pages=[Page(number=1)])


def test_roundtrip_model_and_error(tmp_path):
    store = ArtifactStore(tmp_path)
    error = ErrorRecord(code=ErrorCode.CORRUPT, file="b.pdf", message="broken xref")
    store.write("notice_document", "k1", _doc(), DocumentOrError)
    store.write("notice_document", "k2", error, DocumentOrError)
    assert store.read("notice_document", "k1", DocumentOrError) == _doc()
    assert store.read("notice_document", "k2", DocumentOrError) == error
    assert store.path("notice_document", "k1") == tmp_path / "store" / "notice_document" / "k1.json"
    assert "中文" in (store.write("x", "k", _doc("中文.txt"), Document).read_text(encoding="utf-8"))


def test_atomic_write_leaves_the_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    write_atomic(target, b"old")

    def crash(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]   # no temp file left behind


def test_partition_types():
    assert partition_value_type(dict[str, Document]) is Document
    with pytest.raises(TypeError):
        partition_value_type(list[Document])
    docs = by_partition(DocumentOrError, "Docs")
    assert docs.type_check(None, {"k": _doc()}).success
    assert not docs.type_check(None, {"k": "not a document"}).success


def test_reviewer_facing_stages_are_redacted(tmp_path):
    from models.spec import AwardSpec, TextValue
    store = ArtifactStore(tmp_path)
    spec = AwardSpec(document="n.txt", issuers=[TextValue(value="电子邮箱：x@163.com 密码：scjgj300")])
    raw = store.write("plain", "k", spec, AwardSpec).read_text(encoding="utf-8")
    redacted = store.write("award_spec", "k", spec, AwardSpec, redact_secrets=True)
    assert "scjgj300" in raw
    assert "scjgj300" not in redacted.read_text(encoding="utf-8")
    assert store.read("award_spec", "k", AwardSpec).issuers[0].value.startswith("电子邮箱")


def test_the_next_stage_takes_what_this_process_wrote(tmp_path):
    store = ArtifactStore(tmp_path)
    doc = _doc()
    store.write("notice_document", "k", doc, DocumentOrError)
    assert store.read("notice_document", "k", DocumentOrError) is doc
    # Another process rewrites the file: the file wins.
    other = _doc("other.txt")
    write_atomic(store.path("notice_document", "k"), other.model_dump_json().encode())
    assert store.read("notice_document", "k", DocumentOrError) == other


def test_a_redacted_file_is_read_back_as_written(tmp_path):
    from models.spec import AwardSpec, TextValue
    store = ArtifactStore(tmp_path)
    spec = AwardSpec(document="n.txt", issuers=[TextValue(value="邮箱密码：scjgj300")])
    store.write("award_spec", "k", spec, AwardSpec)                       # kept in memory
    store.write("award_spec", "k", spec, AwardSpec, redact_secrets=True)  # replaces it on disk
    assert "scjgj300" not in store.read("award_spec", "k", AwardSpec).issuers[0].value


def test_recent_artifacts_stay_within_their_byte_budget(tmp_path):
    from pipelines.defs.artifacts import RecentArtifacts
    recent = RecentArtifacts(max_bytes=2500)
    paths = []
    for i in range(3):
        path = tmp_path / f"{i}.json"
        path.write_bytes(b"x" * 1000)
        recent.put(path, i, int)
        paths.append(path)
    # The oldest went to keep 2,000 of 2,500 bytes; a file over the budget is not kept at all.
    assert [recent.get(p, int) for p in paths] == [None, 1, 2]
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 3000)
    recent.put(big, 3, int)
    assert recent.get(big, int) is None and recent.get(paths[2], int) == 2
    assert recent.get(paths[2], str) is None   # asked as another type: from the file
