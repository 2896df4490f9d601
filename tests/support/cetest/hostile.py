"""Hostile PDFs built cheaply: decompression bombs that are small on disk."""

from __future__ import annotations

import io
import struct
import zlib

import pikepdf

MIB = 1024 * 1024


def decompression_bomb() -> bytes:
    """One page whose content stream is 4 MiB of Flate that inflates to 4 GiB of zeros."""
    return page_with_content(bytes(MIB), 4096)


def page_with_content(chunk: bytes, copies: int) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    stream = pikepdf.Stream(pdf, repeated_flate(chunk, copies))
    stream.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].Contents = pdf.make_indirect(stream)
    return save(pdf)


def save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    # Keep our hand-made Flate stream exactly as built: never decode it here.
    pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def repeated_flate(chunk: bytes, copies: int) -> bytes:
    """zlib data for ``chunk * copies`` without ever holding or compressing all of it.

    After a full flush the compressor forgets its history, so every further copy of the chunk
    compresses to the same bytes: compress three, repeat the last.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    blocks = [compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH) for _ in range(3)]
    assert blocks[1] == blocks[2], "full-flush blocks must repeat"
    body = blocks[0] + blocks[1] * (copies - 1) + compressor.flush(zlib.Z_FINISH)
    trailer = struct.pack(">I", _adler32_repeated(chunk, copies))
    return b"\x78\xda" + body + trailer


def _adler32_repeated(chunk: bytes, copies: int) -> int:
    # Square-and-multiply over zlib's adler32_combine: O(log copies) instead of hashing GiBs.
    result, power, power_len = 1, zlib.adler32(chunk), len(chunk)
    while copies:
        if copies & 1:
            result = _adler32_combine(result, power, power_len)
        power = _adler32_combine(power, power, power_len)
        power_len *= 2
        copies >>= 1
    return result


def _adler32_combine(first: int, second: int, second_len: int) -> int:
    base = 65521
    rem = second_len % base
    sum1 = ((first & 0xFFFF) + (second & 0xFFFF) + base - 1) % base
    sum2 = (rem * (first & 0xFFFF) + (first >> 16) + (second >> 16) + base - rem) % base
    return sum1 | (sum2 << 16)
