"""Resource limits for opening one untrusted PDF."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class PdfLimits:
    """Bounds on what one file may cost before it is rejected.

    ``max_bytes`` and the header check are applied in the calling process before anything is
    parsed; the others bound the parsing worker: ``max_pages`` is checked before any page content
    is read, ``max_seconds`` is the wall time for one file (transfer included),
    ``max_memory_bytes`` is the address-space cap (``RLIMIT_AS``) of the worker process, and
    ``max_decoded_bytes`` bounds what the file's streams (page content, forms, fonts; not
    images or attachments) may decompress to, measured before any reader inflates them.
    ``max_output_bytes`` bounds a worker's reply body (``None``: about twice ``max_bytes``,
    room for a decrypted copy); a task whose output outgrows its input (an extraction
    document) sets it.
    """

    max_bytes: int = 50 * MIB
    max_pages: int = 500
    max_seconds: float = 30.0
    max_memory_bytes: int = 1024 * MIB
    # Real statements measured here decompress to under 1 MB of such streams; 500 dense pages
    # with large embedded fonts stay far below this.
    max_decoded_bytes: int = 256 * MIB
    max_output_bytes: int | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_pages <= 0 or self.max_decoded_bytes <= 0:
            raise ValueError("max_bytes, max_pages and max_decoded_bytes must be positive")
        if self.max_seconds <= 0:
            raise ValueError("max_seconds must be positive")
        if self.max_output_bytes is not None and self.max_output_bytes <= 0:
            raise ValueError("max_output_bytes must be positive")
        # Below this the interpreter plus both PDF engines cannot even start.
        if self.max_memory_bytes < 128 * MIB:
            raise ValueError("max_memory_bytes must be at least 128 MiB")


DEFAULT_LIMITS = PdfLimits()


def max_reply_bytes(limits: PdfLimits) -> int:
    """The largest reply body a worker under ``limits`` may send."""
    if limits.max_output_bytes is not None:
        return limits.max_output_bytes
    # The decrypted copy is about the original's size; anything far beyond is not a copy.
    return 2 * limits.max_bytes + MIB
