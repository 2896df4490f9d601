"""Composition root of the gateway: builds every collaborator from settings, once."""

from __future__ import annotations

from redis.asyncio import Redis

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.infra.models import outbox as outbox_table
from cypheredge.gateway.infra.ratelimit import LocalBuckets, RateLimiter, RedisBuckets
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import storage_from_settings

SERVICE = GATEWAY.name


def database(infra: InfraSettings) -> Database:
    return Database(service_url(infra, SERVICE))


def rate_limiter(infra: InfraSettings, settings: GatewaySettings) -> RateLimiter:
    if infra.redis_url:
        return RedisBuckets(
            Redis.from_url(infra.redis_url),
            settings.rate_limit_per_minute,
            settings.rate_limit_burst,
        )
    return LocalBuckets(settings.rate_limit_per_minute, settings.rate_limit_burst)


def build(infra: InfraSettings | None = None, settings: GatewaySettings | None = None) -> Container:
    infra = infra or InfraSettings()
    settings = settings or GatewaySettings()
    key = infra.cypheredge_secret_key
    return Container(
        settings=settings,
        db=database(infra),
        storage=storage_from_settings(infra),
        outbox=Outbox(outbox_table, GATEWAY.source),
        sealer=Sealer(key.get_secret_value() if key else None),
        rate_limiter=rate_limiter(infra, settings),
    )
