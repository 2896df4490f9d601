"""Three-decimal dinars for the seventh split (tuned on since): Kuwaiti and Tunisian amounts in
fils and millimes (1 KWD = 1000 fils, 1 TND = 1000 millimes).

The ledger is generated in cents; `mills` gives shop, bill and fee postings a third decimal
derived from their own reference, so the figures are not all multiples of ten fils, and chains
the balances again. `Mills` prints a magnitude with three decimals in a locale's separators
(`1,234.567`, `1.234,567`, `1 234,567`); `share` is a charge (a VAT on a commission) in mills.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from cypheredge.synth.formats import NumberStyle
from cypheredge.synth.layouts.local_charges import Fee
from cypheredge.synth.layouts.local_kit import digits
from cypheredge.synth.model import Account, Statement, Txn

MILL = Decimal("0.001")
# postings at a shop, a biller or the bank's own carry mills; round sums stay round
FINE = ("card", "grocery", "utility", "fee", "refund")


@dataclass(frozen=True)
class Mills(NumberStyle):
    """A currency with a three-digit minor unit."""

    def magnitude(self, value: Decimal) -> str:
        units, mills = f"{abs(value).quantize(MILL, ROUND_HALF_UP):f}".split(".")
        return f"{self._group(units)}{self.decimal}{mills}"


def mills(st: Statement) -> Statement:
    """A third decimal on the FINE postings; debits only get smaller, so no balance falls
    below where the ledger put it."""
    return replace(st, accounts=tuple(_mills(acc) for acc in st.accounts))


def _mills(acc: Account) -> Account:
    opening = acc.opening + Decimal(int(digits(acc.txns[0], 3)) if acc.txns else 0) * MILL
    balance, txns = opening, []
    for t in acc.txns:
        amount = t.amount
        if t.kind in FINE:
            amount += Decimal(int(digits(t, 3)) % 10) * MILL
        balance += amount
        txns.append(replace(t, amount=amount, balance=balance))
    return replace(acc, opening=opening, txns=tuple(txns))


def share(part: str, kinds: tuple[str, ...]) -> Fee:
    """`part` of each posting of one of `kinds`, in mills."""
    factor = Decimal(part)

    def fee(t: Txn) -> Decimal:
        if t.kind not in kinds:
            return Decimal(0)
        return (abs(t.amount) * factor).quantize(MILL, ROUND_HALF_UP)

    return fee
