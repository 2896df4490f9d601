"""The worker's Stripe task: bring plans to Stripe, then send the meter reports due."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from cypheredge.billing.service.meter_sender import MeterSender
from cypheredge.billing.service.provisioning import StripeSync

log = logging.getLogger(__name__)


class StripeLoop:
    def __init__(self, sync: StripeSync, sender: MeterSender, interval: float) -> None:
        self._sync = sync
        self._sender = sender
        self._interval = interval

    async def once(self) -> int:
        """One round; the number of meter reports Stripe accepted."""
        # Customers first: a report waits for its org's customer.
        await self._sync.sync_all()
        return await self._sender.send_due()

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.once()
            except Exception:
                # The database away, say: the queue is durable, the next round picks it up.
                log.exception("Stripe round failed; trying again in %.0f s", self._interval)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._interval)
