"""Safety limits for reading untrusted files. Exceeding one is an error record, never a crash."""
from __future__ import annotations

import os

from pydantic import BaseModel


class Limits(BaseModel):
    max_file_bytes: int = 512 * 1024 * 1024
    max_pages: int = 5000
    # Pillow's own bomb guard raises above 2x this; 180 MP admits a 100 MP scan.
    max_image_pixels: int = 180_000_000
    ocr_seconds_per_page: float = 60.0

    @classmethod
    def from_env(cls) -> "Limits":
        """AWARD_INTAKE_MAX_FILE_BYTES, AWARD_INTAKE_MAX_PAGES, … override the defaults."""
        values = {}
        for name, field in cls.model_fields.items():
            raw = os.environ.get(f"AWARD_INTAKE_{name.upper()}")
            if raw:
                values[name] = field.annotation(raw)
        return cls(**values)


DEFAULT_LIMITS = Limits()
