"""Transfers between the customer's own accounts in one batch."""

from __future__ import annotations

from collections.abc import Callable

from cypheredge.reporter.domain.categories import Rule
from cypheredge.reporter.domain.model import ReportParams, StatementDoc
from cypheredge.reporter.domain.report import build_report

Build = Callable[..., StatementDoc]
CHEQUE = "12-3456-0000001-00"
SAVINGS = "12-3456-0000001-50"


def categories(statements: list[StatementDoc]) -> dict[str, str]:
    report = build_report("b1", statements, ReportParams())
    return {f"{e.txn.account}:{e.txn.description}": e.category for e in report.transactions}


def test_a_debit_met_by_a_credit_in_another_account_within_three_days(statement: Build) -> None:
    cheque = statement("chq", [("2026-01-10", "INTERNET BANKING J DOE", "-500.00")], hint=CHEQUE)
    savings = statement("sav", [("2026-01-12", "DEPOSIT J DOE", "500.00")], hint=SAVINGS)
    found = categories([cheque, savings])
    assert found[f"{CHEQUE}:INTERNET BANKING J DOE"] == "transfers out"
    assert found[f"{SAVINGS}:DEPOSIT J DOE"] == "transfers in"


def test_too_far_apart_or_same_account_is_not_a_transfer(statement: Build) -> None:
    cheque = statement(
        "chq",
        [("2026-01-10", "INTERNET BANKING J DOE", "-500.00"), ("2026-01-11", "DEPOSIT", "500.00")],
        hint=CHEQUE,
    )
    savings = statement("sav", [("2026-01-14", "DEPOSIT J DOE", "500.00")], hint=SAVINGS)
    found = categories([cheque, savings])
    assert "transfers out" not in found.values()
    assert "transfers in" not in found.values()


def test_each_credit_pairs_once_with_the_closest_debit(statement: Build) -> None:
    cheque = statement(
        "chq",
        [("2026-01-09", "TFR OUT A", "-200.00"), ("2026-01-12", "TFR OUT B", "-200.00")],
        hint=CHEQUE,
    )
    savings = statement("sav", [("2026-01-10", "TFR IN", "200.00")], hint=SAVINGS)
    report = build_report("b1", [cheque, savings], ReportParams())
    by_description = {e.txn.description: e.category for e in report.transactions}
    assert by_description["TFR OUT A"] == "transfers out"
    assert by_description["TFR IN"] == "transfers in"
    assert by_description["TFR OUT B"] != "transfers out"


def test_a_description_naming_an_own_account(statement: Build) -> None:
    doc = statement(
        "chq",
        [("2026-01-10", "TFR TO 12-3456-0000001-50", "-300.00"),
         ("2026-01-11", "PAYMENT FROM DOE HOLDINGS LTD", "900.00")],
    )  # fmt: skip
    params = ReportParams(own_account_names=("12-3456-0000001-50", "Doe Holdings Ltd"))
    report = build_report("b1", [doc], params)
    assert [e.category for e in report.transactions] == ["transfers out", "transfers in"]


def test_org_rules_still_win_over_transfer_evidence(statement: Build) -> None:
    doc = statement("chq", [("2026-01-10", "TFR TO 12-3456-0000001-50", "-300.00")])
    params = ReportParams(own_account_names=("12-3456-0000001-50",))
    report = build_report("b1", [doc], params, org_rules=[Rule("rent", keywords=("tfr",))])
    assert report.transactions[0].category == "rent"
