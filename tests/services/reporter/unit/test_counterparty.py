"""Counterparty extraction from descriptions as banks in several countries print them."""

from __future__ import annotations

import pytest

from cypheredge.reporter.domain.counterparty import counterparty_of

TABLE = [
    # New Zealand
    ("EFTPOS COUNTDOWN", "COUNTDOWN"),
    ("EFTPOS COFFEE HOUSE", "COFFEE HOUSE"),
    ("VISA NEW WORLD KH 4835******1234 Orig date 06/05/2026", "NEW WORLD KH"),
    ("DD POWER CO 123456", "POWER CO"),
    ("SALARY ACME LTD", "ACME LTD"),
    ("AP#12345678 TO J SMITH", "J SMITH"),
    ("REFUND TRADEME", "TRADEME"),
    # United Kingdom
    ("DIRECT DEBIT PAYMENT TO PAYPAL. PAYMENT REF 4M8J2222YWE44, MANDATE NO 0015", "PAYPAL"),
    (
        "BILL PAYMENT VIA FASTER PAYMENT TO Charlie McBride REFERENCE stuff , MANDATE NO 5",
        "CHARLIE MCBRIDE",
    ),
    ("CARD PAYMENT TO SAINSBURYS S/MKTS ON 12-03-2024", "SAINSBURYS S/MKTS"),
    ("DD BRITISH GAS", "BRITISH GAS"),
    ("BGC ACME LTD SALARY", "ACME LTD"),
    # India
    ("UPI/403512345678/SWIGGY/swiggy@axisbank/Payment", "SWIGGY"),
    ("UPI-ZOMATO LTD-zomato@hdfcbank-HDFC0000499-412345678901-UPI", "ZOMATO LTD"),
    ("NEFT-HDFCN52024031512345-ACME TECHNOLOGIES PVT LTD-SALARY MAR", "ACME TECHNOLOGIES PVT LTD"),
    ("IMPS/P2A/412312345678/RAHUL SHARMA/SBIN", "RAHUL SHARMA"),
    ("MMT/IMPS/412312345678/PRIYA NAIR/HDFC BANK", "PRIYA NAIR"),
    ("BIL/ONL/000123456/AMAZON SELLER SERVICES/AMZ12345", "AMAZON SELLER SERVICES"),
    ("NEFT Transfer From PQR Pvt", "PQR PVT"),
    ("Credit Card Payment ICICI", "ICICI"),
    # United States
    ("ACH DEBIT COMCAST 8005551234 WEB ID: 0000123456", "COMCAST"),
    (
        "ORIG CO NAME:ADP PAYROLL ORIG ID:9659605001 DESC DATE:240315 CO ENTRY DESCR:PAYROLL",
        "ADP PAYROLL",
    ),
    (
        "PURCHASE AUTHORIZED ON 03/12 STARBUCKS STORE 12345 SEATTLE WA S384071234567890 CARD 1234",
        "STARBUCKS STORE SEATTLE WA",
    ),
    ("Zelle payment to John Doe JPM99a1b2c3d", "JOHN DOE"),
    ("SQ *BLUE BOTTLE COFFEE", "BLUE BOTTLE COFFEE"),
    # Australia
    ("DIRECT CREDIT 123456 ACME PTY LTD SALARY", "ACME PTY LTD"),
    ("VISA DEBIT PURCHASE - 1234 MCDONALDS", "MCDONALDS"),
    ("PAYPAL *SPOTIFY", "SPOTIFY"),
    # Names with digits keep them; pure references leave nothing
    ("7-ELEVEN 1234", "7-ELEVEN"),
    ("POS 12345678", None),
    ("CHECK #4150", None),
    ("", None),
]


@pytest.mark.parametrize(("description", "expected"), TABLE)
def test_counterparty_of(description: str, expected: str | None) -> None:
    assert counterparty_of(description) == expected


def test_same_payee_comes_out_the_same_on_every_row() -> None:
    rows = [
        "VISA NEW WORLD KH 4835******1234 Orig date 06/05/2026",
        "VISA NEW WORLD KH 4835******9876 Orig date 13/06/2026",
        "visa new world kh 4835******1234 orig date 20/07/2026",
    ]
    assert {counterparty_of(r) for r in rows} == {"NEW WORLD KH"}
