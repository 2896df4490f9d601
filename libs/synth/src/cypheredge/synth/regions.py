"""Regional flavour: merchants, cities and the narration styles banks actually print.

Templates use str.format fields: merchant, city, card, ref, employer, period, utility, person,
lender, loan, chq, bank. Kinds not listed for a region fall back to ENGLISH.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Templates = dict[str, tuple[str, ...]]

ENGLISH: Templates = {
    "salary": ("SALARY {employer} {period}", "PAYROLL CREDIT {employer} REF {ref}"),
    "rent": ("STANDING ORDER {person} RENT {period}",),
    "utility": ("DIRECT DEBIT {utility} REF {ref}", "DD {utility} {ref}"),
    "grocery": ("CARD PAYMENT {merchant} {city} CARD {card}",),
    "card": ("CARD PAYMENT {merchant} {city} CARD {card} ON {ref}", "POS {card} {merchant} {city}"),
    "transfer_out": ("TRANSFER TO {person} REF {ref}", "ONLINE PAYMENT {person} {ref}"),
    "transfer_in": ("TRANSFER FROM {person} REF {ref}", "CREDIT FROM {person}"),
    "atm": ("ATM WITHDRAWAL {bank} {city} CARD {card}", "CASH {bank} ATM {city}"),
    "fee": ("MONTHLY ACCOUNT FEE", "SERVICE CHARGE {period}"),
    "interest": ("INTEREST PAID", "CREDIT INTEREST {period}"),
    "refund": ("REFUND {merchant} {city} CARD {card}",),
    "loan": ("LOAN REPAYMENT {lender} {loan}",),
    "cheque_in": ("CHEQUE DEPOSIT {chq} {bank}",),
    "cheque_return": ("CHEQUE {chq} RETURNED UNPAID REFER TO DRAWER",),
    "cheque_fee": ("RETURNED CHEQUE CHARGE {chq}",),
    "check": ("CHEQUE {chq} PAID",),
}


@dataclass(frozen=True)
class Region:
    """One country's ingredients for transaction narrations."""

    code: str
    currency: str
    scale: Decimal  # turns a USD-sized amount into a plausible local one
    merchants: tuple[str, ...]
    cities: tuple[str, ...]
    employers: tuple[str, ...]
    utilities: tuple[str, ...]
    lenders: tuple[str, ...]
    people: tuple[str, ...]
    banks: tuple[str, ...]
    card: str  # pattern for the card mask; {last4} is replaced
    templates: Templates = field(default_factory=dict)

    def templates_for(self, kind: str) -> tuple[str, ...]:
        return self.templates.get(kind) or ENGLISH[kind]
