"""Request and response bodies of /v1/webhook_endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.gateway.domain.ssrf import MAX_URL_LENGTH
from cypheredge.gateway.domain.webhooks import EventType


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        min_length=1,
        max_length=MAX_URL_LENGTH,
        description="Where events are POSTed: https, on a public address",
    )
    event_types: list[EventType] = Field(min_length=1, max_length=16)
    description: str = Field("", max_length=200)


class WebhookEndpoint(BaseModel):
    id: UUID
    url: str
    description: str
    event_types: list[str]
    status: Literal["enabled", "disabled"]
    disabled_reason: str | None = Field(description="Why it was disabled (failing for days)")
    disabled_at: datetime | None
    failing_since: datetime | None = Field(description="Every attempt failed since then")
    created_at: datetime


class WebhookEndpointCreated(WebhookEndpoint):
    secret: str = Field(
        description="The signing secret (`whsec_…`), shown this once: verify `webhook-signature` "
        "with it (Standard Webhooks)"
    )


class WebhookEndpointList(BaseModel):
    data: list[WebhookEndpoint]


class WebhookDelivery(BaseModel):
    id: UUID = Field(description="The message id, sent as `webhook-id` at every attempt")
    event_type: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    last_status_code: int | None = Field(description="The receiver's last HTTP status")
    last_error: str | None
    last_attempt_at: datetime | None
    next_attempt_at: datetime | None = Field(description="While pending: the next attempt")
    delivered_at: datetime | None
    created_at: datetime


class WebhookDeliveryPage(BaseModel):
    data: list[WebhookDelivery]
    has_more: bool


class WebhookTestQueued(BaseModel):
    delivery_id: UUID = Field(description="Follow it in the endpoint's deliveries")
