"""Gateway settings (env prefix ``GATEWAY_``) next to the shared infrastructure settings."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    # Upload limits, enforced while the body streams in (the first byte past one is refused).
    max_files: int = 50
    max_file_bytes: int = 50 * MB
    max_total_bytes: int = 250 * MB
    max_field_bytes: int = Field(64 * 1024, description="passwords / params, each")
    spool_dir: Path | None = Field(None, description="Where uploads are spooled (default: TMPDIR)")
    # Rate limits, in the order they apply: this process, one client address, one org.
    rate_limit_global_per_minute: int = 60_000
    rate_limit_global_burst: int = 5_000
    rate_limit_client_per_minute: int = 1_200
    rate_limit_client_burst: int = 200
    rate_limit_per_minute: int = 600  # per org, shared through Redis when REDIS_URL is set
    rate_limit_burst: int = 60
    # On: each org's limit is the lower of the one above and its plan's (plans.json), its
    # plan read at most once per plan_cache_ttl_seconds. Off: the one above for every org
    # (benchmarks and end-to-end tests, which poll far faster than any plan allows).
    rate_limit_by_plan: bool = True
    plan_cache_ttl_seconds: float = Field(30.0, gt=0)
    redis_timeout_seconds: float = 0.25
    redis_retry_seconds: float = Field(5.0, description="Wait before trying a lost Redis again")
    # API key lookups are cached this long; a revoked key works at most this much longer.
    auth_cache_ttl_seconds: float = 5.0
    auth_cache_negative_ttl_seconds: float = 5.0
    auth_cache_max_entries: int = 10_000
    idempotency_ttl_hours: int = 24
    # How long a submit may take to store its files and record the batch once it holds its
    # Idempotency-Key (then it is cut off, 500); the key's lock lease is this plus a margin.
    submit_time_limit_seconds: float = Field(25.0, gt=0)
    report_url_ttl_seconds: int = 900
    # GET /v1/batches/{id} with `Prefer: wait=N` waits at most this long for a change (a
    # larger N is capped; 0 turns long-polling off), and reads every fallback interval while
    # the process's LISTEN connection is down.
    long_poll_max_seconds: int = Field(30, ge=0)
    long_poll_fallback_seconds: float = Field(1.0, gt=0)


class StripeSettings(BaseSettings):
    """Stripe's own variable names (no prefix): what Stripe's docs and dashboards call them."""

    model_config = SettingsConfigDict(extra="ignore")

    # The webhook endpoint's signing secret (whsec_...); unset: webhooks are answered 503.
    stripe_webhook_secret: SecretStr | None = None


class OidcSettings(BaseSettings):
    """Sign-in with an OIDC issuer's JWTs (``OIDC_ISSUER``, ``OIDC_AUDIENCE``, …).

    Without an issuer, tokens are refused (401) and API keys work as before."""

    model_config = SettingsConfigDict(env_prefix="OIDC_", extra="ignore")

    # Exactly the issuer's `iss` (its discovery document is at <issuer>/.well-known/...).
    issuer: str | None = None
    audience: str | None = Field(None, description="The `aud` tokens must carry")
    # The issuer's keys are read again after this long, and at once for an unknown `kid`
    # (at most every jwks_min_refresh_seconds, so forged kids cannot flood the issuer).
    jwks_cache_seconds: float = Field(300.0, gt=0)
    jwks_min_refresh_seconds: float = Field(10.0, ge=0)
    leeway_seconds: float = Field(30.0, ge=0, description="Clock skew allowed on exp/nbf/iat")
    http_timeout_seconds: float = Field(5.0, gt=0)

    @model_validator(mode="after")
    def _audience_with_issuer(self) -> OidcSettings:
        if self.issuer and not self.audience:
            raise ValueError("OIDC_AUDIENCE is required when OIDC_ISSUER is set")
        return self
