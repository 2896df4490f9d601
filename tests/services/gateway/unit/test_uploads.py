"""The streaming upload reader on its own: files land on disk with their digest, and a body
past a limit stops being pulled from the server at that chunk."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.requests import ClientDisconnect, Request
from starlette.types import Message

from cetest.uploads import CONTENT_TYPE, Part, body, file_part, text_part
from cypheredge.gateway.api.uploads import Upload, receive_upload
from cypheredge.gateway.domain.errors import SubmissionError
from cypheredge.gateway.domain.submission import UploadLimits

CHUNK = 64 * 1024
LIMITS = UploadLimits(max_files=3, max_file_bytes=1_000_000, max_total_bytes=2_000_000)


class Body:
    """An ASGI receive callable over a body in chunks, counting the chunks it handed out."""

    def __init__(self, data: bytes) -> None:
        self._chunks: Iterator[bytes] = iter(
            [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]
        )
        self.pulled = 0

    async def __call__(self) -> Message:
        chunk = next(self._chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        self.pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": True}


def spooled_in(folder: Path) -> list[str]:
    """Files this process holds open under ``folder``: spool files are anonymous (unlinked
    at once), so they are found through the process's descriptors (Linux)."""
    targets = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            targets.append(os.readlink(f"/proc/self/fd/{fd}"))
    return [t for t in targets if t.startswith(str(folder))]


def request(receive: Body) -> Request:
    headers = [(b"content-type", CONTENT_TYPE.encode())]
    return Request({"type": "http", "method": "POST", "headers": headers}, receive)


async def test_files_are_spooled_to_disk_with_size_and_digest(tmp_path: Path) -> None:
    first, second = os.urandom(300_000), os.urandom(5)
    parts = [file_part("a.pdf", first), file_part("b.pdf", second), text_part("params", "{}")]
    async with receive_upload(request(Body(body(parts))), LIMITS, tmp_path) as upload:
        assert [f.meta.filename for f in upload.files] == ["a.pdf", "b.pdf"]
        spooled = upload.files[0]
        assert os.fstat(spooled.handle.fileno()).st_size == len(first)  # on disk, whole
        assert len(spooled_in(tmp_path)) == 2  # in the configured spool folder
        assert not spooled.pending  # nothing left buffered in memory
        assert spooled.meta.sha256 == hashlib.sha256(first).hexdigest()
        assert await upload.files[1].read() == second
        assert upload.fields == {"params": "{}"}
    assert all(f.handle.closed for f in upload.files)
    assert spooled_in(tmp_path) == []


@pytest.mark.parametrize(
    ("parts", "code"),
    [
        ([file_part("big.pdf", b"0" * 5_000_000)], "file_too_large"),
        (
            [file_part(f"{i}.pdf", b"0" * 900_000) for i in range(3)]
            + [file_part("x.pdf", b"0" * 3_000_000)],
            "batch_too_large",
        ),
        (
            [file_part(f"{i}.pdf", b"0" * 1000) for i in range(3)]
            + [file_part("x.pdf", b"0" * 5_000_000)],
            "too_many_files",
        ),
    ],
)
async def test_the_reader_stops_pulling_at_the_chunk_that_breaks_a_limit(
    tmp_path: Path, parts: list[Part], code: str
) -> None:
    receive = Body(body(parts))
    with pytest.raises(SubmissionError) as caught:
        async with receive_upload(request(receive), LIMITS, tmp_path):
            pass
    assert (caught.value.status, caught.value.code) == (413, code)
    total = len(body(parts)) // CHUNK
    assert receive.pulled <= LIMITS.max_total_bytes // CHUNK + 2 < total


async def test_a_client_gone_mid_body_leaves_no_spooled_file(tmp_path: Path) -> None:
    data = body([file_part("a.pdf", b"0" * 200_000)])
    chunks = iter([data[:CHUNK]])
    opened: list[Upload] = []

    async def receive() -> Message:
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.disconnect"}
        return {"type": "http.request", "body": chunk, "more_body": True}

    reader = Request(
        {"type": "http", "method": "POST", "headers": [(b"content-type", CONTENT_TYPE.encode())]},
        receive,
    )
    with pytest.raises(ClientDisconnect):
        async with receive_upload(reader, LIMITS, tmp_path) as upload:
            opened.append(upload)
    assert not opened
    assert spooled_in(tmp_path) == []
