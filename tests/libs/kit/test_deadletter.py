"""Dead-lettering as a middleware, in memory and on the real broker: bounded retries, then
``<topic>.dlq`` with the error and attempt headers, and the partition moves on."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from aiokafka import ConsumerRecord
from faststream.kafka import KafkaRouter
from faststream.kafka.annotations import KafkaMessage

from cetest.kafka import Pinged
from cetest.streams import Running, eventually, fresh_prefix, started
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import BILLING
from cypheredge.contracts.topics import USAGE
from cypheredge.kit.stream import (
    CurrentEnvelope,
    PermanentError,
    ignore_others,
    of_type,
    subscriber,
)

ORG = uuid4()


class UsagePinged(Pinged):
    topic = USAGE.name


def _envelope(n: int, subject: UUID | None = None) -> Envelope:
    event = UsagePinged(subject_id=subject or uuid4(), n=n)
    return Envelope.wrap(event, org_id=ORG, source="/tests")


async def test_failing_and_poison_records_are_parked_and_the_partition_moves_on(
    stream_bootstrap: str,
) -> None:
    attempts: dict[int, int] = {}
    handled: list[int] = []
    parked: list[ConsumerRecord[bytes, bytes]] = []

    def router(group_id: str) -> KafkaRouter:
        router = KafkaRouter()
        sub = subscriber(router, USAGE, group_id=group_id)

        @sub(filter=of_type(UsagePinged))
        async def pinged(event: UsagePinged, envelope: CurrentEnvelope) -> None:
            assert envelope.orgid == ORG
            attempts[event.n] = attempts.get(event.n, 0) + 1
            if event.n == 1:
                raise RuntimeError("always fails")
            if event.n == 2:
                raise PermanentError("not for this consumer")
            handled.append(event.n)

        ignore_others(sub)

        @router.subscriber(USAGE.dlq, group_id=f"{group_id}-dlq", auto_offset_reset="earliest")
        async def dead_letters(message: KafkaMessage) -> None:
            parked.append(message.raw_message)

        return router

    async with started(BILLING, router, stream_bootstrap) as running:
        await _send_all(running)
        await eventually(lambda: handled == [3] and len(parked) == 4)
    assert attempts == {1: 3, 2: 1, 3: 1}
    headers = [{k: bytes(v) for k, v in r.headers} for r in parked]
    assert [h["x-attempts"] for h in headers] == [b"1", b"3", b"1", b"1"]
    assert headers[0]["x-error"].startswith(b"undecodable envelope")
    assert headers[1]["x-error"] == b"RuntimeError: always fails"
    assert headers[2]["x-error"] == b"PermanentError: not for this consumer"
    assert headers[3]["x-error"].startswith(b"ValidationError")
    assert all(h["x-original-topic"].endswith(USAGE.name.encode()) for h in headers)
    assert all(h["x-consumer"].endswith(BILLING.group_id.encode()) for h in headers)
    assert parked[0].value == b"\x00not an envelope"


async def _send_all(running: Running) -> None:
    # One key: one partition, so the order of the parked records is the order sent.
    await running.deliver_raw(b"\x00not an envelope", USAGE.name)
    for n in (1, 2):
        envelope = _envelope(n)
        await running.broker.publish(envelope.to_bytes(), running.prefix + USAGE.name, key=b"raw")
    invalid = _envelope(0).model_copy(update={"data": {"n": "not a number"}})
    await running.broker.publish(invalid.to_bytes(), running.prefix + USAGE.name, key=b"raw")
    unknown = _envelope(0).model_copy(update={"type": "com.cypheredge.unknown.v1"})
    await running.broker.publish(unknown.to_bytes(), running.prefix + USAGE.name, key=b"raw")
    await running.broker.publish(_envelope(3).to_bytes(), running.prefix + USAGE.name, key=b"raw")


@pytest.mark.integration
async def test_offsets_are_committed_after_the_effect_so_a_restart_resumes(broker: str) -> None:
    seen: list[int] = []

    def router(group_id: str) -> KafkaRouter:
        router = KafkaRouter()
        sub = subscriber(router, USAGE, group_id=group_id)

        @sub(filter=of_type(UsagePinged))
        async def pinged(event: UsagePinged) -> None:
            seen.append(event.n)

        ignore_others(sub)
        return router

    prefix = fresh_prefix()
    subject = uuid4()  # one key, one partition: the records are consumed in the order sent
    async with started(BILLING, router, broker, prefix) as running:
        for n in (1, 2):
            await running.deliver(_envelope(n, subject), USAGE.name)
        await eventually(lambda: len(seen) == 2)
    async with started(BILLING, router, broker, prefix) as running:
        await running.deliver(_envelope(3, subject), USAGE.name)
        await eventually(lambda: len(seen) == 3, within=60)
    assert seen == [1, 2, 3]
