"""How long an outbox keeps the rows it has sent (env prefix ``OUTBOX_``).

Sent rows are what a re-drive re-publishes after the broker lost acknowledged events, so they
stay well beyond any batch's deadline; the relay deletes older ones every purge interval.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class OutboxSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OUTBOX_", extra="ignore")

    retention_hours: float = Field(
        default=168.0, gt=0, description="OUTBOX_RETENTION_HOURS: keep sent rows this long"
    )
    purge_interval_seconds: float = Field(
        default=3600.0, gt=0, description="OUTBOX_PURGE_INTERVAL_SECONDS: purge this often"
    )

    @property
    def retention(self) -> timedelta:
        return timedelta(hours=self.retention_hours)
