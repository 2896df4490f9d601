"""/v1/webhook_endpoints: where the org's events are POSTed, and how each delivery went.

Deliveries are made by the ``gateway-webhooks`` process, never from a request: a test
queues one like any event.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Response

from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.openapi import AUTHENTICATED, problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.api.webhook_schemas import (
    WebhookDeliveryPage,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointList,
    WebhookTestQueued,
)
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.domain.ssrf import UnsafeUrl
from cypheredge.gateway.service import webhook_endpoints as use
from cypheredge.kit.secrets import SecretKeyMissing

router = APIRouter(prefix="/v1/webhook_endpoints", tags=["webhooks"])
Manager = Annotated[Principal, Depends(require("webhooks:manage"))]


@router.post(
    "",
    status_code=201,
    name="createWebhookEndpoint",
    operation_id="createWebhookEndpoint",
    summary="Register a URL to receive the org's events",
    description="The URL must be https and resolve to public addresses only (a loopback, "
    "private, link-local, multicast or reserved address is refused with 422 `unsafe_url` "
    "naming why). The answer holds the signing secret, shown this once.",
    response_model=WebhookEndpointCreated,
    responses={
        **success(201, "The endpoint, with its secret"),
        **problems(*AUTHENTICATED, 400, 409),
    },
)
async def create_endpoint(
    body: WebhookEndpointCreate, app: ContainerDep, principal: Manager
) -> dict[str, Any]:
    new = use.NewEndpoint(body.url, tuple(body.event_types), body.description)
    settings = app.webhooks
    try:
        return await use.create_endpoint(
            app.db,
            app.sealer,
            principal.org_id,
            new,
            policy=settings.url_policy,
            resolve=app.resolve,
            limit=settings.max_endpoints_per_org,
        )
    except UnsafeUrl as exc:
        raise Problem(422, "Unsafe URL", str(exc), code="unsafe_url", field="url") from None
    except use.TooManyEndpoints as exc:
        raise Problem(409, "Too many endpoints", str(exc), code="too_many_endpoints") from None
    except SecretKeyMissing:
        # A deployment fault, not the client's: said without the setting's name.
        raise Problem(500, "Internal Server Error", "Webhook secrets cannot be stored.") from None


@router.get(
    "",
    name="listWebhookEndpoints",
    operation_id="listWebhookEndpoints",
    summary="The org's webhook endpoints",
    response_model=WebhookEndpointList,
    responses={**success(200, "The endpoints"), **problems(*AUTHENTICATED)},
)
async def list_endpoints(app: ContainerDep, principal: Manager) -> dict[str, Any]:
    return {"data": await use.list_endpoints(app.db, principal.org_id)}


@router.get(
    "/{endpoint_id}",
    name="getWebhookEndpoint",
    operation_id="getWebhookEndpoint",
    summary="A webhook endpoint (its secret is never shown again)",
    response_model=WebhookEndpoint,
    responses={**success(200, "The endpoint"), **problems(*AUTHENTICATED, 404)},
)
async def get_endpoint(endpoint_id: UUID, app: ContainerDep, principal: Manager) -> dict[str, Any]:
    found = await use.get_endpoint(app.db, principal.org_id, endpoint_id)
    if found is None:
        raise _missing(endpoint_id)
    return found


@router.delete(
    "/{endpoint_id}",
    status_code=204,
    name="deleteWebhookEndpoint",
    operation_id="deleteWebhookEndpoint",
    summary="Remove an endpoint; its pending deliveries are never sent",
    response_class=Response,
    responses={**success(204, "Removed"), **problems(*AUTHENTICATED, 404)},
)
async def delete_endpoint(endpoint_id: UUID, app: ContainerDep, principal: Manager) -> Response:
    if not await use.delete_endpoint(app.db, principal.org_id, endpoint_id):
        raise _missing(endpoint_id)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/test",
    status_code=202,
    name="testWebhookEndpoint",
    operation_id="testWebhookEndpoint",
    summary="Queue a signed `webhook.test` event to the endpoint",
    response_model=WebhookTestQueued,
    responses={
        **success(202, "Queued: follow it in the deliveries"),
        **problems(*AUTHENTICATED, 404),
    },
)
async def test_endpoint(endpoint_id: UUID, app: ContainerDep, principal: Manager) -> dict[str, Any]:
    delivery = await use.send_test(app.db, principal.org_id, endpoint_id)
    if delivery is None:
        raise _missing(endpoint_id)
    return {"delivery_id": delivery}


@router.get(
    "/{endpoint_id}/deliveries",
    name="listWebhookDeliveries",
    operation_id="listWebhookDeliveries",
    summary="The endpoint's deliveries, newest first: status, attempts, last response",
    response_model=WebhookDeliveryPage,
    responses={**success(200, "A page of deliveries"), **problems(*AUTHENTICATED, 400, 404)},
)
async def list_deliveries(
    endpoint_id: UUID,
    app: ContainerDep,
    principal: Manager,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    starting_after: UUID | None = None,
) -> dict[str, Any]:
    try:
        rows = await use.list_deliveries(
            app.db, principal.org_id, endpoint_id, limit + 1, starting_after
        )
    except LookupError:
        raise Problem(
            400,
            "Invalid cursor",
            f"No delivery {starting_after} of this endpoint to start after.",
            code="invalid_cursor",
            field="starting_after",
        ) from None
    if rows is None:
        raise _missing(endpoint_id)
    return {"data": rows[:limit], "has_more": len(rows) > limit}


def _missing(endpoint_id: UUID) -> Problem:
    # Another org's endpoint is as unknown as one that never existed.
    return Problem(404, "Not Found", f"No webhook endpoint {endpoint_id}.")
