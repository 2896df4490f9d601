"""Categorisation: default rules as data, org rules first, priorities, directions."""

from __future__ import annotations

import re

import pytest

from cypheredge.reporter.domain.categories import (
    CATEGORIES,
    Rule,
    categorise,
    load_default_rule_set,
    load_default_rules,
    match_rule,
)

# (description as banks print it, direction, expected category)
EXAMPLES = [
    ("SALARY ACME LTD", "credit", "income/salary"),
    ("NEFT-HDFCN52024031512345-ACME TECHNOLOGIES PVT LTD-SALARY MAR", "credit", "income/salary"),
    ("BANK GIRO CREDIT REF JG95063 1 D DWP EESA", "credit", "income/salary"),
    ("TRANSFER FROM SAVINGS 02-1234-0567890-01", "credit", "transfers in"),
    ("AUTOMATIC TRANSFER TO SAVINGS", "debit", "transfers out"),
    ("DD RENT PROP MGR", "debit", "rent"),
    ("SO J SMITH RENT", "debit", "rent"),
    ("DD POWER CO 123456", "debit", "utilities"),
    ("DIRECT DEBIT PAYMENT TO BRITISH GAS REF 6001234567, MANDATE NO 0021", "debit", "utilities"),
    ("Mobile Recharge Via UPI", "debit", "utilities"),
    ("EFTPOS COUNTDOWN", "debit", "groceries"),
    ("VISA NEW WORLD KH 4835******1234 Orig date 06/05/2026", "debit", "groceries"),
    ("CARD PAYMENT TO SAINSBURYS S/MKTS ON 12-03-2024", "debit", "groceries"),
    ("UPI/403512345678/SWIGGY/swiggy@axisbank/Payment", "debit", "dining"),
    ("EFTPOS COFFEE HOUSE", "debit", "dining"),
    ("UBER EATS HELP.UBER.COM", "debit", "dining"),
    ("UBER *TRIP HELP.UBER.COM", "debit", "travel"),
    ("VISA AIR NEW ZEALAND 4835******1234", "debit", "travel"),
    ("VISA Z ENERGY 4835******1234 Orig date 19/05/2026", "debit", "fuel"),
    ("POS 4321XXXXXXXX1234 SHELL GREAT NORTH RD", "debit", "fuel"),
    ("IMPS UPI Payment Amazon", "debit", "shopping"),
    ("Online Card Purchase Flipkart", "debit", "shopping"),
    ("PAYPAL *NETFLIX.COM", "debit", "subscriptions"),
    ("VISA SPOTIFY P1A2B3C4D5 STOCKHOLM", "debit", "subscriptions"),
    ("ACH D- BAJAJ FINANCE LTD EMI 123456", "debit", "loan/EMI repayments"),
    ("DD WESTPAC HOME LOAN 123456", "debit", "loan/EMI repayments"),
    ("INB CREDIT CARD PAYMENT HDFC 4375XXXXXXXX1234", "debit", "credit card payments"),
    (
        "DIRECT DEBIT PAYMENT TO BCARD PLATINUM REF 4929102007887007",
        "debit",
        "credit card payments",
    ),
    ("ATM CASH WITHDRAWAL", "debit", "cash withdrawals"),
    ("NWD 123456 SBI ATM MUMBAI", "debit", "cash withdrawals"),
    ("CASH DEPOSIT BRANCH COUNTER", "credit", "cash deposits"),
    ("MONTHLY ACCOUNT FEE", "debit", "bank charges/fees"),
    ("Service Charge GST Debit", "debit", "bank charges/fees"),
    ("NSF FEE RETURNED ITEM", "debit", "bank charges/fees"),
    ("CREDIT INTEREST", "credit", "interest"),
    ("Interest Credit Saving Account", "credit", "interest"),
    ("HMRC SELF ASSESSMENT 1234567890K", "debit", "taxes"),
    ("DD CITY COUNCIL RATES", "debit", "taxes"),
    ("REFUND TRADEME", "credit", "refunds"),
    ("TAX REFUND IRD", "credit", "refunds"),
    ("RETURNED DD RENT PROP MGR", "credit", "returned/bounced payments"),
    ("ECS RETURN INSUFFICIENT FUNDS", "debit", "returned/bounced payments"),
    ("SIP ZERODHA BROKING LTD", "debit", "investments"),
    ("DD SUNSHINE INSURANCE", "debit", "insurance"),
    ("Insurance Premium Auto Debit", "debit", "insurance"),
    ("Cheque Deposit Local Clearing", "credit", "other"),
]


@pytest.mark.parametrize(("description", "direction", "category"), EXAMPLES)
def test_default_rules_categorise_real_descriptions(
    description: str, direction: str, category: str
) -> None:
    assert categorise(description, direction) == category


def test_every_category_has_an_example() -> None:
    assert {c for _, _, c in EXAMPLES} == set(CATEGORIES)


def test_default_rules_are_data_within_the_taxonomy() -> None:
    rule_set = load_default_rule_set()
    assert rule_set.version
    assert len(rule_set.rules) >= len(CATEGORIES) - 1  # "other" is the fallback, not a rule
    assert {r.category for r in rule_set.rules} == set(CATEGORIES) - {"other"}


def test_org_rules_override_defaults_whatever_their_priority() -> None:
    org = [Rule("fleet costs", keywords=("z energy",), priority=-5)]
    assert categorise("VISA Z ENERGY 4835******1234", "debit", org) == "fleet costs"
    assert categorise("VISA MOBIL ONEHUNGA", "debit", org) == "fuel"


def test_higher_priority_wins_and_ties_go_to_the_first_listed() -> None:
    rules = [
        Rule("shopping", keywords=("uber",), priority=10),
        Rule("travel", keywords=("uber",), priority=20),
        Rule("dining", keywords=("uber",), priority=20),
    ]
    assert categorise("UBER TRIP", "debit", rules) == "travel"
    assert categorise("UBER EATS ORDER", "debit") == "dining"  # defaults: dining above travel


def test_direction_constraints() -> None:
    assert categorise("SALARY ACME LTD", "debit") == "other"  # salary is a credit rule
    assert categorise("REFUND TRADEME", "debit") != "refunds"
    credit_only = [Rule("rent received", keywords=("rent",), direction="credit")]
    assert categorise("RENT FLAT 2", "credit", credit_only) == "rent received"
    assert categorise("RENT FLAT 2", "debit", credit_only) == "rent"


def test_regex_rules_and_keywords_are_whole_words() -> None:
    rules = [Rule("rent", pattern=r"\bflat\s*\d+\b", direction="debit")]
    assert categorise("TFR J SMITH FLAT 2", "debit", rules) == "rent"
    assert match_rule("CURRENT ACCOUNT", "debit", [Rule("rent", keywords=("rent",))]) is None
    assert match_rule("TAXI", "debit", [Rule("taxes", keywords=("tax",))]) is None


def test_rules_load_from_json_and_are_checked() -> None:
    rule = Rule.from_json({"category": "pets", "keywords": "animates", "priority": "7"})
    assert rule == Rule("pets", keywords=("animates",), priority=7)
    with pytest.raises(ValueError, match="direction"):
        Rule("pets", keywords=("vet",), direction="sideways")
    with pytest.raises(ValueError, match="neither"):
        Rule("pets")
    with pytest.raises(re.error):
        Rule("pets", pattern="(unclosed")


def test_load_default_rules_is_the_rule_set() -> None:
    assert load_default_rules() == load_default_rule_set().rules
