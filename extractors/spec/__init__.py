"""Award specs from notices (通知, 转发通知, 管理办法, 解读, web pages of them).

    extract_spec(ndoc: NormalizedDocument) -> AwardSpec   every field, with provenance
    field_view(spec: AwardSpec) -> FieldView              the flat, scored view (FIELDS.md)
    secrets.find_secrets(text) / secrets.redact(text)     credentials in any output text
"""
from extractors.spec.assemble import extract_spec
from extractors.spec.pipeline import COMPONENT_VERSIONS, SPEC_VERSION, build_nlp
from extractors.spec.view import field_view

__all__ = ["COMPONENT_VERSIONS", "SPEC_VERSION", "build_nlp", "extract_spec", "field_view"]
