"""Dagster types of what each asset hands on: partition key -> model (or its error record)."""
from models import Document, ErrorRecord
from models.fields import FieldView
from models.findings import PacketFindings
from models.packet import Packet
from models.spec import AwardSpec
from models.text import NormalizedDocument
from pipelines.defs.artifacts import by_partition

DocumentOrError = Document | ErrorRecord
TextOrError = NormalizedDocument | ErrorRecord
SpecOrError = AwardSpec | ErrorRecord
FieldsOrError = FieldView | ErrorRecord
PacketOrError = Packet | ErrorRecord

DOCUMENTS = by_partition(DocumentOrError, "NoticeDocuments")
TEXTS = by_partition(TextOrError, "NormalizedTexts")
SPECS = by_partition(SpecOrError, "AwardSpecs")
FIELDS = by_partition(FieldsOrError, "FieldViews")
PACKETS = by_partition(PacketOrError, "Packets")
FINDINGS = by_partition(list[PacketFindings], "BatchFindings")
REPORTS = by_partition(dict[str, str], "ReportPaths")
