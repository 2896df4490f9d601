"""Hostile uploads as an attacker would send them: raw multipart bytes, chunked bodies, and an
ASGI wrapper that counts how much of a body the app actually read."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

BOUNDARY = "cetestboundary7MA4YWxkTrZu0gW"
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


@dataclass(frozen=True)
class Part:
    name: bytes
    data: bytes
    filename: bytes | None = None  # raw bytes: a NUL or invalid UTF-8 goes out as it is


def file_part(filename: bytes | str, data: bytes, name: bytes = b"files") -> Part:
    raw = filename.encode() if isinstance(filename, str) else filename
    return Part(name, data, raw)


def text_part(name: str, value: str | bytes) -> Part:
    return Part(
        name.encode(), value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
    )


def head(part: Part) -> bytes:
    disposition = b'form-data; name="' + part.name + b'"'
    if part.filename is not None:
        disposition += b'; filename="' + part.filename + b'"'
    kind = b"application/pdf" if part.filename is not None else b"text/plain; charset=utf-8"
    return (
        b"--"
        + BOUNDARY.encode()
        + b"\r\nContent-Disposition: "
        + disposition
        + b"\r\nContent-Type: "
        + kind
        + b"\r\n\r\n"
    )


def body(parts: Iterable[Part]) -> bytes:
    out = b"".join(head(p) + p.data + b"\r\n" for p in parts)
    return out + b"--" + BOUNDARY.encode() + b"--\r\n"


async def chunked(parts: Iterable[Part], chunk: int = 64 * 1024) -> AsyncIterator[bytes]:
    """The same body as a generator: httpx sends it chunked, with no Content-Length."""
    data = body(parts)
    for start in range(0, len(data), chunk):
        yield data[start : start + chunk]


class BodyCounter:
    """ASGI middleware: how many body bytes the app took from the server, one entry per
    request appended to ``sink`` (``app.add_middleware(BodyCounter, sink=counts)``)."""

    def __init__(self, app: ASGIApp, sink: list[int]) -> None:
        self.app = app
        self.read = sink

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        index = len(self.read)
        self.read.append(0)

        async def counting() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                self.read[index] += len(message.get("body", b""))
            return message

        await self.app(scope, counting, send)
