"""Every /v1 route needs one scope: an API key without it, or a user whose role does not carry
it, gets 403 ``insufficient_scope`` naming the scope; with it, the route answers as usual.
The OpenAPI document lists both ways in (ApiKey, OidcJwt) with the route's scope."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
import pytest
from oidc import FakeIssuer

from cetest.identity import PROBLEM, Org, Served, bearer, email, invite, new_org

pytestmark = pytest.mark.integration

ALL_BUT_ADMIN = ["batches:write", "batches:read", "reports:read", "webhooks:manage"]
SOME_ID = "00000000-0000-4000-8000-000000000000"

# (method, path): the scope the route needs, as the OpenAPI document must say too.
ROUTES: dict[tuple[str, str], str] = {
    ("POST", "/v1/batches"): "batches:write",
    ("GET", "/v1/batches"): "batches:read",
    ("GET", "/v1/batches/{id}"): "batches:read",
    ("GET", "/v1/batches/{id}/report"): "reports:read",
    ("GET", "/v1/batches/{id}/transactions"): "reports:read",
    ("GET", "/v1/usage"): "batches:read",
    ("GET", "/v1/billing/subscription"): "batches:read",
    ("GET", "/v1/webhook_endpoints"): "webhooks:manage",
    ("POST", "/v1/webhook_endpoints"): "webhooks:manage",
    ("GET", "/v1/webhook_endpoints/{id}"): "webhooks:manage",
    ("DELETE", "/v1/webhook_endpoints/{id}"): "webhooks:manage",
    ("POST", "/v1/webhook_endpoints/{id}/test"): "webhooks:manage",
    ("GET", "/v1/webhook_endpoints/{id}/deliveries"): "webhooks:manage",
    ("GET", "/v1/users"): "admin",
    ("POST", "/v1/users"): "admin",
    ("PATCH", "/v1/users/{id}"): "admin",
    ("DELETE", "/v1/users/{id}"): "admin",
    ("GET", "/v1/api_keys"): "admin",
    ("POST", "/v1/api_keys"): "admin",
    ("DELETE", "/v1/api_keys/{id}"): "admin",
}
# What each route answers a caller that holds its scope (an unknown id: 404).
ALLOWED: dict[tuple[str, str], int] = {
    ("POST", "/v1/batches"): 422,  # no files (no_files): past the scope check
    ("GET", "/v1/batches"): 200,
    ("GET", "/v1/batches/{id}"): 404,
    ("GET", "/v1/batches/{id}/report"): 404,
    ("GET", "/v1/batches/{id}/transactions"): 404,
    ("GET", "/v1/usage"): 200,
    ("GET", "/v1/billing/subscription"): 200,
    ("GET", "/v1/webhook_endpoints"): 200,
    ("POST", "/v1/webhook_endpoints"): 422,  # production settings: no http receivers
    ("GET", "/v1/webhook_endpoints/{id}"): 404,
    ("DELETE", "/v1/webhook_endpoints/{id}"): 404,
    ("POST", "/v1/webhook_endpoints/{id}/test"): 404,
    ("GET", "/v1/webhook_endpoints/{id}/deliveries"): 404,
    ("GET", "/v1/users"): 200,
    ("POST", "/v1/users"): 201,
    ("PATCH", "/v1/users/{id}"): 404,
    ("DELETE", "/v1/users/{id}"): 404,
    ("GET", "/v1/api_keys"): 200,
    ("POST", "/v1/api_keys"): 201,
    ("DELETE", "/v1/api_keys/{id}"): 404,
}


def body_for(method: str, path: str) -> dict[str, Any] | None:
    """A request body the route would take, so a 403 is about the scope alone."""
    if method not in {"POST", "PATCH"} or path in {"/v1/batches"} or path.endswith("/test"):
        return None
    if path == "/v1/webhook_endpoints":
        return {"url": "http://127.0.0.1:9/hook", "event_types": ["batch.completed"]}
    if path == "/v1/users":
        return {"email": email(), "role": "viewer"}
    if path == "/v1/users/{id}":
        return {"role": "viewer"}
    return {"name": "made in a scope test", "scopes": ["batches:read"]}


async def call(
    client: httpx.AsyncClient, route: tuple[str, str], headers: dict[str, str]
) -> httpx.Response:
    method, path = route
    body = body_for(method, path)
    url = path.replace("{id}", SOME_ID)
    return await client.request(method, url, json=body, headers=headers)


def assert_insufficient(response: httpx.Response, scope: str, who: str) -> None:
    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.headers["www-authenticate"] == (
        f'Bearer error="insufficient_scope", scope="{scope}"'
    )
    body = response.json()
    assert (body["status"], body["code"], body["scope"]) == (403, "insufficient_scope", scope)
    assert body["detail"] == f"{who} lacks the '{scope}' scope."


@pytest.fixture(scope="module")
async def org(served: Served) -> Org:
    return await new_org(served[0], "Scopes org")


@pytest.fixture(scope="module")
async def people(served: Served, org: Org, issuer: FakeIssuer) -> dict[str, dict[str, str]]:
    """A signed-in user of each role: the headers carrying their token."""
    client = served[1]
    found: dict[str, dict[str, str]] = {}
    for role in ("owner", "admin", "member", "viewer"):
        address = email()
        await invite(client, org, address, role)
        found[role] = bearer(issuer.token(f"sub-{uuid4().hex}", email=address, email_verified=True))
    return found


async def key_holding(client: httpx.AsyncClient, org: Org, scopes: list[str]) -> dict[str, str]:
    response = await client.post(
        "/v1/api_keys", json={"name": "scoped", "scopes": scopes}, headers=org.auth
    )
    assert response.status_code == 201, response.text
    return bearer(response.json()["secret"])


def without(scope: str) -> list[str]:
    """Every scope but ``scope`` (and admin, which would allow it)."""
    return [s for s in ALL_BUT_ADMIN if s != scope] or ["batches:read"]


KEY_CASES = [
    pytest.param(route, ["batches:read"], id="batches:read-key-uploads")
    for route in [("POST", "/v1/batches")]
] + [
    pytest.param(route, without(scope), id=f"{route[0]} {route[1]}")
    for route, scope in ROUTES.items()
]


@pytest.mark.parametrize(("route", "scopes"), KEY_CASES)
async def test_a_key_without_the_routes_scope_is_forbidden(
    client: httpx.AsyncClient, org: Org, route: tuple[str, str], scopes: list[str]
) -> None:
    headers = await key_holding(client, org, scopes)
    assert_insufficient(await call(client, route, headers), ROUTES[route], "The API key")


@pytest.mark.parametrize("route", ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
async def test_a_key_with_just_the_routes_scope_is_let_through(
    client: httpx.AsyncClient, org: Org, route: tuple[str, str]
) -> None:
    headers = await key_holding(client, org, [ROUTES[route]])
    response = await call(client, route, headers)
    assert response.status_code == ALLOWED[route], response.text


async def test_a_key_holding_several_scopes_is_forbidden_only_what_it_lacks(
    client: httpx.AsyncClient, org: Org
) -> None:
    headers = await key_holding(client, org, ["batches:read", "batches:write"])
    report = ("GET", "/v1/batches/{id}/report")
    assert_insufficient(await call(client, report, headers), "reports:read", "The API key")
    assert (await call(client, ("GET", "/v1/batches"), headers)).status_code == 200
    assert (await call(client, ("POST", "/v1/batches"), headers)).status_code == 422


@pytest.mark.parametrize("route", ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
async def test_an_admin_key_may_use_every_route(
    client: httpx.AsyncClient, org: Org, route: tuple[str, str]
) -> None:
    headers = await key_holding(client, org, ["admin"])
    assert (await call(client, route, headers)).status_code == ALLOWED[route]


ROLE_SCOPES = {
    "owner": {"batches:write", "batches:read", "reports:read", "webhooks:manage", "admin"},
    "admin": {"batches:write", "batches:read", "reports:read", "webhooks:manage", "admin"},
    "member": {"batches:write", "batches:read", "reports:read"},
    "viewer": {"batches:read", "reports:read"},
}


@pytest.mark.parametrize("role", ROLE_SCOPES)
@pytest.mark.parametrize("route", ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
async def test_a_users_role_decides_what_they_may_do(
    client: httpx.AsyncClient,
    people: dict[str, dict[str, str]],
    route: tuple[str, str],
    role: str,
) -> None:
    response = await call(client, route, people[role])
    scope = ROUTES[route]
    if scope in ROLE_SCOPES[role]:
        assert response.status_code == ALLOWED[route], response.text
    else:
        assert_insufficient(response, scope, f"A {role}")


async def test_a_viewer_cannot_upload_and_a_member_can(
    client: httpx.AsyncClient, people: dict[str, dict[str, str]]
) -> None:
    files = {"files": ("statement.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")}
    viewer = await client.post("/v1/batches", files=files, headers=people["viewer"])
    assert_insufficient(viewer, "batches:write", "A viewer")
    member = await client.post("/v1/batches", files=files, headers=people["member"])
    assert member.status_code == 202, member.text
    batch = member.json()["id"]
    seen = await client.get(f"/v1/batches/{batch}", headers=people["viewer"])
    assert seen.status_code == 200, seen.text  # and the viewer may read it


async def test_the_document_lists_both_schemes_with_each_routes_scope(
    client: httpx.AsyncClient,
) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKey"]["type"] == schemes["OidcJwt"]["type"] == "http"
    assert schemes["ApiKey"]["scheme"] == schemes["OidcJwt"]["scheme"] == "bearer"
    assert schemes["OidcJwt"]["bearerFormat"] == "JWT"
    found: dict[tuple[str, str], str] = {}
    for path, operations in document["paths"].items():
        if not path.startswith("/v1/") or path == "/v1/stripe/webhooks":
            continue
        for method, operation in operations.items():
            security = operation["security"]
            assert len(security) == 2, (method, path, security)
            (api_key,), (token,) = (list(s.items()) for s in security)
            assert (api_key[0], token[0]) == ("ApiKey", "OidcJwt"), (method, path)
            assert api_key[1] == token[1], (method, path)
            assert len(api_key[1]) == 1, (method, path)
            normalized = path
            for name in ("batch_id", "endpoint_id", "user_id", "key_id"):
                normalized = normalized.replace("{" + name + "}", "{id}")
            found[(method.upper(), normalized)] = api_key[1][0]
    assert found == ROUTES
