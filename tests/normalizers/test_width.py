from normalizers.width import fold_width


def test_full_width_digits_letters_and_number_symbols_fold():
    assert fold_width("０８９１－６８１５１９３") == "0891-6815193"
    assert fold_width("ｘｚｚｌｘｈｂｇ＠１６３．ｃｏｍ") == "xzzlxhbg@163.com"
    assert fold_width("ＱＣ小组") == "QC小组"


def test_chinese_punctuation_stays_full_width():
    assert fold_width("联系人：朗杰，（一）《通知》。") == "联系人：朗杰，（一）《通知》。"


def test_ideographic_and_no_break_spaces_become_spaces():
    assert fold_width("\u3000\u3000为贯彻\u00a0落实") == "  为贯彻 落实"


def test_length_never_changes():
    text = "２０２３年８月５日前，ＡＢＣ－１２３"
    assert len(fold_width(text)) == len(text)
