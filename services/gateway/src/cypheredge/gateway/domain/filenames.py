"""Client file names: kept for display only, never used to build a storage key.

A name arrives from the client, so it is hostile until shown otherwise: a NUL (which
PostgreSQL cannot store), a path, or a name longer than the column are refused outright;
invisible characters that would change how it reads (controls, bidirectional overrides,
zero-width marks) are removed, and what remains is NFC so that equal-looking names compare
equal (the passwords mapping is matched against these display names).
"""

from __future__ import annotations

import unicodedata

from cypheredge.gateway.domain.errors import SubmissionError

MAX_FILENAME_CHARS = 255  # the statements.filename column

# Cc: C0/C1 controls; Cf: format characters (U+202A-U+202E and U+2066-U+2069 bidirectional
# overrides and isolates, zero-width joiners, BOM); Zl/Zp: line and paragraph separators;
# Cs/Co/Cn: surrogates, private use and unassigned code points, which have no glyph to show.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def display_filename(raw: str, field: str) -> str:
    """The name as stored and shown; raises SubmissionError (422) naming ``field``."""
    if "\x00" in raw:
        raise _bad(field, "contains a NUL character")
    if len(raw) > MAX_FILENAME_CHARS:
        raise _bad(field, f"is {len(raw)} characters long; at most {MAX_FILENAME_CHARS}")
    if "/" in raw or "\\" in raw:
        raise _bad(field, "must be a file name, not a path")
    visible = "".join(ch for ch in raw if unicodedata.category(ch) not in _INVISIBLE)
    # NFC can lengthen a few scripts' characters; the cap keeps the column's promise.
    name = unicodedata.normalize("NFC", visible).strip()[:MAX_FILENAME_CHARS]
    if name in ("", ".", ".."):
        raise _bad(field, "is empty once invisible characters are removed")
    return name


def _bad(field: str, why: str) -> SubmissionError:
    return SubmissionError("Bad file name", f"{field} {why}.", field=field, code="invalid_filename")
