"""A throwaway ``kittest`` schema: the kit's outbox and inbox tables plus an effects table."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table

from cypheredge.kit.tables import inbox_table, outbox_table, service_metadata

metadata: MetaData = service_metadata("kittest")
outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
effects = Table(
    "effects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("note", String(200), nullable=False),
)
