from models.document import Script
from normalizers.script import detect_script, needs_conversion, to_simplified


def test_names_and_places_convert_right():
    assert to_simplified("聯系人:李建 夏猶攀") == "联系人:李建 夏犹攀"
    assert to_simplified("釩鈦高新區管委會") == "钒钛高新区管委会"
    assert to_simplified("攀枝花市") == "攀枝花市"


def test_t2s_not_tw2sp_vocabulary():
    # tw2sp would write 文档 and 进程; notices keep 文件 and 程序.
    assert to_simplified("評選依據文件規定和程序") == "评选依据文件规定和程序"


def test_seed_line_from_traditional_notice():
    line = "攀枝花市質量強市工作領導小組辦公室關于開展第三屆攀枝花市政府質量獎評選工作的通知"
    assert to_simplified(line) == "攀枝花市质量强市工作领导小组办公室关于开展第三届攀枝花市政府质量奖评选工作的通知"


def test_conversion_is_idempotent_and_keeps_length():
    text = "薴麻與乾隆年間的髮型"
    once = to_simplified(text)
    assert len(once) == len(text)
    assert to_simplified(once) == once


def test_detect_script():
    assert detect_script("攀枝花市質量強市工作領導小組辦公室") == Script.HANT
    assert detect_script("西藏自治区市场监督管理局") == Script.HANS
    assert detect_script("") == Script.HANS


def test_simplified_line_with_shared_character_is_left_alone():
    line = "近5年内无重大质量事故，乾燥"   # 乾 is also written in Simplified text
    assert not needs_conversion(line, document_script=Script.HANS)
    assert needs_conversion("夏猶攀", document_script=Script.HANS)
    assert needs_conversion("申報組織批準同意后", document_script=Script.HANT)


def test_characters_simplified_writing_never_uses_are_converted_in_a_simplified_notice():
    from normalizers.pipeline import normalize_text
    text = normalize_text("关于开展黔东南州“最美乡村醫生”推选活动的通知\n请与乡村衛生室联繫。乾坤未定，於是报名。\n").text
    assert "最美乡村医生" in text and "乡村卫生室联系" in text
    assert "乾坤" in text and "於是" in text        # both scripts write these
