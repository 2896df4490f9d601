"""outbound webhooks: endpoints and deliveries

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 08:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from cypheredge.kit.tenancy import rls_statements

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DUE = "gateway.webhook_deliveries_due(timestamptz, integer, integer)"


def upgrade() -> None:
    op.create_table('webhook_endpoints',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('description', sa.String(length=200), server_default='', nullable=False),
    sa.Column('event_types', sa.ARRAY(sa.String(length=64)), nullable=False),
    sa.Column('secret_sealed', sa.Text(), nullable=False),
    sa.Column('enabled', sa.Boolean(), server_default=sa.text('true'), nullable=False),
    sa.Column('disabled_reason', sa.Text(), nullable=True),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('failing_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['gateway.orgs.id'], name=op.f('fk_webhook_endpoints_org_id_orgs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_endpoints')),
    schema='gateway'
    )
    op.create_index(op.f('ix_webhook_endpoints_org_id'), 'webhook_endpoints', ['org_id'], unique=False, schema='gateway')
    op.create_table('webhook_deliveries',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('endpoint_id', sa.UUID(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.UUID(), nullable=True),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default=sa.text('0'), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('last_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_status_code', sa.Integer(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('delivered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.ForeignKeyConstraint(['endpoint_id'], ['gateway.webhook_endpoints.id'], name=op.f('fk_webhook_deliveries_endpoint_id_webhook_endpoints'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_webhook_deliveries')),
    schema='gateway'
    )
    op.create_index('ix_webhook_deliveries_endpoint_created', 'webhook_deliveries', ['endpoint_id', 'created_at'], unique=False, schema='gateway')
    op.create_index('ix_webhook_deliveries_due', 'webhook_deliveries', ['next_attempt_at'], unique=False, schema='gateway', postgresql_where=sa.text("state = 'pending'"))
    for table in ('webhook_endpoints', 'webhook_deliveries'):
        for statement in rls_statements('gateway', table):
            op.execute(statement)
    # The sender works across orgs while RLS shows one at a time: like batches_to_sweep, a
    # definer function hands out ids only, and each delivery is claimed and sent in its own
    # org's transaction. At most per_endpoint rows of one endpoint come back, oldest due
    # first, so one endpoint's backlog cannot fill every claim and starve the others.
    op.execute(
        """
        CREATE FUNCTION gateway.webhook_deliveries_due(
            due_by timestamptz, max_rows integer, per_endpoint integer)
        RETURNS TABLE (id uuid, org_id uuid, endpoint_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gateway, pg_temp AS $$
            SELECT d.id, d.org_id, d.endpoint_id FROM (
                SELECT w.id, w.org_id, w.endpoint_id, w.next_attempt_at,
                       row_number() OVER (PARTITION BY w.endpoint_id
                                          ORDER BY w.next_attempt_at) AS nth
                  FROM gateway.webhook_deliveries AS w
                 WHERE w.state = 'pending' AND w.next_attempt_at <= due_by
            ) AS d
             WHERE d.nth <= per_endpoint
             ORDER BY d.next_attempt_at
             LIMIT max_rows
        $$
        """
    )
    op.execute(f"REVOKE ALL ON FUNCTION {_DUE} FROM PUBLIC")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION IF EXISTS {_DUE}")
    op.drop_table('webhook_deliveries', schema='gateway')
    op.drop_index(op.f('ix_webhook_endpoints_org_id'), table_name='webhook_endpoints', schema='gateway')
    op.drop_table('webhook_endpoints', schema='gateway')
