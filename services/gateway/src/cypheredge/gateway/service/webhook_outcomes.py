"""What an attempt's outcome does to its delivery and its endpoint (in the org's transaction).

A success delivers and clears the endpoint's ``failing_since``; a failure schedules the next
attempt (or gives up after the window) and starts or continues the endpoint's failing
spell, which disables the endpoint, with the reason, once it has lasted long enough.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from cypheredge.gateway.domain.webhooks import should_disable
from cypheredge.gateway.infra import webhooks as sql

if TYPE_CHECKING:
    from cypheredge.gateway.service.webhook_sender import Claimed, SenderPolicy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    status_code: int | None  # None: no HTTP answer (or the URL was refused)
    error: str | None
    gave_up: bool = False

    @property
    def label(self) -> str:
        if self.delivered:
            return "delivered"
        if self.error and self.error.startswith("refused:"):
            return "refused"
        return "failed" if self.gave_up else "retried"


async def record(
    session: AsyncSession, claimed: Claimed, outcome: Outcome, now: datetime, policy: SenderPolicy
) -> Outcome:
    """Store the attempt's outcome; returns it with ``gave_up`` set when it was the last."""
    endpoint = await sql.get_endpoint(session, claimed.endpoint_id, lock=True)
    if outcome.delivered:
        await sql.update_delivery(
            session,
            claimed.id,
            state="delivered",
            delivered_at=now,
            last_status_code=outcome.status_code,
            last_error=None,
        )
        if endpoint is not None and endpoint.failing_since is not None:
            await sql.update_endpoint(session, claimed.endpoint_id, failing_since=None)
        return outcome
    retry_at = policy.retry.next_attempt(claimed.attempts, claimed.created_at, now)
    await sql.update_delivery(
        session,
        claimed.id,
        state="pending" if retry_at else "failed",
        next_attempt_at=retry_at or now,
        last_status_code=outcome.status_code,
        last_error=outcome.error,
    )
    if endpoint is not None and endpoint.enabled:
        since = endpoint.failing_since or now
        await _failing(session, claimed, since, now, policy, outcome.error or "")
    return Outcome(False, outcome.status_code, outcome.error, gave_up=retry_at is None)


async def _failing(
    session: AsyncSession,
    claimed: Claimed,
    since: datetime,
    now: datetime,
    policy: SenderPolicy,
    error: str,
) -> None:
    if not should_disable(since, now, policy.disable_after):
        await sql.update_endpoint(session, claimed.endpoint_id, failing_since=since)
        return
    reason = f"every delivery attempt failed since {since.isoformat()} (the last: {error})"
    log.warning("webhook endpoint %s disabled: %s", claimed.endpoint_id, reason)
    await sql.update_endpoint(
        session,
        claimed.endpoint_id,
        failing_since=since,
        enabled=False,
        disabled_at=now,
        disabled_reason=reason,
    )
    await sql.fail_pending(session, claimed.endpoint_id, f"endpoint disabled: {reason}")
