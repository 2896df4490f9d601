"""DDL for row-level security, used by every service's migrations.

The policy compares ``org_id`` with the transaction-local setting. ``NULLIF(..., '')`` turns an
unset or reset setting into NULL, so a missing org matches nothing (fail closed) instead of
raising a cast error.
"""

from __future__ import annotations

CURRENT_ORG_SQL = "NULLIF(current_setting('app.current_org', true), '')::uuid"


def rls_statements(schema: str, table: str, column: str = "org_id") -> list[str]:
    """Statements that put ``schema.table`` under a forced tenant-isolation policy."""
    qualified = f"{schema}.{table}"
    return [
        f"ALTER TABLE {qualified} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {qualified} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY tenant_isolation ON {qualified} "
        f"USING ({column} = {CURRENT_ORG_SQL}) WITH CHECK ({column} = {CURRENT_ORG_SQL})",
    ]
