"""Whether a webhook URL may be called now: its shape, then every address its host has."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from cypheredge.gateway.domain.ssrf import (
    IPAddress,
    UnsafeUrl,
    UrlPolicy,
    literal_address,
    parse_target,
    refusal,
)

Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]


async def check_url(url: str, policy: UrlPolicy, resolve: Resolver) -> None:
    """Raises UnsafeUrl (with the reason) unless every address of the URL's host is allowed.

    Every address counts, not the first: a name with one public and one private address
    could be connected to either.
    """
    target = parse_target(url, policy)
    literal = literal_address(target.host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = await resolve(target.host, target.port)
        except OSError:
            raise UnsafeUrl(f"the host {target.host!r} does not resolve") from None
    if not addresses:
        raise UnsafeUrl(f"the host {target.host!r} does not resolve")
    for address in addresses:
        if reason := refusal(address, policy):
            raise UnsafeUrl(reason)
