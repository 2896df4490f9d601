"""API keys: shape of issued keys, the stored hash, prefix parsing and matching."""

from __future__ import annotations

import hashlib
import re

import pytest

from cypheredge.gateway.domain.keys import hash_key, issue_key, matches, prefix_of

KEY_SHAPE = re.compile(r"^ce_([0-9a-f]{12})_([A-Za-z0-9_-]{43,})$")


def test_issued_key_has_the_ce_prefix_secret_shape() -> None:
    issued = issue_key()
    shape = KEY_SHAPE.match(issued.plaintext)
    assert shape is not None, issued.plaintext
    assert shape.group(1) == issued.prefix


def test_issued_key_hash_is_sha256_of_the_whole_key() -> None:
    issued = issue_key()
    assert issued.key_hash == hashlib.sha256(issued.plaintext.encode()).hexdigest()
    assert hash_key(issued.plaintext) == issued.key_hash
    assert issued.plaintext not in issued.key_hash


def test_issued_keys_are_unique() -> None:
    keys = [issue_key() for _ in range(20)]
    assert len({k.plaintext for k in keys}) == 20
    assert len({k.prefix for k in keys}) == 20


def test_prefix_of_an_issued_key_is_its_lookup_prefix() -> None:
    issued = issue_key()
    assert prefix_of(issued.plaintext) == issued.prefix


def test_prefix_of_keeps_underscores_in_the_secret() -> None:
    assert prefix_of("ce_0123456789ab_sec_ret_") == "0123456789ab"


@pytest.mark.parametrize(
    "presented",
    [
        pytest.param("", id="empty"),
        pytest.param("ck_0123456789ab_secret", id="wrong-prefix"),
        pytest.param("CE_0123456789ab_secret", id="upper-prefix"),
        pytest.param("0123456789ab_secret", id="no-prefix"),
        pytest.param("ce_0123456789absecret", id="missing-separator"),
        pytest.param("ce_0123456789ab", id="prefix-only"),
        pytest.param("ce_0123456789a_secret", id="short-prefix"),
        pytest.param("ce_0123456789abc_secret", id="long-prefix"),
        pytest.param("ce__secret", id="empty-prefix"),
        pytest.param("ce_0123456789ab_", id="empty-secret"),
        pytest.param("ce_0123456789AB_secret", id="upper-hex-prefix"),
        pytest.param("ce_01234567\x0089a_secret", id="nul-in-prefix"),
        pytest.param("ce_ééééééééééé_secret", id="non-hex-prefix"),
    ],
)
def test_prefix_of_rejects_malformed_keys(presented: str) -> None:
    assert prefix_of(presented) is None


def test_matches_only_the_right_key() -> None:
    issued = issue_key()
    other = issue_key()
    assert matches(issued.plaintext, issued.key_hash)
    assert not matches(other.plaintext, issued.key_hash)
    assert not matches(issued.plaintext, other.key_hash)
    tampered = issued.plaintext[:-1] + ("A" if issued.plaintext[-1] != "A" else "B")
    assert not matches(tampered, issued.key_hash)
    assert not matches(issued.plaintext + "x", issued.key_hash)
    assert not matches(issued.prefix, issued.key_hash)
