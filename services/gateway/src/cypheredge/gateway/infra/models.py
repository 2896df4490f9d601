"""Tables of the gateway schema. Tenant tables carry ``org_id`` and are under RLS."""

from __future__ import annotations

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

SCHEMA = "gateway"
metadata = service_metadata(SCHEMA)


def _created() -> Column[object]:
    return Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False)


orgs = Table(
    "orgs",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("plan_tier", String(50), nullable=False, server_default="free"),
    _created(),
)

users = Table(
    "users",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), ForeignKey("orgs.id"), nullable=False, index=True),
    Column("email", String(320), nullable=False),
    Column("role", String(50), nullable=False),
    Column("oidc_sub", String(200)),
    _created(),
    Column("last_sign_in_at", DateTime(timezone=True)),  # migration 0005
    CheckConstraint("role IN ('owner', 'admin', 'member', 'viewer')", name="role"),
    Index("uq_users_org_email", "org_id", text("lower(email)"), unique=True),
    Index(
        "uq_users_org_oidc_sub",
        "org_id",
        "oidc_sub",
        unique=True,
        postgresql_where=text("oidc_sub IS NOT NULL"),
    ),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), ForeignKey("orgs.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("prefix", String(32), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),
    Column("scopes", ARRAY(String(50)), nullable=False),
    _created(),
    Column("last_used_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
    Column("expires_at", DateTime(timezone=True)),  # migration 0005; None: never
)

batches = Table(
    "batches",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), ForeignKey("orgs.id"), nullable=False),
    Column("status", String(32), nullable=False),
    Column("params", JSONB, nullable=False),
    Column("summary", JSONB),
    Column("report_key", Text),
    Column("exports", JSONB),
    Column("error", Text),
    _created(),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    # When the sweeper (or an operator) last asked for the batch's events to be re-published,
    # and how often: a re-drive counts as activity, so a batch is re-driven once per idle spell.
    Column("redriven_at", DateTime(timezone=True)),
    Column("redrives", Integer, nullable=False, server_default=text("0")),
    Index("ix_batches_org_created", "org_id", "created_at", "id"),
    Index(
        "ix_batches_open",
        "created_at",
        postgresql_where=text("status IN ('queued', 'processing')"),
    ),
)

statements = Table(
    "statements",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("batch_id", UUID(as_uuid=True), ForeignKey("batches.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("filename", String(255), nullable=False),
    Column("size_bytes", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("storage_key", Text, nullable=False),
    Column("password_protected", Boolean, nullable=False),
    Column("status", String(32), nullable=False),
    Column("pages", Integer),
    Column("text_layer_pages", Integer),
    Column("transactions", Integer),
    Column("reconciled", Boolean),
    Column("duplicate_of", UUID(as_uuid=True)),
    Column("error", Text),
    # Notices from ingestion and extraction (code, message, page), each once: e.g. repaired_pdf.
    Column("warnings", JSONB, nullable=False, server_default=text("'[]'::jsonb")),
    _created(),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("locked_until", DateTime(timezone=True)),
    Column("response_status", Integer),
    Column("response_body", JSONB),
    _created(),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# Projections of billing's events (the gateway never reads billing's tables). No foreign key
# to orgs: an event is applied as it comes, and one for an org unknown here must not poison
# the partition.
org_plans = Table(
    "org_plans",
    metadata,
    Column("org_id", UUID(as_uuid=True), primary_key=True),
    Column("plan", String(50), nullable=False),
    Column("status", String(32), nullable=False),
    Column("status_since", DateTime(timezone=True)),
    # Billing's revision of the subscription: only a greater one replaces the row.
    Column("revision", BigInteger, nullable=False),
    Column("external_customer_id", String(255), nullable=False, server_default=""),
    Column("external_subscription_id", String(255), nullable=False, server_default=""),
    Column("current_period_end", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

usage_records = Table(
    "usage_records",
    metadata,
    Column("usage_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("batch_id", UUID(as_uuid=True), nullable=False),
    Column("statement_id", UUID(as_uuid=True)),
    Column("metric", String(50), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("ocr_pages", Integer, nullable=False, server_default=text("0")),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Index("ix_usage_records_org_occurred", "org_id", "occurred_at"),
)

# Not tenant tables: a Stripe webhook arrives with no org, and these are how one is found.
stripe_customers = Table(
    "stripe_customers",
    metadata,
    Column("customer_id", String(255), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

stripe_events = Table(
    "stripe_events",
    metadata,
    Column("id", String(255), primary_key=True),  # Stripe's event id: each is taken once
    Column("type", String(255), nullable=False),
    Column("org_id", UUID(as_uuid=True)),  # None: no org could be found (not forwarded)
    Column("created", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# --- identity: users signing in with OIDC, API key management (migration 0005) ---
IDENTITY_TENANT_TABLES: tuple[str, ...] = ()
# --- end identity ---

# --- outbound webhooks: endpoints and deliveries (migration 0006) ---
webhook_endpoints = Table(
    "webhook_endpoints",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), ForeignKey("orgs.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("description", String(200), nullable=False, server_default=""),
    Column("event_types", ARRAY(String(64)), nullable=False),
    # The signing secret sealed with CYPHEREDGE_SECRET_KEY: shown once, never stored plain.
    Column("secret_sealed", Text, nullable=False),
    Column("enabled", Boolean, nullable=False, server_default=text("true")),
    Column("disabled_reason", Text),
    Column("disabled_at", DateTime(timezone=True)),
    # Since when every attempt failed (None after a success): long enough disables it.
    Column("failing_since", DateTime(timezone=True)),
    _created(),
)

webhook_deliveries = Table(
    "webhook_deliveries",
    metadata,
    # The Standard Webhooks message id (webhook-id), derived from endpoint, type and subject:
    # the primary key is what makes a redelivered event add nothing.
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column(
        "endpoint_id",
        UUID(as_uuid=True),
        ForeignKey("webhook_endpoints.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("event_type", String(64), nullable=False),
    Column("event_id", UUID(as_uuid=True)),  # the platform event's envelope id (None: a test)
    Column("payload", JSONB, nullable=False),
    Column("state", String(16), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    # Pushed out by a lease while an attempt is in flight, so replicas never send it twice.
    Column("next_attempt_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("last_attempt_at", DateTime(timezone=True)),
    Column("last_status_code", Integer),
    Column("last_error", Text),
    Column("delivered_at", DateTime(timezone=True)),
    # The W3C traceparent of the event that queued it: each attempt is a span of its trace.
    Column("traceparent", Text),
    _created(),
    Index("ix_webhook_deliveries_endpoint_created", "endpoint_id", "created_at"),
    Index(
        "ix_webhook_deliveries_due",
        "next_attempt_at",
        postgresql_where=text("state = 'pending'"),
    ),
)

WEBHOOK_TENANT_TABLES: tuple[str, ...] = ("webhook_endpoints", "webhook_deliveries")
# --- end outbound webhooks ---

TENANT_TABLES = (
    "users",
    "api_keys",
    "batches",
    "statements",
    "idempotency_keys",
    "org_plans",
    "usage_records",
    *IDENTITY_TENANT_TABLES,
    *WEBHOOK_TENANT_TABLES,
)
