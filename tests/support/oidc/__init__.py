"""A local OpenID Connect issuer for tests: discovery and JWKS over real HTTP."""

from oidc.issuer import FakeIssuer, SigningKey

__all__ = ["FakeIssuer", "SigningKey"]
