from normalizers.offsets import Mapped, TextBuilder


def test_builder_keeps_map_through_deletions():
    builder = TextBuilder("质 量 协会")
    builder.delete(1, 2)
    builder.delete(3, 4)
    built = builder.build()
    assert built.text == "质量协会"
    assert built.offsets == [0, 2, 4, 5, 6]


def test_replacement_longer_than_source_points_into_its_span():
    builder = TextBuilder("a-b")
    builder.replace(1, 2, "——")
    assert builder.build() == Mapped("a——b", [0, 1, 1, 2, 3])


def test_insertion_points_at_the_gap():
    builder = TextBuilder("ab")
    builder.replace(1, 1, " ")
    assert builder.build() == Mapped("a b", [0, 1, 1, 2])


def test_then_composes_maps():
    source = "a  b  c"
    first = TextBuilder(source)
    first.delete(1, 2)
    first.delete(4, 5)
    once = first.build()                                 # "a b c"
    second = TextBuilder(once.text)
    second.delete(1, 2)
    second.delete(3, 4)
    twice = once.then(second.build())
    assert twice.text == "abc"
    assert [source[i] for i in twice.offsets[:-1]] == ["a", "b", "c"]
    assert twice.offsets[-1] == len(source)
