"""The AsyncAPI 3.0 document of the platform's Kafka traffic, generated from the contracts.

Channels come from ``ALL_TOPICS`` (each with its ``.dlq`` twin), messages from ``ALL_EVENTS``,
operations from the producer/consumer map in ``catalogue``. Payload schemas are the committed
JSON Schemas under ``schemas/``, referenced by relative path from the document.
"""

from __future__ import annotations

from importlib.metadata import version
from typing import Any

from cypheredge.contracts.base import Event
from cypheredge.contracts.catalogue import SERVICES, Service, events_on, producers_of
from cypheredge.contracts.envelope import CONTENT_TYPE
from cypheredge.contracts.examples import example_envelope, examples_of
from cypheredge.contracts.headers import CONTENT_TYPE_HEADER, DLQ_HEADERS, TRACEPARENT_HEADER
from cypheredge.contracts.registry import ALL_EVENTS
from cypheredge.contracts.schemas import ENVELOPE_SCHEMA_FILE, SCHEMA_DIR, schema_file
from cypheredge.contracts.topics import ALL_TOPICS, Topic

Doc = dict[str, Any]

ASYNCAPI_VERSION = "3.0.0"
KAFKA_BINDING_VERSION = "0.5.0"
SCHEMA_FORMAT = "application/schema+json;version=2020-12"
DEAD_LETTER_MESSAGE = "dead-letter"
_TOPIC_PREFIX = "cypheredge."


def channel_id(topic_name: str) -> str:
    """The AsyncAPI channel id of a topic, e.g. ``batches-submitted``; ``.dlq`` -> ``-dlq``."""
    return topic_name.removeprefix(_TOPIC_PREFIX).replace(".", "-")


def schema_ref(file_name: str) -> str:
    """Relative reference from the AsyncAPI document to a committed schema file."""
    return f"./{SCHEMA_DIR}/{file_name}"


def build_asyncapi() -> Doc:
    """The whole AsyncAPI document as plain JSON-compatible data."""
    channels: Doc = {}
    for topic in ALL_TOPICS:
        channels[channel_id(topic.name)] = _channel(topic, dead_letter=False)
        channels[channel_id(topic.dlq)] = _channel(topic, dead_letter=True)
    messages: Doc = {event.type_name(): _message(event) for event in ALL_EVENTS}
    messages[DEAD_LETTER_MESSAGE] = _dead_letter_message()
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "id": "urn:cypheredge:events",
        "info": {
            "title": "CypherEdge events",
            "version": version("cypheredge-contracts"),
            "description": (
                "Kafka traffic between CypherEdge services. Every record value is a CloudEvents "
                "1.0 envelope in structured JSON mode; the record key is the envelope subject "
                "(the batch or statement id). Changes within an event version are additive."
            ),
            "license": {"name": "Apache-2.0"},
        },
        "defaultContentType": CONTENT_TYPE,
        "servers": {
            "kafka": {
                "host": "{bootstrap}",
                "protocol": "kafka",
                "description": "Kafka-compatible broker (Redpanda in docker-compose)",
                "variables": {
                    "bootstrap": {
                        "default": "redpanda:9092",
                        "description": "KAFKA_BOOTSTRAP_SERVERS",
                    }
                },
            }
        },
        "channels": channels,
        "operations": _operations(),
        "components": {"messages": messages},
    }


def _channel(topic: Topic, *, dead_letter: bool) -> Doc:
    address = topic.dlq if dead_letter else topic.name
    if dead_letter:
        names = [DEAD_LETTER_MESSAGE]
        description = f"Dead letters of {topic.name}: records a consumer gave up on."
    else:
        names = [event.type_name() for event in events_on(topic)]
        description = topic.description
    return {
        "address": address,
        "description": description,
        "servers": [{"$ref": "#/servers/kafka"}],
        "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in names},
        "bindings": {
            "kafka": {
                "topic": address,
                "partitions": topic.partitions,
                "bindingVersion": KAFKA_BINDING_VERSION,
            }
        },
    }


def _message(event: type[Event]) -> Doc:
    type_name = event.type_name()
    producers = producers_of(event)
    source = producers[0].source if producers else "/cypheredge"
    return {
        "name": type_name,
        "title": event.__name__,
        "summary": f"{type_name} on {event.topic}",
        "contentType": CONTENT_TYPE,
        "headers": _headers_schema({}),
        "payload": {
            "schemaFormat": SCHEMA_FORMAT,
            "schema": {
                "allOf": [
                    {"$ref": schema_ref(ENVELOPE_SCHEMA_FILE)},
                    {
                        "type": "object",
                        "properties": {
                            "type": {"const": type_name},
                            "schemaversion": {"const": event.version},
                            "data": {"$ref": schema_ref(schema_file(event))},
                        },
                        "required": ["type", "schemaversion", "data"],
                    },
                ]
            },
        },
        "bindings": {"kafka": _key_binding(f"the event's {_aggregate_field(event)}")},
        "examples": [
            {
                "name": f"{event.__name__}-{index}",
                "headers": {CONTENT_TYPE_HEADER: CONTENT_TYPE},
                "payload": example_envelope(example, source=source).model_dump(
                    mode="json", exclude_none=True
                ),
            }
            for index, example in enumerate(examples_of(event), start=1)
        ],
    }


def _aggregate_field(event: type[Event]) -> str:
    """The payload field that ``aggregate_id()`` returns, read off the first example."""
    for example in examples_of(event):
        fields = [name for name, value in example if value == example.aggregate_id()]
        if len(fields) == 1:
            return fields[0]
    return "aggregate id"


def _dead_letter_message() -> Doc:
    return {
        "name": DEAD_LETTER_MESSAGE,
        "title": "Dead letter",
        "summary": "A record moved to <topic>.dlq after bounded retries; key and value unchanged",
        "contentType": CONTENT_TYPE,
        "headers": _headers_schema(DLQ_HEADERS),
        "payload": {
            "schemaFormat": SCHEMA_FORMAT,
            "schema": {
                "description": "The original record value: normally an envelope, but an "
                "undecodable value is dead-lettered byte for byte.",
                "anyOf": [{"$ref": schema_ref(ENVELOPE_SCHEMA_FILE)}, {}],
            },
        },
        "bindings": {"kafka": _key_binding("the original record key")},
    }


def _headers_schema(extra: dict[str, str]) -> Doc:
    """Record headers: content-type and the ``extra`` ones are required, traceparent is not."""
    properties: Doc = {CONTENT_TYPE_HEADER: {"type": "string", "const": CONTENT_TYPE}}
    properties.update({name: {"type": "string", "description": d} for name, d in extra.items()})
    required = sorted(properties)
    properties[TRACEPARENT_HEADER] = {
        "type": "string",
        "description": "W3C trace context of the producer (also in the envelope)",
    }
    return {"type": "object", "properties": properties, "required": required}


def _key_binding(what: str) -> Doc:
    return {
        "key": {
            "type": "string",
            "format": "uuid",
            "description": f"The envelope subject: {what}",
        },
        "bindingVersion": KAFKA_BINDING_VERSION,
    }


def _operations() -> Doc:
    operations: Doc = {}
    for service in SERVICES:
        for topic in service.produces_to():
            produced = [e for e in service.produces if e.topic == topic.name]
            operations[f"{service.name}-send-{channel_id(topic.name)}"] = _operation(
                service, "send", topic.name, [e.type_name() for e in produced]
            )
        for topic in service.consumes:
            names = [e.type_name() for e in events_on(topic)]
            receive = _operation(service, "receive", topic.name, names)
            receive["bindings"] = {
                "kafka": {
                    "groupId": {"type": "string", "const": service.group_id},
                    "bindingVersion": KAFKA_BINDING_VERSION,
                }
            }
            operations[f"{service.name}-receive-{channel_id(topic.name)}"] = receive
            operations[f"{service.name}-send-{channel_id(topic.dlq)}"] = _operation(
                service, "send", topic.dlq, [DEAD_LETTER_MESSAGE]
            )
    return operations


def _operation(service: Service, action: str, address: str, messages: list[str]) -> Doc:
    channel = channel_id(address)
    return {
        "action": action,
        "channel": {"$ref": f"#/channels/{channel}"},
        "messages": [{"$ref": f"#/channels/{channel}/messages/{name}"} for name in messages],
        "summary": f"{service.name} {action}s on {address}",
        "tags": [{"name": service.name}],
    }
