"""What inspecting an accepted PDF tells the caller."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Hazard = Literal["javascript", "launch_action", "embedded_files"]
"""Content a PDF viewer could run or unpack; found by reading the file's objects, never run."""
# In the order they are reported.
HAZARDS: tuple[Hazard, ...] = get_args(Hazard)


@dataclass(frozen=True)
class InspectedPdf:
    """An accepted PDF.

    ``text_layer_pages`` holds 1-based numbers of the pages with extractable text (the others
    need OCR). ``decrypted`` is a copy that opens without a password: the original bytes when
    the file was neither encrypted nor needed repair, otherwise a copy rewritten by qpdf
    (encryption removed, damage repaired); ``rewritten`` says which, so that a caller stores a
    second form of the file only when there is one. ``repaired`` is
    True when the file was damaged (truncated, a broken cross-reference table) and opened only
    after qpdf rebuilt it: it can be read, but content may be missing. ``hazards`` names what
    the file carries that a viewer could run or unpack (JavaScript, a Launch action, embedded
    files), in that order; nothing of it was run. ``password_unused`` is True when a password
    was given but the file opens without one (not encrypted, or encrypted for its owner only).
    """

    pages: int
    text_layer_pages: tuple[int, ...]
    encrypted: bool
    # Excluded from repr so that logging a result never dumps megabytes of PDF.
    decrypted: bytes = field(repr=False)
    rewritten: bool = False
    repaired: bool = False
    hazards: tuple[Hazard, ...] = ()
    password_unused: bool = False

    @property
    def needs_ocr(self) -> bool:
        """True when at least one page has no text layer."""
        return len(self.text_layer_pages) < self.pages
