"""Credentials printed in a notice never leave the pipeline: not in a field view, a spec (file
or standard output), the `text` view, an error record, nor the log at INFO; a private person's
identity number and mobile number are not logged either."""
from __future__ import annotations

import logging
from pathlib import Path

from hardening_support import REPO
from pipelines.cli import EXIT_OK, EXIT_SOME_FAILED, main

SEED = sorted((REPO / "sample_docs" / "seeds").glob("*.txt"))[2]

CREDENTIALS = {
    "mailbox password": ("电子邮箱：award@example.cn 密码：Zq7scjgj300。", "Zq7scjgj300"),
    "login password": ("系统登录账号：admin，登录密码：Abc@12345，请及时修改。", "Abc@12345"),
    "download code": ("网盘下载链接：https://pan.example.cn/s/1AbCdE 提取码：x7k9q", "x7k9q"),
    "api key": ("接口调用：api_key=sk-9f8e7d6c5b4a39281706", "sk-9f8e7d6c5b4a39281706"),
    "traditional password": ("電子郵箱：award@example.cn 密碼：Tw0Pass88", "Tw0Pass88"),
}
PERSONAL = {"identity number": "身份证号：110101199003074514", "private mobile": "本人手机：13912345678"}


def _everything_written(folder: Path, capsys, caplog) -> dict[str, str]:
    """Everything the CLI writes, prints or logs (at INFO) for a notice laced with credentials."""
    notice = folder / "notice-with-secrets.txt"
    extra = "\n".join(text for text, _ in CREDENTIALS.values())
    person = "\n".join(f"申报联系人张三，{text}" for text in PERSONAL.values())
    notice.write_text(SEED.read_text(encoding="utf-8") + f"\n{extra}\n{person}\n", encoding="utf-8")
    # A file that fails in the same batch: its error record is an output too.
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n")
    out = folder / "out"
    seen: dict[str, str] = {}
    caplog.set_level(logging.INFO)
    for name, argv in {
        "fields": ["-v", "fields", "--out", str(out), str(notice), str(broken)],
        "spec": ["-v", "spec", str(notice)],
        "spec --out": ["spec", "--out", str(out / "spec.json"), str(notice)],
        "text": ["-v", "text", str(notice)],
    }.items():
        assert main(argv) in (EXIT_OK, EXIT_SOME_FAILED)
        captured = capsys.readouterr()
        seen[f"{name} stdout"], seen[f"{name} stderr"] = captured.out, captured.err
        seen[f"{name} log"] = caplog.text
        caplog.clear()
    for path in out.iterdir():
        seen[path.name] = path.read_text(encoding="utf-8")
    assert {"notice-with-secrets.json", "spec.json", "broken.error.json"} <= set(seen), sorted(seen)
    return seen


def test_no_credential_in_any_output_and_no_personal_number_in_logs(tmp_path, capsys, caplog):
    seen = _everything_written(tmp_path, capsys, caplog)
    leaks = [f"{label} in {name}" for label, (_, secret) in CREDENTIALS.items()
             for name, text in seen.items() if secret in text]
    leaks += [f"{label} in {name}" for label, text in PERSONAL.items()
              for name, written in seen.items()
              if name.endswith(("stderr", "log")) and text.split("：")[1] in written]
    assert not leaks
