"""Safety limits for reading untrusted files. Exceeding one is an error record, never a crash."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from pydantic import BaseModel, Field, ValidationError


class Limits(BaseModel):
    # A zero or negative limit would refuse everything or nothing: both are mistakes.
    max_file_bytes: int = Field(512 * 1024 * 1024, gt=0)
    max_pages: int = Field(5000, gt=0)
    # What a ZIP container (.docx) may inflate to: a 1 MB file can declare gigabytes.
    max_unpacked_bytes: int = Field(512 * 1024 * 1024, gt=0)
    # Pillow's own bomb guard raises above 2x this; 180 MP admits a 100 MP scan.
    max_image_pixels: int = Field(180_000_000, gt=0)
    ocr_seconds_per_page: float = Field(60.0, gt=0)

    @classmethod
    def from_env(cls) -> "Limits":
        """AWARD_INTAKE_MAX_FILE_BYTES, AWARD_INTAKE_MAX_PAGES, … override the defaults.

        A value that is not a positive number is refused with the variable's name, not ignored:
        a typo must not silently leave a limit at its default."""
        values = {name: raw for name in cls.model_fields
                  if (raw := os.environ.get(f"AWARD_INTAKE_{name.upper()}"))}
        try:
            return cls(**values)
        except ValidationError as exc:
            error = exc.errors()[0]
            name = f"AWARD_INTAKE_{str(error['loc'][0]).upper()}"
            raise ValueError(f"{name}={values.get(error['loc'][0])!r}: {error['msg']}") from None


DEFAULT_LIMITS = Limits()


@contextmanager
def pillow_pixel_limit(limit: int) -> Iterator[None]:
    """Pillow's bomb guard is a module global: set it for one read and put it back, so that one
    caller's limit never leaks into another's (or into another test)."""
    from PIL import Image

    before = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limit
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = before
