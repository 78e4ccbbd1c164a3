"""Tibetan-script lines: PP-OCR has no Tibetan model, so boxes it cannot read go to Tesseract
`bod` (Debian's tesseract-ocr-bod). Without Tesseract the line is kept as unread."""
from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess

import numpy as np
from PIL import Image

TIBETAN_RANGE = (0x0F00, 0x0FFF)
# Tesseract `bod` also emits Tibetan letters for some Chinese crops, at confidence ≤ 70
# (measured); real Tibetan lines scored 88–93.
MIN_CONFIDENCE = 75.0
MIN_TIBETAN_SHARE = 0.6


def tibetan_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(TIBETAN_RANGE[0] <= ord(c) <= TIBETAN_RANGE[1] for c in letters) / len(letters)


@functools.lru_cache(maxsize=1)
def tesseract_available() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "bod" in langs.split()


def read_tibetan(crop: np.ndarray, timeout: float = 30.0) -> tuple[str, float] | None:
    """(text, confidence 0–1) when the crop reads as Tibetan, else None."""
    if not tesseract_available():
        return None
    buf = io.BytesIO()
    Image.fromarray(crop).save(buf, format="PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")   # OpenMP threads made it 5x slower here
    try:
        tsv = subprocess.run(["tesseract", "-", "-", "-l", "bod", "--psm", "7", "tsv"],
                             input=buf.getvalue(), capture_output=True, timeout=timeout, env=env,
                             check=True).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    words, confs = [], []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
            words.append(cols[11].strip())
            confs.append(float(cols[10]))
    text = " ".join(words)
    if not words:
        return None
    confidence = sum(confs) / len(confs)
    if confidence < MIN_CONFIDENCE or tibetan_share(text) < MIN_TIBETAN_SHARE:
        return None
    return text, confidence / 100
