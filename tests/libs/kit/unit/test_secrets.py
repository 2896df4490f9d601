"""Sealing statement passwords with the platform Fernet key."""

from __future__ import annotations

import pytest

from cypheredge.kit.secrets import Sealer, SecretKeyMissing

KEY = Sealer.generate_key()


def test_round_trip() -> None:
    sealer = Sealer(KEY)
    for plaintext in ["secret", "", "pässwörd ✓", "x" * 1000]:
        assert sealer.open(sealer.seal(plaintext)) == plaintext


def test_another_sealer_with_the_same_key_opens_it() -> None:
    assert Sealer(KEY).open(Sealer(KEY).seal("secret")) == "secret"


def test_ciphertext_hides_the_plaintext_and_differs_each_time() -> None:
    sealer = Sealer(KEY)
    first, second = sealer.seal("hunter2-password"), sealer.seal("hunter2-password")
    assert "hunter2" not in first
    assert first != "hunter2-password"
    assert first != second


def test_a_different_key_cannot_open() -> None:
    sealed = Sealer(KEY).seal("secret")
    with pytest.raises(ValueError, match="not produced with this key"):
        Sealer(Sealer.generate_key()).open(sealed)


def test_tampered_ciphertext_cannot_be_opened() -> None:
    sealer = Sealer(KEY)
    sealed = sealer.seal("secret")
    tampered = sealed[:-5] + ("A" if sealed[-5] != "A" else "B") + sealed[-4:]
    with pytest.raises(ValueError, match="not produced with this key"):
        sealer.open(tampered)
    with pytest.raises(ValueError, match="not produced with this key"):
        sealer.open("not a token")


def test_generated_keys_differ() -> None:
    assert Sealer.generate_key() != Sealer.generate_key()


@pytest.mark.parametrize("key", [None, ""])
def test_no_key_raises_secret_key_missing(key: str | None) -> None:
    sealer = Sealer(key)
    with pytest.raises(SecretKeyMissing):
        sealer.seal("secret")
    with pytest.raises(SecretKeyMissing):
        sealer.open(Sealer(KEY).seal("secret"))
