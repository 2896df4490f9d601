"""Counterparty: the merchant or payer named in a description, without the bank's wrapping.

Banks wrap the name in payment-rail prefixes (POS, EFTPOS, UPI, NEFT, DD...), card masks,
reference numbers, dates and mandate clauses. What is left, upper-cased, is what recurring
detection groups by, so the same payee must come out the same on every row.
"""

from __future__ import annotations

import re

# Stripped from either end of the remaining words (never from the middle, where they are
# usually part of a name such as "BANK OF BARODA" or "PAY AND SAVE").
_NOISE_WORDS = """
    POS EFTPOS VISA MASTERCARD MC MAESTRO RUPAY DEBIT CREDIT CARD CARDS CONTACTLESS PURCHASE
    UPI IMPS NEFT RTGS MMT P2A P2M P2P QR BIL ONL INB NETBANKING MB IB ACH NACH ECS SEPA WIRE
    DD SO TFR TRF XFER TRANSFER TRANSFERS BPAY FPI FPO FPS BGC BACS DIRECT STANDING ORDER
    FASTER PAYMENT PAYMENTS PMT PYMT RECEIPT BILL VIA TO FROM BY AT ON FOR REF NO AP AUTOPAY
    AUTO ONLINE INCOMING OUTGOING DR CR SALARY SAL ZELLE PREAUTHORIZED AUTHORIZED RECURRING
    INTL REFUND CHECK CHQ CHEQUE
"""
_NOISE = frozenset(_NOISE_WORDS.split())
_RAIL_SEGMENTS = frozenset(
    ["UPI", "IMPS", "NEFT", "RTGS", "MMT", "BIL", "ACH", "NACH", "ECS", "INB", "POS"]
)
# A reference clause ends the name: "PAYPAL PAYMENT REF 4M8J..., MANDATE NO 15".
_CLAUSE = re.compile(
    r"\b(REF(ERENCE)?|MANDATE|WEB ID|PPD ID|CCD ID|ID|TRACE|TXN|RRN|UTR|AUTH|ORIG DATE"
    r"|VALUE DATE|VAL DT|INDN|CO ENTRY DESCR|DESC DATE)\b[:.#]?"
)
_ORIG_CO = re.compile(r"ORIG CO NAME:\s*(.+?)\s*(?:ORIG ID|DESC DATE|CO ENTRY|SEC:|$)")
_AGGREGATOR = re.compile(r"\b(PAYPAL|SQ|SP|TST|PP|SUMUP|ZETTLE|IZ)\s?\*\s?")
_MASK = re.compile(r"(?<![A-Z0-9])[0-9X*]*[X*]{3,}[0-9X*]*(?![A-Z0-9])")
_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC"
_DATES = (
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"),
    re.compile(rf"\b\d{{1,2}}\s?({_MONTHS})[A-Z]*\s?(\d{{2,4}})?\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}\b"),
    re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b"),
)
_BANK_GIRO = re.compile(r"\bBANK GIRO( CREDIT)?\b")
_PUNCT = re.compile(r"[,;:#()\[\]{}\"|!?+=_\\]+|\.(?=\s|$)|(?<=\s)[-/.*&']+(?=\s|$)|\*")


def counterparty_of(description: str) -> str | None:
    """The payee or payer named in ``description``, upper-cased; None when nothing is left."""
    text = " ".join(description.upper().split())
    orig = _ORIG_CO.search(text)
    if orig:
        text = orig.group(1)
    text = _scrub(text)
    segments = _rail_segments(text)
    if segments:
        for segment in segments:
            name = _name(segment)
            if name:
                return name
        return None
    return _name(text)


def _scrub(text: str) -> str:
    text = _AGGREGATOR.sub(" ", text)
    text = _MASK.sub(" ", text)
    text = _BANK_GIRO.sub(" ", text)
    for pattern in _DATES:
        text = pattern.sub(" ", text)
    return text


def _rail_segments(text: str) -> list[str] | None:
    """Indian rails pack fields with separators: "UPI/4035.../SWIGGY/..." or "NEFT-HDFC...-ACME"."""
    for separator in ("/", "-"):
        parts = [p.strip() for p in text.split(separator)]
        if len(parts) >= 3 and parts[0].split(" ")[-1] in _RAIL_SEGMENTS:
            return parts[1:]
    return None


def _name(text: str) -> str | None:
    text = _truncate_at_clause(text)
    words = [w.strip("-/.'&") for w in _PUNCT.sub(" ", text).split()]
    words = [w for w in words if w and "@" not in w and not _is_reference(w)]
    while words and words[0] in _NOISE:
        words.pop(0)
    while words and words[-1] in _NOISE:
        words.pop()
    return " ".join(words) or None


def _truncate_at_clause(text: str) -> str:
    match = _CLAUSE.search(text)
    while match:
        head = text[: match.start()]
        if _has_name(head):
            return head
        # Nothing before the clause: drop the marker and its value, keep what follows.
        rest = text[match.end() :].split(maxsplit=1)
        if len(rest) > 1 and _is_reference(rest[0]):
            rest = rest[1:]
        text = head + " " + " ".join(rest)
        match = _CLAUSE.search(text)
    return text


def _has_name(text: str) -> bool:
    words = _PUNCT.sub(" ", text).split()
    return any(w not in _NOISE and not _is_reference(w) for w in words)


def _is_reference(word: str) -> bool:
    """Account numbers, UTRs, store numbers: all digits, or three or more. Names like
    7-ELEVEN or 3M keep their one or two."""
    digits = sum(c.isdigit() for c in word)
    return digits >= 3 or digits == len(word) or not any(c.isalnum() for c in word)
