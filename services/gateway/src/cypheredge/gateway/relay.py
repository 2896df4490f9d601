"""``python -m cypheredge.gateway.relay``: publish the gateway's outbox and sweep batches.

The sweeper runs here because this is the gateway's one long-running background process, and
what it does ends in the outbox this process publishes. Several replicas may run: claims and
sweeps are both safe to race.
"""

from __future__ import annotations

import asyncio
import signal

from cypheredge.contracts.catalogue import GATEWAY
from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.infra.models import outbox
from cypheredge.gateway.recovery_settings import RecoverySettings
from cypheredge.gateway.service.recovery import Recovery, SweepPolicy
from cypheredge.kit.db import Database
from cypheredge.kit.kafka import make_producer, wait_for_broker
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.relay import Relay
from cypheredge.kit.settings import InfraSettings


def recovery(db: Database, settings: RecoverySettings) -> Recovery:
    policy = SweepPolicy(redrive_after=settings.redrive_after, deadline=settings.deadline)
    return Recovery(db, Outbox(outbox, GATEWAY.source), policy)


async def run() -> None:
    infra = InfraSettings()
    settings = RecoverySettings()
    configure_logging(f"{SERVICE}-relay", infra.log_level, infra.log_json)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await wait_for_broker(infra.kafka_bootstrap_servers, within=120)
    producer = make_producer(infra.kafka_bootstrap_servers, f"{SERVICE}-relay")
    await producer.start()
    db = database(infra)
    try:
        # A failure of either ends both: the orchestrator restarts the process.
        async with asyncio.TaskGroup() as tasks:
            tasks.create_task(Relay(db, outbox, producer).run(stop))
            tasks.create_task(recovery(db, settings).run(stop, settings.sweep_interval_seconds))
    finally:
        await producer.stop()
        await db.dispose()


if __name__ == "__main__":
    asyncio.run(run())
