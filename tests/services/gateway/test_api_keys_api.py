"""/v1/api_keys over real HTTP: a key's secret is shown once, the listing never shows it, a
revoked key is refused on its next request (by every gateway process), and an expired one
is refused too. The gateways' auth caches keep entries an hour (cetest.identity.FAST): what
stops working here was evicted, not timed out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest

from cetest.identity import PROBLEM, Org, Served, bearer, new_org
from cetest.identity import gateway as identity_gateway
from cypheredge.gateway.domain.keys import hash_key, issue_key
from cypheredge.gateway.infra import accounts
from cypheredge.gateway.infra.revocations import CHANNEL as REVOCATIONS
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration

LISTED = {"id", "name", "prefix", "scopes", "created_at", "last_used_at", "expires_at"}


@pytest.fixture(scope="module")
async def served(infra: InfraSettings) -> AsyncIterator[Served]:
    async with identity_gateway(infra, None) as pair:
        yield pair


@pytest.fixture
async def org(served: Served) -> Org:
    return await new_org(served[0], "Keys org")


async def create(client: httpx.AsyncClient, org: Org, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/v1/api_keys", json=body, headers=org.auth)


async def new_key(
    client: httpx.AsyncClient, org: Org, *scopes: str, expires_at: datetime | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"name": f"key {uuid4().hex[:6]}", "scopes": list(scopes)}
    if expires_at is not None:
        body["expires_at"] = expires_at.isoformat()
    response = await create(client, org, body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def listed(client: httpx.AsyncClient, org: Org) -> httpx.Response:
    response = await client.get("/v1/api_keys", headers=org.auth)
    assert response.status_code == 200, response.text
    return response


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert (body["status"], body["code"]) == (status, code), body
    return body


async def test_a_new_key_shows_its_secret_once_and_works(
    client: httpx.AsyncClient, org: Org
) -> None:
    response = await create(
        client, org, {"name": "ci uploader", "scopes": ["reports:read", "batches:read"]}
    )
    assert response.status_code == 201, response.text
    key = response.json()
    assert set(key) == LISTED | {"secret"}
    assert key["name"] == "ci uploader"
    assert key["scopes"] == ["batches:read", "reports:read"]  # the canonical order
    assert (key["expires_at"], key["last_used_at"]) == (None, None)
    assert key["secret"].startswith(f"ce_{key['prefix']}_")
    assert len(key["prefix"]) == 12

    used = await client.get("/v1/batches", headers=bearer(key["secret"]))
    assert used.status_code == 200, used.text

    listing = await listed(client, org)
    mine = [k for k in listing.json()["data"] if k["id"] == key["id"]]
    assert len(mine) == 1
    assert set(mine[0]) == LISTED
    assert {k: v for k, v in mine[0].items() if k != "last_used_at"} == {
        k: v for k, v in key.items() if k not in {"secret", "last_used_at"}
    }
    assert mine[0]["last_used_at"] is not None  # the request above used it
    # Neither the secret nor its hash is ever sent again.
    secret = key["secret"]
    assert secret not in listing.text
    assert secret.rsplit("_", 1)[1] not in listing.text
    assert hash_key(secret) not in listing.text
    for entry in listing.json()["data"]:
        assert set(entry) == LISTED


async def test_keys_are_listed_newest_first_with_the_orgs_first_key_last(
    client: httpx.AsyncClient, org: Org
) -> None:
    first = await new_key(client, org, "batches:read")
    second = await new_key(client, org, "webhooks:manage", "admin")
    data = (await listed(client, org)).json()["data"]
    assert [k["id"] for k in data[:2]] == [second["id"], first["id"]]
    assert len(data) == 3
    assert data[2]["name"] == "default"
    assert org.admin_key.startswith(f"ce_{data[2]['prefix']}_")
    assert data[2]["scopes"] == [
        "batches:write",
        "batches:read",
        "reports:read",
        "webhooks:manage",
        "admin",
    ]


async def test_a_revoked_key_is_refused_on_its_next_request(
    client: httpx.AsyncClient, org: Org
) -> None:
    key = await new_key(client, org, "batches:read")
    headers = bearer(key["secret"])
    assert (await client.get("/v1/batches", headers=headers)).status_code == 200  # cached now
    revoked = await client.delete(f"/v1/api_keys/{key['id']}", headers=org.auth)
    assert revoked.status_code == 204, revoked.text
    assert revoked.content == b""
    refused = assert_problem(await client.get("/v1/batches", headers=headers), 401, "invalid_token")
    assert "revoked" in refused["detail"]
    assert key["id"] not in {k["id"] for k in (await listed(client, org)).json()["data"]}
    again = await client.delete(f"/v1/api_keys/{key['id']}", headers=org.auth)
    assert_problem(again, 404, "not_found")
    assert_problem(
        await client.delete(f"/v1/api_keys/{uuid4()}", headers=org.auth), 404, "not_found"
    )
    assert_problem(
        await client.delete("/v1/api_keys/not-a-uuid", headers=org.auth), 422, "invalid_request"
    )
    # Revoking one key leaves the others working.
    assert (await client.get("/v1/batches", headers=org.auth)).status_code == 200


async def test_a_key_may_revoke_itself(client: httpx.AsyncClient, org: Org) -> None:
    key = await new_key(client, org, "admin")
    headers = bearer(key["secret"])
    assert (await client.delete(f"/v1/api_keys/{key['id']}", headers=headers)).status_code == 204
    assert_problem(await client.get("/v1/api_keys", headers=headers), 401, "invalid_token")


async def test_another_gateway_process_refuses_a_revoked_key_on_its_next_request(
    infra: InfraSettings, client: httpx.AsyncClient, org: Org
) -> None:
    key = await new_key(client, org, "batches:read")
    headers = bearer(key["secret"])
    async with identity_gateway(infra, None, lifespan=True) as (other, other_client):
        assert (await other_client.get("/v1/batches", headers=headers)).status_code == 200
        heard = asyncio.Event()

        def on_revoked(payload: str | None) -> None:
            # Runs after the gateway's own handler (registered first at build).
            if payload == key["id"]:
                heard.set()

        other.batch_changes.on(REVOCATIONS, on_revoked)
        revoked = await client.delete(f"/v1/api_keys/{key['id']}", headers=org.auth)
        assert revoked.status_code == 204, revoked.text
        await asyncio.wait_for(heard.wait(), timeout=30)
        refused = await other_client.get("/v1/batches", headers=headers)
        assert_problem(refused, 401, "invalid_token")


async def test_a_key_past_its_expiry_is_refused(
    served: Served, client: httpx.AsyncClient, org: Org
) -> None:
    container = served[0]
    issued = issue_key()
    async with container.db.tenant(UUID(org.org_id)) as session:
        await accounts.insert_api_key(
            session,
            key_id=uuid4(),
            org_id=UUID(org.org_id),
            name="expired",
            prefix=issued.prefix,
            key_hash=issued.key_hash,
            scopes=("admin",),
            expires_at=datetime.now(UTC) - timedelta(minutes=1),
        )
    refused = await client.get("/v1/batches", headers=bearer(issued.plaintext))
    body = assert_problem(refused, 401, "invalid_token")
    assert "expired" in body["detail"]


async def test_a_key_stops_working_at_its_expiry_even_while_cached(
    client: httpx.AsyncClient, org: Org
) -> None:
    expires_at = datetime.now(UTC) + timedelta(seconds=1.5)
    key = await new_key(client, org, "batches:read", expires_at=expires_at)
    assert datetime.fromisoformat(key["expires_at"]) == expires_at
    headers = bearer(key["secret"])
    assert (await client.get("/v1/batches", headers=headers)).status_code == 200  # cached now
    # Wall-clock time has to pass for a key to expire; the cache keeps it an hour.
    await asyncio.sleep(max(0.0, (expires_at - datetime.now(UTC)).total_seconds()) + 0.05)
    assert_problem(await client.get("/v1/batches", headers=headers), 401, "invalid_token")
    listed_key = [k for k in (await listed(client, org)).json()["data"] if k["id"] == key["id"]]
    assert listed_key[0]["expires_at"] is not None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            {"name": "past", "scopes": ["admin"], "expires_at": "2000-01-01T00:00:00Z"},
            "expires_at",
        ),
        (
            {"name": "naive", "scopes": ["admin"], "expires_at": "2999-01-01T00:00:00"},
            "body.expires_at",
        ),
        ({"name": "none", "scopes": []}, "body.scopes"),
        ({"name": "unknown", "scopes": ["batches:delete"]}, "body.scopes.0"),
        ({"name": "", "scopes": ["admin"]}, "body.name"),
        ({"name": "x" * 201, "scopes": ["admin"]}, "body.name"),
        ({"scopes": ["admin"]}, "body.name"),
        ({"name": "no scopes"}, "body.scopes"),
        ({"name": "extra", "scopes": ["admin"], "key_hash": "00"}, "body.key_hash"),
    ],
    ids=[
        "past-expiry",
        "naive-expiry",
        "no-scopes",
        "unknown-scope",
        "empty-name",
        "long-name",
        "no-name",
        "scopes-missing",
        "extra-field",
    ],
)
async def test_an_invalid_key_request_is_refused_and_issues_nothing(
    client: httpx.AsyncClient, org: Org, body: dict[str, Any], field: str
) -> None:
    problem = assert_problem(await create(client, org, body), 422, _code(field))
    assert problem["field"] == field
    assert len((await listed(client, org)).json()["data"]) == 1  # the org's first key only


def _code(field: str) -> str:
    return "invalid_expiry" if field == "expires_at" else "invalid_request"


async def test_another_orgs_keys_are_not_found(
    served: Served, client: httpx.AsyncClient, org: Org
) -> None:
    theirs = await new_key(client, org, "batches:read")
    other = await new_org(served[0], "Other keys org")
    ours = await new_key(client, other, "batches:read")
    their_ids = {k["id"] for k in (await listed(client, org)).json()["data"]}
    our_ids = {k["id"] for k in (await listed(client, other)).json()["data"]}
    assert theirs["id"] in their_ids
    assert ours["id"] in our_ids
    assert not their_ids & our_ids
    gone = await client.delete(f"/v1/api_keys/{theirs['id']}", headers=other.auth)
    assert_problem(gone, 404, "not_found")
    assert (await client.get("/v1/batches", headers=bearer(theirs["secret"]))).status_code == 200
