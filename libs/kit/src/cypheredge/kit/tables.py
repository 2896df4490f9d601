"""Infrastructure tables each service owns in its own schema: outbox and inbox.

They are not tenant tables (the relay reads every org's rows); each row still records its org.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def service_metadata(schema: str) -> MetaData:
    """A MetaData bound to the service's schema with the shared naming convention."""
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def outbox_table(metadata: MetaData) -> Table:
    """Events of the service, written in the business transaction: the source of truth.

    Sent rows stay for the retention window (the relay purges older ones), so that the events
    of a batch can be re-published when the broker lost them; ``batch_id`` finds them.
    """
    return Table(
        "outbox",
        metadata,
        Column("id", UUID(as_uuid=True), primary_key=True),
        Column("seq", BigInteger, Identity(), nullable=False),
        Column("topic", String(200), nullable=False),
        Column("key", String(200), nullable=False),
        Column("org_id", UUID(as_uuid=True), nullable=False),
        Column("event_type", String(200), nullable=False),
        Column("payload", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
        Column("claim_token", UUID(as_uuid=True)),
        Column("claimed_until", DateTime(timezone=True)),
        Column("attempts", Integer, server_default=text("0"), nullable=False),
        Column("last_error", Text),
        Column("sent_at", DateTime(timezone=True)),
        # The batch the event belongs to (None for events about no batch, e.g. subscriptions).
        Column("batch_id", UUID(as_uuid=True)),
        Index(
            "ix_outbox_pending",
            "seq",
            postgresql_where=text("sent_at IS NULL"),
        ),
        Index("ix_outbox_batch_id", "batch_id"),
        Index("ix_outbox_sent_at", "sent_at", postgresql_where=text("sent_at IS NOT NULL")),
    )


def inbox_table(metadata: MetaData) -> Table:
    """Events already applied, per consumer: written in the same transaction as the effect."""
    return Table(
        "inbox",
        metadata,
        Column("consumer", String(100), primary_key=True),
        Column("event_id", UUID(as_uuid=True), primary_key=True),
        Column("event_type", String(200), nullable=False),
        Column("processed_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    )


def outbox_channel(schema: str) -> str:
    """The NOTIFY channel that wakes a schema's relays."""
    return f"{schema}_outbox"


def notify_trigger_statements(schema: str) -> list[str]:
    """A trigger that wakes relays (LISTEN on ``<schema>_outbox``) when a row is added."""
    channel = outbox_channel(schema)
    return [
        f"""CREATE OR REPLACE FUNCTION {schema}.outbox_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('{channel}', ''); RETURN NULL; END $$""",
        f"""CREATE TRIGGER outbox_notify AFTER INSERT ON {schema}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION {schema}.outbox_notify()""",
    ]
