"""Every example event survives the wire and matches its committed JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from cypheredge.contracts import Envelope, decode
from cypheredge.contracts.base import Event
from cypheredge.contracts.catalogue import producers_of
from cypheredge.contracts.examples import EXAMPLE_ORG_ID, EXAMPLES, examples_of
from cypheredge.contracts.generate import default_root
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.schemas import ENVELOPE_SCHEMA_FILE, SCHEMA_DIR, schema_file


@cache
def committed_validator(file_name: str) -> Draft202012Validator:
    schema = json.loads((default_root() / SCHEMA_DIR / file_name).read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("event", ALL_EVENTS, ids=lambda e: e.type_name())
def test_every_event_type_has_an_example(event: type[Event]) -> None:
    assert examples_of(event)


@pytest.mark.parametrize(
    "example", EXAMPLES, ids=[f"{type(e).type_name()}-{i}" for i, e in enumerate(EXAMPLES)]
)
def test_example_round_trips_and_validates(example: Event) -> None:
    producers = producers_of(type(example))
    source = producers[0].source if producers else "/cypheredge/billing"
    envelope = Envelope.wrap(example, org_id=EXAMPLE_ORG_ID, source=source)
    raw = envelope.to_bytes()

    received = Envelope.from_bytes(raw)
    assert received == envelope
    assert received.key == str(example.aggregate_id()).encode()
    assert decode(received) == example

    wire: dict[str, Any] = json.loads(raw)
    committed_validator(ENVELOPE_SCHEMA_FILE).validate(wire)
    committed_validator(schema_file(type(example))).validate(wire["data"])


def test_committed_schema_rejects_a_payload_missing_a_required_field() -> None:
    example = examples_of(ALL_EVENTS[0])[0]
    data = example.model_dump(mode="json")
    del data["batch_id"]
    with pytest.raises(ValidationError, match="batch_id"):
        committed_validator(schema_file(ALL_EVENTS[0])).validate(data)


def test_committed_schema_checks_formats() -> None:
    event = ALL_EVENTS[0]
    data = examples_of(event)[0].model_dump(mode="json") | {"batch_id": "not-a-uuid"}
    with pytest.raises(ValidationError, match="uuid"):
        committed_validator(schema_file(event)).validate(data)
