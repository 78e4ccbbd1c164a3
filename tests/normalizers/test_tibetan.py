from normalizers.tibetan import has_tibetan, is_tibetan_line, strip_tibetan, tibetan_share


def test_letterhead_line_is_tibetan():
    assert is_tibetan_line("བོད་ རང་ རྒྱལ་ ལྗོངས་")
    assert not is_tibetan_line("西 藏 自 治 区")
    assert tibetan_share("123") == 0.0


def test_strip_keeps_chinese_and_map():
    text = "བོད་ རང་ 西藏自治区"
    stripped = strip_tibetan(text)
    assert stripped.text == " 西藏自治区"
    assert "".join(text[i] for i in stripped.offsets[:-1]) == stripped.text
    assert has_tibetan(text) and not has_tibetan(stripped.text)
