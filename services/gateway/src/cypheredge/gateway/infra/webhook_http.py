"""The network side of webhooks: resolving a receiver's host and POSTing to it."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Mapping

import httpx

from cypheredge.gateway.domain.ssrf import IPAddress


class DeliveryFailed(Exception):
    """The attempt got no HTTP answer (refused, timed out, reset, TLS failure)."""


RESOLVE_TIMEOUT = 5.0  # a resolver that hangs must not hold a request or a send slot


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to; raises OSError when it does not resolve."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise OSError(f"resolving {host!r} timed out") from None
    except (UnicodeError, ValueError) as exc:  # not a name IDNA or the resolver can take
        raise OSError(f"{host!r} is not a host name: {exc}") from None
    return [ipaddress.ip_address(info[4][0]) for info in infos]


class HttpTransport:
    """POSTs with a hard time limit, following no redirect and reading no body.

    A redirect would send the signed event somewhere the URL check never saw, and a
    receiver's body is of no use to us: only the status is read, so a huge or endless answer
    costs nothing. Proxies from the environment are ignored, so what is checked is what is
    called.
    """

    def __init__(self, timeout_seconds: float) -> None:
        self._timeout = timeout_seconds
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout_seconds),
            follow_redirects=False,
            trust_env=False,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )

    async def post(self, url: str, body: bytes, headers: Mapping[str, str]) -> int:
        """The receiver's status code; raises DeliveryFailed when there is none."""
        try:
            async with asyncio.timeout(self._timeout):
                request = self._client.build_request("POST", url, content=body, headers=headers)
                response = await self._client.send(request, stream=True)
                await response.aclose()
                return response.status_code
        except (httpx.HTTPError, TimeoutError, OSError) as exc:
            raise DeliveryFailed(_describe(exc)) from None

    async def aclose(self) -> None:
        await self._client.aclose()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError | httpx.TimeoutException):
        return "timed out"
    detail = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {detail}"[:500]
