"""The local object storage: round trips, atomic overwrites, missing and unsafe keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cypheredge.kit.storage import LocalStorage, ObjectNotFound

KEY = "org/batch/raw/jan.pdf"


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def storage(tmp_path: Path) -> LocalStorage:
    return LocalStorage(tmp_path / "store")


async def test_put_get_exists(storage: LocalStorage) -> None:
    assert not await storage.exists(KEY)
    await storage.put(KEY, b"%PDF-1.7 data", "application/pdf")
    assert await storage.exists(KEY)
    assert await storage.get(KEY) == b"%PDF-1.7 data"
    assert (storage.root / "org" / "batch" / "raw" / "jan.pdf").read_bytes() == b"%PDF-1.7 data"
    assert not await storage.exists("org/batch/raw")


async def test_overwrite_replaces_and_leaves_no_temp_files(storage: LocalStorage) -> None:
    await storage.put(KEY, b"first version")
    await storage.put(KEY, b"second")
    assert await storage.get(KEY) == b"second"
    assert files_under(storage.root) == [KEY]


async def test_failed_overwrite_keeps_the_previous_object(
    storage: LocalStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    await storage.put(KEY, b"first version")

    def no_rename(src: str, dst: str) -> None:
        raise OSError("disk gone")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", no_rename)
        with pytest.raises(OSError, match="disk gone"):
            await storage.put(KEY, b"half-written replacement")
    assert await storage.get(KEY) == b"first version"


async def test_missing_key_raises_object_not_found(storage: LocalStorage) -> None:
    with pytest.raises(ObjectNotFound):
        await storage.get("org/batch/raw/missing.pdf")
    with pytest.raises(KeyError):
        await storage.get("nothing")


async def test_get_range_reads_only_the_bytes_asked_for(storage: LocalStorage) -> None:
    await storage.put(KEY, b"0123456789")
    assert await storage.get_range(KEY, 2, 5) == b"234"
    assert await storage.get_range(KEY, 0, 10) == b"0123456789"
    assert await storage.get_range(KEY, 8, 20) == b"89"  # the object ends sooner
    assert await storage.get_range(KEY, 4, 4) == b""
    assert await storage.get_range(KEY, 12, 15) == b""
    with pytest.raises(ValueError, match="byte range"):
        await storage.get_range(KEY, 5, 4)
    with pytest.raises(ValueError, match="byte range"):
        await storage.get_range(KEY, -1, 4)
    with pytest.raises(ObjectNotFound):
        await storage.get_range("org/batch/raw/missing.pdf", 0, 1)


async def test_presigned_get_is_not_offered(storage: LocalStorage) -> None:
    from datetime import timedelta

    assert await storage.presigned_get(KEY, timedelta(minutes=5)) is None


@pytest.mark.parametrize(
    "key", ["", ".", "..", "../escape", "org/../../escape", "a/..", "/abs/path", "/"]
)
async def test_unsafe_keys_are_refused(storage: LocalStorage, tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.put(key, b"data")
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.get(key)
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.exists(key)
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.get_range(key, 0, 1)
    assert files_under(tmp_path) == []
