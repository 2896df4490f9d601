"""/v1/api_keys routes (being built)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["api-keys"])
