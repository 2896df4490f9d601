"""/v1/users over real HTTP: invite, list, change a role, remove; who may do which, the last
owner, and that one org's users are invisible to another org."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import httpx
import pytest
from oidc import FakeIssuer

from cetest.identity import PROBLEM, Org, Served, bearer, email, invite, new_org

pytestmark = pytest.mark.integration

LISTED = {"id", "email", "role", "created_at", "last_sign_in_at", "signed_in"}


@pytest.fixture
async def org(served: Served) -> Org:
    return await new_org(served[0], "Users org")


async def person(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, role: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """An invited user of ``role``, signed in: (the user, headers carrying their token)."""
    address = email()
    user = await invite(client, org, address, role)
    headers = bearer(issuer.token(f"sub-{uuid4().hex}", email=address, email_verified=True))
    assert (await client.get("/v1/batches", headers=headers)).status_code == 200
    return user, headers


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert (body["status"], body["code"]) == (status, code), body
    return body


async def roles(client: httpx.AsyncClient, org: Org) -> dict[str, str]:
    response = await client.get("/v1/users", headers=org.auth)
    assert response.status_code == 200, response.text
    return {u["id"]: u["role"] for u in response.json()["data"]}


async def patch(
    client: httpx.AsyncClient, user: dict[str, Any], role: str, headers: dict[str, str]
) -> httpx.Response:
    return await client.patch(f"/v1/users/{user['id']}", json={"role": role}, headers=headers)


async def test_invite_list_change_and_remove_a_user(client: httpx.AsyncClient, org: Org) -> None:
    address = email()
    response = await client.post(
        "/v1/users", json={"email": f"  {address} ", "role": "member"}, headers=org.auth
    )
    assert response.status_code == 201, response.text
    user = response.json()
    assert set(user) == LISTED
    assert (user["email"], user["role"]) == (address, "member")
    assert user["signed_in"] is False
    assert user["last_sign_in_at"] is None
    second = await invite(client, org, email(), "viewer")

    listed = await client.get("/v1/users", headers=org.auth)
    assert listed.status_code == 200
    assert [u["id"] for u in listed.json()["data"]] == [user["id"], second["id"]]  # oldest first
    assert listed.json()["data"][0] == user

    changed = await patch(client, user, "viewer", org.auth)
    assert changed.status_code == 200, changed.text
    assert {**user, "role": "viewer"} == changed.json()
    assert (await roles(client, org))[user["id"]] == "viewer"

    removed = await client.delete(f"/v1/users/{user['id']}", headers=org.auth)
    assert removed.status_code == 204, removed.text
    assert removed.content == b""
    assert list(await roles(client, org)) == [second["id"]]
    problem(await patch(client, user, "admin", org.auth), 404, "not_found")
    problem(await client.delete(f"/v1/users/{user['id']}", headers=org.auth), 404, "not_found")


async def test_an_email_is_taken_whatever_its_case_but_only_in_its_org(
    served: Served, client: httpx.AsyncClient, org: Org
) -> None:
    address = email()
    await invite(client, org, address, "member")
    again = await client.post(
        "/v1/users", json={"email": address.upper(), "role": "admin"}, headers=org.auth
    )
    body = problem(again, 409, "email_taken")
    assert body["field"] == "email"
    other = await new_org(served[0], "Other users org")
    assert (await invite(client, other, address, "member"))["email"] == address


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not-an-address", "role": "member"},
        {"email": "a@b", "role": "member"},
        {"email": "", "role": "member"},
        {"email": "x" * 321 + "@example.com", "role": "member"},
        {"email": "ann@example.com", "role": "superuser"},
        {"email": "ann@example.com"},
        {"role": "member"},
        {"email": "ann@example.com", "role": "member", "oidc_sub": "someone"},
    ],
    ids=["no-at", "no-dot", "empty", "too-long", "unknown-role", "no-role", "no-email", "extra"],
)
async def test_an_invalid_invitation_is_refused(
    client: httpx.AsyncClient, org: Org, body: dict[str, Any]
) -> None:
    problem(await client.post("/v1/users", json=body, headers=org.auth), 422, "invalid_request")
    assert await roles(client, org) == {}


async def test_an_invalid_role_change_is_refused(client: httpx.AsyncClient, org: Org) -> None:
    user = await invite(client, org, email(), "member")
    problem(await patch(client, user, "superuser", org.auth), 422, "invalid_request")
    extra = await client.patch(
        f"/v1/users/{user['id']}",
        json={"role": "admin", "email": "x@example.com"},
        headers=org.auth,
    )
    problem(extra, 422, "invalid_request")
    not_an_id = await client.patch("/v1/users/42", json={"role": "admin"}, headers=org.auth)
    problem(not_an_id, 422, "invalid_request")
    assert (await roles(client, org))[user["id"]] == "member"


async def test_the_last_owner_cannot_be_demoted_or_removed(
    client: httpx.AsyncClient, org: Org
) -> None:
    first = await invite(client, org, email(), "owner")  # the org's admin key may invite one
    for role in ("admin", "member", "viewer"):
        problem(await patch(client, first, role, org.auth), 409, "last_owner")
    problem(await client.delete(f"/v1/users/{first['id']}", headers=org.auth), 409, "last_owner")
    assert (await roles(client, org))[first["id"]] == "owner"
    # Staying an owner is no change.
    assert (await patch(client, first, "owner", org.auth)).status_code == 200

    second = await invite(client, org, email(), "owner")
    assert (await patch(client, first, "admin", org.auth)).status_code == 200
    problem(await patch(client, second, "member", org.auth), 409, "last_owner")
    problem(await client.delete(f"/v1/users/{second['id']}", headers=org.auth), 409, "last_owner")
    assert await roles(client, org) == {first["id"]: "admin", second["id"]: "owner"}
    # With another owner again, the old one may go.
    assert (await patch(client, first, "owner", org.auth)).status_code == 200
    removed = await client.delete(f"/v1/users/{second['id']}", headers=org.auth)
    assert removed.status_code == 204, removed.text
    assert await roles(client, org) == {first["id"]: "owner"}


async def test_a_signed_in_last_owner_cannot_demote_themselves(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    owner, as_owner = await person(client, org, issuer, "owner")
    problem(await patch(client, owner, "admin", as_owner), 409, "last_owner")
    problem(await client.delete(f"/v1/users/{owner['id']}", headers=as_owner), 409, "last_owner")


async def test_only_an_owner_grants_or_takes_away_the_owner_role(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    owner, as_owner = await person(client, org, issuer, "owner")
    _, as_admin = await person(client, org, issuer, "admin")
    member = await invite(client, org, email(), "member")
    second_owner = await invite(client, org, email(), "owner")

    invited = await client.post(
        "/v1/users", json={"email": email(), "role": "owner"}, headers=as_admin
    )
    body = problem(invited, 403, "owner_role_required")
    assert "owner" in body["detail"]
    problem(await patch(client, member, "owner", as_admin), 403, "owner_role_required")
    problem(await patch(client, second_owner, "admin", as_admin), 403, "owner_role_required")
    gone = await client.delete(f"/v1/users/{second_owner['id']}", headers=as_admin)
    problem(gone, 403, "owner_role_required")
    assert (await roles(client, org))[second_owner["id"]] == "owner"
    assert (await roles(client, org))[member["id"]] == "member"

    # What is below owner, an admin manages.
    assert (await invite(client, org, email(), "admin", **as_admin))["role"] == "admin"
    assert (await patch(client, member, "viewer", as_admin)).status_code == 200
    # An owner may do all of it.
    assert (await invite(client, org, email(), "owner", **as_owner))["role"] == "owner"
    assert (await patch(client, member, "owner", as_owner)).json()["role"] == "owner"
    assert (await patch(client, second_owner, "member", as_owner)).json()["role"] == "member"
    assert (await patch(client, owner, "admin", as_owner)).status_code == 200  # others remain


@pytest.mark.parametrize("role", ["member", "viewer"])
async def test_members_and_viewers_cannot_manage_users(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, role: str
) -> None:
    target = await invite(client, org, email(), "viewer")
    _, headers = await person(client, org, issuer, role)
    attempts = [
        await client.get("/v1/users", headers=headers),
        await client.post("/v1/users", json={"email": email(), "role": "viewer"}, headers=headers),
        await patch(client, target, "admin", headers),
        await client.delete(f"/v1/users/{target['id']}", headers=headers),
    ]
    for attempt in attempts:
        body = problem(attempt, 403, "insufficient_scope")
        assert body["scope"] == "admin"
        assert body["detail"] == f"A {role} lacks the 'admin' scope."
    assert (await roles(client, org))[target["id"]] == "viewer"


async def test_a_key_without_admin_cannot_manage_users(
    served: Served, client: httpx.AsyncClient, org: Org
) -> None:
    made = await client.post(
        "/v1/api_keys",
        json={
            "name": "everything but admin",
            "scopes": ["batches:write", "batches:read", "reports:read", "webhooks:manage"],
        },
        headers=org.auth,
    )
    assert made.status_code == 201, made.text
    headers = bearer(made.json()["secret"])
    target = await invite(client, org, email(), "member")
    for attempt in [
        await client.get("/v1/users", headers=headers),
        await client.post("/v1/users", json={"email": email(), "role": "member"}, headers=headers),
        await patch(client, target, "viewer", headers),
        await client.delete(f"/v1/users/{target['id']}", headers=headers),
    ]:
        body = problem(attempt, 403, "insufficient_scope")
        assert body["detail"] == "The API key lacks the 'admin' scope."
    assert (await roles(client, org))[target["id"]] == "member"


async def test_another_orgs_users_are_not_found(
    served: Served, client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    theirs = await invite(client, org, email(), "member")
    other = await new_org(served[0], "Other org")
    ours = await invite(client, other, email(), "viewer")
    _, other_admin = await person(client, other, issuer, "admin")
    for headers in (other.auth, other_admin):
        listed = await client.get("/v1/users", headers=headers)
        assert theirs["id"] not in {u["id"] for u in listed.json()["data"]}
        assert ours["id"] in {u["id"] for u in listed.json()["data"]}
        problem(await patch(client, theirs, "admin", headers), 404, "not_found")
        gone = await client.delete(f"/v1/users/{theirs['id']}", headers=headers)
        problem(gone, 404, "not_found")
    assert await roles(client, org) == {theirs["id"]: "member"}


async def test_an_admin_cannot_become_an_owner_through_a_key_they_mint(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    await invite(client, org, email(), "owner")
    admin, as_admin = await person(client, org, issuer, "admin")
    minted = await client.post(
        "/v1/api_keys", json={"name": "mine", "scopes": ["admin"]}, headers=as_admin
    )
    if minted.status_code == 201:
        escalated = await patch(client, admin, "owner", bearer(minted.json()["secret"]))
        problem(escalated, 403, "owner_role_required")
    else:  # or the key is not issued at all
        assert minted.status_code == 403, minted.text
    assert (await roles(client, org))[admin["id"]] == "admin"
