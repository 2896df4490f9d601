"""Extractor: the extraction cascade."""
