"""The committed AsyncAPI document is what the services' FastStream apps describe, and it lists
exactly the channels the code consumes and publishes (no producer that does not exist)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from cypheredge.cli.asyncapi import build_document, default_path, main, render
from cypheredge.contracts.catalogue import SERVICES, events_on


@cache
def _document() -> dict[str, Any]:
    return build_document()


def test_the_committed_document_matches_the_apps() -> None:
    assert default_path().read_text("utf-8") == render(), "run: python -m cypheredge.cli.asyncapi"
    assert main(["--check"]) == 0


def test_check_fails_on_drift(tmp_path: Any) -> None:
    path = tmp_path / "asyncapi.json"
    assert main(["--check", "--path", str(path)]) == 1
    assert main(["--path", str(path)]) == 0
    assert main(["--check", "--path", str(path)]) == 0
    path.write_text(path.read_text().replace("cypheredge-ingest", "cypheredge-ingestor"))
    assert main(["--check", "--path", str(path)]) == 1


def _operations(action: str) -> set[tuple[str, str]]:
    doc = _document()
    out = set()
    for operation in doc["operations"].values():
        if operation["action"] != action:
            continue
        channel = doc["channels"][operation["channel"]["$ref"].rsplit("/", 1)[-1]]
        out.add((channel["bindings"]["kafka"]["topic"], operation["channel"]["$ref"]))
    return out


def test_received_topics_are_exactly_what_each_group_consumes() -> None:
    received = {topic for topic, _ in _operations("receive")}
    assert received == {t.name for s in SERVICES for t in s.consumes}
    channels = json.dumps(_document()["channels"])
    for service in SERVICES:
        for topic in service.consumes:
            assert f"{service.group_id}:{topic.name}" in channels or service.group_id in channels


def test_sent_topics_are_exactly_what_each_service_produces() -> None:
    sent = {ref.rsplit("/", 1)[-1] for _, ref in _operations("send")}
    expected = {f"{s.name}:{t.name}" for s in SERVICES for t in s.produces_to()}
    assert sent == expected
    for ghost in (
        "ingest:cypheredge.usage",
        "reporter:cypheredge.usage",
        "billing:cypheredge.usage",
    ):
        assert not any(name.startswith(ghost) for name in sent), ghost


def test_messages_are_only_the_event_types_the_handlers_take() -> None:
    # Unknown types are skipped at runtime (ignore_others), with no catch-all handler that the
    # document would list as an empty message.
    doc = _document()
    assert "EmptyPayload" not in json.dumps(doc)
    names = {event.__name__ for s in SERVICES for t in s.consumes for event in events_on(t)}
    for message in doc["components"]["messages"].values():
        payload = message["payload"]
        refs = [p["$ref"] for p in payload.get("oneOf", [payload]) if "$ref" in p]
        if message["title"].endswith(":SubscribeMessage"):
            assert {ref.rsplit("/", 1)[-1] for ref in refs} <= names, message["title"]
