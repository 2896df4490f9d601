"""The platform's processes, run as tasks in the test's event loop against real infrastructure.

Same composition roots as production (``build`` of every service, the gateway's relay among
them); only the process boundary differs, so a test can watch the whole pipeline through the
HTTP API.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from cetest.http import serve
from cypheredge.extractor.bootstrap import build as build_extractor
from cypheredge.extractor.bootstrap import build_ocr as build_ocr_extractor
from cypheredge.extractor.settings import ExtractorSettings, OcrExtractorSettings
from cypheredge.gateway.api.app import create_app
from cypheredge.gateway.bootstrap import build as build_gateway
from cypheredge.gateway.projector import ProjectorSettings
from cypheredge.gateway.projector import build as build_projector
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.relay import RelaySettings
from cypheredge.gateway.relay import build as build_gateway_relay
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.ingest.bootstrap import build as build_ingest
from cypheredge.ingest.settings import IngestSettings
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.stream import Worker
from cypheredge.reporter.bootstrap import ReporterSettings
from cypheredge.reporter.bootstrap import build as build_reporter


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Pipeline:
    url: str
    gateway: Container
    hosts: list[Worker]


HostFactory = Callable[[InfraSettings], Worker]


def default_hosts(ingest: IngestSettings | None = None) -> list[HostFactory]:
    return [
        # The sweeper runs too, but never on its own within a test: tests that re-drive or
        # expire batches ask for it (the CLI, or a sweeper of their own).
        lambda infra: build_gateway_relay(
            infra,
            RecoverySettings(sweep_interval_seconds=86400),
            RelaySettings(health_port=free_port()),
        ),
        lambda infra: build_ingest(infra, ingest or IngestSettings(health_port=free_port())),
        lambda infra: build_projector(infra, ProjectorSettings(health_port=free_port())),
        lambda infra: build_extractor(infra, ExtractorSettings(health_port=free_port())),
        lambda infra: build_ocr_extractor(infra, OcrExtractorSettings(health_port=free_port())),
        lambda infra: build_reporter(infra, ReporterSettings(health_port=free_port())),
    ]


@asynccontextmanager
async def running_pipeline(
    infra: InfraSettings, hosts: list[HostFactory], ready_within: float = 60
) -> AsyncIterator[Pipeline]:
    # Tests poll far faster than a plan allows a client to: its limits are tested apart.
    settings = GatewaySettings(rate_limit_burst=10_000, rate_limit_by_plan=False)
    gateway = build_gateway(infra, settings)
    async with AsyncExitStack() as stack:
        url = await stack.enter_async_context(serve(create_app(gateway)))
        workers = [factory(infra) for factory in hosts]
        tasks = [asyncio.create_task(w.run()) for w in workers]

        async def shutdown() -> None:
            for worker in workers:
                worker.stop.set()
            await asyncio.gather(*tasks, return_exceptions=True)
            await gateway.db.dispose()

        stack.push_async_callback(shutdown)
        deadline = asyncio.get_running_loop().time() + ready_within
        while not all(w.ready() for w in workers):
            for task in tasks:
                if task.done():
                    task.result()
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("pipeline consumers did not join their groups in time")
            await asyncio.sleep(0.2)
        yield Pipeline(url, gateway, workers)
