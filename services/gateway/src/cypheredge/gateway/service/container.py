"""What the gateway's use cases need, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from cypheredge.gateway.domain.submission import UploadLimits
from cypheredge.gateway.infra.ratelimit import RateLimiter
from cypheredge.gateway.settings import GatewaySettings
from cypheredge.kit.db import Database
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.secrets import Sealer
from cypheredge.kit.storage import ObjectStorage


@dataclass
class Container:
    settings: GatewaySettings
    db: Database
    storage: ObjectStorage
    outbox: Outbox
    sealer: Sealer
    rate_limiter: RateLimiter

    @property
    def limits(self) -> UploadLimits:
        return UploadLimits(
            max_files=self.settings.max_files,
            max_file_bytes=self.settings.max_file_bytes,
            max_total_bytes=self.settings.max_total_bytes,
        )
