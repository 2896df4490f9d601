"""The per-org request rate an org gets: the gateway's limit, lowered to its plan's.

Read on every authenticated request, so an org's plan is cached in process (like API keys):
an org over its limit is still refused without database work, and a plan change reaches the
limiter within the cache's TTL.
"""

from __future__ import annotations

from uuid import UUID

from cypheredge.contracts.plans import Plan
from cypheredge.gateway.infra.ratelimit import Quota
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.entitlements import standing

__all__ = ["lowered", "org_quota"]


def lowered(ceiling: Quota, plan: Plan) -> Quota:
    """The lower of each of the gateway's and the plan's figures."""
    return Quota(
        min(ceiling.per_minute, plan.rate_limit_per_minute),
        min(ceiling.burst, plan.rate_limit_burst),
    )


async def org_quota(app: Container, org_id: UUID) -> Quota | None:
    """The org's quota; None when plans do not set rates here (the limiter's own applies)."""
    cache = app.plan_quotas
    if cache is None:
        return None
    found, quota = cache.get(str(org_id))
    if found and quota is not None:
        return quota
    quota = lowered(app.rate_limits.org.quota, (await standing(app.db, org_id)).plan)
    cache.put(str(org_id), quota)
    return quota
