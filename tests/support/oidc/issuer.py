"""``FakeIssuer``: an OIDC issuer's discovery document and JWKS on a loopback HTTP server.

Keys are made in the test (RSA by default, EC on request); tokens are signed with PyJWT.
``rotate()`` replaces the published key the way a real issuer rolls its keys, and
``unpublished()`` makes a key that signs but never appears in the JWKS. Every JWKS read is
counted, so a test can tell that the gateway read the keys again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

AUDIENCE = "cypheredge-api"
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class SigningKey:
    kid: str
    private: PrivateKey
    alg: str

    def public_jwk(self) -> dict[str, Any]:
        public = self.private.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            jwk = RSAAlgorithm.to_jwk(public, as_dict=True)
        else:
            jwk = ECAlgorithm.to_jwk(public, as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": self.alg}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def make_key(alg: str = "RS256") -> SigningKey:
    private: PrivateKey
    if alg.startswith("ES"):
        private = ec.generate_private_key(ec.SECP256R1())
    else:
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return SigningKey(kid=secrets.token_hex(8), private=private, alg=alg)


class FakeIssuer:
    def __init__(self, audience: str = AUDIENCE) -> None:
        self.audience = audience
        self._lock = threading.Lock()
        self._keys = [make_key()]
        self._jwks_reads = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeIssuer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    @property
    def jwks_reads(self) -> int:
        with self._lock:
            return self._jwks_reads

    @property
    def key(self) -> SigningKey:
        """The key tokens are signed with now (the newest published)."""
        with self._lock:
            return self._keys[-1]

    def publish(self, key: SigningKey) -> None:
        with self._lock:
            self._keys.append(key)

    def rotate(self, alg: str = "RS256") -> SigningKey:
        """A new key replaces the published ones (tokens signed before stop verifying)."""
        fresh = make_key(alg)
        with self._lock:
            self._keys = [fresh]
        return fresh

    def claims(self, subject: str, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        base = {"iss": self.url, "aud": self.audience, "sub": subject, "iat": now}
        return {**base, "exp": now + 300, **overrides}

    def token(self, subject: str, *, key: SigningKey | None = None, **claims: Any) -> str:
        signer = key or self.key
        return jwt.encode(
            self.claims(subject, **claims),
            signer.private,
            algorithm=signer.alg,
            headers={"kid": signer.kid},
        )

    def unsigned_token(self, subject: str) -> str:
        """``alg: none``: no signature at all (made by hand, as PyJWT's types want a key)."""
        header = {"alg": "none", "typ": "JWT", "kid": self.key.kid}
        return f"{_b64(json.dumps(header))}.{_b64(json.dumps(self.claims(subject)))}."

    def hmac_with_public_key(self, subject: str) -> str:
        """The classic confusion attack: HS256 keyed with the issuer's public key (PEM).
        Made by hand: PyJWT itself refuses to sign like this."""
        header = {"alg": "HS256", "typ": "JWT", "kid": self.key.kid}
        signing_input = f"{_b64(json.dumps(header))}.{_b64(json.dumps(self.claims(subject)))}"
        mac = hmac.new(self.key.public_pem(), signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64(mac)}"

    def _documents(self, path: str) -> dict[str, Any] | None:
        if path == "/.well-known/openid-configuration":
            return {
                "issuer": self.url,
                "jwks_uri": f"{self.url}/jwks",
                "id_token_signing_alg_values_supported": ["RS256", "ES256"],
            }
        if path == "/jwks":
            with self._lock:
                self._jwks_reads += 1
                return {"keys": [k.public_jwk() for k in self._keys]}
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = issuer._documents(self.path)
                payload = json.dumps(body or {"error": "not found"}).encode()
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: the test output is for failures

        return Handler


def _b64(data: str | bytes) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
