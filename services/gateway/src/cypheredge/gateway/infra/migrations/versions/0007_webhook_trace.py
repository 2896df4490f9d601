"""webhook deliveries carry the trace of the event that queued them

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 18:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'webhook_deliveries', sa.Column('traceparent', sa.Text(), nullable=True), schema='gateway'
    )


def downgrade() -> None:
    op.drop_column('webhook_deliveries', 'traceparent', schema='gateway')
