"""Settings every worker process reads: where its health endpoint listens."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class WorkerSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    health_host: str = "127.0.0.1"
    health_port: int = 9000
