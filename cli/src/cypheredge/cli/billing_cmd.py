"""``cypheredge admin set-plan | stripe-setup | billing-reconcile``: plans and Stripe.

Registered on the ``admin`` group; the jobs (``billing_jobs.py``) are imported when a command
runs, so ``cypheredge --help`` does not pay for billing, SQLAlchemy or the Stripe client.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from cypheredge.cli.exits import failed, usage
from cypheredge.cli.localdata import DEFAULT_DATA_DIR

DataDir = Annotated[Path, typer.Option(help="Data dir of the local platform")]


def register(admin: typer.Typer) -> None:
    admin.command("set-plan")(set_plan)
    admin.command("stripe-setup")(stripe_setup)
    admin.command("billing-reconcile")(billing_reconcile)


def set_plan(
    org_id: Annotated[str, typer.Argument(help="The org to move")],
    plan: Annotated[str, typer.Argument(help="free, starter, pro or enterprise")],
    data_dir: DataDir = DEFAULT_DATA_DIR,
) -> None:
    """Put an org on a plan now; prints {"org_id", "plan", "status", "revision"}.

    The gateway applies the plan's limits as soon as the change reaches it; with
    STRIPE_API_KEY set, the billing worker then makes the org's Stripe customer and
    subscription (or cancels the subscription on the free plan).
    """
    from cypheredge.cli import billing_jobs

    try:
        org = UUID(org_id)
    except ValueError as exc:
        raise usage(f"ORG_ID: {exc}") from None
    sub = billing_jobs.set_plan(data_dir, org, plan)
    out = {"org_id": str(org), "plan": sub.plan, "status": sub.status, "revision": sub.revision}
    typer.echo(json.dumps(out))


def stripe_setup() -> None:
    """Create the Billing Meter, products and prices the paid plans bill through (STRIPE_*).

    Idempotent: what Stripe already has is kept.
    """
    from cypheredge.cli import billing_jobs

    for line in billing_jobs.stripe_setup():
        typer.echo(line)


def billing_reconcile(
    period: Annotated[str, typer.Option(help="current or YYYY-MM")] = "current",
    org: Annotated[str | None, typer.Option(help="Only this org")] = None,
    data_dir: DataDir = DEFAULT_DATA_DIR,
) -> None:
    """Compare the pages we metered with Stripe's meter per customer; exit 1 on a difference.

    Columns: billable (our meter reports of the period), sent (of those, accepted by Stripe),
    pending (not yet sent), stripe (the meter's total), difference (stripe - sent), problems
    (reports that need an operator, e.g. older than Stripe's 35-day window).
    """
    from cypheredge.cli import billing_jobs

    if period == "current":
        period = datetime.now(UTC).strftime("%Y-%m")
    try:
        datetime.strptime(period, "%Y-%m")
    except ValueError:
        raise usage(f"--period: {period!r} is not current or YYYY-MM") from None
    try:
        org_id = UUID(org) if org is not None else None
    except ValueError as exc:
        raise usage(f"--org: {exc}") from None
    lines = billing_jobs.reconcile_period(data_dir, period, org_id)
    typer.echo(f"period {period}")
    typer.echo(
        "org_id                               customer            billable     sent  "
        "pending   stripe  difference"
    )
    for line in lines:
        typer.echo(
            f"{line.org_id}  {line.customer_id:<18} {line.billable:>8} {line.sent:>8} "
            f"{line.pending:>8} {line.stripe:>8} {line.difference:>11}"
        )
        for problem in line.problems:
            typer.echo(f"  problem: {problem}")
    off = [line for line in lines if line.difference or line.problems]
    if off:
        raise failed(f"{len(off)} customer(s) differ from Stripe or have problems")
    typer.echo(f"{len(lines)} customer(s) match Stripe")
