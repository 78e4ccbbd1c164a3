"""The 塔城 held-out batch's generator: codes are valid (checked by a second implementation and
known answers), dates and facts agree with the planted flags on the official calendar, gold is well
formed and matches the committed files, the reused photo really is the same bytes, output is
reproducible."""
import datetime as dt
import hashlib
import json
import re
import zipfile
from pathlib import Path

import chinese_calendar
import docx
import pdfplumber
import pypdfium2

from sample_docs.generator.heldout_tacheng import (BATCH, NOTICE, NOTICE_DATE, PART_KIND, SEVERITY,
                                                  code_text, date_text, month_text, plans,
                                                  shared_photo, uscc_ok, workdays, write_packet,
                                                  years_between)

COMMITTED = Path(__file__).resolve().parents[2] / "sample_docs" / "packets" / BATCH
PLANS = plans()
BY_NAME = {p.name: p for p in PLANS}


def _uscc_table(code: str) -> bool:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(code) != 18 or any(c not in alphabet for c in code):
        return False
    s = sum(alphabet.index(c) * w for c, w in zip(code, weights))
    return alphabet[(31 - s % 31) % 31] == code[17]


def test_check_character_agrees_with_known_answers():
    assert uscc_ok("91350100M000100Y43") and _uscc_table("91350100M000100Y43")
    assert not uscc_ok("91350100M000100Y44") and not _uscc_table("91350100M000100Y44")
    assert uscc_ok(code_text("91350100M000100Y43", "spaced"))


def test_codes_are_valid_and_registered_where_the_flags_say():
    for p in PLANS:
        code = p.org.code
        assert _uscc_table(code) == uscc_ok(code) != ("USCC_INVALID" in p.flags), p.name
        assert code.startswith("91"), p.name
        local = code[2:6] == "6542"
        assert local != ("INELIGIBLE_REGION" in p.flags), p.name
        assert ("塔城地区" in p.org.address) == local, p.name


def test_plans_plant_one_code_each_and_pair_the_batch_codes():
    assert 14 <= len(PLANS) <= 16
    assert all(len(p.flags) <= 1 and set(p.flags) <= set(SEVERITY) for p in PLANS)
    assert not any("LATE_SUBMISSION" in p.flags for p in PLANS)     # the notice sets no deadline
    assert len([p for p in PLANS if not p.flags]) >= 4
    dups = [p for p in PLANS if "DUPLICATE_APPLICATION" in p.flags]
    assert len(dups) == 2 and dups[0].org.code == dups[1].org.code and dups[0].channel != dups[1].channel
    others = [p for p in PLANS if p not in dups]
    codes = {p.org.code for p in others}
    assert len(codes) == len(others) and dups[0].org.code not in codes
    assert len({p.org.name for p in others}) == len(others)
    shared = [p for p in PLANS if "DUPLICATE_EVIDENCE" in p.flags]
    assert len(shared) == 2 and shared[0].org.code != shared[1].org.code


def test_dates_agree_with_the_flags_on_the_official_calendar():
    for p in PLANS:
        for start, end in (p.pub, p.audit_pub):
            official = sum(chinese_calendar.is_workday(start + dt.timedelta(n))
                           for n in range((end - start).days + 1))
            assert official == workdays(start, end), p.name
        assert (workdays(*p.pub) < 5) == ("PUBLICITY_TOO_SHORT" in p.flags), p.name
        assert workdays(*p.audit_pub) >= 5, p.name
        assert NOTICE_DATE < p.form_date < p.pub[0] <= p.pub[1] < p.pub_signed < p.audit_pub[0] \
            <= p.audit_pub[1] < p.rec_date <= dt.date(2023, 12, 31), p.name
    # 国庆/中秋 2023: the make-up weekend makes 09-27..10-09 exactly five; 09-26..10-07 is four
    assert workdays(dt.date(2023, 9, 27), dt.date(2023, 10, 9)) == 5
    assert workdays(dt.date(2023, 9, 26), dt.date(2023, 10, 7)) == 4
    assert BY_NAME["tc-02-clean-newtech-holiday"].pub == (dt.date(2023, 9, 27), dt.date(2023, 10, 9))


def test_eligibility_facts_agree_with_the_flags():
    for p in PLANS:
        need = 3 if p.org.new_economy else 5
        assert (years_between(p.org.founded, p.form_date) < need) == \
            ("INELIGIBLE_OPERATING_YEARS" in p.flags), p.name
        assert bool(p.incident) == ("RECENT_INCIDENT" in p.flags), p.name
        recent = p.prior_win is not None and p.form_date.year - p.prior_win[0] < 5 \
            and p.prior_win[1] in p.org.achievement
        assert recent == ("REAPPLIED_TOO_SOON" in p.flags), p.name
    young = BY_NAME["tc-02-clean-newtech-holiday"].org      # 4 years, but 新产业
    assert young.new_economy and years_between(young.founded, dt.date(2023, 9, 21)) == 4
    assert "2022年" in BY_NAME["tc-10-incident-2022"].incident


def test_dates_in_words():
    assert date_text(dt.date(2023, 10, 9), "cn") == "二〇二三年十月九日"
    assert date_text(dt.date(2023, 10, 30), "cn") == "二〇二三年十月三十日"
    assert date_text(dt.date(2023, 10, 9), "dot") == "2023.10.09"
    assert date_text(dt.date(2023, 10, 9), "zh") == "2023年10月9日"
    assert month_text(dt.date(2015, 7, 16), "dot") == "2015.07"


def _gold(name: str) -> dict:
    return json.loads((COMMITTED / f"{name}.gold.json").read_text(encoding="utf-8"))


def _pages(path: Path) -> int:
    return len(pypdfium2.PdfDocument(str(path))) if path.suffix == ".pdf" else 1


def test_committed_batch_matches_the_plans():
    assert json.loads((COMMITTED / "batch.json").read_text()) == {"notice": NOTICE}
    assert (COMMITTED / NOTICE).resolve().is_file()
    assert {g.name[:-len(".gold.json")] for g in COMMITTED.glob("*.gold.json")} == set(BY_NAME)
    assert sum(f.stat().st_size for f in COMMITTED.rglob("*") if f.is_file()) < 6_000_000
    for p in PLANS:
        g = _gold(p.name)
        assert g["flags"] == sorted(p.flags)
        assert g["severity"] == {f: SEVERITY[f] for f in p.flags}
        assert g["complete"] == (not any(SEVERITY[f] == "error" for f in p.flags))
        assert g["applicant"] == {"name": p.org.name, "kind": "organization", "id_number": p.org.code}
        kinds = {d["kind"] for d in g["documents"]}
        assert kinds == {PART_KIND[part] for part, _, _ in p.files}, p.name
        required = {"application_form", "self_assessment", "evidence", "recommendation"}
        assert (required - kinds == {"self_assessment"}) == ("MISSING_DOCUMENT" in p.flags), p.name
        if p.shape == "envelope":
            n = _pages(COMMITTED / f"{p.name}.pdf")
            end = 0
            for d in g["documents"]:
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


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        doc = docx.Document(str(path))
        return "\n".join([x.text for x in doc.paragraphs] +
                         [c.text for t in doc.tables for r in t.rows for c in r.cells])
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _file(p, part: str) -> Path:
    return COMMITTED / p.name / next(f for k, f, _ in p.files if k == part)


def test_documents_with_a_text_layer_carry_the_planted_facts():
    for p in PLANS:
        if p.shape == "envelope" or next(fmt for k, _, fmt in p.files if k == "form") not in ("docx", "pdf"):
            continue
        text = _text(_file(p, "form"))
        assert p.org.name in text, p.name
        assert p.org.code in re.sub(r"\s", "", text), p.name
        assert p.org.head in text, p.name
    reapplied = BY_NAME["tc-11-reapplied"]
    form = _text(_file(reapplied, "form"))
    assert "2021年以“暖心365”供热服务质量管理模式获塔城地区政府质量奖" in form
    assert "“暖心365”供热服务质量管理模式" in _text(_file(reapplied, "evidence"))
    mismatch = BY_NAME["tc-12-name-mismatch"]
    assert "沙湾市胜源棉纺织有限公司" in _text(_file(mismatch, "self"))
    for part in ("form", "evidence", "publicity", "audit"):
        text = _text(_file(mismatch, part))
        assert "沙湾市盛源棉纺织有限公司" in text and "胜源" not in text, part
    urumqi = _text(_file(BY_NAME["tc-08-urumqi"], "form"))
    assert "新疆乌鲁木齐市新市区" in urumqi
    national_day = _text(_file(BY_NAME["tc-07-publicity-national-day"], "publicity"))
    assert "2023.09.26－2023.10.07（共12天）" in national_day


def test_the_reused_photo_is_the_same_bytes_in_both_packets():
    a, b = (p for p in PLANS if "DUPLICATE_EVIDENCE" in p.flags)
    loose = (COMMITTED / a.name / next(f for k, f, _ in a.files if k == "shared")).read_bytes()
    assert loose == shared_photo()
    with zipfile.ZipFile(_file(b, "evidence")) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert loose in media
    # and no other packet carries it
    for p in PLANS:
        if p in (a, b) or p.shape == "envelope":
            continue
        for f in (COMMITTED / p.name).iterdir():
            assert f.read_bytes() != loose, f


def test_writing_packets_is_deterministic_and_matches_the_committed_ones(tmp_path):
    for name in ("tc-01-clean-docx", "tc-02-clean-newtech-holiday"):
        plan = BY_NAME[name]
        digests = []
        for run in ("a", "b"):
            (tmp_path / run).mkdir(exist_ok=True)
            gold = write_packet(plan, tmp_path / run)
            digests.append(sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                                  for f in (tmp_path / run / plan.name).iterdir()))
        assert digests[0] == digests[1]
        committed = sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                           for f in (COMMITTED / plan.name).iterdir())
        assert digests[0] == committed
        assert gold == _gold(name)
        assert gold["complete"] is True and gold["flags"] == []
