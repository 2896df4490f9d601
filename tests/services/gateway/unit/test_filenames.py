"""File names: refused when unstorable, otherwise cleaned for display."""

from __future__ import annotations

import pytest

from cypheredge.gateway.domain.errors import SubmissionError
from cypheredge.gateway.domain.filenames import display_filename


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("statement.pdf", "statement.pdf"),
        ("\u202etxt.exe\u202c.pdf", "txt.exe.pdf"),  # right-to-left override
        ("a\u2066b\u2069.pdf", "ab.pdf"),  # isolates
        ("zero\u200bwidth\ufeff.pdf", "zerowidth.pdf"),
        ("tab\tand\r\nnewline\x7f\x85.pdf", "tabandnewline.pdf"),
        ("line\u2028sep.pdf", "linesep.pdf"),
        ("  spaced.pdf  ", "spaced.pdf"),
        ("cafe\u0301.pdf", "café.pdf"),  # NFD in, NFC out
        ("Kontoauszug März.pdf", "Kontoauszug März.pdf"),
    ],
)
def test_names_are_cleaned_for_display(raw: str, shown: str) -> None:
    assert display_filename(raw, "files[0].filename") == shown


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("a\x00.pdf", "NUL"),
        ("x" * 256, "256 characters"),
        ("../etc/passwd", "not a path"),
        ("dir\\b.pdf", "not a path"),
        ("", "empty"),
        ("\u202e\u200b", "empty"),
        ("..", "empty"),
    ],
)
def test_unstorable_names_are_refused_naming_the_field(raw: str, why: str) -> None:
    with pytest.raises(SubmissionError) as caught:
        display_filename(raw, "files[3].filename")
    error = caught.value
    assert (error.status, error.field, error.code) == (422, "files[3].filename", "invalid_filename")
    assert why in error.detail


def test_a_name_of_exactly_255_characters_is_kept_whole() -> None:
    assert display_filename("é" * 251 + ".pdf", "f") == "é" * 251 + ".pdf"


def test_nfc_cannot_push_a_name_past_the_column() -> None:
    # U+0958 is excluded from composition: NFC turns each into two code points.
    shown = display_filename("\u0958" * 200, "f")
    assert len(shown) == 255
