"""Balance validation: each break located, with what was expected and what was found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from cypheredge.reporter.domain.model import StatementDoc
from cypheredge.reporter.domain.validation import closing_of, opening_of, validate

Build = Callable[..., StatementDoc]

JAN = [
    ("2026-01-02", "EFTPOS COFFEE HOUSE", "-5.50"),
    ("2026-01-03", "SALARY ACME LTD", "3200.00"),
    ("2026-01-07", "VISA NEW WORLD KH 4835******1234", "-85.40"),
    ("2026-01-10", "ATM CASH WITHDRAWAL", "-100.00"),
]


def test_a_consistent_statement_has_no_breaks(statement: Build) -> None:
    assert validate([statement("jan", JAN, start="2026-01-01", end="2026-01-31")]) == ()


def test_a_misread_amount_is_located_on_its_row(statement: Build) -> None:
    doc = statement("jan", JAN)
    account = doc.accounts[0]
    # The extractor read 85.40 as 58.40: the printed balances still say 85.40.
    misread = replace(account.transactions[2], debit=Decimal("58.40"))
    rows = (*account.transactions[:2], misread, *account.transactions[3:])
    doc = replace(doc, accounts=(replace(account, transactions=rows),))
    row_breaks = [b for b in validate([doc]) if b.kind == "row"]
    assert len(row_breaks) == 1
    (found,) = row_breaks
    assert found.transaction_id == misread.id
    assert found.date == misread.date
    assert found.expected == Decimal("4136.10")  # 4194.50 - 58.40
    assert found.found == Decimal("4109.10")  # as printed
    assert found.difference == Decimal("-27.00")


def test_a_misprinted_balance_breaks_its_row_and_the_next(statement: Build) -> None:
    doc = statement("jan", JAN, printed={1: "4194.05"})
    breaks = validate([doc])
    ids = [t.id for t in doc.transactions]
    assert [(b.kind, b.transaction_id) for b in breaks] == [("row", ids[1]), ("row", ids[2])]
    assert (breaks[0].expected, breaks[0].found) == (Decimal("4194.50"), Decimal("4194.05"))


def test_rows_without_a_balance_carry_the_running_total(statement: Build) -> None:
    doc = statement("jan", JAN, printed={0: "", 1: "", 2: ""})
    assert validate([doc]) == ()
    broken = statement("jan", JAN, printed={0: "", 1: "", 2: "", 3: "3000.00"})
    (found,) = [b for b in validate([broken]) if b.kind == "row"]
    assert found.transaction_id == broken.transactions[3].id
    assert (found.expected, found.found) == (Decimal("4009.10"), Decimal("3000.00"))


def test_closing_mismatch(statement: Build) -> None:
    doc = statement("jan", JAN, closing="4100.00", end="2026-01-31")
    (found,) = validate([doc])
    assert found.kind == "closing"
    assert found.transaction_id is None
    assert (found.expected, found.found) == (Decimal("4009.10"), Decimal("4100.00"))
    assert str(found.date) == "2026-01-31"


def test_newest_first_statements_are_checked_oldest_first(statement: Build) -> None:
    doc = statement("jan", JAN)
    account = doc.accounts[0]
    flipped = replace(account, transactions=tuple(reversed(account.transactions)))
    assert validate([replace(doc, accounts=(flipped,))]) == ()


def test_without_an_opening_the_first_printed_balance_implies_it(statement: Build) -> None:
    doc = statement("jan", JAN)
    account = replace(doc.accounts[0], opening_balance=None, closing_balance=None)
    assert opening_of(account) == Decimal("1000.00")
    assert closing_of(account) == Decimal("4009.10")


def test_between_statements_mismatch(statement: Build) -> None:
    jan = statement("jan", JAN, start="2026-01-01", end="2026-01-31")
    feb = statement(
        "feb", [("2026-02-03", "DD POWER CO 123456", "-180.20")],
        opening="4109.10", start="2026-02-01", end="2026-02-28",
    )  # fmt: skip
    (found,) = validate([feb, jan])  # given out of order: ordered by period
    assert found.kind == "between_statements"
    assert (found.statement_id, found.statement_name) == ("feb", "feb.pdf")
    assert (found.expected, found.found) == (Decimal("4009.10"), Decimal("4109.10"))
    assert str(found.date) == "2026-02-01"
    assert found.transaction_id is None


def test_chained_statements_and_overlaps_do_not_break(statement: Build) -> None:
    jan = statement("jan", JAN, start="2026-01-01", end="2026-01-31")
    feb = statement(
        "feb", [("2026-02-03", "DD POWER CO 123456", "-180.20")],
        opening="4009.10", start="2026-02-01", end="2026-02-28",
    )  # fmt: skip
    overlap = statement("mid", JAN[2:], opening="4194.50", start="2026-01-05", end="2026-01-20")
    assert validate([jan, feb, overlap]) == ()


def test_statements_of_other_accounts_are_not_chained(statement: Build) -> None:
    jan = statement("jan", JAN, start="2026-01-01", end="2026-01-31")
    other = statement(
        "feb", [("2026-02-03", "DD POWER CO 123456", "-180.20")],
        opening="50.00", start="2026-02-01", end="2026-02-28", hint="99-0000-1111111-00",
    )  # fmt: skip
    assert validate([jan, other]) == ()
