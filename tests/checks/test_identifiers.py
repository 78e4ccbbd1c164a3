import random
from datetime import date

from checks.identifiers import check_identifiers
from extractors.packets.identifiers import break_check_char, make_uscc
from models.findings import FlagCode
from models.packet import Packet, PacketDocKind

from tests.checks.conftest import doc


def _packet(**claims):
    return Packet(name="p", path="p", documents=[doc(PacketDocKind.APPLICATION_FORM, "申报表.docx", **claims)])


def test_valid_and_broken_uscc():
    good = make_uscc(random.Random(3), "540102")
    assert check_identifiers(_packet(uscc=good), date(2026, 1, 1)) == []
    flags = check_identifiers(_packet(uscc=break_check_char(good)), date(2026, 1, 1))
    assert [f.code for f in flags] == [FlagCode.USCC_INVALID] and "GB 32100" in flags[0].message


def test_id_number_message_masks_the_number():
    flags = check_identifiers(_packet(id_number="540102198702300011"), date(2026, 1, 1))
    assert flags[0].code is FlagCode.ID_NUMBER_INVALID
    assert "540102198702300011" not in flags[0].message and "出生日期" in flags[0].message
    assert flags[0].evidence[0].text == "540102198702300011"       # the reviewer's evidence keeps it
