"""Recurring payments: same counterparty, similar amount, regular interval."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from cypheredge.reporter.domain.categories import categorise, direction_of
from cypheredge.reporter.domain.counterparty import counterparty_of
from cypheredge.reporter.domain.model import Enriched, ReportParams, StatementDoc
from cypheredge.reporter.domain.recurring import find_recurring
from cypheredge.reporter.domain.report import build_report

Build = Callable[..., StatementDoc]


def enriched(doc: StatementDoc) -> list[Enriched]:
    return [
        Enriched(
            txn=t,
            category=categorise(t.description, direction_of(t)),
            counterparty=counterparty_of(t.description),
        )
        for t in doc.transactions
    ]


def rows(description: str, dated: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(day, description, amount) for day, amount in dated]


def test_monthly_rent_is_found_among_other_spending(statement: Build) -> None:
    rent = rows(
        "DD RENT PROP MGR",
        [("2026-01-18", "-650.00"), ("2026-02-18", "-650.00"),
         ("2026-03-17", "-650.00"), ("2026-04-18", "-650.00")],
    )  # fmt: skip
    noise = rows("EFTPOS COUNTDOWN", [("2026-01-20", "-85.10"), ("2026-03-02", "-123.45")])
    doc = statement("s1", sorted(rent + noise))
    (series,) = find_recurring(enriched(doc))
    assert (series.counterparty, series.category) == ("RENT PROP MGR", "rent")
    assert (series.cadence, series.direction) == ("monthly", "debit")
    assert series.typical_amount == Decimal("650.00")
    rent_ids = [t.id for t in doc.transactions if "RENT" in t.description]
    assert list(series.transaction_ids) == rent_ids


def test_build_report_marks_the_series_on_its_rows(statement: Build) -> None:
    salary = rows(
        "SALARY ACME LTD",
        [("2026-01-15", "3200.00"), ("2026-02-13", "3200.00"), ("2026-03-15", "3350.00")],
    )
    doc = statement("s1", [*salary, ("2026-03-20", "EFTPOS COUNTDOWN", "-50.00")])
    report = build_report("b1", [doc], ReportParams())
    (series,) = report.recurring
    assert series.category == "income/salary"
    assert series.direction == "credit"
    marked = [e.txn.id for e in report.transactions if e.recurring_id == series.id]
    assert marked == list(series.transaction_ids)


def test_irregular_payments_are_not_a_series(statement: Build) -> None:
    dated = [("2026-01-03", "-40.00"), ("2026-01-08", "-40.00"),
             ("2026-01-27", "-40.00"), ("2026-03-12", "-40.00")]  # fmt: skip
    assert find_recurring(enriched(statement("s1", rows("DD PARKING NZ", dated)))) == ()


def test_amount_drift_within_tolerance_stays_one_series(statement: Build) -> None:
    dated = [("2026-01-05", "-1000.00"), ("2026-02-05", "-1040.00"),
             ("2026-03-05", "-1085.00"), ("2026-04-06", "-1120.00")]  # fmt: skip
    (series,) = find_recurring(enriched(statement("s1", rows("DD HOME LOAN ANZ", dated))))
    assert len(series.transaction_ids) == 4
    assert series.typical_amount == Decimal("1062.50")


def test_amount_jump_beyond_tolerance_breaks_the_series(statement: Build) -> None:
    dated = [("2026-01-05", "-1000.00"), ("2026-02-05", "-1000.00"),
             ("2026-03-05", "-1500.00"), ("2026-04-05", "-1500.00")]  # fmt: skip
    assert find_recurring(enriched(statement("s1", rows("DD GYM LTD", dated)))) == ()


def test_small_amounts_use_the_absolute_tolerance(statement: Build) -> None:
    dated = [("2026-01-02", "-4.99"), ("2026-02-02", "-5.99"), ("2026-03-02", "-6.49")]
    (series,) = find_recurring(enriched(statement("s1", rows("PAYPAL *SPOTIFY", dated))))
    assert series.counterparty == "SPOTIFY"
    assert series.category == "subscriptions"


def test_cadences(statement: Build) -> None:
    def cadence(days: Sequence[str]) -> str | None:
        doc = statement("s1", rows("SO J SMITH", [(d, "-100.00") for d in days]))
        found = find_recurring(enriched(doc))
        return found[0].cadence if found else None

    assert cadence(["2026-01-02", "2026-01-09", "2026-01-16"]) == "weekly"
    assert cadence(["2026-01-02", "2026-01-16", "2026-01-30"]) == "fortnightly"
    assert cadence(["2026-01-02", "2026-04-02", "2026-07-01"]) == "quarterly"
    assert cadence(["2025-03-01", "2026-03-02"]) == "yearly"  # two are enough for yearly
    assert cadence(["2026-01-02", "2026-02-02"]) is None  # two monthly are not
    assert cadence(["2026-01-02", "2026-01-09", "2026-02-09"]) is None  # mixed cadences


def test_a_busy_payee_at_similar_amounts_is_not_a_series(statement: Build) -> None:
    days = ["2026-01-02", "2026-01-05", "2026-01-09", "2026-01-12", "2026-01-16", "2026-01-19"]
    dated = [(d, "-100.00") for d in days]
    assert find_recurring(enriched(statement("s1", rows("EFTPOS PAK N SAVE", dated)))) == ()


def test_duplicates_are_ignored(statement: Build) -> None:
    dated = [("2026-01-18", "-650.00"), ("2026-02-18", "-650.00"), ("2026-03-18", "-650.00")]
    entries = enriched(statement("s1", rows("DD RENT PROP MGR", dated)))
    entries[2] = replace(entries[2], duplicate_of="txn_x")
    assert find_recurring(entries) == ()
