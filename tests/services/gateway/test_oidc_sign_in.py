"""Signing in with a bearer JWT from a local OIDC issuer, over real HTTP.

The gateway discovers the issuer's JWKS, caches the keys and reads them again for a kid it
does not know; every token that is not a valid one from the issuer, for us, and current is
refused with a 401 problem. An invitation is linked to a person at their first sign-in with
a verified email; removals and role changes apply on the user's next request.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import Any
from uuid import uuid4

import httpx
import jwt
import pytest
from oidc import FakeIssuer
from oidc.issuer import AUDIENCE, make_key

from cetest.http import serve
from cetest.identity import FAST, PROBLEM, Org, Served, bearer, email, invite, new_org
from cetest.identity import gateway as identity_gateway
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build
from cypheredge.gateway.settings import OidcSettings
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration


@pytest.fixture
async def org(served: Served) -> Org:
    return await new_org(served[0], "Sign-in org")


def subject() -> str:
    return f"sub-{uuid4().hex}"


def assert_unauthorized(response: httpx.Response, code: str = "invalid_token") -> dict[str, Any]:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.headers["www-authenticate"].startswith("Bearer")
    body: dict[str, Any] = response.json()
    assert body["status"] == 401
    assert body["code"] == code, body
    assert body["detail"]
    return body


async def users_of(client: httpx.AsyncClient, org: Org) -> dict[str, dict[str, Any]]:
    response = await client.get("/v1/users", headers=org.auth)
    assert response.status_code == 200, response.text
    return {u["email"]: u for u in response.json()["data"]}


async def signed_in(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, role: str
) -> tuple[dict[str, Any], str, str]:
    """An invited user of ``role`` who signed in once: (user, subject, address)."""
    address = email()
    user = await invite(client, org, address, role)
    sub = subject()
    first = await client.get(
        "/v1/batches", headers=bearer(issuer.token(sub, email=address, email_verified=True))
    )
    assert first.status_code == 200, first.text
    return user, sub, address


async def test_an_invited_person_signs_in_with_a_verified_email_and_is_linked(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    address = email()
    await invite(client, org, address, "viewer")
    assert (await users_of(client, org))[address]["signed_in"] is False
    sub = subject()
    token = issuer.token(sub, email=address, email_verified=True)
    response = await client.get("/v1/batches", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.json()["data"] == []
    listed = (await users_of(client, org))[address]
    assert listed["signed_in"] is True
    assert listed["last_sign_in_at"] is not None
    # Linked by subject from now on: a token without any email claim is the same user.
    reads = issuer.jwks_reads
    for _ in range(3):
        again = await client.get("/v1/batches", headers=bearer(issuer.token(sub)))
        assert again.status_code == 200, again.text
    assert issuer.jwks_reads == reads  # the keys were cached, not read per request


async def test_the_invited_email_matches_in_any_case(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    address = email()
    await invite(client, org, address.upper(), "member")
    token = issuer.token(subject(), email=address.lower(), email_verified=True)
    response = await client.get("/v1/batches", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert (await users_of(client, org))[address.upper()]["signed_in"] is True


@pytest.mark.parametrize(
    "claims",
    [{"email_verified": False}, {}, {"email_verified": "true"}, {"email_verified": 1}],
    ids=["false", "absent", "string-true", "one"],
)
async def test_an_email_the_issuer_does_not_verify_links_nothing(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, claims: dict[str, Any]
) -> None:
    address = email()
    await invite(client, org, address, "admin")
    sub = subject()
    refused = await client.get(
        "/v1/batches", headers=bearer(issuer.token(sub, email=address, **claims))
    )
    assert_unauthorized(refused, "unknown_user")
    assert (await users_of(client, org))[address]["signed_in"] is False
    # The invitation is still there for a verified sign-in.
    verified = issuer.token(sub, email=address, email_verified=True)
    assert (await client.get("/v1/batches", headers=bearer(verified))).status_code == 200


async def test_a_linked_user_is_not_taken_over_by_another_identity_with_its_email(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    _, _, address = await signed_in(client, org, issuer, "admin")
    intruder = issuer.token(subject(), email=address, email_verified=True)
    assert_unauthorized(await client.get("/v1/users", headers=bearer(intruder)), "unknown_user")


async def test_a_valid_token_of_nobody_we_know_is_refused(
    client: httpx.AsyncClient, issuer: FakeIssuer
) -> None:
    token = issuer.token(subject(), email=email(), email_verified=True)
    body = assert_unauthorized(
        await client.get("/v1/batches", headers=bearer(token)), "unknown_user"
    )
    assert "invite" in body["detail"]


def _expired(issuer: FakeIssuer, sub: str) -> str:
    now = int(time.time())
    return issuer.token(sub, iat=now - 600, exp=now - 120)  # well past the 30 s leeway


def _not_yet_valid(issuer: FakeIssuer, sub: str) -> str:
    return issuer.token(sub, nbf=int(time.time()) + 600)


def _no_expiry(issuer: FakeIssuer, sub: str) -> str:
    claims = issuer.claims(sub)
    del claims["exp"]
    key = issuer.key
    return jwt.encode(claims, key.private, algorithm=key.alg, headers={"kid": key.kid})


BAD_TOKENS: dict[str, tuple[Callable[[FakeIssuer, str], str], str]] = {
    "expired": (_expired, "token_expired"),
    "not-yet-valid": (_not_yet_valid, "invalid_token"),
    "no-expiry": (_no_expiry, "invalid_token"),
    "wrong-audience": (lambda i, s: i.token(s, aud="someone-else"), "invalid_token"),
    "wrong-issuer": (lambda i, s: i.token(s, iss="https://issuer.invalid"), "invalid_token"),
    "alg-none": (lambda i, s: i.unsigned_token(s), "invalid_token"),
    "hmac-with-public-key": (lambda i, s: i.hmac_with_public_key(s), "invalid_token"),
    "tampered": (lambda i, s: _tampered(i.token(s), i.token(subject())), "invalid_token"),
    "not-a-jwt": (lambda i, s: "eyJnot.a.token", "invalid_token"),
}


def _tampered(token: str, other: str) -> str:
    """The header and signature of ``token`` over the claims of ``other``."""
    header, _, signature = token.split(".")
    return ".".join([header, other.split(".")[1], signature])


@pytest.mark.parametrize("case", BAD_TOKENS)
async def test_a_token_that_is_not_valid_for_us_is_refused(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, case: str
) -> None:
    # A real user, signed in (and cached): only the token's own fault can refuse it.
    _, sub, _ = await signed_in(client, org, issuer, "owner")
    make, code = BAD_TOKENS[case]
    response = await client.get("/v1/batches", headers=bearer(make(issuer, sub)))
    assert_unauthorized(response, code)


async def test_a_small_clock_skew_is_allowed(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    _, sub, _ = await signed_in(client, org, issuer, "viewer")
    now = int(time.time())
    just_expired = issuer.token(sub, iat=now - 300, exp=now - 5)
    assert (await client.get("/v1/batches", headers=bearer(just_expired))).status_code == 200
    almost_valid = issuer.token(sub, nbf=now + 5)
    assert (await client.get("/v1/batches", headers=bearer(almost_valid))).status_code == 200


async def test_a_key_the_issuer_does_not_publish_is_refused_after_reading_the_jwks_again(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    _, sub, _ = await signed_in(client, org, issuer, "member")  # the keys are cached now
    before = issuer.jwks_reads
    stranger = issuer.token(sub, key=make_key())
    response = await client.get("/v1/batches", headers=bearer(stranger))
    body = assert_unauthorized(response)
    assert "does not publish" in body["detail"]
    assert issuer.jwks_reads > before  # an unknown kid made the gateway look again


@pytest.mark.parametrize("alg", ["RS256", "ES256"])
async def test_after_a_rotation_new_tokens_work_and_old_ones_are_refused(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer, alg: str
) -> None:
    _, sub, _ = await signed_in(client, org, issuer, "member")
    old = issuer.token(sub)
    assert (await client.get("/v1/batches", headers=bearer(old))).status_code == 200
    fresh = issuer.rotate(alg)
    before = issuer.jwks_reads
    new = issuer.token(sub)
    assert jwt.get_unverified_header(new)["kid"] == fresh.kid
    response = await client.get("/v1/batches", headers=bearer(new))
    assert response.status_code == 200, response.text
    assert issuer.jwks_reads > before  # the new kid was found by reading the JWKS again
    assert_unauthorized(await client.get("/v1/batches", headers=bearer(old)))


async def test_a_removed_user_is_refused_on_the_next_request(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    user, sub, _ = await signed_in(client, org, issuer, "admin")
    token = bearer(issuer.token(sub))
    assert (await client.get("/v1/users", headers=token)).status_code == 200
    removed = await client.delete(f"/v1/users/{user['id']}", headers=org.auth)
    assert removed.status_code == 204, removed.text
    assert_unauthorized(await client.get("/v1/batches", headers=token), "unknown_user")


async def test_a_role_change_applies_on_the_next_request(
    client: httpx.AsyncClient, org: Org, issuer: FakeIssuer
) -> None:
    user, sub, _ = await signed_in(client, org, issuer, "viewer")
    token = bearer(issuer.token(sub))
    refused = await client.get("/v1/webhook_endpoints", headers=token)
    assert refused.status_code == 403, refused.text
    assert refused.json()["code"] == "insufficient_scope"

    async def make(role: str) -> None:
        patched = await client.patch(
            f"/v1/users/{user['id']}", json={"role": role}, headers=org.auth
        )
        assert patched.status_code == 200, patched.text
        assert patched.json()["role"] == role

    await make("admin")
    assert (await client.get("/v1/webhook_endpoints", headers=token)).status_code == 200
    assert (await client.get("/v1/users", headers=token)).status_code == 200
    await make("viewer")
    again = await client.get("/v1/users", headers=token)
    assert again.status_code == 403, again.text
    assert again.json()["scope"] == "admin"


async def test_a_person_in_two_orgs_names_one_with_x_org_id(
    served: Served, client: httpx.AsyncClient, issuer: FakeIssuer
) -> None:
    first_org = await new_org(served[0], "First")
    second_org = await new_org(served[0], "Second")
    other_org = await new_org(served[0], "Other")
    address = email()
    await invite(client, first_org, address, "viewer")
    await invite(client, second_org, address, "admin")
    token = issuer.token(subject(), email=address, email_verified=True)

    body = assert_unauthorized(
        await client.get("/v1/batches", headers=bearer(token)), "org_required"
    )
    assert "X-Org-ID" in body["detail"]

    def in_org(org: Org) -> dict[str, str]:
        return {**bearer(token), "X-Org-ID": org.org_id}

    assert (await client.get("/v1/batches", headers=in_org(first_org))).status_code == 200
    viewer = await client.get("/v1/users", headers=in_org(first_org))
    assert viewer.status_code == 403, viewer.text
    admin = await client.get(
        "/v1/users", headers={**bearer(token), "X-Org-ID": second_org.org_id.upper()}
    )
    assert admin.status_code == 200, admin.text
    assert [u["email"] for u in admin.json()["data"]] == [address]

    # Linked in both now, still two orgs: the header stays needed.
    assert_unauthorized(await client.get("/v1/batches", headers=bearer(token)), "org_required")
    assert_unauthorized(await client.get("/v1/batches", headers=in_org(other_org)), "unknown_user")
    assert_unauthorized(
        await client.get("/v1/batches", headers={**bearer(token), "X-Org-ID": "not-an-org"}),
        "unknown_user",
    )


async def test_without_an_issuer_configured_tokens_are_refused_and_keys_work(
    infra: InfraSettings, issuer: FakeIssuer
) -> None:
    async with identity_gateway(infra, None) as (container, client):
        org = await new_org(container)
        response = await client.get("/v1/batches", headers=bearer(issuer.token(subject())))
        body = assert_unauthorized(response, "oidc_not_configured")
        assert "API key" in body["detail"]
        assert (await client.get("/v1/batches", headers=org.auth)).status_code == 200


async def test_an_issuer_that_cannot_be_reached_answers_503(infra: InfraSettings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    oidc = OidcSettings(issuer=closed, audience=AUDIENCE, http_timeout_seconds=5)
    container = build(infra, FAST, oidc=oidc)
    signer = make_key()
    now = int(time.time())
    token = jwt.encode(
        {"iss": closed, "aud": AUDIENCE, "sub": subject(), "iat": now, "exp": now + 300},
        signer.private,
        algorithm=signer.alg,
        headers={"kid": signer.kid},
    )
    try:
        async with (
            serve(create_app(container)) as url,
            httpx.AsyncClient(base_url=url, timeout=30) as client,
        ):
            response = await client.get("/v1/batches", headers=bearer(token))
            assert response.status_code == 503, response.text
            assert response.headers["content-type"].startswith(PROBLEM)
            assert response.headers["retry-after"].isdigit()
            assert response.json()["code"] == "identity_provider_unavailable"
            org = await new_org(container)
            assert (await client.get("/v1/batches", headers=org.auth)).status_code == 200
    finally:
        await container.db.dispose()


async def test_keys_read_before_an_issuer_outage_keep_verifying(infra: InfraSettings) -> None:
    outage = FakeIssuer()
    with outage:
        async with identity_gateway(infra, outage) as (container, client):
            org = await new_org(container)
            address = email()
            await invite(client, org, address, "member")
            sub = subject()
            first = outage.token(sub, email=address, email_verified=True)
            assert (await client.get("/v1/batches", headers=bearer(first))).status_code == 200
            later = outage.token(sub)
            outage.__exit__(None, None, None)  # the issuer is gone (a second exit is a no-op)
            response = await client.get("/v1/batches", headers=bearer(later))
            assert response.status_code == 200, response.text
