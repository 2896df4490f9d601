"""Extractor settings (env prefix ``EXTRACTOR_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from cypheredge.kit.workers import WorkerSettings


class ExtractorSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="EXTRACTOR_", extra="ignore")

    health_port: int = 9002
    workers: int = 1
    timeout_seconds: float = 120.0
    # Each extraction worker's address-space cap (RLIMIT_AS) in the PDF sandbox.
    max_memory_mb: int = 2048
