"""Errors the extraction domain reports to its callers."""

from __future__ import annotations


class UnreadablePdf(Exception):
    """The bytes are not a PDF the readers can open (corrupt, encrypted, not a PDF)."""
