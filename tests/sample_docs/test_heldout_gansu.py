"""The 甘肃 held-out batch's generator: identifiers are valid unless planted invalid (checked here
by a second implementation and known answers), dates agree with the planted flags on the
official calendar, gold is well formed and matches the committed files, output is reproducible."""
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import chinese_calendar
import docx
import pdfplumber
import pypdfium2

from sample_docs.generator.heldout_gansu import (BATCH, DEADLINE, NOTICE, PART_KIND, SEVERITY,
                                                 code_text, date_text, id_is_valid, plans,
                                                 uscc_is_valid, working_days, write_packet)

COMMITTED = Path(__file__).resolve().parents[2] / "sample_docs" / "packets" / BATCH
PLANS = plans()


# A second, table-driven check of both codes, so the generator is not checked against itself.
def _uscc_ok(code: str) -> bool:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(code) != 18 or any(c not in alphabet for c in code):
        return False
    s = sum(alphabet.index(c) * w for c, w in zip(code, weights))
    return alphabet[(31 - s % 31) % 31] == code[17]


def _id_ok(code: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    try:
        dt.datetime.strptime(code[6:14], "%Y%m%d")
    except ValueError:
        return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(code, weights)) % 11] == code[17]


def test_validators_agree_with_known_answers():
    assert uscc_is_valid("91350100M000100Y43") and _uscc_ok("91350100M000100Y43")
    assert not uscc_is_valid("91350100M000100Y44") and not _uscc_ok("91350100M000100Y44")
    assert id_is_valid("11010519491231002X") and _id_ok("11010519491231002X")
    assert not id_is_valid("110105194912310021") and not _id_ok("110105194912310021")
    assert uscc_is_valid(code_text("91350100M000100Y43", "hyphen"))
    assert uscc_is_valid(code_text("91350100M000100Y43", "parts"))


def test_identifiers_are_valid_unless_planted_invalid():
    for p in PLANS:
        code = p.who.code
        valid = _id_ok(code) if p.who.kind == "person" else _uscc_ok(code)
        assert valid == (id_is_valid(code) if p.who.kind == "person" else uscc_is_valid(code))
        assert valid != bool({"USCC_INVALID", "ID_NUMBER_INVALID"} & set(p.flags)), p.name
        if p.who.kind == "person":     # sex digit agrees with the form
            assert int(code[16]) % 2 == (1 if p.who.sex == "男" else 0), p.name
        else:
            assert code[2:4] == "62", p.name      # registered in 甘肃


def test_plans_plant_one_known_code_each_and_pair_the_duplicates():
    every = [f for p in PLANS for f in p.flags]
    assert set(every) <= set(SEVERITY)
    assert all(len(p.flags) <= 1 for p in PLANS)
    clean = [p for p in PLANS if not p.flags]
    assert len(clean) >= 4 and {p.who.kind for p in clean} >= {"org", "person"}
    dups = [p for p in PLANS if "DUPLICATE_APPLICATION" in p.flags]
    assert len(dups) == 2 and dups[0].who.code == dups[1].who.code
    assert dups[0].channel != dups[1].channel
    others = [p.who.code for p in PLANS if p not in dups]
    assert len(set(others)) == len(others) and dups[0].who.code not in others
    names = [p.who.name for p in PLANS if p not in dups]
    assert len(set(names)) == len(names)


def test_dates_agree_with_the_flags_on_the_official_calendar():
    for p in PLANS:
        start, end = p.pub
        days = sum(chinese_calendar.is_workday(start + dt.timedelta(n))
                   for n in range((end - start).days + 1))
        assert days == working_days(start, end), p.name
        assert (days < 5) == ("PUBLICITY_TOO_SHORT" in p.flags), p.name
        assert (p.rec_date > DEADLINE) == ("LATE_SUBMISSION" in p.flags), p.name
        if "DATE_INCONSISTENT" not in p.flags:
            assert p.form_date < start <= end < p.pub_signed <= p.rec_date, p.name
        else:
            assert p.pub_signed < start, p.name
    # the two make-up days are what makes the clean 公示 of gs-01 and gs-02 long enough
    assert working_days(dt.date(2023, 4, 23), dt.date(2023, 4, 27)) == 5
    assert working_days(dt.date(2023, 5, 4), dt.date(2023, 5, 9)) == 5
    assert working_days(dt.date(2023, 4, 27), dt.date(2023, 5, 5)) == 4


def test_dates_in_words():
    assert date_text(dt.date(2023, 5, 8), "cn") == "二〇二三年五月八日"
    assert date_text(dt.date(2023, 5, 25), "cn") == "二〇二三年五月二十五日"
    assert date_text(dt.date(2023, 5, 8), "dot0") == "2023.05.08"
    assert date_text(dt.date(2023, 5, 8), "zh") == "2023年5月8日"


def _gold(name: str) -> dict:
    return json.loads((COMMITTED / f"{name}.gold.json").read_text(encoding="utf-8"))


def _pages(path: Path) -> int:
    if path.suffix == ".pdf":
        return len(pypdfium2.PdfDocument(str(path)))
    return 1


def test_committed_batch_matches_the_plans():
    assert json.loads((COMMITTED / "batch.json").read_text()) == {"notice": NOTICE}
    assert (COMMITTED / NOTICE).resolve().is_file()
    assert {g.name[:-len(".gold.json")] for g in COMMITTED.glob("*.gold.json")} == {p.name for p in PLANS}
    total = sum(f.stat().st_size for f in COMMITTED.rglob("*") if f.is_file())
    assert total < 6_000_000
    for p in PLANS:
        g = _gold(p.name)
        assert g["flags"] == sorted(p.flags)
        assert g["severity"] == {f: SEVERITY[f] for f in p.flags}
        assert g["complete"] == (not any(SEVERITY[f] == "error" for f in p.flags))
        assert g["applicant"] == {"name": p.who.name, "id_number": p.who.code,
                                  "kind": "individual" if p.who.kind == "person" else "organization"}
        kinds = {d["kind"] for d in g["documents"]}
        assert {PART_KIND[part] for part, _, _ in p.files} == kinds, p.name
        required = {"application_form", "evidence", "publicity_proof", "recommendation"}
        assert (required - kinds == {"evidence"}) == ("MISSING_DOCUMENT" in p.flags), p.name
        if p.shape == "envelope":
            assert (COMMITTED / f"{p.name}.pdf").is_file()
            n = _pages(COMMITTED / f"{p.name}.pdf")
            end = 0
            for d in g["documents"]:     # runs follow each other, copies included
                first, last = d["pages"]
                assert first == end + 1 and last >= first
                end = first - 1 + (last - first + 1) * d["copies"]
            assert end == n
            assert {d["kind"]: d["copies"] for d in g["documents"]}["application_form"] == 3
            continue
        folder = COMMITTED / p.name
        assert sorted(d["source"] for d in g["documents"]) == sorted(f.name for f in folder.iterdir())
        for d in g["documents"]:
            assert d["pages"][0] == 1 and d["pages"][1] == _pages(folder / d["source"]), d


def _form_text(p) -> str:
    part, fname, fmt = next(f for f in p.files if f[0] == "form")
    path = COMMITTED / p.name / fname
    if fmt == "docx":
        doc = docx.Document(str(path))
        return "\n".join([x.text for x in doc.paragraphs] +
                         [c.text for t in doc.tables for r in t.rows for c in r.cells])
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_forms_with_a_text_layer_carry_the_planted_facts():
    for p in PLANS:
        if p.shape in ("envelope", "scan", "photos") or p.name.startswith("gs-09"):
            continue
        text = _form_text(p)
        assert p.who.name in text, p.name
        codes = {re.sub(r"[\s\-]", "", m) for m in re.findall(r"[0-9A-Z][0-9A-Z \-]{16,22}[0-9A-Z]", text)}
        if "MISSING_FIELD" in p.flags:
            assert p.who.code not in codes, p.name
        else:
            assert p.who.code in codes, p.name
    blank = next(p for p in PLANS if "MISSING_FIELD" in p.flags)
    _, fname, _ = next(f for f in blank.files if f[0] == "form")
    table = docx.Document(str(COMMITTED / blank.name / fname)).tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert next(r for r in rows if r[1] == "信用代码")[2] == ""
    hs = next(p for p in PLANS if "INELIGIBLE_CATEGORY" in p.flags)
    assert "普通高级中学" in _form_text(hs)


def test_writing_a_packet_is_deterministic_and_matches_the_committed_one(tmp_path):
    plan = next(p for p in PLANS if p.name == "gs-01-org-docx")
    roster = [p for p in PLANS if p.channel == plan.channel]
    digests = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        gold = write_packet(plan, tmp_path / run, roster)
        digests.append(sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                              for f in (tmp_path / run / plan.name).iterdir()))
    assert digests[0] == digests[1]
    committed = sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                       for f in (COMMITTED / plan.name).iterdir())
    assert digests[0] == committed
    assert gold == _gold(plan.name)
    assert gold["complete"] is True and gold["flags"] == []
