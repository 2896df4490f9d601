"""After the embedded broker's restart, what it had acknowledged is queued to be sent again."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import psycopg

from cypheredge.cli.stack.lost import resend_since
from cypheredge.kit.db import libpq_dsn
from cypheredge.kit.settings import InfraSettings


def test_rows_sent_to_the_lost_broker_are_queued_again(infra: InfraSettings) -> None:
    # An outbox of its own: a service's real one is watched by the session's relays.
    schema = f"lost_{secrets.token_hex(4)}"
    lost_broker_started = datetime.now(UTC) - timedelta(minutes=5)
    before, during = uuid4(), uuid4()
    with psycopg.connect(libpq_dsn(infra.database_url), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(
            f"CREATE TABLE {schema}.outbox (id uuid PRIMARY KEY, sent_at timestamptz,"
            " claimed_until timestamptz, claim_token uuid)"
        )
        insert = f"INSERT INTO {schema}.outbox (id, sent_at) VALUES (%s, %s)"
        conn.execute(insert, (before, lost_broker_started - timedelta(hours=1)))
        conn.execute(insert, (during, lost_broker_started + timedelta(minutes=1)))
        count = resend_since(infra.database_url, lost_broker_started, (schema, "absent"))
        rows = conn.execute(f"SELECT id, sent_at FROM {schema}.outbox").fetchall()
        conn.execute(f"DROP SCHEMA {schema} CASCADE")
    sent: dict[UUID, datetime | None] = dict(rows)
    assert count == 1
    assert sent[during] is None  # to be published again
    assert sent[before] is not None  # delivered to a broker that still has it
