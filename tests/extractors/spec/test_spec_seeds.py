"""The seed notices, and the hand-labelled notices of sample_docs/notices (among them a set
labelled blind, without sight of the extractors), against their gold field views (FIELDS.md),
scored as the eval scores."""
import json
import re
from pathlib import Path

import pytest

from extractors.spec import extract_spec, field_view

from .conftest import normalized

SAMPLE_DOCS = Path(__file__).resolve().parents[3] / "sample_docs"
SEEDS = SAMPLE_DOCS / "seeds"
LISTS = ["doc_numbers", "deadlines", "quotas", "contact_names", "phones", "emails", "postcodes",
         "award_names", "issuers"]


def _same(field, gold, pred):
    if field == "quotas":
        return (gold["scope"], int(gold["max"])) == (pred["scope"], int(pred["max"]))
    if field == "phones":
        a, b = sorted((re.sub(r"\D", "", gold), re.sub(r"\D", "", pred)), key=len)
        return a == b or (len(a) >= 7 and b.endswith(a))
    if field in ("award_names", "issuers"):
        return any(alt in pred or pred in alt for alt in gold.split("|"))
    return any(alt == pred for alt in gold.split("|")) if isinstance(gold, str) else gold == pred


def _counts(field, gold, pred):
    left, tp = list(pred), 0
    for g in gold:
        hit = next((i for i, p in enumerate(left) if _same(field, g, p)), None)
        if hit is not None:
            tp += 1
            del left[hit]
    return tp, len(left), len(gold) - tp


def _f1(tp, fp, fn):
    return 1.0 if not (tp + fp + fn) else 2 * tp / (2 * tp + fp + fn)


@pytest.fixture(scope="module", params=["seeds", "notices"])
def scored(request):
    pairs = sorted((SAMPLE_DOCS / request.param).glob("*.gold.json"))
    if not pairs:
        pytest.skip(f"no gold in sample_docs/{request.param}")
    totals = {f: [0, 0, 0] for f in [*LISTS, "issue_date", "secrets"]}
    for gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        view = field_view(extract_spec(normalized(text_path.read_text(encoding="utf-8"), str(text_path))))
        pred = view.model_dump()
        for field in LISTS:
            for i, n in enumerate(_counts(field, gold[field], pred[field])):
                totals[field][i] += n
        g, p = gold["issue_date"], pred["issue_date"]
        for i, n in enumerate(_counts("issue_date", [g] if g else [], [p] if p else [])):
            totals["issue_date"][i] += n
        totals["secrets"][0] += min(gold["secrets"], pred["secrets"])
        totals["secrets"][1] += max(0, pred["secrets"] - gold["secrets"])
        totals["secrets"][2] += max(0, gold["secrets"] - pred["secrets"])
    return totals


def test_every_field_at_least_090(scored):
    low = {f: round(_f1(*c), 3) for f, c in scored.items() if _f1(*c) < 0.90}
    assert not low


def test_overall_micro_f1_at_least_095(scored):
    tp, fp, fn = (sum(c[i] for c in scored.values()) for i in range(3))
    assert _f1(tp, fp, fn) >= 0.95
