"""Gateway settings (env prefix ``GATEWAY_``) next to the shared infrastructure settings."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

MB = 1024 * 1024


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    max_files: int = 50
    max_file_bytes: int = 50 * MB
    max_total_bytes: int = 250 * MB
    rate_limit_per_minute: int = 600
    rate_limit_burst: int = 60
    idempotency_ttl_hours: int = 24
    idempotency_lock_seconds: int = 120
    report_url_ttl_seconds: int = 900
