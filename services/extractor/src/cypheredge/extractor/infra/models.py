"""Tables of the extractor schema."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Table, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

SCHEMA = "extractor"
metadata = service_metadata(SCHEMA)

# One row per statement: the extraction outcome; also what makes redelivery a no-op.
extractions = Table(
    "extractions",
    metadata,
    Column("statement_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("batch_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("status", String(16), nullable=False),
    Column("artefact_key", Text),
    Column("artefact_sha256", String(64)),
    Column("transactions", Integer),
    Column("reconciled", Boolean),
    Column("pages", JSONB),
    Column("reason", Text),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
