"""Waiting for consumer groups to have consumed everything on their topics (no lag).

"Nothing happened twice" can only be asserted once the duplicates have been delivered: this
is the condition that says they have, read from the broker's committed offsets.
"""

from __future__ import annotations

import asyncio

from aiokafka import AIOKafkaConsumer, TopicPartition

from cypheredge.contracts.catalogue import Service


async def _lagging(bootstrap: str, reader: AIOKafkaConsumer, service: Service) -> list[str]:
    tps = [
        TopicPartition(topic.name, p)
        for topic in service.consumes
        for p in sorted(reader.partitions_for_topic(topic.name) or ())
    ]
    ends = await reader.end_offsets(tps)
    # A client of the group that never subscribes: it reads committed offsets without joining
    # (the admin client's OffsetFetch is one the embedded broker does not answer).
    group = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=service.group_id, enable_auto_commit=False
    )
    await group.start()
    try:
        committed = {tp: await group.committed(tp) for tp in tps}
    finally:
        await group.stop()
    out = []
    for tp, end in ends.items():
        done = committed[tp] or 0
        if done < end:
            out.append(f"{service.group_id} {tp.topic}[{tp.partition}] at {done} of {end}")
    return out


async def wait_caught_up(bootstrap: str, services: list[Service], within: float = 60) -> None:
    """Return once every service's group has committed past the last record of each
    partition it consumes; fail with what still lags otherwise."""
    reader = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await reader.start()
    try:
        await reader.topics()  # load metadata for partitions_for_topic
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            lagging = [line for s in services for line in await _lagging(bootstrap, reader, s)]
            if not lagging:
                return
            if loop.time() > deadline:
                raise AssertionError("consumers still lag: " + "; ".join(lagging))
            await asyncio.sleep(0.2)
    finally:
        await reader.stop()
