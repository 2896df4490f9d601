"""identity: users signing in with OIDC, API keys with expiry

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 08:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ALL_SCOPES = "ARRAY['batches:write','batches:read','reports:read','webhooks:manage','admin']"


def upgrade() -> None:
    op.add_column(
        'api_keys', sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
        schema='gateway',
    )
    op.add_column(
        'users', sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
        schema='gateway',
    )
    op.create_check_constraint(
        'ck_users_role', 'users', "role IN ('owner', 'admin', 'member', 'viewer')",
        schema='gateway',
    )
    # One user per email (any case) and per identity within an org; the same person may be
    # a user of several orgs.
    op.create_index(
        'uq_users_org_email', 'users', ['org_id', sa.text('lower(email)')], unique=True,
        schema='gateway',
    )
    op.create_index(
        'uq_users_org_oidc_sub', 'users', ['org_id', 'oidc_sub'], unique=True, schema='gateway',
        postgresql_where=sa.text('oidc_sub IS NOT NULL'),
    )
    _replace_key_lookup(with_expiry=True)
    # Sign-in knows no org yet: like api_key_lookup, a security-definer function past RLS
    # that returns ids only. An invited user (no identity linked yet) is found by email,
    # only when the issuer vouched for that email (the caller passes NULL otherwise).
    op.execute(
        """
        CREATE FUNCTION gateway.oidc_memberships(subject text, verified_email text)
        RETURNS TABLE (user_id uuid, org_id uuid, linked boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gateway, pg_temp AS $$
            SELECT u.id, u.org_id, u.oidc_sub IS NOT NULL
              FROM gateway.users AS u
             WHERE u.oidc_sub = subject
                OR (u.oidc_sub IS NULL AND verified_email IS NOT NULL
                    AND lower(u.email) = lower(verified_email))
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION gateway.oidc_memberships(text, text) FROM PUBLIC")
    _widen_existing_keys()


def _widen_existing_keys() -> None:
    """Keys made before scopes were split keep what they could do: reading a batch's report
    and transactions was ``batches:read``, now ``reports:read``; an org's first key (made
    by create-org, the org's only full-access credential) gets every scope, as new ones do."""
    # FORCE applies RLS to the owner too, and migrations set no org: lifted for this
    # transaction only (DDL is transactional), so the update sees every org's keys.
    op.execute("ALTER TABLE gateway.api_keys NO FORCE ROW LEVEL SECURITY")
    op.execute(
        "UPDATE gateway.api_keys SET scopes = array_append(scopes, 'reports:read') "
        "WHERE 'batches:read' = ANY(scopes) AND NOT 'reports:read' = ANY(scopes)"
    )
    op.execute(
        f"""
        UPDATE gateway.api_keys AS k SET scopes = {ALL_SCOPES}
          FROM (SELECT DISTINCT ON (org_id) id FROM gateway.api_keys
                 ORDER BY org_id, created_at, id) AS first
         WHERE k.id = first.id AND k.revoked_at IS NULL
        """
    )
    op.execute("ALTER TABLE gateway.api_keys FORCE ROW LEVEL SECURITY")


def _replace_key_lookup(*, with_expiry: bool) -> None:
    # A function's result columns cannot change in place: dropped and made again.
    op.execute("DROP FUNCTION IF EXISTS gateway.api_key_lookup(text)")
    extra_type = ", expires_at timestamptz" if with_expiry else ""
    extra_column = ", k.expires_at" if with_expiry else ""
    op.execute(
        f"""
        CREATE FUNCTION gateway.api_key_lookup(key_prefix text)
        RETURNS TABLE (id uuid, org_id uuid, key_hash text, scopes text[], revoked boolean
                       {extra_type})
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = gateway, pg_temp AS $$
            SELECT k.id, k.org_id, k.key_hash::text, k.scopes::text[], k.revoked_at IS NOT NULL
                   {extra_column}
              FROM gateway.api_keys AS k WHERE k.prefix = key_prefix
        $$
        """
    )
    op.execute("REVOKE ALL ON FUNCTION gateway.api_key_lookup(text) FROM PUBLIC")


def downgrade() -> None:
    # Scopes granted by the upgrade stay: taking them back could lock an org out.
    op.execute("DROP FUNCTION IF EXISTS gateway.oidc_memberships(text, text)")
    _replace_key_lookup(with_expiry=False)
    op.drop_index('uq_users_org_oidc_sub', table_name='users', schema='gateway')
    op.drop_index('uq_users_org_email', table_name='users', schema='gateway')
    op.drop_constraint('ck_users_role', 'users', schema='gateway', type_='check')
    op.drop_column('users', 'last_sign_in_at', schema='gateway')
    op.drop_column('api_keys', 'expires_at', schema='gateway')
