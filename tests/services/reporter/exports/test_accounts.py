from __future__ import annotations

from decimal import Decimal

from cetest.reports import EUR_ACCOUNT, INR_ACCOUNT, Line, Section, build
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.accounts import summarise


def test_accounts_span_their_statements_and_leave_repeats_out(report: BatchReport) -> None:
    inr, eur = summarise(report)
    assert (inr.account, inr.currency, eur.account, eur.currency) == (
        INR_ACCOUNT, "INR", EUR_ACCOUNT, "EUR",
    )  # fmt: skip
    assert (inr.opening, inr.closing) == (Decimal("10000.00"), Decimal("40462.84"))
    assert (str(inr.start), str(inr.end)) == ("2024-01-01", "2024-02-29")
    assert len(inr.entries) == 6  # seven rows, one repeated from the overlapping statement
    assert all(e.duplicate_of is None for e in inr.entries)
    assert inr.opening + sum(e.txn.amount for e in inr.entries) == inr.closing
    assert eur.opening == Decimal("-1500.00")


def _bare(opening: str | None, closing: str | None, balances: bool) -> BatchReport:
    lines = (
        Line("2024-05-02", "A", credit="10.00", balance="110.00" if balances else None),
        Line("2024-05-03", "B", debit="4.50", balance="105.50" if balances else None),
    )
    return build([Section("s", "s.pdf", "acct", None, opening, closing, None, None, lines)])


def test_missing_balances_come_from_the_running_balance() -> None:
    (account,) = summarise(_bare(None, None, balances=True))
    assert (account.opening, account.closing) == (Decimal("100.00"), Decimal("105.50"))
    assert (str(account.start), str(account.end)) == ("2024-05-02", "2024-05-03")


def test_without_any_balance_the_ledger_starts_from_zero_and_reconciles() -> None:
    (account,) = summarise(_bare(None, None, balances=False))
    assert (account.opening, account.closing) == (Decimal(0), Decimal("5.50"))
    assert account.currency == "XXX"


def test_a_known_closing_balance_gives_the_opening() -> None:
    (account,) = summarise(_bare(None, "20.00", balances=False))
    assert (account.opening, account.closing) == (Decimal("14.50"), Decimal("20.00"))


def test_currency_is_an_iso_code_or_none() -> None:
    lines = (Line("2024-05-02", "A", credit="1.00"),)
    rupees = Section("s", "s.pdf", "acct", "₹", None, None, None, None, lines)
    assert summarise(build([rupees]))[0].currency == "XXX"
    lower = Section("s", "s.pdf", "acct", " inr ", None, None, None, None, lines)
    assert summarise(build([lower]))[0].currency == "INR"
