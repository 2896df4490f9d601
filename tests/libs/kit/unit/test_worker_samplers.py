"""What a worker process samples for its metrics: its outbox, its groups' topics and DLQs."""

from __future__ import annotations

from cetest.kittables import outbox
from cypheredge.contracts.catalogue import EXTRACTOR, GATEWAY
from cypheredge.kit.db import Database
from cypheredge.kit.stream import Worker, service_app, subscriber

BOOTSTRAP = "127.0.0.1:9"  # never contacted: nothing here starts
DB = "postgresql+psycopg://nobody@127.0.0.1:9/none"  # never connected


def test_a_consumer_that_relays_samples_its_outbox_and_each_groups_topics() -> None:
    app = service_app(EXTRACTOR, BOOTSTRAP)
    subscriber(app.broker, *EXTRACTOR.consumes, group_id="one")  # type: ignore[arg-type]
    subscriber(app.broker, GATEWAY.consumes[0], group_id="two")  # type: ignore[arg-type]
    worker = Worker(name="w", app=app, bootstrap=BOOTSTRAP, db=Database(DB), outbox=outbox)
    sampled_outbox, offsets = worker.samplers()
    assert sampled_outbox is not None
    assert sampled_outbox.schema == "kittest"
    assert offsets is not None
    assert offsets.groups == {
        "one": sorted(t.name for t in EXTRACTOR.consumes),
        "two": [GATEWAY.consumes[0].name],
    }


def test_a_publishing_only_process_samples_no_offsets() -> None:
    app = service_app(GATEWAY, BOOTSTRAP, name="relay")
    worker = Worker(name="relay", app=app, bootstrap=BOOTSTRAP, db=Database(DB), outbox=outbox)
    sampled_outbox, offsets = worker.samplers()
    assert sampled_outbox is not None
    assert offsets is None


def test_a_consumer_that_does_not_relay_samples_no_outbox() -> None:
    app = service_app(GATEWAY, BOOTSTRAP, name="projector", publishes=False)
    subscriber(app.broker, *GATEWAY.consumes, group_id="projector")  # type: ignore[arg-type]
    worker = Worker(name="p", app=app, bootstrap=BOOTSTRAP, db=Database(DB), outbox=None)
    sampled_outbox, offsets = worker.samplers()
    assert sampled_outbox is None
    assert offsets is not None
    assert set(offsets.groups) == {"projector"}
