"""Notices: what a reader of a result must know about it (a repaired file, a guessed year, ...).

They travel in the extraction document and in statement events, and the gateway shows them per
statement. ``code`` is stable and machine-readable; ``message`` is one sentence for people.
The notices about the file itself (this module's codes) come from ingestion; the extractor adds
its own (``no_year``, ``rows_after_end``, ...).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

REPAIRED_PDF = "repaired_pdf"
PASSWORD_NOT_NEEDED = "password_not_needed"  # noqa: S105 - a notice code, not a secret
PDF_JAVASCRIPT = "pdf_javascript"
PDF_LAUNCH_ACTION = "pdf_launch_action"
PDF_EMBEDDED_FILES = "pdf_embedded_files"
# The hostile-content notices share their advice: the statement was read, the file is suspect.
_HANDLE_WITH_CARE = "; nothing of it was run or opened, but treat the original file with care"


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


def password_not_needed() -> Notice:
    """A password was sent with a file that opens without one; it was not used."""
    return Notice(
        code=PASSWORD_NOT_NEEDED,
        message=(
            "a password was sent for this file, but the file is not protected by one; "
            "the password was not used"
        ),
    )


def pdf_javascript() -> Notice:
    """The file carries JavaScript (document, page, field or annotation actions)."""
    return Notice(
        code=PDF_JAVASCRIPT,
        message="the file contains JavaScript, which a PDF viewer may run" + _HANDLE_WITH_CARE,
    )


def pdf_launch_action() -> Notice:
    """The file carries a Launch action (it asks the viewer to start a program or file)."""
    return Notice(
        code=PDF_LAUNCH_ACTION,
        message=(
            "the file contains a Launch action, which asks a PDF viewer to start another "
            "program or file" + _HANDLE_WITH_CARE
        ),
    )


def pdf_embedded_files() -> Notice:
    """The file carries embedded files (attachments)."""
    return Notice(
        code=PDF_EMBEDDED_FILES,
        message="the file has embedded files (attachments)" + _HANDLE_WITH_CARE,
    )
