"""Base class of every event payload.

An event type string is ``com.cypheredge.<name>.v<version>``. Within a version, changes are
additive only (new optional fields); anything else is a new version with its own model.
"""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict

TYPE_PREFIX = "com.cypheredge."


class Event(BaseModel):
    """A versioned, immutable event payload (the ``data`` of an envelope)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    name: ClassVar[str]
    version: ClassVar[int]
    topic: ClassVar[str]

    @classmethod
    def type_name(cls) -> str:
        return f"{TYPE_PREFIX}{cls.name}.v{cls.version}"

    def aggregate_id(self) -> UUID:
        """The Kafka key: the batch or statement this event is about."""
        raise NotImplementedError
