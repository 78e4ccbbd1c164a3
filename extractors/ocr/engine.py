"""The Chinese OCR engine: PP-OCRv6 small detection and recognition (ONNX, bundled in the
rapidocr wheel) on onnxruntime, one instance per process, loaded on first use.

Model paths are pinned to the files inside the installed package: rapidocr downloads any model it
does not find, and nothing may be downloaded at run time. The per-line angle classifier stays
off (measured: it turned long Traditional lines into garbage); page orientation is decided per
page instead (`orientation.py`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

ENGINE_VERSION = "rapidocr-3.10.0/PP-OCRv6-small/det1280-batch1"


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
        # Detection cost grows with area: 1.35 s at 1600 px a side, 0.9 s at 1280, 0.6 s at
        # 1024 on a 200-dpi A4 page here. 1024 blurs the boxes of small print (6.5-10 pt lines:
        # 3-6% CER against 0.8-1.2% at 1280 and 1600); 1280 reads the scanned set as 1600 does.
        "Global.max_side_len": 1280,
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
    rec = chinese_engine().recognize_txt(crops)
    return [(t or "", float(s or 0.0)) for t, s in zip(rec.txts, rec.scores)]
