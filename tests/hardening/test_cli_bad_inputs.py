"""The bad-input corpus through the CLI: each bad file gives exit code 1, one stderr line and a
`<stem>.error.json`; the good files in the same batch still get their output; a batch killed
with SIGKILL and run again ends with the same outputs as one never interrupted."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from badinput import EXPECTED, KINDS
from hardening_support import REPO, cli_env, without_root_file_powers
from models import ErrorRecord
from models.fields import FieldView
from pipelines.cli import EXIT_SOME_FAILED, main

CLI = str(Path(sys.executable).with_name("award-intake"))
SEEDS = sorted((REPO / "sample_docs" / "seeds").glob("*.txt"))
# Real OCR of 100 megapixels takes half a minute: bench/fuzz_entry_points.py --scaling measures it.
BATCH_KINDS = [k for k in KINDS if k != "scan_100_megapixel"
               and not (k == "unreadable_permissions" and os.geteuid() == 0)]


def _stem_outputs(out: Path) -> dict[str, str]:
    """Every output file (hidden temporary files of killed writers aside) and its content."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())
            if p.is_file() and not p.name.endswith(".tmp")}


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


@pytest.mark.slow
def test_fields_batch_records_each_bad_file_and_still_reads_the_good_ones(corpus, trap, tmp_path):
    good = [tmp_path / "good-notice-000.txt", tmp_path / "good-notice-002.txt"]
    shutil.copy(SEEDS[0], good[0])
    shutil.copy(SEEDS[2], good[1])
    cases = [corpus[k] for k in BATCH_KINDS]
    out = tmp_path / "out"
    before = trap.connections
    # "--" so that a file named "-rf --out=x.html" is a file, not an option.
    run = subprocess.run([CLI, "fields", "--out", str(out), "--", *map(str, good),
                          *(str(c.path) for c in cases)],
                         capture_output=True, text=True, env=cli_env(), timeout=420)
    assert run.returncode == EXIT_SOME_FAILED, run.stderr
    assert trap.connections == before, "an input made a network connection"

    bad = [c for c in cases if not c.must_read]
    for case in bad:
        error_file = out / f"{case.path.stem}.error.json"
        assert error_file.is_file(), f"{case.kind}: no {error_file.name}"
        record = ErrorRecord.model_validate_json(error_file.read_text(encoding="utf-8"))
        assert record.code in case.expect, f"{case.kind}: {record.code.value}: {record.message}"
        assert record.file == str(case.path)
        assert not (out / f"{case.path.stem}.json").exists(), f"{case.kind}: output beside error"
    for path in good + [c.path for c in cases if c.must_read]:
        view_file = out / f"{path.stem}.json"
        assert view_file.is_file(), f"{path.name}: no output; stderr:\n{run.stderr}"
        FieldView.model_validate_json(view_file.read_text(encoding="utf-8"))
        assert not (out / f"{path.stem}.error.json").exists()

    lines = _error_lines(run.stderr)
    assert all(line.startswith("award-intake: error [") for line in lines), run.stderr
    assert len(lines) == len(bad), run.stderr


# Root reads mode-000 files: that case has a test of its own below.
@pytest.mark.parametrize("kind", [k for k, codes in EXPECTED.items()
                                  if codes is not None and k != "unreadable_permissions"])
def test_text_on_a_bad_file_exits_1_with_one_line(kind, corpus, capsys):
    case = corpus[kind]
    assert main(["text", str(case.path)]) == EXIT_SOME_FAILED
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = _error_lines(captured.err)
    assert len(lines) == 1 and lines[0].startswith("award-intake: error ["), captured.err
    assert str(case.path) in lines[0]


def test_unreadable_file_through_the_cli(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("通知", encoding="utf-8")
    locked.chmod(0)
    try:
        run = subprocess.run([*without_root_file_powers(), CLI, "fields", "--out",
                              str(tmp_path / "out"), str(locked)],
                             capture_output=True, text=True, env=cli_env(), timeout=300)
    finally:
        locked.chmod(0o644)
    assert run.returncode == EXIT_SOME_FAILED, run.stderr
    record = json.loads((tmp_path / "out" / "locked.error.json").read_text(encoding="utf-8"))
    assert record["code"] == "permission_denied"
    assert _error_lines(run.stderr) == [f"award-intake: error [permission_denied] {locked}: permission denied"]


@pytest.mark.slow
def test_fields_killed_mid_batch_and_restarted_ends_like_an_uninterrupted_run(tmp_path, corpus):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, inputs / seed.name)
    shutil.copy(corpus["encrypted_pdf"].path, inputs / "encrypted.pdf")
    files = sorted(map(str, inputs.iterdir()))

    def fields(out: Path) -> subprocess.Popen:
        return subprocess.Popen([CLI, "fields", "--out", str(out), "--", *files],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env())

    whole = tmp_path / "whole"
    assert main(["fields", "--out", str(whole), "--", *files]) == EXIT_SOME_FAILED

    resumed = tmp_path / "resumed"
    first = fields(resumed)
    deadline = time.monotonic() + 300
    while not (resumed.is_dir() and any(resumed.glob("*.json"))) and time.monotonic() < deadline:
        time.sleep(0.01)
    first.send_signal(signal.SIGKILL)
    first.wait()
    written_before_kill = len(list(resumed.glob("*.json")))
    assert 0 < written_before_kill < len(files), "the kill did not land mid-batch"
    assert fields(resumed).wait(timeout=300) == EXIT_SOME_FAILED

    assert _stem_outputs(resumed) == _stem_outputs(whole)
