"""OFX 2.2 export: the statement tree (``ofx``) as UTF-8 XML with the OFX processing
instruction, as Quicken, Moneydance, GnuCash and most banking software import it."""

from __future__ import annotations

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.ofx import document, render

HEADER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
    '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>',
)


def to_ofx(report: BatchReport) -> bytes:
    lines = [*HEADER, *render(document(report), close_leaves=True)]
    return ("\n".join(lines) + "\n").encode("utf-8")
