"""billing publishes nothing: drop its outbox (no relay ever read it, no code wrote it)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from cypheredge.kit.tables import notify_trigger_statements

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The table and its wake-up trigger went with the first migration of every service; billing
    # has consumed usage events ever since without producing any. When it publishes (the
    # Stripe subscription events), an outbox comes back with its relay.
    op.execute("DROP TRIGGER IF EXISTS outbox_notify ON billing.outbox")
    op.execute("DROP FUNCTION IF EXISTS billing.outbox_notify()")
    op.drop_table('outbox', schema='billing')  # its indexes go with it


def downgrade() -> None:
    op.create_table('outbox',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('event_type', sa.String(length=200), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('claim_token', sa.UUID(), nullable=True),
    sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('batch_id', sa.UUID(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    schema='billing'
    )
    op.create_index('ix_outbox_pending', 'outbox', ['seq'], unique=False, schema='billing', postgresql_where=sa.text('sent_at IS NULL'))
    op.create_index('ix_outbox_batch_id', 'outbox', ['batch_id'], unique=False, schema='billing')
    op.create_index(
        'ix_outbox_sent_at', 'outbox', ['sent_at'], unique=False, schema='billing',
        postgresql_where=sa.text('sent_at IS NOT NULL'),
    )
    for statement in notify_trigger_statements('billing'):
        op.execute(statement)
