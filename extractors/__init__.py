"""Text acquisition (readers, OCR) and field extraction (spec, packets): pure functions over models."""
