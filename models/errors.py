"""Error records: one bad file gives one of these, never a crashed batch."""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel


class ErrorCode(str, Enum):
    NOT_FOUND = "not_found"
    PERMISSION_DENIED = "permission_denied"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_TYPE = "unsupported_type"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    TOO_LARGE = "too_large"
    NO_TEXT = "no_text"
    OCR_UNAVAILABLE = "ocr_unavailable"
    TIMEOUT = "timeout"
    INTERNAL = "internal"


class ErrorRecord(BaseModel):
    code: ErrorCode
    file: str
    message: str


class IntakeError(Exception):
    """A file that cannot be read; carries the record the batch writes instead of output."""

    def __init__(self, code: ErrorCode, file: str, message: str):
        super().__init__(f"{file}: {message}")
        self.record = ErrorRecord(code=code, file=str(file), message=message)
