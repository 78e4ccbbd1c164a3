"""Which assets one arrival sets off, in the order they run, and the job for each flow
(a job holds assets of one partitioning: notices or packets)."""
import dagster as dg

NOTICE_FLOW = ("notice_document", "notice_text", "award_spec", "notice_fields")
BATCH_FLOW = ("batch_findings", "batch_reports")
PACKET_FLOW = ("packet",)

notice_flow = dg.define_asset_job(
    "notice_flow", selection=dg.AssetSelection.assets(*NOTICE_FLOW, *BATCH_FLOW),
    description="A notice to its award spec, and the packets of its round checked against it.")
packet_flow = dg.define_asset_job(
    "packet_flow", selection=dg.AssetSelection.assets(*PACKET_FLOW),
    description="Packets read into documents and claims.")


def keys(*names: str) -> list[dg.AssetKey]:
    return [dg.AssetKey(name) for name in names]
