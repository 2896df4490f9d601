"""Service roles: created without superuser or RLS bypass, granted only their own schema."""

from __future__ import annotations

import re

import pytest

from cypheredge.kit.migrations import grant_statements


def test_role_is_created_nosuperuser_nobypassrls() -> None:
    create = grant_statements("gateway", "gateway", "cedb", None)[0]
    assert "CREATE ROLE cypheredge_gateway LOGIN" in create
    assert "NOSUPERUSER" in create
    assert "NOBYPASSRLS" in create
    assert "rolname = 'cypheredge_gateway'" in create


@pytest.mark.parametrize(("service", "schema"), [("gateway", "gateway"), ("ingest", "ingest")])
def test_grants_name_only_the_services_schema_and_role(service: str, schema: str) -> None:
    statements = grant_statements(service, schema, "cedb", "pw")
    text = "\n".join(statements)
    assert set(re.findall(r"(?:ON|IN) SCHEMA (\w+)", text)) == {schema}
    grants = [s for s in statements if s.startswith("GRANT")]
    assert grants
    assert all(s.endswith(f" TO cypheredge_{service}") for s in grants)
    assert 'GRANT CONNECT ON DATABASE "cedb"' in text
    assert "GRANT ALL" not in text
    assert "GRANT CREATE" not in text
    assert re.search(r"(?<!NO)SUPERUSER", text) is None
    assert re.search(r"(?<!NO)BYPASSRLS", text) is None


def test_dml_only_on_the_schema() -> None:
    statements = grant_statements("gateway", "gateway", "cedb", None)
    assert (
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA gateway TO cypheredge_gateway"
        in statements
    )


def test_no_password_statement_without_a_password() -> None:
    statements = grant_statements("gateway", "gateway", "cedb", None)
    assert not any("PASSWORD" in s for s in statements)


def test_password_cannot_break_out_of_its_literal() -> None:
    statements = grant_statements("gateway", "gateway", "cedb", "x'; DROP ROLE postgres; --")
    (password,) = [s for s in statements if "PASSWORD" in s]
    assert password == "ALTER ROLE cypheredge_gateway PASSWORD 'x; DROP ROLE postgres; --'"
