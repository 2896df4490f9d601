"""When a meter report may go to Stripe, and the wait after a failure (pure rules)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cypheredge.billing.domain.metering import refusal, retry_delay

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_fresh_usage_may_be_sent_and_sent_again_while_stripe_dedupes_a_repeat() -> None:
    assert refusal(NOW - timedelta(hours=1), None, NOW) is None
    assert refusal(NOW - timedelta(hours=1), NOW - timedelta(hours=22), NOW) is None


def test_usage_past_stripes_35_day_window_is_a_problem_not_a_drop() -> None:
    reason = refusal(NOW - timedelta(days=35), None, NOW)
    assert reason is not None
    assert "35-day window" in reason


def test_an_unknown_outcome_older_than_stripes_dedupe_window_is_left_to_an_operator() -> None:
    reason = refusal(NOW - timedelta(days=1, hours=1), NOW - timedelta(hours=24), NOW)
    assert reason is not None
    assert "billing-reconcile" in reason


def test_retries_back_off_from_two_seconds_to_ten_minutes() -> None:
    waits = [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 12, 100)]
    assert waits == [2, 4, 8, 16, 600, 600]
