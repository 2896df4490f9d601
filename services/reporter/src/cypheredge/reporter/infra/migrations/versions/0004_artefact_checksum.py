"""artefact checksum

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        'statement_outcomes',
        sa.Column('artefact_sha256', sa.String(length=64), nullable=True),
        schema='reporter',
    )


def downgrade() -> None:
    op.drop_column('statement_outcomes', 'artefact_sha256', schema='reporter')
