"""The inbox: an event applied in the effect's transaction is never applied twice."""

from __future__ import annotations

from uuid import uuid4

import pytest
from sqlalchemy import func, insert, select

from cetest.kafka import Pinged
from cetest.kittables import effects, inbox
from cypheredge.contracts import Envelope
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox

pytestmark = pytest.mark.integration
ORG = uuid4()


def _envelope(topic: str, n: int) -> Envelope:
    return Envelope.wrap(Pinged.on(topic, n), org_id=ORG, source="/tests")


async def _effects(db: Database, note: str) -> int:
    async with db.system() as session:
        query = select(func.count()).select_from(effects).where(effects.c.note == note)
        return int((await session.execute(query)).scalar_one())


async def test_redelivered_event_has_no_second_effect(kit_db: Database) -> None:
    box = Inbox(inbox)
    envelope = _envelope("any", 1)
    note = f"effect-{envelope.id}"

    async def apply() -> None:
        async with kit_db.system() as session:
            if await box.first_delivery(session, "test-consumer", envelope):
                await session.execute(insert(effects).values(note=note))

    await apply()
    await apply()
    assert await _effects(kit_db, note) == 1


async def test_effect_that_rolls_back_is_applied_on_redelivery(kit_db: Database) -> None:
    box = Inbox(inbox)
    envelope = _envelope("any", 2)
    note = f"effect-{envelope.id}"

    async def apply(fail: bool) -> None:
        async with kit_db.system() as session:
            if await box.first_delivery(session, "test-consumer", envelope):
                await session.execute(insert(effects).values(note=note))
                if fail:
                    raise RuntimeError("crash after the effect, before commit")

    with pytest.raises(RuntimeError):
        await apply(fail=True)
    await apply(fail=False)
    assert await _effects(kit_db, note) == 1


async def test_applied_reads_the_row_the_effect_wrote_per_event_and_per_part(
    kit_db: Database,
) -> None:
    box = Inbox(inbox)
    envelope = _envelope("any", 3)
    first, second = uuid4(), uuid4()
    async with kit_db.system() as session:
        assert not await box.applied(session, "test-consumer", envelope)
        assert await box.first_delivery(session, "test-consumer", envelope, first)
    async with kit_db.system() as session:
        assert await box.applied(session, "test-consumer", envelope, first)
        assert not await box.applied(session, "test-consumer", envelope, second)
        assert not await box.applied(session, "test-consumer", envelope)
        assert not await box.applied(session, "other-consumer", envelope, first)
        assert not await box.first_delivery(session, "test-consumer", envelope, first)
