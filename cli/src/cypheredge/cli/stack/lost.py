"""Events an embedded broker acknowledged and then lost with its memory, sent again.

The embedded broker keeps topics in memory, so when it dies everything it held is gone, also
the events of batches that have finished (a usage event billing had not read yet). Each
service's outbox still has them as sent rows: after a restart, the rows sent since the lost
broker started are queued again. Consumers apply an event once (their inboxes), so what had
already been applied has no second effect.
"""

from __future__ import annotations

from datetime import datetime

import psycopg
from psycopg import sql

from cypheredge.contracts.catalogue import SERVICES
from cypheredge.kit.db import libpq_dsn

SCHEMAS = tuple(dict.fromkeys(service.schema for service in SERVICES))  # each outbox, once


def resend_since(
    database_url: str,
    since: datetime,
    schemas: tuple[str, ...] = SCHEMAS,
) -> int:
    """Queue again every outbox row sent at or after ``since``; how many there were."""
    requeued = 0
    with psycopg.connect(libpq_dsn(database_url), autocommit=True) as conn:
        for schema in schemas:
            table = sql.Identifier(schema, "outbox")
            exists = conn.execute("SELECT to_regclass(%s)", (f"{schema}.outbox",))
            if exists.fetchone() == (None,):
                continue  # a service not migrated yet has sent nothing
            cursor = conn.execute(
                sql.SQL(
                    "UPDATE {} SET sent_at = NULL, claimed_until = NULL, claim_token = NULL "
                    "WHERE sent_at >= %s"
                ).format(table),
                (since,),
            )
            requeued += cursor.rowcount
    return requeued
