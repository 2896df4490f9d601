"""Compare what we metered with what Stripe's meter holds, per customer, for one period."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from cypheredge.billing.infra import repository as repo
from cypheredge.billing.service.ports import StripeBilling, StripeRefused
from cypheredge.contracts.plans import period_bounds
from cypheredge.kit.db import Database


@dataclass(frozen=True)
class Line:
    org_id: UUID
    customer_id: str
    billable: int  # billable pages of the period's meter reports
    sent: int  # of those, reported to Stripe
    pending: int  # not yet reported (Stripe unavailable, or waiting for its turn)
    stripe: int  # what Stripe's meter holds
    problems: list[str]

    @property
    def difference(self) -> int:
        """Stripe minus what we sent: anything but 0 is worth a look."""
        return self.stripe - self.sent


async def reconcile(
    db: Database, stripe: StripeBilling, period: str, org_id: UUID | None = None
) -> list[Line]:
    """One line per org with a Stripe customer, or for ``org_id`` alone (ValueError for a
    malformed ``period``)."""
    start, end = period_bounds(period)
    async with db.system() as session:
        customers = await repo.stripe_customers(session)
    customers = [(org, c) for org, c in customers if org_id in (None, org)]
    lines = []
    for org_id, customer in customers:
        async with db.tenant(org_id) as session:
            ours = await repo.period_figures(session, start, end)
        problems = list(ours.problems)
        try:
            theirs = await stripe.metered_total(customer, start, end)
        except StripeRefused as exc:
            # A customer deleted at Stripe, say: a finding of the comparison, not its end.
            theirs = 0
            problems.append(f"Stripe: {exc}")
        figures = (ours.billable_pages, ours.sent, ours.pending, theirs, problems)
        lines.append(Line(org_id, customer, *figures))
    return lines
