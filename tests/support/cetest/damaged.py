"""Damaged but recoverable PDFs: the file a flaky download or a broken producer leaves behind.

Each keeps every object intact and breaks only how they are found, so qpdf can rebuild the
cross-reference table and every page still reads; what must change is that the result is
flagged as repaired.
"""

from __future__ import annotations

import re


def truncated_after_last_object(pdf: bytes) -> bytes:
    """Cut after the last ``endobj``: no xref table, no trailer, no ``startxref``."""
    end = pdf.rindex(b"endobj") + len(b"endobj")
    return pdf[:end] + b"\n"


def wrong_xref_offsets(pdf: bytes) -> bytes:
    """Every object offset in the xref table shifted, and ``startxref`` pointing nowhere."""
    xref = pdf.rindex(b"\nxref") + 1
    table = re.sub(
        rb"(\d{10}) (\d{5}) n",
        lambda m: b"%010d %s n" % (int(m[1]) + 7, m[2]),
        pdf[xref:],
    )
    table = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % (len(pdf) + 1000), table)
    return pdf[:xref] + table
