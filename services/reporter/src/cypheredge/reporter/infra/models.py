"""Tables of the reporter schema."""

from __future__ import annotations

from sqlalchemy import ARRAY, Column, DateTime, Integer, String, Table, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

SCHEMA = "reporter"
metadata = service_metadata(SCHEMA)

# What the reporter knows of each batch: how many statements it has and each one's outcome.
report_batches = Table(
    "report_batches",
    metadata,
    Column("batch_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    Column("statements", Integer, nullable=False),
    Column("params", JSONB, nullable=False),
    Column("report_id", UUID(as_uuid=True)),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
    Column("status", String(32)),
    Column("finished_at", DateTime(timezone=True)),
)

statement_outcomes = Table(
    "statement_outcomes",
    metadata,
    Column("statement_id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False),
    # No foreign key to report_batches: a statement's outcome may arrive before its batch.
    Column("batch_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("filename", String(255)),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("sha256", String(64)),
    Column("status", String(16), nullable=False),
    Column("artefact_key", Text),
    # As statement.extracted carried it; the artefact is verified against it when read.
    Column("artefact_sha256", String(64)),
    Column("error", Text),
    Column("updated_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

# Per-org categorisation rules; they take precedence over the default taxonomy's rules.
category_rules = Table(
    "category_rules",
    metadata,
    Column("id", UUID(as_uuid=True), primary_key=True),
    Column("org_id", UUID(as_uuid=True), nullable=False, index=True),
    Column("category", String(100), nullable=False),
    Column("keywords", ARRAY(String(200)), nullable=False, server_default="{}"),
    Column("pattern", Text),
    Column("direction", String(8), nullable=False, server_default="any"),
    Column("priority", Integer, nullable=False, server_default="100"),
    Column("created_at", DateTime(timezone=True), server_default=func.now(), nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
