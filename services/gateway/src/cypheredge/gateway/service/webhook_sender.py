"""Send the queued webhook deliveries: at least once, with backoff, one endpoint never
holding up another.

Each attempt is claimed in its org's transaction (the row locked, its attempt counted and
its next attempt pushed out by a lease) and committed before the receiver is called; the
outcome is recorded in another. A process that dies mid-attempt leaves the row pending, and
it is sent again once the lease lapses: at least once, with the same ``webhook-id``, so a
receiver can tell. Attempts run concurrently, at most ``max_concurrency`` in the process and
``per_endpoint`` to one endpoint, so a slow receiver occupies only its own slots.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import Counter as Tally
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from uuid import UUID

from opentelemetry.trace import SpanKind
from prometheus_client import Counter
from standardwebhooks import Webhook

from cypheredge.gateway.domain.ssrf import UnsafeUrl, UrlPolicy
from cypheredge.gateway.domain.webhooks import RetryPolicy
from cypheredge.gateway.infra import webhooks as sql
from cypheredge.gateway.infra.webhook_http import DeliveryFailed
from cypheredge.gateway.service.webhook_outcomes import Outcome, record
from cypheredge.gateway.service.webhook_urls import Resolver, check_url
from cypheredge.kit.db import Database
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.telemetry import in_trace

log = logging.getLogger(__name__)

ATTEMPTS = Counter(
    "cypheredge_webhook_attempts_total",
    "Webhook delivery attempts by outcome: delivered, retried, failed (given up), refused (URL)",
    ["outcome"],
)


class Transport(Protocol):
    async def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> int: ...


@dataclass(frozen=True)
class SenderPolicy:
    urls: UrlPolicy
    retry: RetryPolicy
    disable_after: timedelta
    lease: timedelta
    max_concurrency: int = 32
    per_endpoint: int = 2
    claim_batch: int = 100


@dataclass(frozen=True)
class Claimed:
    """What one attempt needs, read while the delivery was claimed."""

    id: UUID
    org_id: UUID
    endpoint_id: UUID
    url: str
    secret: str
    body: bytes
    attempts: int
    created_at: datetime
    traceparent: str | None = None  # of the event that queued it


class WebhookSender:
    def __init__(
        self,
        db: Database,
        sealer: Sealer,
        transport: Transport,
        resolve: Resolver,
        policy: SenderPolicy,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._sealer = sealer
        self._transport = transport
        self._resolve = resolve
        self._policy = policy
        # Signatures carry the real time (receivers compare it with theirs); ``now`` passed
        # to send_due only decides what is due and when to try again.
        self._clock = clock
        self._inflight: set[UUID] = set()
        self._busy: Tally[UUID] = Tally()
        self._tasks: set[asyncio.Task[Outcome | None]] = set()

    async def send_due(self, now: datetime | None = None) -> list[Outcome]:
        """Attempt every delivery due by ``now`` that has a free slot; wait for them all."""
        tasks = await self.dispatch(now)
        results = await asyncio.gather(*tasks)
        return [r for r in results if r is not None]

    async def dispatch(self, now: datetime | None = None) -> list[asyncio.Task[Outcome | None]]:
        """Start attempts for due deliveries with a free slot; returns without waiting."""
        now = now or datetime.now(UTC)
        policy = self._policy
        if len(self._inflight) >= policy.max_concurrency:
            return []
        async with self._db.system() as session:
            due = await sql.due_deliveries(session, now, policy.claim_batch, policy.per_endpoint)
        started = []
        for row in due:
            if len(self._inflight) >= policy.max_concurrency:
                break
            if row.id in self._inflight or self._busy[row.endpoint_id] >= policy.per_endpoint:
                continue
            self._inflight.add(row.id)
            self._busy[row.endpoint_id] += 1
            task = asyncio.create_task(self._attempt(row.id, row.org_id, row.endpoint_id, now))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started.append(task)
        return started

    async def run(self, stop: asyncio.Event, interval: float) -> None:
        """Dispatch every ``interval`` seconds until ``stop``; then let attempts finish."""
        try:
            while not stop.is_set():
                try:
                    await self.dispatch()
                except Exception:  # the database is away: try again next round
                    log.exception("webhook dispatch failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), interval)
        finally:
            # An attempt cut off here is sent again after its lease: at least once holds.
            if self._tasks:
                await asyncio.wait(self._tasks, timeout=5)
            for task in list(self._tasks):
                task.cancel()

    async def _attempt(
        self, delivery_id: UUID, org_id: UUID, endpoint_id: UUID, now: datetime
    ) -> Outcome | None:
        try:
            claimed = await self._claim(delivery_id, org_id, now)
            if claimed is None:
                return None
            sent = await self._traced_send(claimed)
            async with self._db.tenant(org_id) as session:
                outcome = await record(session, claimed, sent, now, self._policy)
            ATTEMPTS.labels(outcome.label).inc()
            return outcome
        except Exception:
            log.exception("webhook delivery %s: attempt failed unexpectedly", delivery_id)
            return None
        finally:
            self._inflight.discard(delivery_id)
            self._busy[endpoint_id] -= 1
            if self._busy[endpoint_id] <= 0:
                del self._busy[endpoint_id]

    async def _claim(self, delivery_id: UUID, org_id: UUID, now: datetime) -> Claimed | None:
        async with self._db.tenant(org_id) as session:
            row = await sql.claim_delivery(session, delivery_id, now)
            if row is None:
                return None  # another replica has it, or it is no longer due
            endpoint = await sql.get_endpoint(session, row.endpoint_id)
            if endpoint is None or not endpoint.enabled:
                reason = endpoint.disabled_reason if endpoint else None
                await sql.update_delivery(
                    session, row.id, state="failed", last_error=reason or "endpoint disabled"
                )
                return None
            await sql.update_delivery(
                session,
                row.id,
                attempts=row.attempts + 1,
                last_attempt_at=now,
                next_attempt_at=now + self._policy.lease,
            )
        return Claimed(
            id=row.id,
            org_id=org_id,
            endpoint_id=row.endpoint_id,
            url=endpoint.url,
            secret=self._sealer.open(endpoint.secret_sealed),
            body=_body(row.payload),
            attempts=row.attempts + 1,
            created_at=row.created_at,
            traceparent=row.traceparent,
        )

    async def _traced_send(self, claimed: Claimed) -> Outcome:
        """One attempt, as a span of the trace of the event that queued the delivery."""
        attributes = {
            "webhook.delivery_id": str(claimed.id),
            "webhook.endpoint_id": str(claimed.endpoint_id),
            "webhook.attempt": claimed.attempts,
        }
        with in_trace(
            claimed.traceparent, "webhook delivery", attributes, kind=SpanKind.CLIENT
        ) as current:
            outcome = await self._send(claimed)
            if current is not None:
                current.set_attribute("webhook.delivered", outcome.delivered)
                if outcome.status_code is not None:
                    current.set_attribute("http.response.status_code", outcome.status_code)
            return outcome

    async def _send(self, claimed: Claimed) -> Outcome:
        try:
            # Again at every attempt: the name may point somewhere else since it was checked.
            await check_url(claimed.url, self._policy.urls, self._resolve)
        except UnsafeUrl as exc:
            return Outcome(delivered=False, status_code=None, error=f"refused: {exc}")
        headers = signed_headers(claimed.secret, str(claimed.id), self._clock(), claimed.body)
        try:
            status = await self._transport.post(claimed.url, claimed.body, headers)
        except DeliveryFailed as exc:
            return Outcome(delivered=False, status_code=None, error=str(exc))
        delivered = 200 <= status < 300
        return Outcome(delivered, status, None if delivered else f"HTTP {status}")


def signed_headers(secret: str, msg_id: str, at: datetime, body: bytes) -> dict[str, str]:
    """The Standard Webhooks headers of one attempt."""
    signature = Webhook(secret).sign(msg_id, at, body.decode())
    return {
        "content-type": "application/json",
        "user-agent": "CypherEdge-Webhooks/1",
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


def _body(payload: dict[str, Any]) -> bytes:
    # The same bytes at every attempt: the signature covers exactly what is sent.
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
