"""Liveness, readiness and Prometheus metrics.

Readiness says whether the gateway can do its work now: its database answers, and so does
the broker its outbox is published to. The checks are the kit's, shared with every worker,
and cached for a moment, so frequent probes cost one round trip per dependency. Liveness
never looks at either: a gateway whose broker is down is alive and must not be restarted.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from cypheredge.gateway.api.deps import ContainerDep
from cypheredge.gateway.api.problems import Problem
from cypheredge.kit.readiness import Readiness, configured_broker, dependencies
from cypheredge.kit.settings import InfraSettings

router = APIRouter(tags=["operations"])


def get_readiness(request: Request, app: ContainerDep) -> Readiness:
    """The app's checks, built on first use unless the composition root installed some."""
    readiness: Readiness | None = getattr(request.app.state, "readiness", None)
    if readiness is None:
        infra = InfraSettings()
        readiness = dependencies(app.db, configured_broker(infra), security=infra.kafka_security)
        request.app.state.readiness = readiness
    return readiness


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(readiness: Annotated[Readiness, Depends(get_readiness)]) -> dict[str, str]:
    failing = await readiness.failing()
    if failing:
        detail = f"unavailable: {', '.join(failing)}"
        raise Problem(503, "Not ready", detail, failing=failing)
    return {"status": "ready"}


@router.get("/metrics")
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
