"""``python -m cypheredge.gateway.relay``: publish the gateway's outbox to Kafka."""

from __future__ import annotations

import asyncio
import signal

from cypheredge.gateway.bootstrap import SERVICE, database
from cypheredge.gateway.infra.models import outbox
from cypheredge.kit.kafka import make_producer, wait_for_broker
from cypheredge.kit.logging import configure_logging
from cypheredge.kit.relay import Relay
from cypheredge.kit.settings import InfraSettings


async def run() -> None:
    infra = InfraSettings()
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
        await Relay(db, outbox, producer).run(stop)
    finally:
        await producer.stop()
        await db.dispose()


if __name__ == "__main__":
    asyncio.run(run())
