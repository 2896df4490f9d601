"""Tables of the billing schema. Tenant tables carry ``org_id`` and are under RLS."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import UUID

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

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
    Column("ocr_pages", Integer, nullable=False, server_default=text("0")),
    Column("statement_id", UUID(as_uuid=True)),
    # The plan the usage fell under and what it counts for there (pages; OCR pages weighed).
    Column("plan", String(32)),
    Column("billable_pages", Integer),
)

# One row per org: its plan, its subscription's status, and the Stripe objects behind them.
subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("external_customer_id", String(255)),
    Column("external_sub_id", String(255)),
    Column("status", String(32), nullable=False),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("plan", String(32), nullable=False, server_default="free"),
    Column("status_since", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("revision", Integer, nullable=False, server_default=text("0")),
    Column("current_period_end", DateTime(timezone=True)),
    # Stripe must be brought in line with the plan (a customer to create, a subscription to
    # create, change or cancel); the worker does it and clears the flag.
    Column("stripe_sync", Boolean, nullable=False, server_default=text("true")),
    Column("stripe_sync_error", Text),
    # The newest Stripe event applied: Stripe does not deliver webhooks in order.
    Column("stripe_event_at", DateTime(timezone=True)),
    # Counts the Stripe customers made for the org (a new one after Stripe's was deleted).
    Column("customer_generation", Integer, nullable=False, server_default=text("0")),
)

# Meter events owed to Stripe, one per billable usage event: the queue the sender works off.
meter_reports = Table(
    "meter_reports",
    metadata,
    Column("usage_id", UUID(as_uuid=True), primary_key=True),  # Stripe's ``identifier``
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("value", Integer, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("state", String(16), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("first_attempt_at", DateTime(timezone=True)),
    Column("next_attempt_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("last_error", Text),
    Column("stripe_customer_id", String(255)),
    Column("sent_at", DateTime(timezone=True)),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Index("ix_meter_reports_due", "next_attempt_at", postgresql_where=text("state = 'pending'")),
    Index("ix_meter_reports_org_occurred", "org_id", "occurred_at"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

TENANT_TABLES = ("usage_events", "subscriptions", "meter_reports")
