"""Every sheet of the workbook, read back with openpyxl and checked against the hand-built batch."""

from __future__ import annotations

import io
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook

from cypheredge.reporter.domain.model import BatchReport, Enriched
from cypheredge.reporter.workbook import SHEETS, write_workbook
from cypheredge.reporter.workbook import categories as cat

Table = Callable[..., list[dict[str, Any]]]
A, B = "XXXX1111", "XXXX2222"


def unique(report: BatchReport) -> list[Enriched]:
    return [e for e in report.transactions if e.duplicate_of is None]


def money(value: Decimal | int | None) -> Any:
    return None if value is None else pytest.approx(float(value), abs=0.005)


def day(value: Any) -> date:
    assert isinstance(value, datetime), value
    return value.date()


def test_every_sheet_is_written_in_registry_order(book: Workbook) -> None:
    assert book.sheetnames == list(SHEETS)
    assert len(SHEETS) >= 20
    for ws in book.worksheets:
        assert isinstance(ws["A1"].value, str), ws.title
        assert ws["A1"].font.b, ws.title
        if ws.title != "Metadata":
            assert ws.freeze_panes == "A5", ws.title
            assert all(c.value for c in ws[4][:5]), ws.title
            assert ws["A4"].font.b, ws.title
            assert ws["A4"].fill.fgColor.rgb == "FF1F3864", ws.title
        if ws.title not in ("Metadata", "Top counterparties"):
            assert str(ws.auto_filter.ref).startswith("A4:"), ws.title
        assert ws.column_dimensions["A"].width > 5, ws.title


HEADERS = {
    "Summary": ["Account", "Currency", "Statements", "Period start", "Period end",
                "Opening balance", "Closing balance", "Total credits", "Total debits",
                "Net flow", "Transactions", "Reconciled", "Balance breaks", "Gaps", "Pages",
                "Extraction methods", "Statement files"],
    "Transactions": ["Date", "Account", "Description", "Debit", "Credit", "Balance",
                     "Currency", "Category", "Counterparty", "Statement", "Page", "Method",
                     "Confidence", "Recurring", "Flags", "Duplicate of", "Transaction ID"],
    "Monthly summary": ["Account", "Currency", "Month", "Credits", "Debits", "Net",
                        "Credit count", "Debit count", "Transactions", "Closing balance"],
    "Balance validation": ["Statement", "Account", "Kind", "Date", "Transaction ID",
                           "Expected", "Found", "Difference"],
    "Daily balances": ["Account", "Date", "End-of-day balance", "Credits", "Debits",
                       "Transactions", "Note"],
    "Cash flow": ["Currency", "Month", "Money in", "Money out", "Net", "Cumulative net",
                  "Transactions"],
    "Flags": ["Flag", "Statement", "Account", "Date", "Page", "Transaction ID", "Detail"],
}  # fmt: skip


@pytest.mark.parametrize("sheet", sorted(HEADERS))
def test_headers(book: Workbook, sheet: str) -> None:
    ws = book[sheet]
    assert [c.value for c in ws[4] if c.value is not None] == HEADERS[sheet]


def test_every_listing_sheet_has_dates_and_money_formatted(book: Workbook) -> None:
    ws = book["Transactions"]
    assert ws["A5"].number_format == "yyyy-mm-dd"
    assert "#,##0.00" in ws["F5"].number_format
    assert book["Monthly summary"]["C5"].number_format == "mmm yyyy"


def test_transactions_lists_every_row_in_order(
    book: Workbook, report: BatchReport, table: Table
) -> None:
    rows = table(book["Transactions"])
    assert len(rows) == len(report.transactions)
    for row, e in zip(rows, report.transactions, strict=True):
        assert row["Transaction ID"] == e.txn.id
        assert day(row["Date"]) == e.txn.date
        assert (row["Account"], row["Description"]) == (e.txn.account, e.txn.description)
        assert row["Debit"] == money(e.txn.debit)
        assert row["Credit"] == money(e.txn.credit)
        assert row["Balance"] == money(e.txn.balance)
        assert row["Category"] == e.category
        assert row["Statement"] == e.txn.statement_name
        assert row["Page"] == e.txn.page
        assert row["Duplicate of"] == e.duplicate_of
    flags = {r["Description"]: r["Flags"] for r in rows if r["Flags"]}
    assert flags["PIZZA EXPRESS"] == "low_confidence"  # the reporter's flag, not repeated
    assert flags["SHELL 4471"] == "balance_break"
    assert flags["VANGUARD ISA"] == "large"
    assert sum(1 for r in rows if r["Flags"] == "duplicate") == 2
    assert {r["Recurring"] for r in rows if r["Description"] == "SALARY ACME LTD"} == {"monthly"}


def test_low_confidence_and_negative_cells_are_shaded(book: Workbook) -> None:
    ws = book["Transactions"]
    shaded = {ws.cell(r, 3).value for r in range(5, ws.max_row + 1) if _fill(ws.cell(r, 13))}
    assert shaded == {"PIZZA EXPRESS", "AVIVA INSURANCE"}
    negative = {ws.cell(r, 3).value for r in range(5, ws.max_row + 1) if _fill(ws.cell(r, 6))}
    assert negative == {"BA FLIGHTS"}


def _fill(cell: Any) -> bool:
    return bool(cell.fill.fill_type == "solid")


def test_summary_per_account(book: Workbook, report: BatchReport, table: Table) -> None:
    rows = {r["Account"]: r for r in table(book["Summary"])}
    assert set(rows) == {A, B}
    a, b = rows[A], rows[B]
    for account, row in rows.items():
        mine = [e.txn for e in unique(report) if e.txn.account == account]
        assert row["Total credits"] == money(sum((t.credit or 0 for t in mine), Decimal(0)))
        assert row["Total debits"] == money(sum((t.debit or 0 for t in mine), Decimal(0)))
        assert row["Transactions"] == len(mine)
        assert row["Statements"] == 2
    assert (a["Opening balance"], a["Closing balance"]) == (1000, 550)
    assert (b["Opening balance"], b["Closing balance"]) == (5000, money(Decimal("5844.10")))
    assert (day(a["Period start"]), day(a["Period end"])) == (date(2024, 1, 1), date(2024, 3, 31))
    assert (a["Reconciled"], a["Balance breaks"], a["Gaps"]) == ("No", 1, 1)
    assert (b["Reconciled"], b["Balance breaks"], b["Gaps"]) == ("Yes", 0, 0)
    assert a["Pages"] == 5
    assert "flagged (1)" in a["Extraction methods"]
    assert "ocr (1)" in a["Extraction methods"]
    assert a["Statement files"] == "a-jan.pdf, a-mar.pdf"
    assert "1 failed, 1 rejected" in book["Summary"]["A2"].value


def _by_month(report: BatchReport) -> dict[tuple[str, date], list[Decimal]]:
    out: dict[tuple[str, date], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    for e in unique(report):
        totals = out[(e.txn.account, e.txn.date.replace(day=1))]
        totals[0] += e.txn.credit or 0
        totals[1] += e.txn.debit or 0
        totals[2] += 1
    return out


def test_monthly_summary_matches_the_rows(
    book: Workbook, report: BatchReport, table: Table
) -> None:
    rows = table(book["Monthly summary"])
    expected = _by_month(report)
    assert len(rows) == len(expected) == 5  # A: Jan, Mar (February is a gap); B: Jan-Mar
    for row in rows:
        credits, debits, count = expected[(row["Account"], day(row["Month"]))]
        assert (row["Credits"], row["Debits"]) == (money(credits), money(debits))
        assert row["Net"] == money(credits - debits)
        assert row["Transactions"] == count
    closing = {(r["Account"], day(r["Month"])): r["Closing balance"] for r in rows}
    assert closing[(A, date(2024, 1, 1))] == money(Decimal("15726.34"))
    assert closing[(A, date(2024, 3, 1))] == 550
    assert closing[(B, date(2024, 2, 1))] == money(Decimal("5724.10"))


def test_category_summary_matches_the_rows(
    book: Workbook, report: BatchReport, table: Table
) -> None:
    rows = table(book["Category summary"])
    total = rows.pop()
    by_category = {r["Category"]: r for r in rows}
    assert set(by_category) == set(cat.TAXONOMY)  # the batch covers the whole taxonomy
    for name, row in by_category.items():
        mine = [e.txn for e in unique(report) if e.category == name]
        assert row["Spend (debits)"] == money(sum((t.debit or 0 for t in mine), Decimal(0)))
        assert row["Income (credits)"] == money(sum((t.credit or 0 for t in mine), Decimal(0)))
    spend = [r["Spend (debits)"] for r in rows]
    assert spend == sorted(spend, reverse=True)
    assert rows[0]["Category"] == cat.INVESTMENTS
    assert total["Category"] == "Total"
    assert total["Spend (debits)"] == pytest.approx(sum(spend))
    assert sum(r["Share of spend"] for r in rows) == pytest.approx(1)


def test_credits_and_debits(book: Workbook, report: BatchReport, table: Table) -> None:
    credits = table(book["Credits"])
    debits = table(book["Debits"])
    assert [r["Transaction ID"] for r in credits] == [
        e.txn.id for e in unique(report) if e.txn.credit
    ]
    assert [r["Transaction ID"] for r in debits] == [
        e.txn.id for e in unique(report) if e.txn.debit
    ]
    assert all(r["Amount"] > 0 for r in credits + debits)


def test_cash_flow_per_month(book: Workbook, report: BatchReport, table: Table) -> None:
    rows = table(book["Cash flow"])
    assert [day(r["Month"]) for r in rows] == [date(2024, m, 1) for m in (1, 2, 3)]
    for row in rows:
        month = [e.txn for e in unique(report) if e.txn.date.replace(day=1) == day(row["Month"])]
        money_in = sum((t.credit or 0 for t in month), Decimal(0))
        money_out = sum((t.debit or 0 for t in month), Decimal(0))
        assert (row["Money in"], row["Money out"]) == (money(money_in), money(money_out))
        assert row["Transactions"] == len(month)
        assert row["Currency"] == "GBP"
    assert rows[-1]["Cumulative net"] == pytest.approx(sum(r["Net"] for r in rows))


def test_daily_balances_cover_every_day_and_carry_forward(book: Workbook, table: Table) -> None:
    rows = table(book["Daily balances"])
    per: dict[str, dict[date, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        per[row["Account"]][day(row["Date"])] = row
    for account in (A, B):
        days = sorted(per[account])
        assert days[0] == date(2024, 1, 1)
        assert days[-1] == date(2024, 3, 31)
        assert len(days) == (days[-1] - days[0]).days + 1
    a, b = per[A], per[B]
    assert a[date(2024, 1, 1)]["End-of-day balance"] == 1000  # the opening balance
    assert a[date(2024, 1, 4)]["End-of-day balance"] == 2800  # carried from 3 January
    assert "carried forward" in a[date(2024, 1, 4)]["Note"]
    assert a[date(2024, 2, 14)]["End-of-day balance"] == money(Decimal("15726.34"))
    assert a[date(2024, 2, 14)]["Note"] == "no statement covers this day"
    assert a[date(2024, 3, 4)]["End-of-day balance"] == 17735  # as the statement printed it
    assert a[date(2024, 3, 26)]["End-of-day balance"] == -450
    assert b[date(2024, 2, 5)]["Transactions"] == 1  # the repeated row is not counted twice
    assert b[date(2024, 3, 31)]["End-of-day balance"] == money(Decimal("5844.10"))
    ws = book["Daily balances"]
    negative = [r for r in range(5, ws.max_row + 1) if _fill(ws.cell(r, 3))]
    assert [day(ws.cell(r, 2).value) for r in negative] == [date(2024, 3, d) for d in (25, 26, 27)]


def test_balance_validation_lists_breaks(book: Workbook, report: BatchReport, table: Table) -> None:
    (row,) = table(book["Balance validation"])
    (brk,) = report.breaks
    assert row["Statement"] == "a-mar.pdf"
    assert row["Account"] == A
    assert row["Kind"] == "running balance"
    assert day(row["Date"]) == date(2024, 3, 4)
    assert row["Transaction ID"] == brk.transaction_id
    assert (row["Expected"], row["Found"], row["Difference"]) == (17745, 17735, -10)


def test_recurring_income_and_loans(book: Workbook, table: Table) -> None:
    series = {r["Series ID"]: r for r in table(book["Recurring payments"])}
    assert set(series) == {"rec_salary", "rec_rent", "rec_emi", "rec_gym", "rec_mum"}
    salary = series["rec_salary"]
    assert (salary["Occurrences"], salary["Total"], salary["Cadence"]) == (2, 6000, "monthly")
    assert day(salary["First date"]) == date(2024, 1, 2)
    income = table(book["Income"])
    assert [(r["Description"], r["Source"]) for r in income] == [
        ("SALARY ACME LTD", "salary"),
        ("SALARY ACME LTD", "salary"),
        ("TRANSFER FROM MUM", "regular credit (monthly)"),
    ]
    assert "Salary 6,000.00" in book["Income"]["A2"].value
    loans = table(book["Loans and EMIs"])
    assert [r["Category"] for r in loans] == [
        cat.LOAN_REPAYMENTS,
        cat.CARD_PAYMENTS,
        cat.LOAN_REPAYMENTS,
    ]
    assert loans[0]["Recurring"] == "monthly"


@pytest.mark.parametrize(
    ("sheet", "descriptions"),
    [
        ("Bank charges and interest", ["MONTHLY ACCOUNT FEE", "INTEREST PAID", "GROSS INTEREST"]),
        ("Returned & bounced (NSF)", ["UNPAID DD RETURNED FEE"]),
        ("Cash", ["ATM WITHDRAWAL HIGH ST", "CASH DEPOSIT BRANCH"]),
    ],
)
def test_category_sheets(book: Workbook, table: Table, sheet: str, descriptions: list[str]) -> None:
    assert [r["Description"] for r in table(book[sheet])] == descriptions


def test_cash_types(book: Workbook, table: Table) -> None:
    rows = table(book["Cash"])
    assert [(r["Type"], r["Amount"]) for r in rows] == [("withdrawal", 200), ("deposit", 1000)]


def test_large_transactions_respect_the_threshold(
    book: Workbook, report: BatchReport, table: Table, loader: Callable[[BatchReport], Workbook]
) -> None:
    rows = table(book["Large transactions"])
    assert [r["Description"] for r in rows] == ["CAR SALE J SMITH", "VANGUARD ISA", "BA FLIGHTS"]
    assert min(r["Amount"] for r in rows) >= float(report.params.large_transaction_threshold)
    assert rows[2]["Amount"] == 5000  # exactly the threshold counts
    higher = _with_params(report, large_transaction_threshold=Decimal("12000.01"))
    rows = table(loader(higher)["Large transactions"])
    assert [r["Description"] for r in rows] == ["CAR SALE J SMITH"]
    none = _with_params(report, large_transaction_threshold=Decimal("1000000"))
    sheet = loader(none)["Large transactions"]
    assert sheet["A5"].value.startswith("No transaction of 1,000,000.00")


def _with_params(report: BatchReport, **changes: Any) -> BatchReport:
    import dataclasses

    return dataclasses.replace(report, params=dataclasses.replace(report.params, **changes))


def test_top_counterparties(book: Workbook, table: Table) -> None:
    ws = book["Top counterparties"]
    paid = table(ws, first=1, last=5)
    received = table(ws, first=7, last=11)
    assert [(r["Counterparty"], r["Total debit"]) for r in paid[:2]] == [
        ("VANGUARD", 12000),
        ("BRITISH AIRWAYS", 5000),
    ]
    assert next(r["Count"] for r in paid if r["Counterparty"] == "PUREGYM") == 2  # not 3
    assert [(r["Counterparty"], r["Count"]) for r in received[:2]] == [
        ("J SMITH", 1),
        ("ACME LTD", 2),
    ]
    assert [r["Rank"] for r in received] == list(range(1, len(received) + 1))


def test_transfers_between_own_accounts(book: Workbook, table: Table) -> None:
    rows = table(book["Transfers between own accounts"])
    assert [(r["Account"], r["Direction"], r["Amount"], r["Other account"]) for r in rows] == [
        (A, "out", 500, B),
        (B, "in", 500, A),
    ]


def test_flags(book: Workbook, report: BatchReport, table: Table) -> None:
    rows = table(book["Flags"])
    kinds = defaultdict(list)
    for row in rows:
        kinds[row["Flag"]].append(row)
    assert [r["Detail"] for r in kinds["rejected statement"]] == ["password required"]
    assert kinds["failed statement"][0]["Statement"] == "broken.pdf"
    assert kinds["unreconciled statement"][0]["Statement"] == "a-mar.pdf"
    assert [(r["Statement"], r["Page"]) for r in kinds["page flagged"]] == [("a-mar.pdf", 3)]
    (gap,) = kinds["gap between statements"]
    assert gap["Account"] == A
    assert day(gap["Date"]) == date(2024, 2, 1)
    assert "29 days" in gap["Detail"]
    low = [r["Transaction ID"] for r in kinds["low confidence"]]
    threshold = report.params.low_confidence_threshold
    assert low == [e.txn.id for e in report.transactions if e.txn.confidence < threshold]
    assert len(low) == 2
    (broken,) = kinds["balance break"]
    assert broken["Detail"] == "SHELL 4471"
    assert [r["Transaction ID"] for r in kinds["duplicate"]] == [
        e.txn.id for e in report.transactions if e.duplicate_of
    ]


def test_metadata(book: Workbook, report: BatchReport, table: Table) -> None:
    ws = book["Metadata"]
    facts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(4, 14)}
    assert facts["Batch ID"] == report.batch_id
    assert facts["Generated at (UTC)"] == datetime(2024, 3, 1, 9, 30)
    assert facts["Large-transaction threshold"] == 5000
    assert facts["Version: reporter"] == "0.1.0"
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Statement ID")
    statements = {r["File"]: r for r in table(ws, header_row=header)}
    assert len(statements) == len(report.statements)
    assert statements["scan.pdf"]["Status"] == "rejected"
    assert statements["scan.pdf"]["Error"] == "password required"
    assert statements["a-jan.pdf"]["SHA-256"] == "00" * 32
    assert statements["a-jan.pdf"]["Transactions"] == 14


def test_charts_plot_their_sheets(report: BatchReport) -> None:
    buffer = io.BytesIO()
    write_workbook(report, buffer)
    with zipfile.ZipFile(buffer) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if "charts/chart" in n]
    sources = {m for xml in charts for m in re.findall(r"<c:f>'?([^'!]+)'?!", xml)}
    assert sources == {"Category summary", "Cash flow", "Daily balances"}
    assert len(charts) == 3


def test_daily_chart_spans_every_account(book: Workbook) -> None:
    """One series per account: the rows of each are contiguous on the sheet."""
    ws = book["Daily balances"]
    accounts = [ws.cell(r, 1).value for r in range(5, ws.max_row + 1)]
    changes = [a for i, a in enumerate(accounts) if i == 0 or accounts[i - 1] != a]
    assert changes == [A, B]


def test_dates_run_in_order_within_each_account(book: Workbook, table: Table) -> None:
    rows = table(book["Transactions"])
    for account in (A, B):
        days = [day(r["Date"]) for r in rows if r["Account"] == account]
        assert days == sorted(days)
        assert days[0] >= date(2024, 1, 1) - timedelta(days=1)
