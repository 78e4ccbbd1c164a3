"""The Chinese OCR engine: PP-OCRv6 small detection and recognition (ONNX, bundled in the
rapidocr wheel) on onnxruntime, one instance per process, loaded on first use.

Model paths are pinned to the files inside the installed package: rapidocr downloads any model it
does not find, and nothing may be downloaded at run time. The per-line angle classifier stays
off (measured: it turned long Traditional lines into garbage); page orientation is decided per
page instead (`orientation.py`). `AWARD_INTAKE_OCR_BACKEND=paddleocr` sends detection and
recognition to the optional `paddle_backend.py` instead (local model folders only).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

# Longest side (px) a page is shrunk to for line detection; lines are still read from the
# full-resolution page. Measured on 200-dpi A4 scans (bench/bench_ocr.py and 6.5-10 pt
# renders): 960 costs 0.50 s of detection against 0.75 s at 1280 at the same CER on 11.5 and
# 16 pt pages and +0.04-0.15 points on 6.5-8 pt ones; 800 costs the same as 960 and more CER.
DETECTION_SIDE = 960


def detection_side() -> int:
    return int(os.environ.get("AWARD_INTAKE_OCR_DET_SIDE", DETECTION_SIDE))


BACKENDS = ("rapidocr", "paddleocr")


def backend() -> str:
    """`rapidocr` (the default: bundled models) or `paddleocr` (optional, local model folders:
    `paddle_backend.py`)."""
    name = os.environ.get("AWARD_INTAKE_OCR_BACKEND", "rapidocr").strip().lower() or "rapidocr"
    if name not in BACKENDS:
        raise ValueError(f"AWARD_INTAKE_OCR_BACKEND={name!r}: expected one of {', '.join(BACKENDS)}")
    return name


def _engine_version() -> str:
    if backend() == "paddleocr":
        # The model folders' names stand for the models: another folder, another version.
        folders = [Path(os.environ.get(v, "")).name for v in
                   ("AWARD_INTAKE_PADDLEOCR_DET_DIR", "AWARD_INTAKE_PADDLEOCR_REC_DIR")]
        return f"paddleocr-3/{'+'.join(folders)}/det{detection_side()}"
    return f"rapidocr-3.10.0/PP-OCRv6-small/det{detection_side()}-batch1"


ENGINE_VERSION = _engine_version()


@dataclass
class RawLine:
    quad: np.ndarray          # 4x2 corner points in the image
    text: str
    score: float
    crop: np.ndarray


def models_dir() -> Path:
    import rapidocr
    return Path(rapidocr.__file__).resolve().parent / "models"


def ocr_threads() -> int:
    return int(os.environ.get("AWARD_INTAKE_OCR_THREADS", min(2, os.cpu_count() or 1)))


@lru_cache(maxsize=1)
def chinese_engine():
    from rapidocr import RapidOCR

    models = models_dir()
    det, rec = models / "PP-OCRv6_det_small.onnx", models / "PP-OCRv6_rec_small.onnx"
    for model in (det, rec):
        if not model.is_file():
            raise FileNotFoundError(f"OCR model missing from the rapidocr package: {model}")
    threads = ocr_threads()
    return RapidOCR(params={
        "Global.log_level": "error",
        "Global.use_cls": False,
        "Global.max_side_len": detection_side(),
        # One line per recognizer call: a batch is padded to its widest line and costs more
        # (2.3 vs 1.5 s for a 35-line page) and ~400 MB more peak memory, at the same CER.
        "Rec.rec_batch_num": 1,
        "Det.model_path": str(det),
        "Rec.model_path": str(rec),
        "Cls.model_path": str(models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })


def detect(image: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Line boxes (4x2 corner points) and their crops, tall crops already turned horizontal."""
    if backend() == "paddleocr":
        from extractors.ocr import paddle_backend
        return paddle_backend.detect(image)
    engine = chinese_engine()
    det = engine(image, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(det, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return [], []
    return [np.asarray(b) for b in boxes], engine.crop_text_regions(image, boxes)


def detect_and_read(image: np.ndarray) -> list[RawLine]:
    """Every detected line box with what the recogniser made of it, empty reads included
    (rapidocr's own pipeline drops those, and they are the Tibetan lines)."""
    boxes, crops = detect(image)
    return [RawLine(quad=box, text=text, score=score, crop=crop)
            for box, crop, (text, score) in zip(boxes, crops, read_crops(crops))]


def read_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    if not crops:
        return []
    if backend() == "paddleocr":
        from extractors.ocr import paddle_backend
        return paddle_backend.read_crops(crops)
    rec = chinese_engine().recognize_txt(crops)
    return [(t or "", float(s or 0.0)) for t, s in zip(rec.txts, rec.scores)]
