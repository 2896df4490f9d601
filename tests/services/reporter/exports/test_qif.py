"""QIF, read back by a small parser that follows the format's record rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cetest.reports import EUR_ACCOUNT, INR_ACCOUNT, single_account_report
from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.exports.qif import to_qif

RECORD_CODES = set("DTPML")


@dataclass
class Section:
    account: str | None
    records: list[dict[str, str]] = field(default_factory=list)


def parse_qif(text: str) -> list[Section]:
    sections: list[Section] = []
    account: dict[str, str] | None = None
    pending: str | None = None
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if line == "!Account":
            account = {}
        elif line.startswith("!Type:"):
            assert line == "!Type:Bank"
            sections.append(Section(pending))
        elif line == "^" and account is not None:
            assert account == {"N": account["N"], "T": "Bank"}
            pending, account = account["N"], None
        elif line == "^":
            assert set(fields) >= {"D", "T"}, fields
            sections[-1].records.append(fields)
            fields = {}
        else:
            target = fields if account is None else account
            assert account is not None or line[0] in RECORD_CODES, line
            assert line[0] not in target, f"{line[0]} twice in one record"
            target[line[0]] = line[1:]
    assert not fields, "record without ^"
    return sections


def test_two_accounts_each_get_an_account_block(report: BatchReport) -> None:
    sections = parse_qif(to_qif(report).decode("utf-8"))
    assert [s.account for s in sections] == [INR_ACCOUNT, EUR_ACCOUNT]
    assert [len(s.records) for s in sections] == [6, 2]  # the repeated row left out


def test_one_account_needs_no_account_block() -> None:
    text = to_qif(single_account_report()).decode("utf-8")
    assert text.startswith("!Type:Bank\n")
    assert "!Account" not in text
    assert [s.account for s in parse_qif(text)] == [None]


def test_amounts_reconcile_and_dates_are_us_order(report: BatchReport) -> None:
    inr, eur = parse_qif(to_qif(report).decode("utf-8"))
    assert sum(Decimal(r["T"]) for r in inr.records) == Decimal("40462.84") - Decimal("10000.00")
    assert sum(Decimal(r["T"]) for r in eur.records) == Decimal("98765430486.42") + 1500
    dates = [datetime.strptime(r["D"], "%m/%d/%Y").date() for r in inr.records]
    assert dates == sorted(dates)
    assert inr.records[0]["D"] == "01/02/2024"
    assert eur.records[0]["T"] == "98765432109.87"
    assert eur.records[1]["T"] == "-123.45"


def test_payee_memo_and_category(report: BatchReport) -> None:
    inr, eur = parse_qif(to_qif(report).decode("utf-8"))
    cafe = inr.records[1]
    assert (cafe["P"], cafe["M"], cafe["L"]) == (
        "Café Mocha ₹ Store", "UPI/Café Mocha/₹ payment ref 123456", "Food & Dining",
    )  # fmt: skip
    rent = inr.records[2]
    assert rent["P"] == rent["M"]  # no counterparty: the description is the payee
    assert rent["M"].startswith("NEFT TRANSFER TO SELF FOR RENT AND MAINTENANCE CHARGES")
    assert rent["L"] == "Housing-Rent (Home)"  # "/" would name a class, "[...]" a transfer
    assert inr.records[0]["L"] == "Income:Salary"
    assert eur.records[1]["P"] == "-CB CARREFOUR & CIE <PARIS>"
