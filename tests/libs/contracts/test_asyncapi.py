"""The committed AsyncAPI document is well formed and agrees with topics and catalogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from cypheredge.contracts.catalogue import SERVICES, consumers_of, producers_of
from cypheredge.contracts.generate import ASYNCAPI_FILE, default_root
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.topics import ALL_TOPICS, topic_partitions

ROOT = default_root()


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((ROOT / ASYNCAPI_FILE).read_text("utf-8"))
    return loaded


def refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` value anywhere in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def pointer(doc: Any, ref: str) -> Any:
    target = doc
    for part in ref.removeprefix("#/").split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def test_is_asyncapi_3() -> None:
    doc = document()
    assert doc["asyncapi"] == "3.0.0"
    assert {"title", "version"} <= doc["info"].keys()
    assert doc["servers"]["kafka"]["protocol"] == "kafka"


def test_channels_are_exactly_the_topics_and_their_dlqs() -> None:
    channels = document()["channels"].values()
    addresses = {c["address"]: c["bindings"]["kafka"]["partitions"] for c in channels}
    assert addresses == topic_partitions()
    for channel in channels:
        assert channel["bindings"]["kafka"]["topic"] == channel["address"]


def test_every_reference_resolves() -> None:
    doc = document()
    found = list(refs(doc))
    assert found
    for ref in found:
        if ref.startswith("#/"):
            assert isinstance(pointer(doc, ref), dict), ref
        else:
            assert (ROOT / ref.split("#")[0]).is_file(), ref


def test_every_message_payload_references_a_committed_schema() -> None:
    for name, message in document()["components"]["messages"].items():
        payload_refs = [r for r in refs(message["payload"]) if not r.startswith("#")]
        assert payload_refs, name
        for ref in payload_refs:
            assert (ROOT / ref).is_file(), ref
        assert message["headers"]["properties"]["content-type"]["const"]
        assert message["bindings"]["kafka"]["key"]["type"] == "string"


def test_every_event_type_is_a_message_on_its_topic() -> None:
    doc = document()
    for event in ALL_EVENTS:
        name = event.type_name()
        assert doc["components"]["messages"][name]["name"] == name
        carrying = [c["address"] for c in doc["channels"].values() if name in c["messages"]]
        assert carrying == [event.topic]


def _operations(action: str, address: str) -> list[dict[str, Any]]:
    doc = document()
    return [
        op
        for op in doc["operations"].values()
        if op["action"] == action and pointer(doc, op["channel"]["$ref"])["address"] == address
    ]


def test_operations_follow_the_catalogue() -> None:
    for event in ALL_EVENTS:
        senders = {
            op["tags"][0]["name"]
            for op in _operations("send", event.topic)
            if any(m["$ref"].endswith("/" + event.type_name()) for m in op["messages"])
        }
        assert senders == {s.name for s in producers_of(event)}, event.type_name()
    for topic in ALL_TOPICS:
        receivers = {op["tags"][0]["name"] for op in _operations("receive", topic.name)}
        assert receivers == {s.name for s in consumers_of(topic)}, topic.name
        dlq_senders = {op["tags"][0]["name"] for op in _operations("send", topic.dlq)}
        assert dlq_senders == receivers, topic.dlq
    groups = {
        op["bindings"]["kafka"]["groupId"]["const"]
        for op in document()["operations"].values()
        if op["action"] == "receive"
    }
    assert groups == {s.group_id for s in SERVICES if s.consumes}


def _schema_registry() -> Registry[Any]:
    resources = []
    for path in sorted((ROOT / "schemas").glob("*.json")):
        contents = json.loads(path.read_text("utf-8"))
        resource = Resource.from_contents(contents)
        resources += [(path.as_uri(), resource), (contents["$id"], resource)]
    return Registry().with_resources(resources)


@pytest.mark.parametrize("event", ALL_EVENTS, ids=lambda e: e.type_name())
def test_message_examples_validate_against_the_message_payload(event: type[Any]) -> None:
    message = document()["components"]["messages"][event.type_name()]
    schema = dict(message["payload"]["schema"])
    schema["$id"] = Path(ROOT / ASYNCAPI_FILE).as_uri()
    validator = Draft202012Validator(schema, registry=_schema_registry())
    assert message["examples"]
    for example in message["examples"]:
        validator.validate(example["payload"])
        assert example["payload"]["type"] == event.type_name()
    wrong = dict(message["examples"][0]["payload"], type="com.cypheredge.other.v1")
    assert not validator.is_valid(wrong)
