"""The balance chain as arbiter between readings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.balance import apply, choose, reconciles, score, walk
from cypheredge.extractor.domain.draft import Draft

D = Decimal


def draft(magnitude: str, sign: int, balance: str | None, *, from_amount: bool = False) -> Draft:
    return Draft(
        date(2025, 1, 1),
        "x",
        D(magnitude),
        sign,
        D(balance) if balance else None,
        1,
        (0.0, 0.0, 0.0, 0.0),
        "geometric",
        from_amount=from_amount,
    )


def test_walk_settles_one_unknown_direction_per_link() -> None:
    verdict = walk([D(10), D(5)], [0, 0], [D(90), D(95)], D(100))
    assert verdict.signs == (-1, 1)
    assert (verdict.held, verdict.broke) == (2, 0)


def test_walk_sums_rows_between_printed_balances() -> None:
    verdict = walk([D(10), D(5), D(1)], [-1, -1, 1], [None, None, D(86)], D(100))
    assert verdict.flags == (True, True, True)


def test_choose_flips_signs_when_the_chain_says_so() -> None:
    rows = [draft("10", 1, "90", from_amount=True), draft("5", -1, "95", from_amount=True)]
    ordered, verdict = choose(rows, D(100))
    apply(ordered, verdict)
    assert [d.sign for d in rows] == [-1, 1]
    assert all(d.consistent for d in rows)


def test_choose_reads_newest_first_when_printed_that_way() -> None:
    rows = [draft("10", -1, "1490"), draft("500", 1, "1500"), draft("1", 1, "1000")]
    ordered, verdict = choose(rows, None)
    assert ordered[0] is rows[-1]
    assert verdict.broke == 0


def test_reconcile_and_scores() -> None:
    rows = [draft("10", -1, None), draft("5", 1, None)]
    assert reconciles(rows, D(100), D(95)) is True
    assert reconciles(rows, D(100), D(96)) is False
    assert reconciles(rows, None, D(95)) is None
    score(rows, True)
    assert [d.confidence for d in rows] == [0.95, 0.95]
    score(rows, None)
    assert [d.confidence for d in rows] == [0.9, 0.9]
