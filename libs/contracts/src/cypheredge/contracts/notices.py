"""Notices: what a reader of a result must know about it (a repaired file, a guessed year, ...).

They travel in the extraction document and in statement events, and the gateway shows them per
statement. ``code`` is stable and machine-readable; ``message`` is one sentence for people.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

REPAIRED_PDF = "repaired_pdf"


class Notice(BaseModel):
    """One warning about a statement, a page of it, or one of its accounts."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    code: str = Field(description="Stable and machine-readable, e.g. repaired_pdf")
    message: str = Field(description="One sentence for people")
    page: int | None = Field(default=None, ge=1, description="1-based page it is about, if one")


def repaired_pdf() -> Notice:
    """The notice for a file that opened only after qpdf repaired it."""
    return Notice(
        code=REPAIRED_PDF,
        message=(
            "the file is damaged (truncated or with a broken cross-reference table) and was "
            "repaired to be read; content may be missing, check it against the original"
        ),
    )
