"""Optional OCR backend on the `paddleocr` 3.x package (`pip install award-intake[paddle]`), with
the same `detect` / `read_crops` / `detect_and_read` as `engine.py`.

paddleocr fetches any model it is not given from the network, and nothing may be downloaded at
run time, so this backend only runs on model folders already on disk (PaddleOCR inference
exports: inference.yml plus inference.json or .pdmodel, and inference.pdiparams), named by
AWARD_INTAKE_PADDLEOCR_DET_DIR and AWARD_INTAKE_PADDLEOCR_REC_DIR. Without both it refuses to
start rather than letting paddleocr reach for a default model.

It uses paddleocr's TextDetection and TextRecognition models rather than its PaddleOCR
pipeline: `page.py` re-reads crops it has changed (red painted out, turned upside down), which
the pipeline cannot do, and the pipeline's own crops differ from rapidocr's.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from extractors.ocr.engine import RawLine, detection_side, ocr_threads

DET_DIR_VAR = "AWARD_INTAKE_PADDLEOCR_DET_DIR"
REC_DIR_VAR = "AWARD_INTAKE_PADDLEOCR_REC_DIR"
# Only needed when a folder's inference.yml does not say which model it holds.
DET_NAME_VAR = "AWARD_INTAKE_PADDLEOCR_DET_NAME"
REC_NAME_VAR = "AWARD_INTAKE_PADDLEOCR_REC_NAME"


class PaddleBackendUnavailable(RuntimeError):
    """paddleocr is not installed, or its local model folders are not configured or not usable."""


def model_folder(variable: str) -> Path:
    value = os.environ.get(variable, "").strip()
    if not value:
        raise PaddleBackendUnavailable(
            f"{variable} is not set: the paddleocr backend only runs on local model folders "
            "(it never downloads models); point it at a PaddleOCR inference model folder")
    folder = Path(value).expanduser()
    if not folder.is_dir():
        raise PaddleBackendUnavailable(
            f"{variable}={value}: no such folder; the paddleocr backend only runs on local "
            "model folders (it never downloads models)")
    return folder


def model_name(folder: Path, name_variable: str) -> str:
    """paddlex refuses a folder whose inference.yml names another model than the one asked for,
    and paddleocr asks for its own default unless told, so the name is read from the folder."""
    if os.environ.get(name_variable, "").strip():
        return os.environ[name_variable].strip()
    import yaml  # a paddlex dependency, so present wherever paddleocr is

    config = folder / "inference.yml"
    try:
        name = (yaml.safe_load(config.read_text(encoding="utf-8")) or {})["Global"]["model_name"]
    except (OSError, KeyError, TypeError, yaml.YAMLError) as e:
        raise PaddleBackendUnavailable(
            f"{config}: no readable Global.model_name ({e!r}); is {folder} a PaddleOCR "
            f"inference model folder? Set {name_variable} to name the model") from e
    return str(name)


@lru_cache(maxsize=1)
def paddle_models():
    """(TextDetection, TextRecognition), loaded once per process, CPU only."""
    det_dir, rec_dir = model_folder(DET_DIR_VAR), model_folder(REC_DIR_VAR)
    # Read by paddlex when it is first imported: without it, loading a model probes the model
    # hosters over the network first (paddlex/utils/flags.py). Any non-empty value switches it on.
    os.environ["PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"] = "True"
    try:
        from paddleocr import TextDetection, TextRecognition
    except ImportError as e:
        raise PaddleBackendUnavailable(
            "the paddleocr backend needs the `paddle` extra: pip install 'award-intake[paddle]' "
            f"({e})") from e
    common = {"device": "cpu", "cpu_threads": ocr_threads()}
    det_name, rec_name = model_name(det_dir, DET_NAME_VAR), model_name(rec_dir, REC_NAME_VAR)
    try:
        # Same page shrink as the rapidocr engine (paddlex's own default for PP-OCRv5/v6 too).
        detector = TextDetection(model_name=det_name, model_dir=str(det_dir),
                                 limit_side_len=detection_side(), limit_type="max", **common)
        recognizer = TextRecognition(model_name=rec_name, model_dir=str(rec_dir), **common)
    except Exception as e:
        raise PaddleBackendUnavailable(
            f"paddleocr could not load {det_name} from {det_dir} or {rec_name} from {rec_dir}: "
            f"{type(e).__name__}: {e}") from e
    return detector, recognizer


def _bgr(image: np.ndarray) -> np.ndarray:
    # paddlex takes an array input as BGR (cv2's order) and turns it to RGB itself
    # (paddlex/inference/common/reader/image_reader.py, ReadImage); ours are RGB.
    return np.ascontiguousarray(image[..., ::-1])


def detect(image: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Line boxes (4x2 corner points) and their crops, tall crops already turned horizontal."""
    from rapidocr.utils.process_img import get_rotate_crop_image

    detector, _ = paddle_models()
    polys = detector.predict(_bgr(image))[0]["dt_polys"]
    # int16 from paddlex; the perspective crop needs float32.
    quads = [np.asarray(p, dtype=np.float32).reshape(4, 2) for p in polys]
    quads.sort(key=lambda q: (float(q[0, 1]), float(q[0, 0])))
    # rapidocr's own crop, so crops match the default engine's for page.py's red-ink and
    # Tibetan handling; it mutates the points it is given.
    return quads, [get_rotate_crop_image(image, q.copy()) for q in quads]


def read_crops(crops: list[np.ndarray]) -> list[tuple[str, float]]:
    if not crops:
        return []
    _, recognizer = paddle_models()
    reads = recognizer.predict([_bgr(c) for c in crops])
    return [(r["rec_text"] or "", float(r["rec_score"] or 0.0)) for r in reads]


def detect_and_read(image: np.ndarray) -> list[RawLine]:
    """Every detected line box with what the recogniser made of it, empty reads included."""
    quads, crops = detect(image)
    return [RawLine(quad=quad, text=text, score=score, crop=crop)
            for quad, crop, (text, score) in zip(quads, crops, read_crops(crops))]
