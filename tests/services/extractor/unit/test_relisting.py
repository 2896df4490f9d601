"""A statement that prints its activity twice (a history in date order and the same rows by
type, or the checks again) counts each transaction once; rows that only look alike are kept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.relisting import second_view

from .conftest import Spec, run_pages

HISTORY_HEADER = (
    200.0,
    [(40, "Date"), (120, "Description"), (350, "Withdrawals"), (430, "Deposits"), (520, "Balance")],
)
BY_TYPE_HEADER = (200.0, [(40, "Date"), (120, "Description"), (430, "Amount")])
ENDS: Spec = [
    (80, [(40, "Beginning balance"), (300, "100.00", "r")]),
    (94, [(40, "Ending balance"), (300, "1,080.00", "r")]),
]


def _history() -> Spec:
    def row(y: float, day: str, text: str, out: str, cash_in: str, bal: str):  # type: ignore[no-untyped-def]
        cells = [(40, day), (120, text), (375, out, "r"), (460, cash_in, "r"), (555, bal, "r")]
        return (y, [c for c in cells if c[1]])

    return [
        *ENDS,
        HISTORY_HEADER,
        row(220, "03/01/2025", "PAYROLL ACME", "", "1,200.00", "1,300.00"),
        row(234, "04/01/2025", "GROCER", "60.00", "", "1,240.00"),
        row(248, "05/01/2025", "REFUND SHOP", "", "20.00", "1,260.00"),
        row(262, "06/01/2025", "POWER CO", "180.00", "", "1,080.00"),
    ]


def _by_type() -> Spec:
    def row(y: float, day: str, text: str, amount: str):  # type: ignore[no-untyped-def]
        return (y, [(40, day), (120, text), (460, amount, "r")])

    return [
        (180, [(40, "Deposits and other credits")]),
        BY_TYPE_HEADER,
        row(220, "03/01/2025", "PAYROLL ACME", "1,200.00"),
        row(234, "05/01/2025", "REFUND SHOP", "20.00"),
        (250, [(120, "Total deposits"), (460, "$1,220.00", "r")]),
        (280, [(40, "Withdrawals and other debits")]),
        (300, [(40, "Date"), (120, "Description"), (430, "Amount")]),
        row(320, "04/01/2025", "GROCER", "60.00"),
        row(334, "06/01/2025", "POWER CO", "180.00"),
    ]


def test_the_activity_again_by_type_after_the_history_is_counted_once() -> None:
    result = run_pages(_history(), _by_type())
    assert [t.description for t in result.transactions] == [
        "PAYROLL ACME",
        "GROCER",
        "REFUND SHOP",
        "POWER CO",
    ]
    assert all(t.page == 1 for t in result.transactions)
    assert result.reconciled is True
    (notice,) = result.accounts[0].warnings
    assert (notice.code, notice.page) == ("rows_relisted", 2)
    assert notice.message.startswith("4 rows on page 2 list again transactions")


def test_a_view_by_type_printed_first_gives_way_to_the_history_with_its_balances() -> None:
    result = run_pages([*ENDS, *_by_type()], _history()[len(ENDS) :])
    assert [t.page for t in result.transactions] == [2, 2, 2, 2]
    assert [t.balance for t in result.transactions][-1] == Decimal("1080.00")
    assert result.reconciled is True
    assert [w.code for w in result.accounts[0].warnings] == ["rows_relisted"]


def test_rows_that_repeat_amounts_but_not_every_row_are_all_kept() -> None:
    # The second listing has a row the first does not: it is activity, not a second view.
    cash: Spec = [(348, [(40, "07/01/2025"), (120, "CASH"), (460, "5.00", "r")])]
    extra = [*_by_type(), *cash]
    result = run_pages(_history(), extra)
    assert len(result.transactions) == 9
    assert not any(w.code == "rows_relisted" for a in result.accounts for w in a.warnings)


def _draft(day: int, amount: str, balance: str | None = None) -> Draft:
    value = None if balance is None else Decimal(balance)
    return Draft(date(2025, 1, day), "ROW", Decimal(amount), 0, value, 1, (0, 0, 0, 0), "geo")


def test_a_second_view_is_a_listing_that_starts_over_and_repeats_each_row_once() -> None:
    history = [_draft(3, "10", "90"), _draft(4, "10", "80"), _draft(5, "7", "73")]
    # One 10.00 row of the 4th repeated twice is not a re-listing: there was only one.
    assert second_view([*history, _draft(4, "10"), _draft(4, "10")]) is None
    # Rows in date order throughout never start over, however alike.
    assert second_view([*history, _draft(6, "10"), _draft(6, "7")]) is None
    view = second_view([*history, _draft(3, "10"), _draft(5, "7")])
    assert view is not None
    assert (view.kept, len(view.relisted)) == (history, 2)
