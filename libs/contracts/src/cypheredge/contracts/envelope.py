"""The CloudEvents 1.0 envelope every event travels in (structured JSON mode).

Extension attributes (lower-case, as CloudEvents requires): ``orgid`` (tenant),
``traceparent``/``tracestate`` (W3C trace context) and ``schemaversion``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

from cypheredge.contracts.base import Event

CONTENT_TYPE = "application/cloudevents+json; charset=utf-8"


class Envelope(BaseModel):
    """One event on the wire. ``subject`` is the aggregate id, which is also the Kafka key."""

    model_config = ConfigDict(frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: UUID = Field(default_factory=uuid4)
    source: str = Field(
        description="URI reference of the producing service, e.g. /cypheredge/gateway"
    )
    type: str = Field(description="com.cypheredge.<name>.v<version>")
    subject: str
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    datacontenttype: Literal["application/json"] = "application/json"
    orgid: UUID
    schemaversion: int
    traceparent: str | None = None
    tracestate: str | None = None
    data: dict[str, Any]

    @classmethod
    def wrap(
        cls,
        event: Event,
        *,
        org_id: UUID,
        source: str,
        traceparent: str | None = None,
        event_id: UUID | None = None,
    ) -> Envelope:
        return cls(
            id=event_id or uuid4(),
            source=source,
            type=event.type_name(),
            subject=str(event.aggregate_id()),
            orgid=org_id,
            schemaversion=event.version,
            traceparent=traceparent,
            data=event.model_dump(mode="json"),
        )

    @property
    def key(self) -> bytes:
        return self.subject.encode()

    def to_bytes(self) -> bytes:
        return self.model_dump_json(exclude_none=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> Envelope:
        return cls.model_validate_json(raw)
