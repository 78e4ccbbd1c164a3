"""Generators for everything under sample_docs/: run `python -m sample_docs.generator [PART ...]`."""
