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
    """Events waiting to be published; written in the business transaction."""
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
        Index(
            "ix_outbox_pending",
            "seq",
            postgresql_where=text("sent_at IS NULL"),
        ),
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


def notify_trigger_statements(schema: str) -> list[str]:
    """A trigger that wakes relays (LISTEN on ``<schema>_outbox``) when a row is added."""
    channel = f"{schema}_outbox"
    return [
        f"""CREATE OR REPLACE FUNCTION {schema}.outbox_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('{channel}', ''); RETURN NULL; END $$""",
        f"""CREATE TRIGGER outbox_notify AFTER INSERT ON {schema}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION {schema}.outbox_notify()""",
    ]
