"""Fixtures of the packet reader tests."""
import pytest


@pytest.fixture
def xizang_plans():
    from sample_docs.generator.packets import xizang_plans
    return {p.name: p for p in xizang_plans()}


@pytest.fixture(autouse=True)
def pillow_default_pixel_limit(monkeypatch):
    """The readers set Pillow's module-wide pixel limit from their `Limits`; a test elsewhere
    that reads with tiny limits leaves it tiny. Page-sized pictures need the default."""
    from PIL import Image
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 89_478_485)
