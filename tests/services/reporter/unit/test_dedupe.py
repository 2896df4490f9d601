"""Cleaning across statements: ordering, gaps, duplicates flagged and never dropped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from cypheredge.reporter.domain.dedupe import find_duplicates, find_gaps, periods_by_account
from cypheredge.reporter.domain.model import Gap, ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report

Build = Callable[..., StatementDoc]

EARLY = [
    ("2026-01-05", "EFTPOS COUNTDOWN", "-85.10"),
    ("2026-01-15", "SALARY ACME LTD", "3200.00"),
    ("2026-01-20", "EFTPOS COFFEE HOUSE", "-5.50"),
    ("2026-01-20", "EFTPOS COFFEE HOUSE", "-5.50"),
]
LATE = [
    ("2026-01-15", "SALARY ACME LTD", "3200.00"),
    ("2026-01-20", "EFTPOS COFFEE HOUSE.", "-5.50"),  # read with a stray full stop
    ("2026-01-20", "EFTPOS  COFFEE HOUSE", "-5.50"),
    ("2026-02-03", "DD POWER CO 123456", "-180.20"),
]


def overlapping(statement: Build) -> tuple[StatementDoc, StatementDoc]:
    early = statement("early", EARLY, start="2026-01-01", end="2026-01-31")
    late = statement("late", LATE, opening="914.90", start="2026-01-10", end="2026-02-09")
    return early, late


def test_copies_from_an_overlapping_statement_point_at_the_earlier_copy(
    statement: Build,
) -> None:
    early, late = overlapping(statement)
    (periods,) = periods_by_account([late, early]).values()
    duplicates = find_duplicates(periods)
    e, lt = early.transactions, late.transactions
    # Both coffees on the 20th are real: each earlier one absorbs one copy.
    assert duplicates == {lt[0].id: e[1].id, lt[1].id: e[2].id, lt[2].id: e[3].id}


def test_duplicates_are_flagged_not_dropped(statement: Build) -> None:
    early, late = overlapping(statement)
    report = build_report("b1", [late, early], ReportParams())
    assert len(report.transactions) == 8
    flagged = [e for e in report.transactions if e.duplicate_of]
    assert len(flagged) == 3
    assert all("duplicate" in e.flags and e.txn.statement_id == "late" for e in flagged)
    assert report.breaks == ()  # each statement still reconciles on its own


def test_only_near_identical_rows_are_duplicates(statement: Build) -> None:
    early = statement("early", EARLY[:2], start="2026-01-01", end="2026-01-31")
    different = [
        ("2026-01-15", "SALARY OTHER EMPLOYER LTD", "3200.00"),  # another payer
        ("2026-01-05", "EFTPOS COUNTDOWN", "-85.10"),  # same row, different balance
    ]
    late = statement("late", different, opening="0.00", start="2026-01-02", end="2026-01-31")
    (periods,) = periods_by_account([early, late]).values()
    assert find_duplicates(periods) == {}


def test_rows_of_statements_that_do_not_overlap_are_kept(statement: Build) -> None:
    jan = statement("jan", EARLY[:1], start="2026-01-01", end="2026-01-31")
    feb = statement("feb", EARLY[:1], start="2026-02-01", end="2026-02-28")
    (periods,) = periods_by_account([jan, feb]).values()
    assert find_duplicates(periods) == {}


def test_periods_are_ordered_by_start_else_first_transaction(statement: Build) -> None:
    mar = statement("mar", [("2026-03-04", "EFTPOS COUNTDOWN", "-1.00")])
    jan = statement("jan", EARLY, start="2026-01-01", end="2026-01-31")
    feb = statement("feb", [("2026-02-02", "EFTPOS COUNTDOWN", "-1.00")], start="2026-02-01")
    rejected = StatementDoc("bad", "bad.pdf", "rejected", error="not a statement")
    (periods,) = periods_by_account([mar, rejected, feb, jan]).values()
    assert [p.statement_id for p in periods] == ["jan", "feb", "mar"]


def test_gaps_between_consecutive_statements(statement: Build) -> None:
    jan = statement("jan", EARLY, start="2026-01-01", end="2026-01-31")
    feb = statement("feb", [("2026-02-02", "EFTPOS COUNTDOWN", "-1.00")],
                    start="2026-02-01", end="2026-02-28")  # fmt: skip
    # No printed period: the gap runs from after the last row to before the first.
    may = statement("may", [("2026-05-04", "EFTPOS COUNTDOWN", "-1.00"),
                            ("2026-05-20", "EFTPOS COUNTDOWN", "-1.00")])  # fmt: skip
    jul = statement("jul", [("2026-07-01", "EFTPOS COUNTDOWN", "-1.00")])
    (periods,) = periods_by_account([jul, may, feb, jan]).values()
    assert find_gaps(periods) == [
        Gap("12-3456-0000001-00", "feb.pdf", "may.pdf", date(2026, 3, 1), date(2026, 5, 3)),
        Gap("12-3456-0000001-00", "may.pdf", "jul.pdf", date(2026, 5, 21), date(2026, 6, 30)),
    ]


def test_contained_or_overlapping_periods_leave_no_gap(statement: Build) -> None:
    year = statement("year", EARLY, start="2026-01-01", end="2026-12-31")
    mar = statement("mar", [("2026-03-04", "EFTPOS COUNTDOWN", "-1.00")],
                    start="2026-03-01", end="2026-03-31")  # fmt: skip
    (periods,) = periods_by_account([year, mar]).values()
    assert find_gaps(periods) == []
    report = build_report("b1", [year, mar], ReportParams())
    assert report.gaps == ()
