"""Identity rules without I/O: which scopes a role or key holds, who may grant the owner role,
that an org keeps an owner, what counts as an email address, and what a principal may do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from cypheredge.gateway.domain.principals import Principal, Unauthenticated
from cypheredge.gateway.domain.scopes import (
    MANAGING_ROLES,
    ROLES,
    SCOPES,
    grants,
    normalized,
    scopes_of_role,
)
from cypheredge.gateway.domain.users import (
    LastOwner,
    NotPermitted,
    check_invite,
    check_key_scopes,
    check_role_change,
    normalized_email,
)

EVERY_SCOPE = ("batches:write", "batches:read", "reports:read", "webhooks:manage", "admin")


# --- scopes -------------------------------------------------------------------------------


def test_the_scopes_and_roles_are_the_documented_ones() -> None:
    assert SCOPES == EVERY_SCOPE
    assert ROLES == ("owner", "admin", "member", "viewer")
    assert frozenset({"owner", "admin"}) == MANAGING_ROLES


@pytest.mark.parametrize("needed", EVERY_SCOPE)
def test_admin_grants_every_scope(needed: str) -> None:
    assert grants(["admin"], needed)


@pytest.mark.parametrize(
    ("held", "needed", "allowed"),
    [
        (["batches:read"], "batches:read", True),
        (["batches:read"], "batches:write", False),
        (["batches:write"], "batches:read", False),
        (["batches:read", "batches:write"], "reports:read", False),
        (["reports:read"], "reports:read", True),
        (["webhooks:manage"], "admin", False),
        (["batches:write", "batches:read", "reports:read", "webhooks:manage"], "admin", False),
        ([], "batches:read", False),
    ],
)
def test_a_scope_is_granted_only_when_held(held: list[str], needed: str, allowed: bool) -> None:
    assert grants(held, needed) is allowed


def test_grants_reads_any_iterable_once() -> None:
    assert grants(iter(["reports:read", "batches:read"]), "batches:read")


@pytest.mark.parametrize(
    ("role", "scopes"),
    [
        ("owner", EVERY_SCOPE),
        ("admin", EVERY_SCOPE),
        ("member", ("batches:write", "batches:read", "reports:read")),
        ("viewer", ("batches:read", "reports:read")),
        ("superuser", ()),
        ("", ()),
    ],
)
def test_the_scopes_each_role_carries(role: str, scopes: tuple[str, ...]) -> None:
    assert scopes_of_role(role) == scopes


def test_a_viewer_cannot_upload_and_a_member_cannot_manage() -> None:
    assert not grants(scopes_of_role("viewer"), "batches:write")
    assert not grants(scopes_of_role("member"), "admin")
    assert not grants(scopes_of_role("member"), "webhooks:manage")
    assert grants(scopes_of_role("member"), "batches:write")


def test_normalized_scopes_are_deduplicated_in_canonical_order() -> None:
    assert normalized(["admin", "batches:read", "admin", "batches:write"]) == (
        "batches:write",
        "batches:read",
        "admin",
    )
    assert normalized([]) == ()
    assert normalized(reversed(EVERY_SCOPE)) == EVERY_SCOPE


@pytest.mark.parametrize("unknown", ["batches:delete", "ADMIN", "", "admin "])
def test_an_unknown_scope_is_refused_by_name(unknown: str) -> None:
    with pytest.raises(ValueError, match="unknown scope") as raised:
        normalized(["batches:read", unknown])
    assert repr(unknown) in str(raised.value)


# --- emails -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("ann@example.com", "ann@example.com"),
        ("  Ann.Lee@Example.COM \n", "Ann.Lee@Example.COM"),
        ("a+tag@sub.example.co.uk", "a+tag@sub.example.co.uk"),
    ],
)
def test_an_email_is_trimmed_and_keeps_its_spelling(raw: str, stored: str) -> None:
    assert normalized_email(raw) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "ann",
        "ann@",
        "@example.com",
        "ann@example",
        "ann@example.",
        "ann@@example.com",
        "ann@exa@mple.com",
        "ann lee@example.com",
        "ann@exam ple.com",
        "a" * 310 + "@example.com",
    ],
)
def test_what_is_not_an_email_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="not an email address"):
        normalized_email(raw)


def test_an_address_of_exactly_320_characters_is_accepted() -> None:
    address = "a" * (320 - len("@example.com")) + "@example.com"
    assert len(address) == 320
    assert normalized_email(address) == address


# --- role changes and invitations ---------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "new", "owners"),
    [
        ("member", "admin", 1),
        ("admin", "viewer", 1),
        ("viewer", "member", 0),
        ("member", None, 1),
        ("admin", None, 0),
        # Not a change of the owner role: a no-op is not refused.
        ("owner", "owner", 1),
    ],
)
def test_a_manager_who_is_not_an_owner_may_change_other_roles(
    current: str, new: str | None, owners: int
) -> None:
    check_role_change(manages_owners=False, current=current, new=new, owners=owners)


@pytest.mark.parametrize(
    ("current", "new", "owners"),
    [
        ("member", "owner", 1),
        ("admin", "owner", 2),
        ("owner", "admin", 2),
        ("owner", "viewer", 3),
        ("owner", None, 2),
        # Permission is decided before the last-owner rule: 403, not 409.
        ("owner", "member", 1),
        ("owner", None, 1),
    ],
)
def test_only_an_owner_may_grant_or_take_away_the_owner_role(
    current: str, new: str | None, owners: int
) -> None:
    with pytest.raises(NotPermitted, match="owner role"):
        check_role_change(manages_owners=False, current=current, new=new, owners=owners)


@pytest.mark.parametrize(
    ("current", "new", "owners"),
    [
        ("member", "owner", 1),
        ("viewer", "owner", 0),
        ("owner", "admin", 2),
        ("owner", None, 2),
        ("owner", "owner", 1),
        ("admin", None, 0),
    ],
)
def test_an_owner_may_change_the_owner_role_while_another_owner_remains(
    current: str, new: str | None, owners: int
) -> None:
    check_role_change(manages_owners=True, current=current, new=new, owners=owners)


@pytest.mark.parametrize("new", ["admin", "member", "viewer", None])
@pytest.mark.parametrize("owners", [1, 0])
def test_the_last_owner_cannot_be_demoted_or_removed(new: str | None, owners: int) -> None:
    with pytest.raises(LastOwner, match="last owner"):
        check_role_change(manages_owners=True, current="owner", new=new, owners=owners)


@pytest.mark.parametrize("role", ["admin", "member", "viewer"])
@pytest.mark.parametrize("manages_owners", [True, False])
def test_any_manager_may_invite_a_role_below_owner(role: str, manages_owners: bool) -> None:
    check_invite(manages_owners=manages_owners, role=role)


def test_only_an_owner_may_invite_an_owner() -> None:
    check_invite(manages_owners=True, role="owner")
    with pytest.raises(NotPermitted, match="invite an owner"):
        check_invite(manages_owners=False, role="owner")


# --- principals ---------------------------------------------------------------------------


def key(*scopes: str, expires_at: datetime | None = None) -> Principal:
    return Principal(org_id=uuid4(), key_id=uuid4(), scopes=scopes, expires_at=expires_at)


def user(role: str) -> Principal:
    return Principal(
        org_id=uuid4(), key_id=None, scopes=scopes_of_role(role), user_id=uuid4(), role=role
    )


def test_a_keys_rights_are_its_scopes() -> None:
    reader = key("batches:read")
    assert reader.may("batches:read")
    assert not reader.may("batches:write")
    assert not reader.may("admin")
    assert not reader.manages_users
    assert not reader.manages_owners
    admin = key("admin")
    assert all(admin.may(s) for s in EVERY_SCOPE)
    assert admin.manages_users
    assert admin.manages_owners


def test_a_key_with_every_scope_but_admin_manages_nobody() -> None:
    almost = key("batches:write", "batches:read", "reports:read", "webhooks:manage")
    assert not almost.manages_users
    assert not almost.manages_owners


@pytest.mark.parametrize(
    ("role", "manages_users", "manages_owners"),
    [
        ("owner", True, True),
        # An admin holds the admin scope, yet the owner role stays the owners'.
        ("admin", True, False),
        ("member", False, False),
        ("viewer", False, False),
    ],
)
def test_a_users_rights_come_from_the_role(
    role: str, manages_users: bool, manages_owners: bool
) -> None:
    principal = user(role)
    assert principal.manages_users is manages_users
    assert principal.manages_owners is manages_owners
    assert principal.may("admin") is (role in {"owner", "admin"})


def test_a_user_whose_scopes_say_admin_still_needs_the_owner_role_for_owners() -> None:
    odd = Principal(org_id=uuid4(), key_id=None, scopes=("admin",), user_id=uuid4(), role="member")
    assert odd.may("admin")
    assert not odd.manages_users
    assert not odd.manages_owners


def test_the_subject_is_the_key_or_the_user() -> None:
    a_key = key("admin")
    assert a_key.subject_id == a_key.key_id
    a_user = user("viewer")
    assert a_user.subject_id == a_user.user_id


def test_a_key_expires_at_its_expiry_exactly() -> None:
    now = datetime(2030, 1, 1, tzinfo=UTC)
    expiring = key("batches:read", expires_at=now)
    assert not expiring.expired(now - timedelta(microseconds=1))
    assert expiring.expired(now)
    assert expiring.expired(now + timedelta(days=1))
    assert not key("batches:read").expired(now)
    assert not user("owner").expired(now)


def test_unauthenticated_carries_a_code_for_the_client() -> None:
    plain = Unauthenticated("bad token")
    assert (plain.detail, plain.code, str(plain)) == ("bad token", "invalid_token", "bad token")
    assert Unauthenticated("gone", "unknown_user").code == "unknown_user"


def test_only_who_may_grant_the_owner_role_issues_an_admin_key() -> None:
    check_key_scopes(manages_owners=True, scopes=("admin",))
    check_key_scopes(manages_owners=False, scopes=("batches:write", "webhooks:manage"))
    with pytest.raises(NotPermitted, match="'admin' scope"):
        check_key_scopes(manages_owners=False, scopes=("batches:read", "admin"))
