"""The scan generator: truth matches what is drawn, damage is what the case says, output is stable."""
import json
from pathlib import Path

import numpy as np

from sample_docs.generator import scans

COMMITTED = Path(__file__).resolve().parents[2] / "sample_docs" / "scans"


def case(name: str):
    return next(c for c in scans.CASES if c[0] == name)


def test_truth_lines_lie_on_the_page_and_tibetan_is_tagged():
    page, = scans.scanned_pages([case("000_letterhead_tibetan")])
    width, height = scans.PAGE_SIZE
    assert all(0 <= t.bbox[0] < t.bbox[2] <= width and 0 <= t.bbox[1] < t.bbox[3] <= height
               for t in page.truth)
    tibetan = [t for t in page.truth if t.script == "bo"]
    assert [t.text for t in tibetan] == list(scans.TIBETAN_LETTERHEADS[0])
    assert all(scans.TIBETAN_RE.search(t.text) is None for t in page.truth if t.script != "bo")
    # Letterhead first, then the Chinese office name below it.
    assert page.truth[0].script == "bo" and page.truth[0].bbox[1] < page.truth[2].bbox[1]


def test_turned_pages_are_turned_and_truth_stays_upright():
    upside_down, sideways = scans.scanned_pages([case("003_upside_down"), case("003_sideways")])
    assert upside_down.image.size == scans.PAGE_SIZE
    assert sideways.image.size == scans.PAGE_SIZE[::-1]
    assert all(t.bbox[2] <= scans.PAGE_SIZE[0] for t in sideways.truth)


def test_seal_is_red_ink_over_the_text():
    page, = scans.scanned_pages([case("001_seal_over_text")])
    rgb = np.asarray(page.image).astype(int)
    red = (rgb[..., 0] - rgb[..., 1] > 80) & (rgb[..., 0] - rgb[..., 2] > 80)
    assert red.sum() > 5_000


def test_traditional_seed_is_drawn_in_traditional_script():
    page, = scans.scanned_pages([case("004_traditional_scan")])
    text = "".join(t.text for t in page.truth)
    assert page.traditional and "質量" in text and all(t.script == "zh-Hant" for t in page.truth)


def test_committed_truth_matches_the_generator(tmp_path):
    """Regenerating changes nothing: the committed truth is what the generator draws today."""
    page, = scans.scanned_pages([case("002_two_columns")])
    committed = json.loads((COMMITTED / "002_two_columns.truth.json").read_text(encoding="utf-8"))
    assert [line["text"] for line in committed["lines"]] == [t.text for t in page.truth]
    assert committed["columns"] == 2
    left = [t for t in page.truth if t.bbox[2] < scans.PAGE_SIZE[0] / 2]
    right = [t for t in page.truth if t.bbox[0] > scans.PAGE_SIZE[0] / 2]
    assert left and right
