"""Objects read back from storage are the ones their event describes (claim check).

A file's SHA-256 is computed once, where its bytes first exist (the gateway hashes an upload as
it streams in; ingest hashes a decrypted copy as it makes it), and travels in the event that
names the object. Every reader checks the bytes it read against it with :func:`read_verified`:
an object altered or corrupted in storage is refused with :class:`ChecksumMismatch`, which each
consumer turns into its failure outcome.
"""

from __future__ import annotations

import hashlib

from cypheredge.kit.storage import ObjectStorage


class ChecksumMismatch(Exception):
    """The object stored under ``key`` is not the one its event carried the hash of."""

    def __init__(self, key: str, expected: str, found: str) -> None:
        super().__init__(
            f"the stored object does not match the checksum its event carried (expected sha256 "
            f"{expected[:16]}…, found {found[:16]}…): it was altered or corrupted in storage"
        )
        self.key = key
        self.expected = expected
        self.found = found


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data``, as lowercase hex (the form every event carries)."""
    return hashlib.sha256(data).hexdigest()


def verify(key: str, data: bytes, expected_sha256: str) -> bytes:
    """``data`` itself, once it hashes to ``expected_sha256``; else :class:`ChecksumMismatch`."""
    found = sha256_hex(data)
    if found != expected_sha256.lower():
        raise ChecksumMismatch(key, expected_sha256, found)
    return data


async def read_verified(storage: ObjectStorage, key: str, expected_sha256: str) -> bytes:
    """The object under ``key``, checked against ``expected_sha256``.

    Raises :class:`~cypheredge.kit.storage.ObjectNotFound` when there is none and
    :class:`ChecksumMismatch` when it is not the object the hash describes.
    """
    return verify(key, await storage.get(key), expected_sha256)
