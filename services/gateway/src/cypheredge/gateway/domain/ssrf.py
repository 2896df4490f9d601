"""Where a webhook may be sent: a guard against server-side request forgery.

A customer chooses the URL and our servers call it, so a URL must not reach inside our own
network (loopback, private ranges, the cloud metadata service on link-local). The URL's shape
is checked here and every address its host resolves to; resolution itself is I/O and happens
in the caller, at creation and again before every attempt (DNS can change in between).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
MAX_URL_LENGTH = 2048


class UnsafeUrl(ValueError):
    """The URL may not be called; the message says why (shown to the customer)."""


@dataclass(frozen=True)
class UrlPolicy:
    allow_http: bool = False  # production: https only
    allow_loopback: bool = False  # a receiver on this machine (``cypheredge up``, tests)
    allow_private: bool = False  # every non-public address, loopback and link-local included


@dataclass(frozen=True)
class Target:
    host: str
    port: int


def parse_target(url: str, policy: UrlPolicy) -> Target:
    """The host and port ``url`` names; raises UnsafeUrl for a URL we never call."""
    if len(url) > MAX_URL_LENGTH:
        raise UnsafeUrl(f"the URL is longer than {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrl(f"the URL cannot be parsed: {exc}") from None
    allowed = ("https", "http") if policy.allow_http else ("https",)
    if parts.scheme not in allowed:
        raise UnsafeUrl(f"the scheme must be {' or '.join(allowed)}, not {parts.scheme!r}")
    _check_parts(parts)
    host = parts.hostname or ""
    return Target(host, port or (443 if parts.scheme == "https" else 80))


def _check_parts(parts: SplitResult) -> None:
    if not parts.hostname:
        raise UnsafeUrl("the URL has no host")
    if parts.username is not None or parts.password is not None:
        # Credentials in a URL end up in logs and proxies; a secret belongs in the signature.
        raise UnsafeUrl("the URL must not carry a user name or password")
    if parts.fragment:
        raise UnsafeUrl("the URL must not have a fragment")


def refusal(address: IPAddress, policy: UrlPolicy) -> str | None:
    """Why ``address`` may not be called under ``policy``, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    kind = _kind(address)
    if kind is None or policy.allow_private:
        return None
    if kind == "loopback" and policy.allow_loopback:
        return None
    return f"the host resolves to a {kind} address ({address})"


def _kind(address: IPAddress) -> str | None:
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for kind, hit in checks:
        if hit:
            return kind
    # Shared (100.64/10), documentation and other special ranges: not on the public Internet.
    return None if address.is_global else "non-public"


def literal_address(host: str) -> IPAddress | None:
    """The address a host written as an IP literal names, else None (a name to resolve)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
