"""Consumers skip event types they do not know; known types still validate strictly."""

from __future__ import annotations

from uuid import uuid4

import pytest
from pydantic import ValidationError

from cypheredge.contracts import Envelope, decode_known
from cypheredge.contracts.events.billing import UsageRecorded


def _envelope(type_: str, data: dict[str, object]) -> Envelope:
    return Envelope(
        source="/tests", type=type_, subject="x", orgid=uuid4(), schemaversion=1, data=data
    )


def test_unknown_types_decode_to_none() -> None:
    assert decode_known(_envelope("com.cypheredge.batch.archived.v1", {"any": 1})) is None


def test_known_types_decode_and_still_validate() -> None:
    with pytest.raises(ValidationError):
        decode_known(_envelope(UsageRecorded.type_name(), {"metric": "pages_processed"}))
