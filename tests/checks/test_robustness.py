"""Whatever the extractor hands over (odd types, half-read dates, empty lists), the checks answer."""
from datetime import date

from hypothesis import given, settings, strategies as st

from checks import check_batch
from models.packet import Claim, Packet, PacketDocKind, PacketDocument

from tests.checks.conftest import xizang, yangquan

FIELDS = ["applicant_name", "applicant_kind", "uscc", "id_number", "award_category", "org_type",
          "founding_date", "region", "registered_address", "incident_declared", "incident_years",
          "previous_awards", "channel", "recommender", "seal_present", "form_date", "publicity_start",
          "publicity_end", "doc_date", "subject_name", "recommended_applicants", "holder", "evidence_kind",
          "fingerprint", "text_layer_mismatch", "birth_date", "issue_date"]
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.text(max_size=20),
                   st.sampled_from(["2023-07-05", "2023-02-30", "2023年7月5日", "img:8f3c0e1f00ff7a21", "教育机构"]),
                   st.lists(st.sampled_from(["2021", "2020年 第一届西藏质量奖", "王建国", "txt:ab", ""]), max_size=4))
DOCS = st.builds(
    lambda kind, claims: PacketDocument(kind=kind, source=f"{kind.value}.pdf", pages=[1, 2],
                                        claims=[Claim(field=f, value=v) for f, v in claims]),
    st.sampled_from(list(PacketDocKind)), st.lists(st.tuples(st.sampled_from(FIELDS), VALUES), max_size=12))
PACKETS = st.lists(st.builds(lambda docs, kind, n: Packet(name=f"p{n}", path="p", applicant_kind=kind, documents=docs),
                             st.lists(DOCS, max_size=5), st.sampled_from([None, "organization", "individual"]),
                             st.integers(0, 10**6)), max_size=4)


@settings(max_examples=60, deadline=None)
@given(PACKETS)
def test_checks_never_crash(packets):
    for spec in (xizang(), yangquan()):
        for found in check_batch(packets, spec, today=date(2026, 11, 22)):
            assert found.complete == (not any(f.severity == "error" for f in found.flags))
            assert all(f.message for f in found.flags)
