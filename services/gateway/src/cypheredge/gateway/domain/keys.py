"""API keys: shown once, stored as a lookup prefix plus a SHA-256 hash of the whole key.

A key is ``ce_<prefix>_<secret>``: the prefix (12 hex chars) finds the row, the 256-bit secret
makes a slow hash unnecessary (nothing to brute-force), and comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cypheredge.gateway.domain.scopes import ALL_SCOPES

KEY_PREFIX = "ce_"
_HEX = frozenset("0123456789abcdef")
# The first key of an org (create-org) can do everything, user and key management included.
DEFAULT_SCOPES = ALL_SCOPES


@dataclass(frozen=True)
class IssuedKey:
    plaintext: str
    prefix: str
    key_hash: str


def issue_key() -> IssuedKey:
    prefix = secrets.token_hex(6)
    plaintext = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return IssuedKey(plaintext=plaintext, prefix=prefix, key_hash=hash_key(plaintext))


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def prefix_of(presented: str) -> str | None:
    """The lookup prefix of a presented key, or None when it is not shaped like one of ours."""
    if not presented.startswith(KEY_PREFIX):
        return None
    prefix, sep, secret = presented[len(KEY_PREFIX) :].partition("_")
    # Only what issue_key makes gets as far as a database lookup.
    if not sep or len(prefix) != 12 or not set(prefix) <= _HEX or not secret:
        return None
    return prefix


def matches(presented: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_key(presented), stored_hash)
