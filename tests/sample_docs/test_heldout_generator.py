"""The held-out batch's generator: its own check characters agree with the reader's, gold
follows the planted flags, and output is reproducible."""
import hashlib

from extractors.packets.identifiers import id_number_valid, uscc_valid
from sample_docs.generator.heldout_packets import Person, date_text, plans, write_packet
from sample_docs.generator.packets import SEVERITY


def test_identifiers_are_valid_unless_planted_invalid():
    for p in plans():
        valid = id_number_valid(p.who.code) if isinstance(p.who, Person) else uscc_valid(p.who.code)
        assert valid != bool({"USCC_INVALID", "ID_NUMBER_INVALID"} & set(p.flags)), p.name


def test_plans_use_known_codes_and_pair_duplicates():
    every = [f for p in plans() for f in p.flags]
    assert set(every) <= set(SEVERITY)
    assert every.count("DUPLICATE_APPLICATION") == 2
    assert sum(not p.flags for p in plans()) >= 3


def test_chinese_numeral_dates():
    import datetime as dt
    assert date_text(dt.date(2023, 3, 21), "cn") == "二〇二三年三月二十一日"
    assert date_text(dt.date(2023, 10, 10), "cn") == "二〇二三年十月十日"


def test_writing_a_packet_is_deterministic(tmp_path):
    plan = next(p for p in plans() if p.name == "hp-01-org-docx")
    digests = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        gold = write_packet(plan, tmp_path / run)
        digests.append(sorted((f.name, hashlib.sha256(f.read_bytes()).hexdigest())
                              for f in (tmp_path / run / plan.name).iterdir()))
    assert digests[0] == digests[1]
    assert gold["complete"] is True and gold["flags"] == []
