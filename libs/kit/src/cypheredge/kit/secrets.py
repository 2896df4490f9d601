"""Sealing of statement passwords so that events and tables never carry them in plaintext."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken


class SecretKeyMissing(RuntimeError):
    """CYPHEREDGE_SECRET_KEY is not configured but a password has to be sealed or opened."""


class Sealer:
    """Fernet (AES-128-CBC + HMAC) with the platform key from the environment."""

    def __init__(self, key: str | None) -> None:
        self._fernet = Fernet(key.encode()) if key else None

    @staticmethod
    def generate_key() -> str:
        return Fernet.generate_key().decode()

    def seal(self, plaintext: str) -> str:
        return self._require().encrypt(plaintext.encode()).decode()

    def open(self, sealed: str) -> str:
        try:
            return self._require().decrypt(sealed.encode()).decode()
        except InvalidToken:
            raise ValueError("sealed value was not produced with this key") from None

    def _require(self) -> Fernet:
        if self._fernet is None:
            raise SecretKeyMissing("CYPHEREDGE_SECRET_KEY is required to handle passwords")
        return self._fernet
