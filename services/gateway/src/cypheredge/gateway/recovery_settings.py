"""When the gateway re-drives a stalled batch and when it gives up on one (unprefixed env).

The re-drive interval must be longer than a statement's slowest honest stage, or busy batches
get re-driven (harmless, consumers are idempotent, but wasted work); the deadline must leave
room for a few re-drives, and stays far below the outbox retention (``OUTBOX_RETENTION_HOURS``)
so that a batch's events still exist when it is re-driven.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RecoverySettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    redrive_after_seconds: float = Field(
        default=300.0,
        gt=0,
        description="REDRIVE_AFTER_SECONDS: re-publish a batch's events after this long idle",
    )
    batch_deadline_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="BATCH_DEADLINE_SECONDS: fail an unfinished batch this long after upload",
    )
    sweep_interval_seconds: float = Field(
        default=30.0, gt=0, description="SWEEP_INTERVAL_SECONDS: how often the sweeper looks"
    )

    @property
    def redrive_after(self) -> timedelta:
        return timedelta(seconds=self.redrive_after_seconds)

    @property
    def deadline(self) -> timedelta:
        return timedelta(seconds=self.batch_deadline_seconds)
