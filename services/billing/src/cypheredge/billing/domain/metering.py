"""When a meter event may be sent to Stripe, and how long to wait after a failure.

Stripe accepts meter events up to 35 days old and dedupes an ``identifier`` (and replays an
``Idempotency-Key``) for 24 hours. A report is sent once; it is sent again only when an earlier
attempt's outcome is unknown (the process died, or the answer was lost) and Stripe would still
recognise the repeat. Past that, a repeat could bill twice, so the report becomes a problem for
an operator (``cypheredge admin billing-reconcile`` shows it) instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta

STRIPE_MAX_AGE = timedelta(days=35)
# A margin under Stripe's limits, for the clock difference and the time a request takes.
MARGIN = timedelta(hours=1)
STRIPE_DEDUPE_WINDOW = timedelta(hours=24)
FIRST_RETRY = timedelta(seconds=2)
LONGEST_RETRY = timedelta(minutes=10)


def refusal(occurred_at: datetime, first_attempt_at: datetime | None, now: datetime) -> str | None:
    """Why the report must not be sent (now or ever), or None when it may be."""
    if now - occurred_at > STRIPE_MAX_AGE - MARGIN:
        return (
            f"usage of {occurred_at:%Y-%m-%d %H:%M} UTC is past Stripe's 35-day window for "
            "meter events: bill it by hand (an invoice item) and mark it settled"
        )
    if first_attempt_at is not None and now - first_attempt_at > STRIPE_DEDUPE_WINDOW - MARGIN:
        return (
            f"an attempt at {first_attempt_at:%Y-%m-%d %H:%M} UTC may have reached Stripe and "
            "Stripe no longer dedupes a repeat: compare with `cypheredge admin billing-reconcile`"
        )
    return None


def retry_delay(attempts: int) -> timedelta:
    """Wait before attempt ``attempts + 1``: doubling from two seconds, at most ten minutes."""
    doubled: timedelta = FIRST_RETRY * (2 ** min(max(attempts - 1, 0), 16))
    return min(doubled, LONGEST_RETRY)
