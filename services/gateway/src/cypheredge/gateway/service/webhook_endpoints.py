"""Use cases of /v1/webhook_endpoints: register, list, remove, test, and read deliveries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID, uuid4

from cypheredge.gateway.domain.ssrf import UrlPolicy
from cypheredge.gateway.domain.webhook_events import ping_notification
from cypheredge.gateway.domain.webhooks import message_id, new_secret
from cypheredge.gateway.infra import webhooks as sql
from cypheredge.gateway.service.webhook_fanout import queue
from cypheredge.gateway.service.webhook_urls import Resolver, check_url
from cypheredge.kit.db import Database
from cypheredge.kit.secrets import Sealer


class TooManyEndpoints(Exception):
    """The org has as many endpoints as it may."""


@dataclass(frozen=True)
class NewEndpoint:
    url: str
    event_types: tuple[str, ...]
    description: str = ""


async def create_endpoint(
    db: Database,
    sealer: Sealer,
    org_id: UUID,
    new: NewEndpoint,
    *,
    policy: UrlPolicy,
    resolve: Resolver,
    limit: int,
) -> dict[str, Any]:
    """The endpoint's view with its signing secret (the one time it is shown).

    Raises UnsafeUrl, TooManyEndpoints, or SecretKeyMissing (no key to seal the secret).
    """
    await check_url(new.url, policy, resolve)
    secret = new_secret()
    sealed = sealer.seal(secret)  # before the transaction: a missing key stores nothing
    async with db.tenant(org_id) as session:
        if await sql.count_endpoints(session) >= limit:
            raise TooManyEndpoints(f"an org may have at most {limit} webhook endpoints")
        row = await sql.insert_endpoint(
            session,
            id=uuid4(),
            org_id=org_id,
            url=new.url,
            description=new.description,
            event_types=sorted(set(new.event_types)),
            secret_sealed=sealed,
        )
    return {**endpoint_view(row), "secret": secret}


async def list_endpoints(db: Database, org_id: UUID) -> list[dict[str, Any]]:
    async with db.tenant(org_id) as session:
        return [endpoint_view(row) for row in await sql.list_endpoints(session)]


async def get_endpoint(db: Database, org_id: UUID, endpoint_id: UUID) -> dict[str, Any] | None:
    async with db.tenant(org_id) as session:
        row = await sql.get_endpoint(session, endpoint_id)
    return endpoint_view(row) if row is not None else None


async def delete_endpoint(db: Database, org_id: UUID, endpoint_id: UUID) -> bool:
    """Removes the endpoint and its deliveries (pending ones are never sent)."""
    async with db.tenant(org_id) as session:
        return await sql.delete_endpoint(session, endpoint_id)


async def send_test(db: Database, org_id: UUID, endpoint_id: UUID) -> UUID | None:
    """Queue a ``webhook.test`` delivery to the endpoint; its id, or None: no such endpoint.

    The sender delivers it like any other, so the test exercises the real path (signature,
    URL check, retries); it needs no subscription.
    """
    told = ping_notification(endpoint_id, uuid4())
    async with db.tenant(org_id) as session:
        if await sql.get_endpoint(session, endpoint_id) is None:
            return None
        now = datetime.now(UTC)
        await queue(session, org_id, told, event_id=None, at=now, endpoints=[endpoint_id])
    return message_id(endpoint_id, told.type, told.subject)


async def list_deliveries(
    db: Database, org_id: UUID, endpoint_id: UUID, limit: int, starting_after: UUID | None
) -> list[dict[str, Any]] | None:
    """Newest first; None when the org has no such endpoint. Raises LookupError for a cursor
    that is not a delivery of the endpoint."""
    async with db.tenant(org_id) as session:
        if await sql.get_endpoint(session, endpoint_id) is None:
            return None
        cursor = None
        if starting_after is not None:
            cursor = await sql.get_delivery(session, starting_after)
            if cursor is None or cursor.endpoint_id != endpoint_id:
                raise LookupError(starting_after)
        rows = await sql.list_deliveries(session, endpoint_id, limit, cursor)
    return [delivery_view(row) for row in rows]


def endpoint_view(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "url": row.url,
        "description": row.description,
        "event_types": list(row.event_types),
        "status": "enabled" if row.enabled else "disabled",
        "disabled_reason": row.disabled_reason,
        "disabled_at": row.disabled_at,
        "failing_since": row.failing_since,
        "created_at": row.created_at,
    }


def delivery_view(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "event_type": row.event_type,
        "status": row.state,
        "attempts": row.attempts,
        "last_status_code": row.last_status_code,
        "last_error": row.last_error,
        "last_attempt_at": row.last_attempt_at,
        "next_attempt_at": row.next_attempt_at if row.state == "pending" else None,
        "delivered_at": row.delivered_at,
        "created_at": row.created_at,
    }
