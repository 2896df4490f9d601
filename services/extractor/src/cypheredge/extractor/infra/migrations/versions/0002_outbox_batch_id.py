"""outbox keeps sent rows: batch_id to find a batch's events

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Sent rows now stay for the retention window so that a stalled batch's events can be
    # re-published; batch_id finds them (a statement event's key is the statement).
    op.add_column('outbox', sa.Column('batch_id', sa.UUID(), nullable=True), schema='extractor')
    op.execute(
        "UPDATE extractor.outbox SET batch_id = (payload->'data'->>'batch_id')::uuid "
        "WHERE payload->'data'->>'batch_id' IS NOT NULL"
    )
    op.create_index('ix_outbox_batch_id', 'outbox', ['batch_id'], unique=False, schema='extractor')
    op.create_index(
        'ix_outbox_sent_at', 'outbox', ['sent_at'], unique=False, schema='extractor',
        postgresql_where=sa.text('sent_at IS NOT NULL'),
    )


def downgrade() -> None:
    op.drop_index('ix_outbox_sent_at', table_name='outbox', schema='extractor')
    op.drop_index('ix_outbox_batch_id', table_name='outbox', schema='extractor')
    op.drop_column('outbox', 'batch_id', schema='extractor')
