"""Verifying a bearer JWT from the configured OIDC issuer (PyJWT does the cryptography).

Only asymmetric algorithms are accepted, chosen before any key is looked at: ``none`` and
the HS* family never reach a verifier, so the issuer's public key can never be used as an
HMAC secret. The key must be one the issuer publishes, and bound to the token's algorithm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jwt
from jwt import PyJWK

from cypheredge.gateway.domain.principals import Unauthenticated
from cypheredge.gateway.infra.jwks import JwksSource

ALGORITHMS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
)


@dataclass(frozen=True)
class Identity:
    """What a verified token says about the person."""

    subject: str
    email: str | None
    email_verified: bool


class OidcVerifier:
    def __init__(self, source: JwksSource, *, audience: str, leeway: float) -> None:
        self.issuer = source.issuer
        self.audience = audience
        self.leeway = leeway
        self.source = source

    async def verify(self, token: str) -> Identity:
        """The token's identity, or :class:`Unauthenticated` saying what is wrong with it."""
        header = _header(token)
        alg = header.get("alg")
        if alg not in ALGORITHMS:
            raise Unauthenticated(f"Tokens signed with {alg!r} are not accepted.")
        jwk = await self.source.key(header.get("kid"))
        if jwk is None:
            raise Unauthenticated("The token is signed with a key the issuer does not publish.")
        try:
            # A JWK without its own `alg` is bound to the token's (already allowed) one;
            # a key of another type (an RSA key for ES256, a symmetric key) fails here.
            key = PyJWK(jwk, algorithm=None if "alg" in jwk else alg)
            claims = jwt.decode(
                token,
                key,
                algorithms=list(ALGORITHMS),
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("The token has expired.", "token_expired") from None
        except (jwt.InvalidTokenError, jwt.PyJWKError) as exc:
            raise Unauthenticated(f"The token is not valid: {exc}.") from None
        return _identity(claims)


def _header(token: str) -> dict[str, Any]:
    try:
        return jwt.get_unverified_header(token)
    except jwt.InvalidTokenError:
        raise Unauthenticated("The bearer token is neither an API key nor a JWT.") from None


def _identity(claims: dict[str, Any]) -> Identity:
    subject = claims["sub"]
    if not isinstance(subject, str) or not subject:
        raise Unauthenticated("The token's 'sub' is not a string.")
    email = claims.get("email")
    return Identity(
        subject=subject,
        email=email if isinstance(email, str) else None,
        # Only a literal true: an issuer that does not vouch for the email links nothing.
        email_verified=claims.get("email_verified") is True,
    )
