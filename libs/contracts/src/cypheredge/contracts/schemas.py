"""JSON Schemas (draft 2020-12) of every event payload, of the envelope, and of the artefacts
that cross services through object storage.

The schemas describe what producers put on the wire (pydantic's serialization mode): a
consumer in any language can validate an envelope against ``envelope.json``, its ``data``
against ``<type-name>.json``, and an artefact against ``<format>.json`` (e.g. the extraction
document against ``com.cypheredge.extraction.v1.json``). Schemas are open (unknown properties
allowed) so that additive changes within a version never break an older consumer.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from cypheredge.contracts.base import Event
from cypheredge.contracts.envelope import Envelope
from cypheredge.contracts.export_index import TRANSACTIONS_INDEX_FORMAT, TransactionsIndex
from cypheredge.contracts.extraction import EXTRACTION_FORMAT, ExtractionDocument
from cypheredge.contracts.registry import ALL_EVENTS

JsonSchema = dict[str, Any]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"
ENVELOPE_SCHEMA_FILE = "envelope.json"
_ID_PREFIX = "urn:cypheredge:schema:"

ARTEFACTS: dict[str, type[BaseModel]] = {
    EXTRACTION_FORMAT: ExtractionDocument,
    TRANSACTIONS_INDEX_FORMAT: TransactionsIndex,
}
"""Artefact format name -> its model; each gets a committed schema ``<format>.json``."""


def schema_file(event: type[Event]) -> str:
    """The file name of an event type's schema: ``<type-name>.json``."""
    return f"{event.type_name()}.json"


def event_schema(event: type[Event]) -> JsonSchema:
    """The JSON Schema of an event's payload (the envelope's ``data``)."""
    schema = event.model_json_schema(mode="serialization")
    schema.setdefault(
        "description",
        f"Data of a {event.type_name()} event, published on Kafka topic {event.topic}.",
    )
    return {"$schema": SCHEMA_DIALECT, "$id": _ID_PREFIX + event.type_name(), **schema}


def envelope_schema() -> JsonSchema:
    """The JSON Schema of the CloudEvents envelope every event travels in."""
    schema = Envelope.model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": _ID_PREFIX + "envelope", **schema}


def artefact_schema(name: str) -> JsonSchema:
    """The JSON Schema of an artefact format (a key of ``ARTEFACTS``)."""
    schema = ARTEFACTS[name].model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": _ID_PREFIX + name, **schema}


def all_schemas() -> dict[str, JsonSchema]:
    """Every schema keyed by its file name: one per event type, the envelope, the artefacts."""
    schemas = {schema_file(event): event_schema(event) for event in ALL_EVENTS}
    schemas[ENVELOPE_SCHEMA_FILE] = envelope_schema()
    schemas.update({f"{name}.json": artefact_schema(name) for name in ARTEFACTS})
    return schemas


def render_json(document: Any) -> str:
    """Deterministic JSON text: sorted keys, two-space indent, trailing newline."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
