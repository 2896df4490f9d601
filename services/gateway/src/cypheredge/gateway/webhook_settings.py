"""Settings of outbound webhooks (env prefix ``GATEWAY_WEBHOOKS_``).

Read by the API (which URLs an endpoint may have) and by the ``gateway-webhooks`` process
(how it sends); both must see the same URL policy.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from cypheredge.gateway.domain.ssrf import UrlPolicy
from cypheredge.gateway.domain.webhooks import RetryPolicy
from cypheredge.kit.workers import WorkerSettings

# 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, then every 10 h until the window closes.
SCHEDULE = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0)


class WebhookSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_WEBHOOKS_", extra="ignore")

    # Server-side request forgery: production sends to public https URLs only.
    allow_http: bool = False
    allow_loopback: bool = False
    allow_private: bool = Field(False, description="Loopback, private and link-local ranges")
    max_endpoints_per_org: int = Field(20, ge=1)
    retry_schedule_seconds: tuple[float, ...] = SCHEDULE
    retry_window_seconds: float = Field(24 * 3600.0, gt=0)
    retry_scale: float = Field(1.0, gt=0, description="Multiplies schedule and window (tests)")
    # An endpoint whose every attempt failed for this long is disabled with the reason.
    disable_after_seconds: float = Field(5 * 24 * 3600.0, gt=0)
    timeout_seconds: float = Field(10.0, gt=0, description="Per attempt, connect to last byte")
    max_concurrency: int = Field(32, ge=1, description="Attempts in flight in this process")
    per_endpoint_concurrency: int = Field(2, ge=1, description="In flight to one endpoint")
    poll_interval_seconds: float = Field(1.0, gt=0)
    claim_batch: int = Field(100, ge=1)

    @property
    def url_policy(self) -> UrlPolicy:
        return UrlPolicy(
            allow_http=self.allow_http,
            allow_loopback=self.allow_loopback,
            allow_private=self.allow_private,
        )

    @property
    def retry_policy(self) -> RetryPolicy:
        return RetryPolicy(
            schedule=tuple(timedelta(seconds=s) for s in self.retry_schedule_seconds),
            window=timedelta(seconds=self.retry_window_seconds),
            scale=self.retry_scale,
        )

    @property
    def disable_after(self) -> timedelta:
        return timedelta(seconds=self.disable_after_seconds)
