"""What the gateway's use cases need, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from cypheredge.gateway.domain.submission import UploadLimits
from cypheredge.gateway.infra.batch_changes import BatchChanges
from cypheredge.gateway.infra.ratelimit import Quota, RateLimiter
from cypheredge.gateway.infra.webhook_http import resolve as resolve_host
from cypheredge.gateway.service.accounts import PrincipalCache
from cypheredge.gateway.service.keycache import KeyCache
from cypheredge.gateway.service.oidc import OidcVerifier
from cypheredge.gateway.service.webhook_urls import Resolver
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.gateway.webhook_settings import WebhookSettings
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.storage import ObjectStorage


@dataclass(frozen=True)
class RateLimits:
    """Applied in this order, the first two before any authentication or database work."""

    global_: RateLimiter  # everything this process serves
    client: RateLimiter  # per client address
    org: RateLimiter  # per org, after the (cached) key lookup


@dataclass
class Container:
    settings: GatewaySettings
    db: Database
    storage: ObjectStorage
    outbox: Outbox
    sealer: Sealer
    rate_limits: RateLimits
    auth_cache: PrincipalCache
    batch_changes: BatchChanges  # started and stopped by the app's lifespan
    # Verifies Stripe's webhooks; None: webhooks are not configured here.
    stripe_webhook_secret: str | None = None
    # Each org's per-org rate from its plan, by org id; None: the org limiter's own for all.
    plan_quotas: KeyCache[Quota] | None = None
    # Verifies sign-in tokens (OIDC_ISSUER); None: tokens are refused, API keys only.
    oidc: OidcVerifier | None = None
    # Outbound webhooks: which URLs endpoints may have, and how their hosts are resolved.
    webhooks: WebhookSettings = field(default_factory=WebhookSettings)
    resolve: Resolver = resolve_host

    @property
    def limits(self) -> UploadLimits:
        """The gateway's own upload limits (an org's plan may lower them)."""
        return UploadLimits(
            max_files=self.settings.max_files,
            max_file_bytes=self.settings.max_file_bytes,
            max_total_bytes=self.settings.max_total_bytes,
            max_field_bytes=self.settings.max_field_bytes,
        )
