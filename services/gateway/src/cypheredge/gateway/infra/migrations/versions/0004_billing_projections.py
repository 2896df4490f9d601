"""billing projections: org plans, usage records, Stripe customers and events

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cypheredge.kit.tenancy import rls_statements

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('org_plans',
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('plan', sa.String(length=50), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('status_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revision', sa.BigInteger(), nullable=False),
    sa.Column('external_customer_id', sa.String(length=255), server_default='', nullable=False),
    sa.Column('external_subscription_id', sa.String(length=255), server_default='', nullable=False),
    sa.Column('current_period_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_org_plans')),
    schema='gateway'
    )
    op.create_table('usage_records',
    sa.Column('usage_id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('batch_id', sa.UUID(), nullable=False),
    sa.Column('statement_id', sa.UUID(), nullable=True),
    sa.Column('metric', sa.String(length=50), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('ocr_pages', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('usage_id', name=op.f('pk_usage_records')),
    schema='gateway'
    )
    op.create_index('ix_usage_records_org_occurred', 'usage_records', ['org_id', 'occurred_at'], unique=False, schema='gateway')
    op.create_table('stripe_customers',
    sa.Column('customer_id', sa.String(length=255), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_stripe_customers')),
    schema='gateway'
    )
    op.create_table('stripe_events',
    sa.Column('id', sa.String(length=255), nullable=False),
    sa.Column('type', sa.String(length=255), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stripe_events')),
    schema='gateway'
    )
    # The projections of one org's plan and usage are tenant data, isolated like batches; the
    # Stripe tables are looked up before any org is known (the webhook carries none).
    for table in ('org_plans', 'usage_records'):
        for statement in rls_statements('gateway', table):
            op.execute(statement)


def downgrade() -> None:
    op.drop_table('stripe_events', schema='gateway')
    op.drop_table('stripe_customers', schema='gateway')
    op.drop_index('ix_usage_records_org_occurred', table_name='usage_records', schema='gateway')
    op.drop_table('usage_records', schema='gateway')
    op.drop_table('org_plans', schema='gateway')
