"""Row-level security DDL: forced, fail-closed policies on the tenant column."""

from __future__ import annotations

from cypheredge.kit.tenancy import CURRENT_ORG_SQL, rls_statements

FAIL_CLOSED = "NULLIF(current_setting('app.current_org', true), '')::uuid"


def test_current_org_is_fail_closed() -> None:
    assert CURRENT_ORG_SQL == FAIL_CLOSED


def test_rls_is_enabled_and_forced_on_the_qualified_table() -> None:
    statements = rls_statements("gateway", "batches")
    assert "ALTER TABLE gateway.batches ENABLE ROW LEVEL SECURITY" in statements
    assert "ALTER TABLE gateway.batches FORCE ROW LEVEL SECURITY" in statements


def test_policy_checks_reads_and_writes_against_the_current_org() -> None:
    (policy,) = [s for s in rls_statements("gateway", "batches") if "CREATE POLICY" in s]
    assert " ON gateway.batches " in policy
    assert f"USING (org_id = {FAIL_CLOSED})" in policy
    assert f"WITH CHECK (org_id = {FAIL_CLOSED})" in policy


def test_policy_uses_the_given_column() -> None:
    (policy,) = [s for s in rls_statements("ingest", "files", "tenant") if "POLICY" in s]
    assert f"USING (tenant = {FAIL_CLOSED})" in policy
    assert f"WITH CHECK (tenant = {FAIL_CLOSED})" in policy
    assert "org_id" not in policy
