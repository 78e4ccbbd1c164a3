"""Outputs are replaced atomically: a writer killed with SIGKILL at any moment leaves the old
file or the new one, never a half."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

from hardening_support import cli_env

# Alternates two large JSON documents into one path, saying which it starts before each write.
WRITER = """
import json, sys
from pathlib import Path
from pipelines.outputs import write_text_atomic
target = Path(sys.argv[1])
docs = [json.dumps({"version": v, "rows": [str(v) * 64] * 60_000}) for v in ("a", "b")]
for n in range(10_000):
    print(n, flush=True)
    write_text_atomic(target, docs[n % 2])
"""


def test_sigkill_mid_write_leaves_the_old_or_the_new_file(tmp_path):
    target = tmp_path / "out.json"
    rng = random.Random(7)
    for _ in range(4):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE,
                                  text=True, env=cli_env())
        try:
            # Let a few writes finish, then strike at a random moment inside a later one.
            for _ in range(rng.randint(2, 5)):
                writer.stdout.readline()
            time.sleep(rng.uniform(0, 0.03))
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait()
        assert writer.returncode == -signal.SIGKILL
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["version"] in ("a", "b")
        assert len(data["rows"]) == 60_000
    # Killed writers may leave their temporary files; none of them is ever taken for an output.
    assert [p.name for p in tmp_path.glob("*.json")] == ["out.json"]
