"""Kafka clients and explicit topic provisioning.

The embedded broker (Tansu) supports neither the idempotent producer nor transactions, so the
producer is a plain ``acks=all`` one; exactly-once effects come from consumers' inboxes.
"""

from __future__ import annotations

import asyncio
import logging

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, TopicAlreadyExistsError

from cypheredge.contracts import topic_partitions
from cypheredge.kit.kafka_security import PLAINTEXT, KafkaSecurity, client_kwargs

log = logging.getLogger(__name__)


def make_producer(
    bootstrap: str,
    client_id: str,
    *,
    request_timeout_ms: int = 15000,
    security: KafkaSecurity = PLAINTEXT,
) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        **client_kwargs(security),
        client_id=client_id,
        acks="all",
        enable_idempotence=False,
        linger_ms=5,
        request_timeout_ms=request_timeout_ms,
    )


async def provision_topics(
    bootstrap: str,
    topics: dict[str, int] | None = None,
    *,
    security: KafkaSecurity = PLAINTEXT,
) -> list[str]:
    """Create every missing topic with its partition count; returns the names created."""
    wanted = topics if topics is not None else topic_partitions()
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap, client_id="cypheredge-provision", **client_kwargs(security)
    )
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        created: list[str] = []
        for name in missing:
            try:
                await admin.create_topics(
                    [NewTopic(name=name, num_partitions=wanted[name], replication_factor=1)]
                )
                created.append(name)
            except TopicAlreadyExistsError:
                log.info("topic %s appeared concurrently", name)
        return created
    finally:
        await admin.close()


async def wait_for_broker(
    bootstrap: str, within: float = 30.0, *, security: KafkaSecurity = PLAINTEXT
) -> None:
    """Block until the broker answers metadata requests (used at start-up).

    Refused credentials: aiokafka (0.14) reports a broker's SASL refusal as a failed
    bootstrap (its log names the SASL error), waited out like an absent broker, then raised.
    """
    deadline = asyncio.get_running_loop().time() + within
    while True:
        admin = AIOKafkaAdminClient(
            bootstrap_servers=bootstrap, request_timeout_ms=3000, **client_kwargs(security)
        )
        try:
            await admin.start()
            await admin.list_topics()
            return
        except KafkaConnectionError:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.3)
        finally:
            await admin.close()
