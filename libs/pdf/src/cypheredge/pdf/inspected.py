"""What inspecting an accepted PDF tells the caller."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class InspectedPdf:
    """An accepted PDF.

    ``text_layer_pages`` holds 1-based numbers of the pages with extractable text (the others
    need OCR). ``sha256`` is of the bytes the caller passed in. ``decrypted`` is a copy that opens
    without a password: the original bytes when the file was neither encrypted nor needed repair,
    otherwise a copy rewritten by qpdf (encryption removed, damage repaired). ``repaired`` is
    True when the file was damaged (truncated, a broken cross-reference table) and opened only
    after qpdf rebuilt it: it can be read, but content may be missing.
    """

    pages: int
    text_layer_pages: tuple[int, ...]
    encrypted: bool
    sha256: str
    # Excluded from repr so that logging a result never dumps megabytes of PDF.
    decrypted: bytes = field(repr=False)
    repaired: bool = False

    @property
    def needs_ocr(self) -> bool:
        """True when at least one page has no text layer."""
        return len(self.text_layer_pages) < self.pages
