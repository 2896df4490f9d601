"""outbox keeps sent rows (batch_id); batches re-driven and swept

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Sent rows now stay for the retention window so that a stalled batch's events can be
    # re-published; batch_id finds them.
    op.add_column('outbox', sa.Column('batch_id', sa.UUID(), nullable=True), schema='gateway')
    op.execute(
        "UPDATE gateway.outbox SET batch_id = (payload->'data'->>'batch_id')::uuid "
        "WHERE payload->'data'->>'batch_id' IS NOT NULL"
    )
    op.create_index('ix_outbox_batch_id', 'outbox', ['batch_id'], unique=False, schema='gateway')
    op.create_index(
        'ix_outbox_sent_at', 'outbox', ['sent_at'], unique=False, schema='gateway',
        postgresql_where=sa.text('sent_at IS NOT NULL'),
    )
    op.add_column(
        'batches', sa.Column('redriven_at', sa.DateTime(timezone=True), nullable=True),
        schema='gateway',
    )
    op.add_column(
        'batches',
        sa.Column('redrives', sa.Integer(), server_default=sa.text('0'), nullable=False),
        schema='gateway',
    )
    op.create_index(
        'ix_batches_open', 'batches', ['created_at'], unique=False, schema='gateway',
        postgresql_where=sa.text("status IN ('queued', 'processing')"),
    )
    # The sweeper looks across orgs (RLS hides every org's rows from a session without one):
    # like api_key_lookup, a security-definer function that returns ids and timestamps only.
    op.execute(
        """
        CREATE FUNCTION gateway.batches_to_sweep(
            idle_before timestamptz, created_before timestamptz, max_rows integer)
        RETURNS TABLE (id uuid, org_id uuid, expired boolean, redriven_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gateway, pg_temp AS $$
            SELECT b.id, b.org_id, b.created_at < created_before, b.redriven_at
              FROM gateway.batches AS b
             WHERE b.status IN ('queued', 'processing')
               AND (b.created_at < created_before
                    OR GREATEST(b.updated_at, b.redriven_at,
                                (SELECT max(s.updated_at) FROM gateway.statements AS s
                                  WHERE s.batch_id = b.id)) < idle_before)
             ORDER BY b.created_at
             LIMIT max_rows
        $$
        """
    )
    op.execute(
        "REVOKE ALL ON FUNCTION gateway.batches_to_sweep(timestamptz, timestamptz, integer) "
        "FROM PUBLIC"
    )
    op.execute(
        """
        CREATE FUNCTION gateway.batch_org(batch uuid) RETURNS uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gateway, pg_temp AS $$
            SELECT b.org_id FROM gateway.batches AS b WHERE b.id = batch
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION gateway.batch_org(uuid) FROM PUBLIC")


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS gateway.batch_org(uuid)")
    op.execute(
        "DROP FUNCTION IF EXISTS gateway.batches_to_sweep(timestamptz, timestamptz, integer)"
    )
    op.drop_index('ix_batches_open', table_name='batches', schema='gateway')
    op.drop_column('batches', 'redrives', schema='gateway')
    op.drop_column('batches', 'redriven_at', schema='gateway')
    op.drop_index('ix_outbox_sent_at', table_name='outbox', schema='gateway')
    op.drop_index('ix_outbox_batch_id', table_name='outbox', schema='gateway')
    op.drop_column('outbox', 'batch_id', schema='gateway')
