"""Decompression bombs: streams that inflate far beyond anything a statement needs.

Runs only inside the worker, before pdfium sees the file. Every stream a reader inflates to get
at the text (page content, forms, fonts, CMaps) is measured; images and thumbnails (nothing here
decodes them), attachments (never opened) and cross-reference streams (qpdf has read them, or
rebuilt the table without them, already) are not. A bomb that fits in memory would otherwise
be parsed as a page of nothing and reported as "no text layer"; one that does not would be a
memory blow-up. Either way the customer should hear "decompression bomb".

Flate chains (nearly every stream) are inflated piece by piece and thrown away, so measuring a
4 GiB bomb costs well under a second and no memory; other filters are decoded by qpdf, under
the worker's address-space cap.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

import pikepdf

from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.limits import MIB

# Legitimate streams measured here inflate at most ~12x; zeros through Flate give ~1000x. A
# stream past the floor that grew more than RATIO times its stored size is a bomb.
RATIO = 100
RATIO_FLOOR = 16 * MIB
_PIECE = MIB
# pdfium accepts the abbreviation in streams too, so it must be measured like the full name.
_FLATE = frozenset({"/FlateDecode", "/Fl"})
_UNREAD_TYPES = frozenset({"/XRef", "/EmbeddedFile"})


class DecodedBudget:
    """Adds up what a file's streams decompress to; raises once a stream or the file is a bomb."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._total = 0

    def measure(self, stream: pikepdf.Stream) -> None:
        """Count ``stream``; raises :class:`PdfRejected` (``decompression_bomb``)."""
        filters = _filters(stream)
        # Unfiltered data is as large as it is stored: bounded by the file size limit already.
        if not filters or _unread(stream):
            return
        raw = stream.read_raw_bytes()
        ratio_cap = max(RATIO_FLOOR, RATIO * len(raw))
        # Measuring stops one byte past whichever rule would be broken first.
        stop_after = min(ratio_cap, self._limit - self._total) + 1
        size = _decoded_size(stream, filters, raw, stop_after)
        if size > ratio_cap:
            raise PdfRejected(
                "decompression_bomb",
                f"a {_mb(len(raw))} MB stream in the file decompresses to more than "
                f"{_mb(ratio_cap)} MB, over {RATIO} times its size (a decompression bomb)",
            )
        self._total += size
        if self._total > self._limit:
            raise PdfRejected(
                "decompression_bomb",
                f"the file's content decompresses to more than {_mb(self._limit)} MB "
                "(a decompression bomb)",
            )


def _unread(stream: pikepdf.Stream) -> bool:
    if stream.get("/Subtype") == pikepdf.Name.Image or "/Width" in stream:
        return True  # image XObjects and thumbnails
    return str(stream.get("/Type", "")) in _UNREAD_TYPES


def _decoded_size(stream: pikepdf.Stream, filters: list[str], raw: bytes, stop_after: int) -> int:
    if all(name in _FLATE for name in filters):
        pieces: Iterable[bytes] = (raw,)
        for _ in filters:  # Flate over Flate multiplies the ratios: inflate every stage
            pieces = _inflate(pieces)
        total = 0
        for piece in pieces:
            total += len(piece)
            if total >= stop_after:
                break
        return total
    try:
        return len(stream.read_bytes())
    except MemoryError:
        raise _out_of_memory() from None
    except pikepdf.PdfError as exc:
        # qpdf reports a failed allocation while decoding as a decoding error.
        if "bad_alloc" in str(exc):
            raise _out_of_memory() from None
        return len(raw)  # undecodable: damage that readers meet too, not a bomb


def _out_of_memory() -> PdfRejected:
    return PdfRejected(
        "decompression_bomb",
        "a stream in the file decompresses to more memory than the parser may use "
        "(a decompression bomb)",
    )


def _filters(stream: pikepdf.Stream) -> list[str]:
    value = stream.get("/Filter")
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return [str(item) for item in value]
    return [str(value)]


def _inflate(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """zlib-inflate a stream given in pieces, yielding at most ``_PIECE`` bytes at a time."""
    inflater = zlib.decompressobj()
    try:
        for piece in pieces:
            pending = piece
            while pending and not inflater.eof:
                out = inflater.decompress(pending, _PIECE)
                pending = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
        # Output zlib still holds once all input is in.
        while not inflater.eof and (out := inflater.decompress(b"", _PIECE)):
            yield out
    except zlib.error:
        return  # corrupt data ends the stream here, as it does for every reader


def _mb(size: int) -> str:
    return f"{size / MIB:.1f}" if size < 10 * MIB else f"{size // MIB}"
