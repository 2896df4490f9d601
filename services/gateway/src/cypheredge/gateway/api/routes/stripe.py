"""/v1/stripe/webhooks: Stripe's webhooks, signed with the endpoint secret (no API key).

Exempt from API-key authentication and the per-org limit (Stripe has neither); the edge's
global and per-client limits still apply. The body is read raw, as signed, and bounded:
anyone can send one.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request

from cypheredge.gateway.api.deps import ContainerDep
from cypheredge.gateway.api.openapi import problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.api.schemas import WebhookReceived
from cypheredge.gateway.service.stripe_webhooks import WebhookRejected, record, verify

router = APIRouter(tags=["billing"])
MAX_BODY_BYTES = 1024 * 1024  # Stripe's events are a few KB; this is far past any


@router.post(
    "/v1/stripe/webhooks",
    name="receiveStripeWebhook",
    operation_id="receiveStripeWebhook",
    summary="Receive a Stripe webhook (verified by its Stripe-Signature)",
    description="Each Stripe event id is taken once: a redelivery answers "
    '`{"received": true, "duplicate": true}` and has no second effect.',
    response_model=WebhookReceived,
    responses={**success(200, "Received"), **problems(400, 413, 422, 429, 500, 503)},
    # Read raw (the signature covers the exact bytes), so declared here for the document.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
            "description": "A Stripe event, as Stripe sends it",
        }
    },
)
async def receive_stripe_webhook(
    request: Request,
    app: ContainerDep,
    stripe_signature: Annotated[str | None, Header(max_length=4096)] = None,
) -> dict[str, Any]:
    secret = app.stripe_webhook_secret
    if secret is None:
        raise Problem(
            503,
            "Webhooks not configured",
            "This gateway has no STRIPE_WEBHOOK_SECRET to verify Stripe's webhooks with.",
            code="webhooks_not_configured",
        )
    payload = await _body(request)
    try:
        event = verify(payload, stripe_signature, secret)
    except WebhookRejected as exc:
        title = "Invalid signature" if exc.code == "invalid_signature" else "Invalid payload"
        raise Problem(400, title, exc.detail, code=exc.code) from None
    received = await record(app.db, app.outbox, event)
    return {"received": True, "duplicate": received.duplicate}


async def _body(request: Request) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise Problem(
                413,
                "Request too large",
                f"A webhook body is at most {MAX_BODY_BYTES} bytes.",
                code="request_too_large",
            )
        chunks.append(chunk)
    return b"".join(chunks)
