"""Composition root of the gateway: builds every collaborator from settings, once."""

from __future__ import annotations

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.infra.batch_changes import BatchChanges
from cypheredge.gateway.infra.jwks import JwksSource
from cypheredge.gateway.infra.models import outbox as outbox_table
from cypheredge.gateway.infra.ratelimit import LocalBuckets, Quota, RateLimiter, RedisBuckets
from cypheredge.gateway.infra.resilient import ResilientBuckets
from cypheredge.gateway.infra.revocations import CHANNEL as REVOCATIONS
from cypheredge.gateway.service.accounts import PrincipalCache
from cypheredge.gateway.service.container import Container, RateLimits
from cypheredge.gateway.service.identity import forget
from cypheredge.gateway.service.keycache import KeyCache
from cypheredge.gateway.service.oidc import OidcVerifier
from cypheredge.gateway.settings import GatewaySettings, OidcSettings, StripeSettings
from cypheredge.gateway.webhook_settings import WebhookSettings
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings

SERVICE = GATEWAY.name


def database(infra: InfraSettings) -> Database:
    return Database(service_url(infra, SERVICE))


def org_rate_limiter(infra: InfraSettings, settings: GatewaySettings) -> RateLimiter:
    """Per org: shared through Redis when configured (in process while it is unreachable)."""
    per_minute, burst = settings.rate_limit_per_minute, settings.rate_limit_burst
    if not infra.redis_url:
        return LocalBuckets(per_minute, burst)
    timeout = settings.redis_timeout_seconds
    # No retries and short timeouts: a lost Redis must cost a request milliseconds, not seconds.
    redis = Redis.from_url(
        infra.redis_url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )
    return ResilientBuckets(
        RedisBuckets(redis, per_minute, burst), retry_after=settings.redis_retry_seconds
    )


def rate_limits(infra: InfraSettings, settings: GatewaySettings) -> RateLimits:
    # The global and per-address limits guard this process, so they stay in process: a
    # flood is turned away without a network hop.
    return RateLimits(
        global_=LocalBuckets(
            settings.rate_limit_global_per_minute, settings.rate_limit_global_burst
        ),
        client=LocalBuckets(
            settings.rate_limit_client_per_minute, settings.rate_limit_client_burst
        ),
        org=org_rate_limiter(infra, settings),
    )


def plan_quotas(settings: GatewaySettings) -> KeyCache[Quota] | None:
    if not settings.rate_limit_by_plan:
        return None
    ttl = settings.plan_cache_ttl_seconds
    return KeyCache(ttl=ttl, negative_ttl=ttl, max_entries=settings.auth_cache_max_entries)


def oidc_verifier(settings: OidcSettings) -> OidcVerifier | None:
    if not settings.issuer or not settings.audience:
        return None
    source = JwksSource(
        settings.issuer,
        cache_seconds=settings.jwks_cache_seconds,
        min_refresh_seconds=settings.jwks_min_refresh_seconds,
        timeout=settings.http_timeout_seconds,
    )
    return OidcVerifier(source, audience=settings.audience, leeway=settings.leeway_seconds)


def build(
    infra: InfraSettings | None = None,
    settings: GatewaySettings | None = None,
    stripe: StripeSettings | None = None,
    oidc: OidcSettings | None = None,
    webhooks: WebhookSettings | None = None,
) -> Container:
    infra = infra or InfraSettings()
    settings = settings or GatewaySettings()
    stripe = stripe or StripeSettings()
    key = infra.cypheredge_secret_key
    webhook_secret = stripe.stripe_webhook_secret
    db = database(infra)
    container = Container(
        settings=settings,
        db=db,
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox_table, GATEWAY.source),
        sealer=Sealer(key.get_secret_value() if key else None),
        rate_limits=rate_limits(infra, settings),
        auth_cache=PrincipalCache(
            ttl=settings.auth_cache_ttl_seconds,
            negative_ttl=settings.auth_cache_negative_ttl_seconds,
            max_entries=settings.auth_cache_max_entries,
        ),
        batch_changes=BatchChanges(db.url, fallback_interval=settings.long_poll_fallback_seconds),
        stripe_webhook_secret=webhook_secret.get_secret_value() if webhook_secret else None,
        plan_quotas=plan_quotas(settings),
        oidc=oidc_verifier(oidc or OidcSettings()),
        webhooks=webhooks or WebhookSettings(),
    )
    # Revocations reach every process over its one LISTEN connection.
    cache = container.auth_cache
    container.batch_changes.on(REVOCATIONS, lambda payload: forget(cache, payload))
    return container
