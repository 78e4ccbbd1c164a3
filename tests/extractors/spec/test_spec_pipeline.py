from extractors.spec import build_nlp
from extractors.spec.pipeline import COMPONENT_VERSIONS


def test_components_declare_what_they_read_and_write():
    nlp = build_nlp()
    assert nlp.lang == "zh" and nlp.tokenizer.segmenter == "jieba"
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    assert set(nlp.pipe_names) <= set(COMPONENT_VERSIONS)
    assert nlp.get_pipe_meta("spec_deadlines").requires == ["doc._.spec_issue_date", "doc._.spec_year"]


def test_pipeline_is_built_once():
    assert build_nlp() is build_nlp()
