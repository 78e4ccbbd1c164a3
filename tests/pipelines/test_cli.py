"""The CLI end to end, in-process (fast) and once through the installed console script."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.fields import FieldView
from models.spec import AwardSpec
from pipelines.cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "sample_docs" / "seeds").glob("*.txt"))
FIELD_KEYS = set(FieldView.model_fields)


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def test_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    for code in ("0", "1", "2", "3"):
        assert f"\n  {code}  " in out


def test_missing_out_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["fields", str(SEEDS[0])])
    assert caught.value.code == EXIT_USAGE


def test_text_joins_spaced_letterhead_and_keeps_tibetan(capsys):
    assert main(["text", str(seed("000"))]) == EXIT_OK
    out = capsys.readouterr().out
    assert "质量协会文件" in out
    assert "བོད" in out                      # Tibetan letterhead line kept in place
    assert "西藏自治区质量协会" in out


def test_text_converts_traditional(capsys):
    assert main(["text", str(seed("004"))]) == EXIT_OK
    out = capsys.readouterr().out
    assert "攀枝花市质量强市工作领导小组办公室" in out
    assert "夏犹攀" in out and "質" not in out


def test_spec_is_valid_json_and_redacts_the_password(capsys):
    assert main(["spec", str(seed("002"))]) == EXIT_OK
    out = capsys.readouterr().out
    spec = AwardSpec.model_validate_json(out)
    assert spec.secrets, "the leaked mailbox password must be flagged"
    assert "scjgj300" not in out


def test_fields_writes_one_json_per_input_and_records_bad_files(tmp_path, capsys):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj<<>>\ntruncated")
    out = tmp_path / "fields"
    code = main(["fields", *map(str, SEEDS), str(bad), "--out", str(out)])
    assert code == EXIT_SOME_FAILED
    for path in SEEDS:
        view = json.loads((out / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert set(view) == FIELD_KEYS
    error = json.loads((out / "broken.error.json").read_text(encoding="utf-8"))
    assert error["code"] == "corrupt" and error["file"] == str(bad)
    assert "broken.pdf" in capsys.readouterr().err


def test_fields_on_the_seeds_scores_with_the_contract_scorer(tmp_path):
    scorer = ROOT.parent / "shared" / "eval" / "score_fields.py"
    if not scorer.exists():
        pytest.skip("../shared/eval/score_fields.py is not beside this checkout")
    out = tmp_path / "fields"
    assert main(["fields", *map(str, SEEDS), "--out", str(out)]) == EXIT_OK
    result = subprocess.run([sys.executable, str(scorer), "--gold", str(ROOT / "sample_docs" / "seeds"),
                             "--pred", str(out), "--json", str(tmp_path / "score.json")],
                            capture_output=True, text=True, check=True)
    overall = json.loads((tmp_path / "score.json").read_text())["overall"]
    assert overall["without_prediction"] == []
    assert overall["f1"] >= 0.9, result.stdout


def test_console_script_runs(tmp_path):
    exe = shutil.which("award-intake", path=str(Path(sys.executable).parent))
    assert exe, "award-intake console script is not installed in this environment"
    result = subprocess.run([exe, "text", str(seed("001"))], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "甘质强组办" in result.stdout
