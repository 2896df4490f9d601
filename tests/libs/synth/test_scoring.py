"""Hand-built truth/extraction pairs: each scoring rule can be seen to fail."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from cypheredge.synth import generate
from cypheredge.synth.scoring import Score, match_rows, reconciles, score


def _row(
    day: str, debit: str | None, credit: str | None, balance: str | None, desc: str = "X"
) -> dict[str, str | None]:
    return {"date": day, "description": desc, "debit": debit, "credit": credit, "balance": balance}


TRUTH: dict[str, Any] = {
    "statement": {"opening_balance": "100.00", "closing_balance": "130.00"},
    "accounts": [{"opening_balance": "100.00", "closing_balance": "130.00"}],
    "transactions": [
        _row("2025-01-02", "20.00", None, "80.00", "CARD PAYMENT TESCO"),
        _row("2025-01-03", None, "50.00", "130.00", "SALARY ACME"),
    ],
}


def _extraction(**changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(TRUTH)
    for index, fields in changes.items():
        out["transactions"][int(index[1:])].update(fields)
    return out


def test_identical_extraction_scores_perfectly() -> None:
    result = score(TRUTH, TRUTH)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.amounts_exact_rate == result.description_rate == result.reconciled_rate == 1.0


def test_generated_truth_scores_perfectly_against_itself() -> None:
    truth = generate("us_sections", 0).truth
    assert score(truth, truth).f1 == 1.0


def test_missing_row_costs_recall_not_precision() -> None:
    found = copy.deepcopy(TRUTH)
    del found["transactions"][0]
    result = score(TRUTH, found)
    assert result.recall == 0.5
    assert result.precision == 1.0


def test_spurious_row_costs_precision() -> None:
    found = copy.deepcopy(TRUTH)
    found["transactions"].insert(0, _row("2025-01-01", None, "1.00", None, "BALANCE FORWARD"))
    result = score(TRUTH, found)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == 1.0


@pytest.mark.parametrize(
    "change",
    [
        {"balance": "81.00"},  # wrong balance
        {"debit": None, "credit": "20.00"},  # direction swapped
        {"date": "2025-02-01"},  # day and month swapped
        {"debit": "1,234.00"},  # not a plain decimal string
    ],
)
def test_row_does_not_match_when_a_key_field_differs(change: dict[str, Any]) -> None:
    assert score(TRUTH, _extraction(r0=change)).matched == 1


@pytest.mark.parametrize("change", [{"debit": "20.0"}, {"balance": None}])
def test_lenient_match_but_not_amount_exact(change: dict[str, Any]) -> None:
    result = score(TRUTH, _extraction(r0=change))
    assert result.matched == 2
    assert result.exact == 1


def test_invented_balance_still_matches_but_is_not_exact() -> None:
    truth = _extraction(r0={"balance": None})
    result = score(truth, TRUTH)
    assert result.matched == 2
    assert result.exact == 1


def test_description_compare_ignores_case_and_spacing_only() -> None:
    same = _extraction(r0={"description": "card  payment\ntesco"})
    assert score(TRUTH, same).described == 2
    assert score(TRUTH, _extraction(r0={"description": "CARD PAYMENT"})).described == 1


def test_matching_is_greedy_in_document_order() -> None:
    a, b = TRUTH["transactions"]
    assert match_rows([a, b], [b, a]) == [(0, 1)]
    assert match_rows([a, b], [a, a, b]) == [(0, 0), (1, 2)]


def test_reconciliation_uses_the_extraction_figures() -> None:
    assert reconciles(TRUTH)
    assert not reconciles(_extraction(r1={"credit": "49.00"}))
    no_opening = copy.deepcopy(TRUTH)
    no_opening["accounts"][0]["opening_balance"] = None
    assert not reconciles(no_opening)
    statement_only = copy.deepcopy(TRUTH)
    statement_only["accounts"] = []
    assert reconciles(statement_only)


def test_two_accounts_reconcile_separately() -> None:
    truth = generate("uk_two_accounts", 0).truth
    assert reconciles(truth)
    moved = copy.deepcopy(truth)
    moved["transactions"][0]["account"] = 1
    assert not reconciles(moved)


def test_scores_add_up_and_nothing_to_find_found_nothing_is_perfect() -> None:
    total = score(TRUTH, TRUTH) + score(TRUTH, {"transactions": []})
    assert (total.truth_rows, total.extracted_rows, total.matched, total.statements) == (4, 2, 2, 2)
    assert total.recall == 0.5
    assert total.precision == 1.0
    assert Score().f1 == Score().reconciled_rate == 1.0
    assert Score().amounts_exact_rate == 0.0
    empty: dict[str, Any] = {"accounts": [], "transactions": []}
    assert score(empty, {"transactions": [TRUTH["transactions"][0]]}).f1 == 0.0
    assert total.metrics()["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_only_statements_that_add_up_are_asked_to_reconcile() -> None:
    broken = copy.deepcopy(TRUTH)
    broken["accounts"][0]["closing_balance"] = "1.00"  # printed inconsistently
    found = score(broken, broken)
    assert (found.reconcilable, found.reconciled, found.reconciled_rate) == (0, 0, 1.0)
    assert score(TRUTH, _extraction(r1={"credit": "49.00"})).reconciled_rate == 0.0
