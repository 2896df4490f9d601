"""Object storage for raw uploads and artefacts: a local directory or S3 (MinIO client).

Keys are slash-separated relative paths chosen by the services (``<org>/<batch>/...``); the
local backend refuses anything that would escape its root.
"""

from __future__ import annotations

import asyncio
import io
import os
import tempfile
from datetime import timedelta
from pathlib import Path, PurePosixPath
from typing import Protocol

from minio import Minio
from minio.error import S3Error
from pydantic import SecretStr

from cypheredge.kit.settings import InfraSettings


class ObjectNotFound(KeyError):
    """No object is stored under the key."""


class ObjectStorage(Protocol):
    async def put(self, key: str, data: bytes, content_type: str = ...) -> None: ...
    async def get(self, key: str) -> bytes: ...
    async def get_range(self, key: str, start: int, end: int) -> bytes:
        """Bytes ``[start, end)`` of the object (fewer when it ends sooner)."""
        ...

    async def exists(self, key: str) -> bool: ...
    async def presigned_get(self, key: str, expires: timedelta) -> str | None:
        """A URL a client can download from directly, or None when the backend has none."""
        ...


def _checked(key: str) -> PurePosixPath:
    path = PurePosixPath(key)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"invalid storage key: {key!r}")
    return path


class LocalStorage:
    """A directory on disk; writes are atomic (temp file + rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path_of(self, key: str) -> Path:
        return self.root.joinpath(*_checked(key).parts)

    async def put(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        await asyncio.to_thread(self._put, self.path_of(key), data)

    @staticmethod
    def _put(target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    async def get(self, key: str) -> bytes:
        try:
            return await asyncio.to_thread(self.path_of(key).read_bytes)
        except FileNotFoundError:
            raise ObjectNotFound(key) from None

    async def get_range(self, key: str, start: int, end: int) -> bytes:
        _check_range(start, end)
        try:
            return await asyncio.to_thread(self._read_range, self.path_of(key), start, end)
        except FileNotFoundError:
            raise ObjectNotFound(key) from None

    @staticmethod
    def _read_range(path: Path, start: int, end: int) -> bytes:
        with path.open("rb") as handle:
            handle.seek(start)
            return handle.read(end - start)

    async def exists(self, key: str) -> bool:
        return self.path_of(key).is_file()

    async def presigned_get(self, key: str, expires: timedelta) -> str | None:
        return None


class S3Storage:
    """An S3-compatible bucket through the MinIO client (blocking calls run in threads)."""

    def __init__(self, client: Minio, bucket: str) -> None:
        self._client = client
        self._bucket = bucket

    async def ensure_bucket(self) -> None:
        if not await asyncio.to_thread(self._client.bucket_exists, self._bucket):
            await asyncio.to_thread(self._client.make_bucket, self._bucket)

    async def put(
        self, key: str, data: bytes, content_type: str = "application/octet-stream"
    ) -> None:
        _checked(key)
        await asyncio.to_thread(
            self._client.put_object,
            self._bucket,
            key,
            io.BytesIO(data),
            len(data),
            content_type=content_type,
        )

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            response = self._client.get_object(self._bucket, key)
            try:
                return bytes(response.read())
            finally:
                response.close()
                response.release_conn()

        try:
            return await asyncio.to_thread(read)
        except S3Error as exc:
            if exc.code == "NoSuchKey":
                raise ObjectNotFound(key) from None
            raise

    async def get_range(self, key: str, start: int, end: int) -> bytes:
        _check_range(start, end)
        if end == start:
            return b""  # S3 has no empty range: a length of 0 would mean "to the end"

        def read() -> bytes:
            response = self._client.get_object(self._bucket, key, offset=start, length=end - start)
            try:
                return bytes(response.read())
            finally:
                response.close()
                response.release_conn()

        try:
            return await asyncio.to_thread(read)
        except S3Error as exc:
            if exc.code == "NoSuchKey":
                raise ObjectNotFound(key) from None
            if exc.code == "InvalidRange":  # starts past the end
                return b""
            raise

    async def exists(self, key: str) -> bool:
        try:
            await asyncio.to_thread(self._client.stat_object, self._bucket, key)
        except S3Error as exc:
            if exc.code in {"NoSuchKey", "NoSuchObject"}:
                return False
            raise
        return True

    async def presigned_get(self, key: str, expires: timedelta) -> str | None:
        return str(
            await asyncio.to_thread(self._client.presigned_get_object, self._bucket, key, expires)
        )


def _check_range(start: int, end: int) -> None:
    if start < 0 or end < start:
        raise ValueError(f"invalid byte range [{start}, {end})")


def storage_from_settings(settings: InfraSettings) -> ObjectStorage:
    """S3 when ``S3_ENDPOINT`` is configured, else the local directory."""
    if settings.s3_endpoint:
        client = Minio(
            settings.s3_endpoint,
            access_key=_secret(settings.s3_access_key),
            secret_key=_secret(settings.s3_secret_key),
            secure=settings.s3_secure,
        )
        return S3Storage(client, settings.s3_bucket)
    return LocalStorage(settings.storage_dir)


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value else None
