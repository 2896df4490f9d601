"""A batch built by hand for the workbook: two accounts, every awkward case the sheets show.

Account A (current, GBP) has a January and a March statement (February is a gap), a balance
break, low-confidence rows, a flagged page and an overdrawn day; account B (savings) has two
overlapping statements that repeat two rows. One file was rejected and one failed. Rows cover
every category of the taxonomy. Balances are computed here, so every figure checks out.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from cetest.reports import BATCH_ID, GENERATED_AT, Line, Section, build
from cypheredge.reporter.domain.model import (
    BalanceBreak,
    BatchReport,
    Enriched,
    Gap,
    PageInfo,
    RecurringSeries,
    ReportParams,
    StatementDoc,
    Transaction,
    transaction_id,
)
from cypheredge.reporter.workbook import categories as cat
from cypheredge.reporter.workbook import write_workbook

A, B = "XXXX1111", "XXXX2222"
THRESHOLD = Decimal("5000")
LOW = 0.8
HEADER = 4  # the header row of every table sheet, as openpyxl counts
# (day, description, signed amount, category, counterparty, extra Line fields)
Spec = tuple[str, str, str, str, str | None, dict[str, Any]]


def _lines(opening: str, specs: Sequence[Spec]) -> tuple[tuple[Line, ...], str]:
    balance = Decimal(opening)
    out = []
    for day, text, amount, category, counterparty, extra in specs:
        value = Decimal(amount)
        balance += value
        debit, credit = (None, amount) if value > 0 else (str(-value), None)
        line = Line(day, text, debit, credit, str(balance), category, counterparty, **extra)
        out.append(line)
    return tuple(out), str(balance)


JAN_A: list[Spec] = [
    ("2024-01-02", "SALARY ACME LTD", "3000.00", cat.SALARY, "ACME LTD", {}),
    ("2024-01-03", "RENT JANUARY", "-1200.00", cat.RENT, "HOMES LTD", {}),
    ("2024-01-05", "TESCO STORES 2231", "-85.40", cat.GROCERIES, "TESCO", {}),
    ("2024-01-06", "ATM WITHDRAWAL HIGH ST", "-200.00", cat.CASH_WITHDRAWALS, None, {}),
    ("2024-01-08", "BRITISH GAS DD", "-60.00", cat.UTILITIES, "BRITISH GAS", {}),
    ("2024-01-10", "NETFLIX.COM", "-9.99", cat.SUBSCRIPTIONS, "NETFLIX", {}),
    ("2024-01-12", "TFR TO SAVINGS", "-500.00", cat.TRANSFERS_OUT, None, {}),
    ("2024-01-15", "HOME LOAN EMI", "-750.00", cat.LOAN_REPAYMENTS, "HDFC LOANS", {}),
    ("2024-01-18", "UNPAID DD RETURNED FEE", "-25.00", cat.RETURNED, "BANK", {}),
    ("2024-01-20", "PIZZA EXPRESS", "-32.50", cat.DINING, "PIZZA EXPRESS",
     {"page": 2, "confidence": 0.55, "flags": ("low_confidence",)}),
    ("2024-01-22", "CAR SALE J SMITH", "15000.00", cat.OTHER, "J SMITH", {"page": 2}),
    ("2024-01-25", "MONTHLY ACCOUNT FEE", "-12.00", cat.BANK_CHARGES, None, {"page": 2}),
    ("2024-01-28", "VISA CARD PAYMENT", "-400.00", cat.CARD_PAYMENTS, "VISA", {"page": 2}),
    ("2024-01-31", "INTEREST PAID", "1.23", cat.INTEREST, None, {"page": 2}),
]  # fmt: skip
MAR_A: list[Spec] = [
    ("2024-03-01", "SALARY ACME LTD", "3000.00", cat.SALARY, "ACME LTD", {}),
    ("2024-03-03", "RENT MARCH", "-1200.00", cat.RENT, "HOMES LTD", {}),
    ("2024-03-04", "SHELL 4471", "-55.00", cat.FUEL, "SHELL", {"flags": ("balance_break",)}),
    ("2024-03-09", "AMAZON MARKETPLACE", "-120.00", cat.SHOPPING, "AMAZON", {}),
    ("2024-03-10", "AMAZON REFUND", "20.00", cat.REFUNDS, "AMAZON", {}),
    ("2024-03-15", "HOME LOAN EMI", "-750.00", cat.LOAN_REPAYMENTS, "HDFC LOANS", {}),
    ("2024-03-18", "HMRC SELF ASSESSMENT", "-300.00", cat.TAXES, "HMRC", {}),
    ("2024-03-20", "AVIVA INSURANCE", "-45.00", cat.INSURANCE, "AVIVA", {"confidence": 0.62}),
    ("2024-03-22", "VANGUARD ISA", "-12000.00", cat.INVESTMENTS, "VANGUARD", {"page": 2}),
    ("2024-03-25", "BA FLIGHTS", "-5000.00", cat.TRAVEL, "BRITISH AIRWAYS", {"page": 2}),
    ("2024-03-28", "CASH DEPOSIT BRANCH", "1000.00", cat.CASH_DEPOSITS, None, {"page": 2}),
]  # fmt: skip
JAN_B: list[Spec] = [
    ("2024-01-12", "TFR FROM CURRENT", "500.00", cat.TRANSFERS_IN, None, {}),
    ("2024-01-31", "GROSS INTEREST", "4.10", cat.INTEREST, None, {}),
    ("2024-02-05", "PUREGYM", "-30.00", cat.SUBSCRIPTIONS, "PUREGYM", {}),
    ("2024-02-07", "TRANSFER FROM MUM", "250.00", cat.TRANSFERS_IN, "MRS SMITH", {}),
]
FEB_B: list[Spec] = [
    ("2024-02-05", "PUREGYM", "-30.00", cat.SUBSCRIPTIONS, "PUREGYM",
     {"duplicate_of": transaction_id("s_b1", 2)}),
    ("2024-02-07", "TRANSFER FROM MUM", "250.00", cat.TRANSFERS_IN, "MRS SMITH",
     {"duplicate_of": transaction_id("s_b1", 3)}),
    ("2024-03-05", "PUREGYM", "-30.00", cat.SUBSCRIPTIONS, "PUREGYM", {}),
    ("2024-03-20", "HMRC TAX REFUND", "150.00", cat.REFUNDS, "HMRC", {}),
]  # fmt: skip
BREAK_ROW = 2  # SHELL 4471 in March: the statement printed a balance 10.00 short
BREAK_DELTA = Decimal("-10.00")


def _sections() -> list[Section]:
    jan_a, jan_a_close = _lines("1000.00", JAN_A)
    mar_a, mar_a_close = _lines("16000.00", MAR_A)
    broken = mar_a[BREAK_ROW]
    wrong = str(Decimal(broken.balance or "0") + BREAK_DELTA)
    mar_a = (*mar_a[:BREAK_ROW], dataclasses.replace(broken, balance=wrong), *mar_a[3:])
    jan_b, jan_b_close = _lines("5000.00", JAN_B)
    feb_b, feb_b_close = _lines("5504.10", FEB_B)
    return [
        Section("s_a1", "a-jan.pdf", A, "GBP", "1000.00", jan_a_close,
                "2024-01-01", "2024-01-31", jan_a),
        Section("s_a2", "a-mar.pdf", A, "GBP", "16000.00", mar_a_close,
                "2024-03-01", "2024-03-31", mar_a),
        Section("s_b1", "b-jan-feb.pdf", B, "GBP", "5000.00", jan_b_close,
                "2024-01-01", "2024-02-10", jan_b),
        Section("s_b2", "b-feb-mar.pdf", B, "GBP", "5504.10", feb_b_close,
                "2024-02-05", "2024-03-31", feb_b),
    ]  # fmt: skip


def _id(statement: str, index: int) -> str:
    return transaction_id(statement, index)


RECURRING = (
    RecurringSeries("rec_salary", "ACME LTD", cat.SALARY, "credit", "monthly", Decimal("3000"),
                    (_id("s_a1", 0), _id("s_a2", 0))),
    RecurringSeries("rec_rent", "HOMES LTD", cat.RENT, "debit", "monthly", Decimal("1200"),
                    (_id("s_a1", 1), _id("s_a2", 1))),
    RecurringSeries("rec_emi", "HDFC LOANS", cat.LOAN_REPAYMENTS, "debit", "monthly",
                    Decimal("750"), (_id("s_a1", 7), _id("s_a2", 5))),
    RecurringSeries("rec_gym", "PUREGYM", cat.SUBSCRIPTIONS, "debit", "monthly", Decimal("30"),
                    (_id("s_b1", 2), _id("s_b2", 2))),
    RecurringSeries("rec_mum", "MRS SMITH", cat.TRANSFERS_IN, "credit", "monthly",
                    Decimal("250"), (_id("s_b1", 3),)),
)  # fmt: skip
PAGES = {
    "s_a1": (PageInfo(1, "words", 9, 0.97), PageInfo(2, "ocr", 5, 0.71)),
    "s_a2": (PageInfo(1, "words", 8, 0.96), PageInfo(2, "words", 3, 0.95),
             PageInfo(3, "flagged", 0, 0.0)),
    "s_b1": (PageInfo(1, "words", 4, 0.98),),
    "s_b2": (PageInfo(1, "words", 4, 0.98),),
}  # fmt: skip
REJECTED = StatementDoc("s_x1", "scan.pdf", "rejected", "password required", "ab" * 32)
FAILED = StatementDoc("s_x2", "broken.pdf", "failed", "extraction crashed: no pages")


def _with_recurring(e: Enriched) -> Enriched:
    series = next((s.id for s in RECURRING if e.txn.id in s.transaction_ids), None)
    method = "ocr" if e.txn.confidence < LOW else e.txn.method
    txn = dataclasses.replace(e.txn, method=method)
    return dataclasses.replace(e, txn=txn, recurring_id=series)


def make_report() -> BatchReport:
    base = build(_sections())
    rows = tuple(_with_recurring(e) for e in base.transactions)
    by_id = {e.txn.id: e.txn for e in rows}
    statements = tuple(
        dataclasses.replace(
            doc,
            sha256=f"{i:02d}" * 32,
            pages=PAGES[doc.statement_id],
            accounts=tuple(
                dataclasses.replace(a, transactions=tuple(by_id[t.id] for t in a.transactions))
                for a in doc.accounts
            ),
        )
        for i, doc in enumerate(base.statements)
    )
    broken = next(e.txn for e in rows if e.txn.id == _id("s_a2", BREAK_ROW))
    assert broken.balance is not None
    expected = broken.balance - BREAK_DELTA
    row_break = BalanceBreak(
        "s_a2", "a-mar.pdf", A, "row", broken.date, broken.id, expected, broken.balance
    )
    out_leg = next(e.txn.id for e in rows if e.txn.description == "TFR TO SAVINGS")
    in_leg = next(e.txn.id for e in rows if e.txn.description == "TFR FROM CURRENT")
    return dataclasses.replace(
        base,
        params=ReportParams(THRESHOLD, LOW, ("My Savings",)),
        own_transfers={out_leg: in_leg, in_leg: out_leg},
        statements=(*statements, REJECTED, FAILED),
        transactions=rows,
        breaks=(row_break,),
        gaps=(Gap(A, "a-jan.pdf", "a-mar.pdf", date(2024, 2, 1), date(2024, 2, 29)),),
        recurring=RECURRING,
        versions={"reporter": "0.1.0", "extractor": "0.1.0"},
    )


@pytest.fixture(scope="session")
def report() -> BatchReport:
    return make_report()


def load(report: BatchReport) -> Workbook:
    """The workbook of ``report``, written to memory and read back with openpyxl."""
    buffer = io.BytesIO()
    write_workbook(report, buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


@pytest.fixture(scope="session")
def book(report: BatchReport) -> Workbook:
    return load(report)


@pytest.fixture(scope="session")
def loader() -> Callable[[BatchReport], Workbook]:
    return load


Row = dict[str, Any]


def read_table(ws: Worksheet, header_row: int = HEADER, first: int = 1, last: int = 0) -> list[Row]:
    """The rows under a header row as dicts, up to the first empty row."""
    last = last or ws.max_column
    cells = ws.iter_rows(min_row=header_row, min_col=first, max_col=last, values_only=True)
    headers = [str(h) for h in next(cells)]
    out = []
    for values in cells:
        if all(v is None for v in values):
            break
        out.append(dict(zip(headers, values, strict=True)))
    return out


@pytest.fixture(scope="session")
def table() -> Callable[..., list[Row]]:
    return read_table


@pytest.fixture(scope="session")
def bulk() -> Callable[[int], BatchReport]:
    return bulk_report


def bulk_report(rows: int, accounts: int = 4) -> BatchReport:
    """``rows`` transactions over ``accounts`` accounts and about two years, built lazily."""
    per = rows // accounts
    names = tuple(f"XXXX{9000 + a}" for a in range(accounts))
    return BatchReport(
        batch_id=BATCH_ID,
        generated_at=GENERATED_AT,
        params=ReportParams(),
        statements=(),
        transactions=tuple(e for a in names for e in _bulk_rows(a, per)),
    )


def _bulk_rows(account: str, count: int) -> Iterator[Enriched]:
    balance = Decimal("100000.00")
    start = date(2022, 1, 1)
    for i in range(count):
        amount = Decimal((i * 7919) % 200000 - 90000) / 100
        balance += amount
        txn = Transaction(
            id=f"txn_{account}_{i}", statement_id=f"bulk_{account}",
            statement_name=f"{account}.pdf", account=account, index=i,
            date=start + timedelta(days=i * 730 // count),
            description=f"CARD PAYMENT {i % 997} MERCHANT {i % 131}",
            debit=-amount if amount < 0 else None, credit=amount if amount > 0 else None,
            balance=balance, currency="GBP", page=1 + i // 40, method="words",
            confidence=0.5 if i % 50 == 0 else 0.97,
        )  # fmt: skip
        category = cat.TAXONOMY[i % len(cat.TAXONOMY)]
        yield Enriched(txn, category, counterparty=f"MERCHANT {i % 131}")
