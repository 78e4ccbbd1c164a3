"""Fixtures of the packet reader tests."""
import pytest


@pytest.fixture
def xizang_plans():
    from sample_docs.generator.packets import xizang_plans
    return {p.name: p for p in xizang_plans()}
