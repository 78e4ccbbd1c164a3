import datetime as dt
import random

from hypothesis import given, settings, strategies as st

from extractors.packets.identifiers import (break_check_char, id_number_valid, make_id_number,
                                            make_uscc, uscc_valid)


def test_published_examples():
    # GB 11643-1999 appendix example and a USCC printed on a real licence
    assert id_number_valid("11010519491231002X")
    assert uscc_valid("91350100M000100Y43")


def test_uscc_rejects_wrong_check_bad_alphabet_and_length():
    assert not uscc_valid("91350100M000100Y44")
    assert not uscc_valid("91350100M000100YI3")      # I is not in the alphabet
    assert not uscc_valid("91350100M000100Y4")
    assert not uscc_valid("")
    assert uscc_valid(" 91350100m000100y43 ")        # case and surrounding space do not matter


def test_id_number_rejects_impossible_birth_dates_even_with_right_check_digit():
    from extractors.packets.identifiers import id_check_char
    for birth in ("19870230", "20230431", "18991231"):
        first17 = "540102" + birth + "123"
        assert not id_number_valid(first17 + id_check_char(first17))
    future = "540102" + "20991231" + "123"
    assert not id_number_valid(future + id_check_char(future))


def test_id_number_rejects_unknown_province():
    from extractors.packets.identifiers import id_check_char
    first17 = "990102" + "19800101" + "123"
    assert not id_number_valid(first17 + id_check_char(first17))


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**6), division=st.sampled_from(["540102", "140302", "110105"]),
       category=st.sampled_from(["91", "92", "12", "52", "31"]))
def test_generated_uscc_is_valid_and_one_wrong_character_is_caught(seed, division, category):
    code = make_uscc(random.Random(seed), division, category)
    assert uscc_valid(code)
    assert not uscc_valid(break_check_char(code))


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**6), born=st.dates(dt.date(1930, 1, 1), dt.date(2010, 12, 31)),
       female=st.booleans())
def test_generated_id_number_is_valid_and_encodes_sex(seed, born, female):
    number = make_id_number(random.Random(seed), "540102", born, female=female)
    assert id_number_valid(number)
    assert int(number[16]) % 2 == (0 if female else 1)
    assert not id_number_valid(break_check_char(number, "id"))
