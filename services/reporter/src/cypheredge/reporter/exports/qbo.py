"""QBO export (QuickBooks Web Connect): OFX 1.0.2 SGML with Intuit's ``INTU.BID``.

QuickBooks reads the 1.0.2 header's ``CHARSET:1252`` literally, so the text is Windows-1252:
characters it lacks (``₹``) become ``?``. ``INTU.BID`` must name a bank QuickBooks knows;
``3000`` is the identifier conversion tools commonly use, and callers with their own pass it.
"""

from __future__ import annotations

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.ofx import aggregate, document, leaf, render

DEFAULT_INTU_BID = "3000"

HEADER = (
    "OFXHEADER:100",
    "DATA:OFXSGML",
    "VERSION:102",
    "SECURITY:NONE",
    "ENCODING:USASCII",
    "CHARSET:1252",
    "COMPRESSION:NONE",
    "OLDFILEUID:NONE",
    "NEWFILEUID:NONE",
    "",
)


def to_qbo(report: BatchReport, intu_bid: str = DEFAULT_INTU_BID) -> bytes:
    intuit = (
        aggregate("FI", leaf("ORG", "CypherEdge"), leaf("FID", intu_bid)),
        leaf("INTU.BID", intu_bid),
    )
    lines = [*HEADER, *render(document(report, intuit), close_leaves=False)]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace")
