"""Billing settings (env prefix ``BILLING_``) and Stripe's (``STRIPE_*``, as Stripe names them)."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from cypheredge.kit.workers import WorkerSettings

STRIPE_API = "https://api.stripe.com"


class BillingSettings(WorkerSettings):
    model_config = SettingsConfigDict(env_prefix="BILLING_", extra="ignore")

    health_port: int = 9004
    # How often the worker looks for meter reports and plan changes to take to Stripe.
    stripe_poll_seconds: float = Field(2.0, gt=0)
    stripe_batch: int = Field(100, gt=0)


class StripeSettings(BaseSettings):
    """Without an API key billing meters locally and reports nothing to Stripe."""

    model_config = SettingsConfigDict(env_prefix="STRIPE_", extra="ignore")

    api_key: SecretStr | None = None
    api_base: str = Field(STRIPE_API, description="A Stripe-compatible base URL")
    timeout_seconds: float = Field(20.0, gt=0)

    @property
    def enabled(self) -> bool:
        return self.api_key is not None and bool(self.api_key.get_secret_value())
