"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from cypheredge.gateway.api.deps import ContainerDep
from cypheredge.gateway.api.problems import Problem

router = APIRouter(tags=["operations"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(app: ContainerDep) -> dict[str, str]:
    try:
        async with app.db.system() as session:
            await session.execute(text("SELECT 1"))
    except Exception as exc:
        raise Problem(503, "Not ready", f"database unavailable: {type(exc).__name__}") from None
    return {"status": "ready"}


@router.get("/metrics")
async def metrics() -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
