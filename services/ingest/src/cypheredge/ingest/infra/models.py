"""Tables of the ingest schema."""

from __future__ import annotations

from sqlalchemy import ARRAY, Boolean, Column, DateTime, Index, Integer, String, Table, Text, func
from sqlalchemy.dialects.postgresql import UUID

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

SCHEMA = "ingest"
metadata = service_metadata(SCHEMA)

# One row per statement: the outcome of ingesting it, and the record that makes a redelivered
# batch event skip statements already done.
ingested_files = Table(
    "ingested_files",
    metadata,
    Column("statement_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("batch_id", UUID(as_uuid=True), nullable=False),
    Column("filename", String(255), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("pages", Integer),
    Column("text_layer_pages", ARRAY(Integer)),
    Column("encrypted", Boolean),
    Column("storage_key", Text),
    Column("code", String(32)),
    Column("reason", Text),
    Column("duplicate_of", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Index("ix_ingested_files_org_sha", "org_id", "sha256"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
