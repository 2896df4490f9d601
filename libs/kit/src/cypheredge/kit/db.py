"""Async database access with tenancy set per transaction.

Every unit of work is one transaction: it commits when the block exits normally and rolls back
on any exception. Tenant work sets ``app.current_org`` with ``set_config(..., true)`` so the
setting dies with the transaction; row-level security policies read it and fail closed when it
is missing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import UUID

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from cypheredge.kit.settings import InfraSettings

ORG_SETTING = "app.current_org"


def service_role(service: str) -> str:
    """The non-owner, non-superuser database role a service connects as."""
    return f"cypheredge_{service}"


def service_url(settings: InfraSettings, service: str) -> str:
    """The admin URL with the service's own role (and password, when one is configured)."""
    url = make_url(settings.database_url).set(username=service_role(service))
    password = settings.database_service_password
    url = url.set(password=password.get_secret_value() if password else None)
    return url.render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    """The same URL for a synchronous driver (psycopg 3 serves both; libpq-style for LISTEN)."""
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_dsn(url: str) -> str:
    """A plain libpq connection string for raw psycopg connections (LISTEN/NOTIFY)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Database:
    """Owns the engine; hands out transactional sessions (tenant or system)."""

    def __init__(self, url: str, *, pool_size: int = 5, echo: bool = False) -> None:
        self.url = url
        self.engine: AsyncEngine = create_async_engine(
            url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, echo=echo
        )
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def tenant(self, org_id: UUID) -> AsyncIterator[AsyncSession]:
        """A transaction scoped to one org; RLS shows and accepts only that org's rows."""
        async with self._sessions() as session, session.begin():
            await set_org(session, org_id)
            yield session

    @asynccontextmanager
    async def system(self) -> AsyncIterator[AsyncSession]:
        """A transaction with no org set: tenant tables look empty and reject writes.

        For infrastructure tables (outbox, inbox) and security-definer lookups only.
        """
        async with self._sessions() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()


async def set_org(session: AsyncSession, org_id: UUID) -> None:
    """Scope the current transaction to ``org_id`` (transaction-local, never per connection)."""
    await session.execute(
        text("SELECT set_config(:name, :org, true)"), {"name": ORG_SETTING, "org": str(org_id)}
    )
