"""The optional paddleocr backend, without paddleocr installed: its refusals, and its mapping of
paddleocr's results to quads, crops, texts and scores against a stand-in `paddleocr` module.

The stand-in's results have the shape of paddleocr 3.7.0 on paddlex 3.7.2 (paddlepaddle 3.3.1),
read in paddleocr/_models/base.py (`predict` returns a list, one result per input),
paddlex/inference/models/text_detection/predictor.py and processors.py (DBPostProcess: `dt_polys`
an int16 array (N, 4, 2), corners clockwise from top-left, `np.array([], dtype=int16)` when
nothing is found), paddlex/inference/models/text_recognition/predictor.py (`rec_text` str,
`rec_score` float) and paddlex/inference/common/result/base_result.py (results are dicts), and
seen so on that install running these functions on hand-made model folders.
"""
import sys
import types

import numpy as np
import pytest

from extractors.ocr import paddle_backend
from extractors.ocr.paddle_backend import PaddleBackendUnavailable


def model_folder(path, name):
    path.mkdir()
    (path / "inference.yml").write_text(f"Global:\n  model_name: {name}\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def fresh_backend(monkeypatch, tmp_path):
    for variable in (paddle_backend.DET_NAME_VAR, paddle_backend.REC_NAME_VAR,
                     "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv(paddle_backend.DET_DIR_VAR,
                       str(model_folder(tmp_path / "det", "PP-OCRv6_small_det")))
    monkeypatch.setenv(paddle_backend.REC_DIR_VAR,
                       str(model_folder(tmp_path / "rec", "PP-OCRv6_small_rec")))
    paddle_backend.paddle_models.cache_clear()
    yield
    paddle_backend.paddle_models.cache_clear()


class FakePaddleOCR:
    """What the backend sees of paddleocr: TextDetection and TextRecognition."""

    def __init__(self, polys, reads):
        self.polys, self.reads = polys, reads
        self.created, self.det_inputs, self.rec_inputs = [], [], []
        fake = self

        class TextDetection:
            def __init__(self, **kwargs):
                fake.created.append(("det", kwargs, paddle_backend.os.environ.get(
                    "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK")))

            def predict(self, image):
                fake.det_inputs.append(image)
                return [{"input_path": None, "page_index": None, "input_img": image,
                         "dt_polys": fake.polys, "dt_scores": [0.9] * len(fake.polys)}]

        class TextRecognition:
            def __init__(self, **kwargs):
                fake.created.append(("rec", kwargs, None))

            def predict(self, crops):
                fake.rec_inputs.extend(crops)
                return [{"input_path": None, "page_index": None, "input_img": c,
                         "rec_text": text, "rec_score": score, "vis_font": None}
                        for c, (text, score) in zip(crops, fake.reads)]

        self.module = types.ModuleType("paddleocr")
        self.module.TextDetection, self.module.TextRecognition = TextDetection, TextRecognition


def page():
    """White page, a red word at rows 20-40 x cols 100-180, a blue column at rows 60-160 x 10-30."""
    image = np.full((200, 300, 3), 255, np.uint8)
    image[20:40, 100:180] = (200, 0, 0)
    image[60:160, 10:30] = (0, 0, 200)
    return image


# Corners as DBPostProcess gives them; the column comes first to show the quads get sorted.
POLYS = np.array([[[10, 60], [30, 60], [30, 160], [10, 160]],
                  [[100, 20], [180, 20], [180, 40], [100, 40]]], dtype=np.int16)


def install(monkeypatch, fake):
    monkeypatch.setitem(sys.modules, "paddleocr", fake.module)


def test_missing_package_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "paddleocr", None)    # import paddleocr -> ImportError
    with pytest.raises(PaddleBackendUnavailable, match=r"award-intake\[paddle\]"):
        paddle_backend.detect(page())


@pytest.mark.parametrize("variable", [paddle_backend.DET_DIR_VAR, paddle_backend.REC_DIR_VAR])
@pytest.mark.parametrize("value", [None, "", "/no/such/model/folder"])
def test_unset_or_missing_folder_refuses_before_touching_paddleocr(monkeypatch, variable, value):
    fake = FakePaddleOCR(POLYS, [])
    install(monkeypatch, fake)
    if value is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, value)
    with pytest.raises(PaddleBackendUnavailable, match=variable) as refusal:
        paddle_backend.detect_and_read(page())
    assert "local model folders" in str(refusal.value)
    assert fake.created == []


def test_folder_without_model_name_refuses(monkeypatch, tmp_path):
    fake = FakePaddleOCR(POLYS, [])
    install(monkeypatch, fake)
    (tmp_path / "bare").mkdir()
    monkeypatch.setenv(paddle_backend.REC_DIR_VAR, str(tmp_path / "bare"))
    with pytest.raises(PaddleBackendUnavailable, match=paddle_backend.REC_NAME_VAR):
        paddle_backend.read_crops([np.zeros((10, 30, 3), np.uint8)])
    assert fake.created == []


def test_paddleocr_load_failure_is_translated(monkeypatch):
    fake = FakePaddleOCR(POLYS, [])
    install(monkeypatch, fake)

    def refuse(**kwargs):
        raise ValueError("No Paddle model files were found in '/models/det'.")
    monkeypatch.setattr(fake.module, "TextDetection", refuse)
    with pytest.raises(PaddleBackendUnavailable, match="No Paddle model files"):
        paddle_backend.detect(page())


def test_models_load_once_locally_on_cpu(monkeypatch, tmp_path):
    fake = FakePaddleOCR(POLYS, [("甲", 0.9), ("乙", 0.8)])
    install(monkeypatch, fake)
    monkeypatch.setenv("AWARD_INTAKE_OCR_THREADS", "3")
    monkeypatch.setenv(paddle_backend.REC_NAME_VAR, "PP-OCRv5_server_rec")
    paddle_backend.detect_and_read(page())
    paddle_backend.detect_and_read(page())
    assert [kind for kind, _, _ in fake.created] == ["det", "rec"]
    (_, det, source_check), (_, rec, _) = fake.created
    assert source_check == "True"
    assert det["model_name"] == "PP-OCRv6_small_det"          # read from inference.yml
    assert det["model_dir"] == str(tmp_path / "det")
    assert rec["model_name"] == "PP-OCRv5_server_rec"         # the variable wins
    assert rec["model_dir"] == str(tmp_path / "rec")
    assert det["device"] == rec["device"] == "cpu"
    assert det["cpu_threads"] == rec["cpu_threads"] == 3
    assert det["limit_type"] == "max"


def test_detections_become_sorted_float_quads_with_horizontal_crops(monkeypatch):
    fake = FakePaddleOCR(POLYS, [])
    install(monkeypatch, fake)
    image = page()
    quads, crops = paddle_backend.detect(image)
    # paddlex reads an array as BGR (paddlex/inference/common/reader/image_reader.py)
    np.testing.assert_array_equal(fake.det_inputs[0], image[..., ::-1])
    assert [q.dtype for q in quads] == [np.float32, np.float32]
    np.testing.assert_array_equal(quads[0], POLYS[1])        # top line first
    np.testing.assert_array_equal(quads[1], POLYS[0])
    word, column = crops
    assert word.shape == (20, 80, 3) and (word == (200, 0, 0)).all()
    # 20 wide and 100 tall: turned to lie horizontal, still in the page's RGB
    assert column.shape == (20, 100, 3) and (column == (0, 0, 200)).all()


def test_reads_map_one_to_one_with_empty_reads_kept(monkeypatch):
    fake = FakePaddleOCR(POLYS, [("获奖通知", 0.97), ("", 0.0)])
    install(monkeypatch, fake)
    lines = paddle_backend.detect_and_read(page())
    assert [(l.text, l.score) for l in lines] == [("获奖通知", 0.97), ("", 0.0)]
    assert [l.crop.shape for l in lines] == [(20, 80, 3), (20, 100, 3)]
    np.testing.assert_array_equal(lines[0].quad, POLYS[1])
    np.testing.assert_array_equal(fake.rec_inputs[0], lines[0].crop[..., ::-1])


def test_read_crops_passes_bgr_and_returns_plain_floats(monkeypatch):
    fake = FakePaddleOCR(POLYS, [("奖", np.float32(0.5)), ("金", 1)])
    install(monkeypatch, fake)
    crops = [np.full((10, 40, 3), (255, 0, 0), np.uint8), np.zeros((12, 30, 3), np.uint8)]
    reads = paddle_backend.read_crops(crops)
    assert reads == [("奖", 0.5), ("金", 1.0)]
    assert all(type(score) is float for _, score in reads)
    assert (fake.rec_inputs[0] == (0, 0, 255)).all()
    assert paddle_backend.read_crops([]) == []


def test_no_detections(monkeypatch):
    install(monkeypatch, FakePaddleOCR(np.array([], dtype=np.int16), []))
    assert paddle_backend.detect(page()) == ([], [])
    assert paddle_backend.detect_and_read(page()) == []


def test_the_page_reader_goes_through_the_backend_it_is_told(monkeypatch):
    from extractors.ocr import engine, ocr_image

    fake = FakePaddleOCR(POLYS, [("获奖通知", 0.97), ("名额", 0.95)] * 4)
    install(monkeypatch, fake)
    monkeypatch.setenv("AWARD_INTAKE_OCR_BACKEND", "paddleocr")
    page_read = ocr_image(page(), 1)
    assert fake.det_inputs and fake.rec_inputs
    assert sorted(line.text for line in page_read.lines) == ["名额", "获奖通知"]
    monkeypatch.setenv("AWARD_INTAKE_OCR_BACKEND", "tesseract")
    with pytest.raises(ValueError, match="AWARD_INTAKE_OCR_BACKEND"):
        engine.detect(page())
