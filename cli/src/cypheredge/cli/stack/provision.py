"""Migrations for every service and topic provisioning: what a deployment runs as jobs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from cypheredge.cli.stack.services import SCHEMAS
from cypheredge.kit.kafka import provision_topics, wait_for_broker
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity
from cypheredge.kit.migrations import migrate
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import S3Storage, storage_from_settings


def migrate_all(infra: InfraSettings, progress: Callable[[str], None] = lambda _: None) -> None:
    password = infra.database_service_password
    for item in SCHEMAS:
        progress(f"migrating {item.schema}")
        migrate(
            item.migrations_package,
            item.service,
            item.schema,
            infra.database_url,
            password.get_secret_value() if password else None,
        )


def provision(bootstrap: str, security: KafkaSecurity = PLAINTEXT) -> list[str]:
    async def _run() -> list[str]:
        await wait_for_broker(bootstrap, within=60, security=security)
        return await provision_topics(bootstrap, security=security)

    return asyncio.run(_run())


def provision_storage(infra: InfraSettings) -> None:
    """Create the S3 bucket when S3 is configured (the local directory needs nothing)."""
    storage = storage_from_settings(infra)
    if isinstance(storage, S3Storage):
        asyncio.run(storage.ensure_bucket())
