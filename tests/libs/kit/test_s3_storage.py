"""Object storage over a real S3 server: round trips, presigned URLs, signatures enforced."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from minio.error import S3Error

from cetest.s3 import S3Server
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import ObjectNotFound, S3Storage, storage_from_settings

pytestmark = pytest.mark.integration


def _storage(server: S3Server, secret: str | None = None) -> S3Storage:
    storage = storage_from_settings(
        InfraSettings(
            s3_endpoint=server.endpoint,
            s3_access_key=server.access_key,
            s3_secret_key=secret or server.secret_key,
            s3_bucket=server.bucket,
        )
    )
    assert isinstance(storage, S3Storage)
    return storage


async def test_round_trip_and_missing_objects(s3: S3Server) -> None:
    storage = _storage(s3)
    await storage.ensure_bucket()
    await storage.put("org/batch/raw/a.pdf", b"%PDF-1.7 bytes", "application/pdf")
    assert await storage.get("org/batch/raw/a.pdf") == b"%PDF-1.7 bytes"
    assert await storage.exists("org/batch/raw/a.pdf")
    assert not await storage.exists("org/batch/raw/b.pdf")
    with pytest.raises(ObjectNotFound):
        await storage.get("org/batch/raw/b.pdf")
    with pytest.raises(ValueError, match="invalid storage key"):
        await storage.put("../escape", b"x")


async def test_ranged_reads(s3: S3Server) -> None:
    storage = _storage(s3)
    await storage.ensure_bucket()
    await storage.put("org/batch/report/t.json", b"0123456789")
    assert await storage.get_range("org/batch/report/t.json", 2, 5) == b"234"
    assert await storage.get_range("org/batch/report/t.json", 8, 20) == b"89"
    assert await storage.get_range("org/batch/report/t.json", 4, 4) == b""
    assert await storage.get_range("org/batch/report/t.json", 12, 15) == b""
    with pytest.raises(ObjectNotFound):
        await storage.get_range("org/batch/report/missing.json", 0, 1)


async def test_presigned_url_serves_the_object_and_signatures_are_enforced(
    s3: S3Server,
) -> None:
    storage = _storage(s3)
    await storage.put("org/report.xlsx", b"workbook bytes")
    url = await storage.presigned_get("org/report.xlsx", timedelta(minutes=5))
    assert url is not None
    async with httpx.AsyncClient() as client:
        assert (await client.get(url)).content == b"workbook bytes"
        tampered = url.replace("X-Amz-Signature=", "X-Amz-Signature=0")
        assert (await client.get(tampered)).status_code == 403
    with pytest.raises(S3Error, match="SignatureDoesNotMatch"):
        await _storage(s3, secret="not-the-secret").get("org/report.xlsx")
