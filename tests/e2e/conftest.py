"""One running pipeline for the whole e2e session (consumer groups join once)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from cetest.pipeline import Pipeline, default_hosts, running_pipeline
from cetest.tenants import Tenant
from cypheredge.gateway.service.accounts import create_org
from cypheredge.kit.settings import InfraSettings


@pytest.fixture(scope="session")
async def pipeline(infra: InfraSettings, topics: str) -> AsyncIterator[Pipeline]:
    async with running_pipeline(infra, default_hosts()) as running:
        yield running


@pytest.fixture(scope="session")
async def client(pipeline: Pipeline) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=pipeline.url, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
async def tenant(pipeline: Pipeline) -> Tenant:
    created = await create_org(pipeline.gateway.db, "E2E Org")
    return Tenant(str(created.org_id), created.api_key)
