from checks.text_layer import check_text_layer
from models.findings import FlagCode
from models.packet import Claim, Packet, PacketDocKind, PacketDocument


def _packet(lines):
    claims = [Claim(field="text_layer_mismatch", value=lines)] if lines is not None else []
    return Packet(name="p", path="p", documents=[
        PacketDocument(kind=PacketDocKind.APPLICATION_FORM, source="01_申报表.pdf", pages=[1, 1], claims=claims)])


def test_disagreeing_lines_become_a_warning_with_the_lines():
    flags = check_text_layer(_packet(["联系电话\t13912340000"]))
    assert [f.code for f in flags] == [FlagCode.TEXT_LAYER_MISMATCH]
    assert flags[0].severity == "warning" and "13912340000" in flags[0].message
    assert flags[0].evidence[0].source == "01_申报表.pdf"


def test_no_disagreement_no_flag():
    assert check_text_layer(_packet([])) == [] and check_text_layer(_packet(None)) == []
