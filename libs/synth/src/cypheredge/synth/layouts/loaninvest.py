"""The loan and investment family: statements of accounts that are not current accounts.

Half the seeds give a loan or mortgage statement (layouts/loan.py: a few postings on a balance
that is owed, signed negative from the holder's side), the rest an investment valuation
(layouts/holdings.py: a holdings table and no transaction list, zero truth rows).
"""

from __future__ import annotations

from random import Random

from cypheredge.synth.layouts.common import Built, Layout
from cypheredge.synth.layouts.holdings import investment_statement
from cypheredge.synth.layouts.loan import loan_statement


def loan_investment(rng: Random) -> Built:
    return loan_statement(rng) if rng.random() < 0.55 else investment_statement(rng)


LAYOUTS = (
    Layout(
        "loan_investment",
        "loan and mortgage statements (UK monthly or annual mortgage, AU home loan with DR "
        "balances): owed balances signed negative, repayments as credits, interest and fees as "
        "debits, loan summary and account summary boxes, an estimated schedule of next "
        "repayments, an early-repayment figure; investment valuations (UK ISA, US brokerage) "
        "with a holdings table of units, prices and values and no transaction list",
        loan_investment,
    ),
)
