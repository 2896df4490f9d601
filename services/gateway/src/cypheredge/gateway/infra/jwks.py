"""The OIDC issuer's signing keys: discovery, then its JWKS, cached and re-read on demand.

Async over httpx (PyJWT's own JWKS client blocks on urllib): a slow issuer costs a waiting
request, not the event loop. Keys are kept ``cache_seconds``; a ``kid`` not among them makes
one re-read (the issuer rotated), shared by concurrent requests and at most one per
``min_refresh_seconds``, so tokens with invented kids cannot turn into a flood of fetches.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

from cypheredge.gateway.domain.principals import IdentityUnavailable

log = logging.getLogger(__name__)
JWK = dict[str, Any]


class JwksSource:
    def __init__(
        self,
        issuer: str,
        *,
        cache_seconds: float,
        min_refresh_seconds: float,
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.issuer = issuer
        self._cache_seconds = cache_seconds
        self._min_refresh = min_refresh_seconds
        self._timeout = timeout
        self._clock = clock
        self._transport = transport
        self._jwks_uri: str | None = None
        self._keys: list[JWK] | None = None
        self._fetched_at = float("-inf")
        self._lock = asyncio.Lock()
        self.fetches = 0  # JWKS reads so far: tests check re-reads happen when they should

    async def key(self, kid: str | None) -> JWK | None:
        """The signing key ``kid`` names (the only key, when the token names none)."""
        asked = self._clock()
        keys = await self._current(asked)
        found = _match(keys, kid)
        if found is None and self._clock() - self._fetched_at >= self._min_refresh:
            keys = await self._refetch(asked)
            found = _match(keys, kid)
        return found

    async def _current(self, now: float) -> list[JWK]:
        if self._keys is not None and now - self._fetched_at < self._cache_seconds:
            return self._keys
        try:
            return await self._refetch(now)
        except IdentityUnavailable:
            if self._keys is None:
                raise
            log.warning("oidc: keeping the issuer's old keys, a fresh read failed")
            return self._keys

    async def _refetch(self, asked: float) -> list[JWK]:
        async with self._lock:
            # Another request re-read them while this one waited: theirs will do.
            if self._keys is not None and self._fetched_at >= asked:
                return self._keys
            self._keys = await self._fetch()
            self._fetched_at = self._clock()
            return self._keys

    async def _fetch(self) -> list[JWK]:
        async with httpx.AsyncClient(timeout=self._timeout, transport=self._transport) as client:
            try:
                if self._jwks_uri is None:
                    self._jwks_uri = await self._discover(client)
                body = await _get_json(client, self._jwks_uri)
            except (httpx.HTTPError, ValueError) as exc:
                self._jwks_uri = None  # discover again next time: the issuer may have moved
                raise IdentityUnavailable(f"the issuer's keys could not be read: {exc}") from exc
        keys = body.get("keys")
        if not isinstance(keys, list):
            raise IdentityUnavailable("the issuer's JWKS has no 'keys'")
        self.fetches += 1
        return [k for k in keys if isinstance(k, dict) and k.get("use", "sig") == "sig"]

    async def _discover(self, client: httpx.AsyncClient) -> str:
        url = f"{self.issuer.rstrip('/')}/.well-known/openid-configuration"
        document = await _get_json(client, url)
        # OpenID Connect Discovery 1.0 §4.3: the document must name the issuer it is for.
        if document.get("issuer") != self.issuer:
            raise ValueError(f"the discovery document is for {document.get('issuer')!r}")
        jwks_uri = document.get("jwks_uri")
        if not isinstance(jwks_uri, str):
            raise ValueError("the discovery document has no jwks_uri")
        return jwks_uri


async def _get_json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    response = await client.get(url, headers={"Accept": "application/json"})
    response.raise_for_status()
    body = response.json()
    if not isinstance(body, dict):
        raise ValueError(f"{url} did not answer a JSON object")
    return body


def _match(keys: list[JWK], kid: str | None) -> JWK | None:
    if kid is None:
        return keys[0] if len(keys) == 1 else None
    return next((k for k in keys if k.get("kid") == kid), None)
