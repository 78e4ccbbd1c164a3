"""page_rows on OCR boxes: padded boxes overlap, a wrapped label sits beside a centred value."""
from models import Line, Origin, Page

from extractors.packets.rows import page_rows


def _page(*boxes):
    lines = [Line(text=t, bbox=b, confidence=0.95, origin=Origin.OCR) for t, b in boxes]
    return Page(number=1, width=1240, height=1754, unit="px", origin=Origin.OCR, lines=lines)


def test_a_label_wrapped_beside_a_centred_value_is_one_cell_in_reading_order():
    # boxes as the OCR gave them for a scanned 4-column form: the label's second line starts
    # a little further left than its first, and the value sits between them
    page = _page(("统一社会信用代码（", (145, 258, 356, 295)),
                 ("915104115DNDL9FTXY", (382, 263, 619, 299)),
                 ("注册号)", (143, 286, 231, 329)),
                 ("成立时间", (713, 269, 815, 307)), ("2005.08.11", (850, 271, 973, 308)))
    [row] = page_rows(page)
    assert [c.text for c in row.cells] == ["统一社会信用代码（注册号）", "915104115DNDL9FTXY",
                                           "成立时间", "2005.08.11"]


def test_a_two_line_value_with_overlapping_boxes_stays_whole():
    page = _page(("近3年事故及违法违规", (138, 570, 360, 611)),
                 ("2021年11月，铸造车间发生一起一般生产安全事故，造成1人重伤，已按要", (372, 576, 1109, 626)),
                 ("情况", (136, 602, 198, 644)),
                 ("求完成整改。", (374, 607, 505, 648)))
    [row] = page_rows(page)
    assert [c.text for c in row.cells] == [
        "近3年事故及违法违规情况", "2021年11月,铸造车间发生一起一般生产安全事故,造成1人重伤,已按要求完成整改。"
        .replace(",", "，")]


def test_cells_side_by_side_on_one_line_are_not_stacked():
    page = _page(("联系人", (709, 348, 792, 388)), ("谢琳", (847, 351, 909, 393)),
                 ("法定代表人", (143, 337, 339, 378)), ("高志远", (376, 341, 458, 381)))
    [row] = page_rows(page)
    assert [c.text for c in row.cells] == ["法定代表人", "高志远", "联系人", "谢琳"]
