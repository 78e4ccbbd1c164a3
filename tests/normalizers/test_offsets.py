import re

from normalizers.offsets import Mapped, TextBuilder, rewrite


def test_builder_keeps_map_through_deletions_and_replacements():
    builder = TextBuilder("质 量 协会")
    builder.delete(1, 2)
    builder.delete(3, 4)
    built = builder.build()
    assert built.text == "质量协会"
    assert built.offsets == [0, 2, 4, 5, 6]


def test_replacement_longer_than_source_points_into_its_span():
    built = rewrite("a-b", re.compile("-"), lambda m: "——")
    assert built.text == "a——b"
    assert built.offsets == [0, 1, 1, 2, 3]


def test_insertion_points_at_the_gap():
    builder = TextBuilder("ab")
    builder.replace(1, 1, " ")
    assert builder.build() == Mapped("a b", [0, 1, 1, 2])


def test_then_composes_maps():
    first = rewrite("a  b  c", re.compile(" +"), lambda m: " ")
    second = first.then(rewrite(first.text, re.compile(" "), lambda m: ""))
    assert second.text == "abc"
    assert [ "a  b  c"[i] for i in second.offsets[:-1]] == ["a", "b", "c"]
    assert second.offsets[-1] == 7


def test_identity():
    assert Mapped.identity("ab").offsets == [0, 1, 2]
