"""plans, the Stripe meter-event queue, and an outbox again (billing publishes subscriptions)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from cypheredge.kit.tables import notify_trigger_statements
from cypheredge.kit.tenancy import rls_statements

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTIONS = (
    "billing.meter_reports_due(timestamptz, integer)",
    "billing.subscriptions_to_sync(integer)",
    "billing.stripe_customers()",
)


def upgrade() -> None:
    op.add_column('usage_events', sa.Column('ocr_pages', sa.Integer(), server_default=sa.text('0'), nullable=False), schema='billing')
    op.add_column('usage_events', sa.Column('statement_id', sa.UUID(), nullable=True), schema='billing')
    op.add_column('usage_events', sa.Column('plan', sa.String(length=32), nullable=True), schema='billing')
    op.add_column('usage_events', sa.Column('billable_pages', sa.Integer(), nullable=True), schema='billing')

    op.alter_column('subscriptions', 'external_customer_id', nullable=True, schema='billing')
    op.add_column('subscriptions', sa.Column('plan', sa.String(length=32), server_default='free', nullable=False), schema='billing')
    op.add_column('subscriptions', sa.Column('status_since', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False), schema='billing')
    op.add_column('subscriptions', sa.Column('revision', sa.Integer(), server_default=sa.text('0'), nullable=False), schema='billing')
    op.add_column('subscriptions', sa.Column('current_period_end', sa.DateTime(timezone=True), nullable=True), schema='billing')
    op.add_column('subscriptions', sa.Column('stripe_sync', sa.Boolean(), server_default=sa.text('true'), nullable=False), schema='billing')
    op.add_column('subscriptions', sa.Column('stripe_sync_error', sa.Text(), nullable=True), schema='billing')
    op.add_column('subscriptions', sa.Column('stripe_event_at', sa.DateTime(timezone=True), nullable=True), schema='billing')
    op.add_column('subscriptions', sa.Column('customer_generation', sa.Integer(), server_default=sa.text('0'), nullable=False), schema='billing')

    op.create_table('meter_reports',
    sa.Column('usage_id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('first_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('stripe_customer_id', sa.String(length=255), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('usage_id', name=op.f('pk_meter_reports')),
    schema='billing'
    )
    op.create_index('ix_meter_reports_due', 'meter_reports', ['next_attempt_at'], unique=False, schema='billing', postgresql_where=sa.text("state = 'pending'"))
    op.create_index('ix_meter_reports_org_occurred', 'meter_reports', ['org_id', 'occurred_at'], unique=False, schema='billing')
    for statement in rls_statements('billing', 'meter_reports'):
        op.execute(statement)

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
    op.create_index('ix_outbox_sent_at', 'outbox', ['sent_at'], unique=False, schema='billing', postgresql_where=sa.text('sent_at IS NOT NULL'))
    for statement in notify_trigger_statements('billing'):
        op.execute(statement)

    # The worker's queues span orgs while RLS shows one org at a time: these definer
    # functions hand out only ids (which org, which row), and each row is then worked on
    # in a transaction of its own org.
    op.execute(
        """
        CREATE FUNCTION billing.meter_reports_due(due_by timestamptz, max_rows integer)
        RETURNS TABLE (usage_id uuid, org_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = billing, pg_temp AS $$
            SELECT m.usage_id, m.org_id FROM billing.meter_reports AS m
             WHERE m.state = 'pending' AND m.next_attempt_at <= due_by
             ORDER BY m.next_attempt_at LIMIT max_rows
        $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION billing.subscriptions_to_sync(max_rows integer)
        RETURNS TABLE (org_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = billing, pg_temp AS $$
            SELECT s.org_id FROM billing.subscriptions AS s
             WHERE s.stripe_sync ORDER BY s.updated_at LIMIT max_rows
        $$
        """
    )
    op.execute(
        """
        CREATE FUNCTION billing.stripe_customers()
        RETURNS TABLE (org_id uuid, customer_id text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = billing, pg_temp AS $$
            SELECT s.org_id, s.external_customer_id FROM billing.subscriptions AS s
             WHERE s.external_customer_id IS NOT NULL ORDER BY s.org_id
        $$
        """
    )
    for function in _FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")


def downgrade() -> None:
    for function in _FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute("DROP TRIGGER IF EXISTS outbox_notify ON billing.outbox")
    op.execute("DROP FUNCTION IF EXISTS billing.outbox_notify()")
    op.drop_table('outbox', schema='billing')
    op.drop_table('meter_reports', schema='billing')
    for column in ('customer_generation', 'stripe_event_at', 'stripe_sync_error', 'stripe_sync',
                   'current_period_end', 'revision', 'status_since', 'plan'):
        op.drop_column('subscriptions', column, schema='billing')
    op.execute("UPDATE billing.subscriptions SET external_customer_id = '' WHERE external_customer_id IS NULL")
    op.alter_column('subscriptions', 'external_customer_id', nullable=False, schema='billing')
    for column in ('billable_pages', 'plan', 'statement_id', 'ocr_pages'):
        op.drop_column('usage_events', column, schema='billing')
