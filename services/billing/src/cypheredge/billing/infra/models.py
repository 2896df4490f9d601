"""Tables of the billing schema."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table, func
from sqlalchemy.dialects.postgresql import UUID

from cypheredge.kit.tables import inbox_table, service_metadata

SCHEMA = "billing"
metadata = service_metadata(SCHEMA)

usage_events = Table(
    "usage_events",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("metric", String(64), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("batch_id", UUID(as_uuid=True), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("reported_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("external_customer_id", String(255), nullable=False),
    Column("external_sub_id", String(255)),
    Column("status", String(32), nullable=False),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

# No outbox: billing publishes nothing (migration 0003 dropped the one it never wrote).
inbox = inbox_table(metadata)
