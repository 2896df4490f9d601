"""Dead-lettering as a FastStream middleware: bounded retries with backoff, then ``<topic>.dlq``.

A handler that raises is retried up to ``max_attempts`` times with exponential backoff; then
the record is parked in ``<topic>.dlq`` (same partition, key, value and headers, plus the
dead-letter headers of ``cypheredge.contracts.headers``) and acknowledged, so a poison
message never blocks its partition. A payload that does not validate, a record that is no
envelope at all, and ``PermanentError`` are parked at once: retrying cannot help them. A valid
envelope of a type no handler takes is acknowledged and skipped on a subscriber marked with
``ignore_others`` (parked on any other: nothing would ever take it). Only
when parking itself fails (the broker is gone) does the error reach the acknowledgement,
which then leaves the record uncommitted for redelivery.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from aiokafka import ConsumerRecord
from faststream import BaseMiddleware
from faststream.exceptions import HandlerException, SubscriberNotFound
from faststream.message import StreamMessage
from pydantic import ValidationError

from cypheredge.contracts.headers import (
    DLQ_ATTEMPTS_HEADER,
    DLQ_CONSUMER_HEADER,
    DLQ_ERROR_HEADER,
    DLQ_OFFSET_HEADER,
    DLQ_PARTITION_HEADER,
    DLQ_TOPIC_HEADER,
)
from cypheredge.contracts.topics import DLQ_SUFFIX
from cypheredge.kit.sentry import capture_handler_error
from cypheredge.kit.stream.envelopes import envelope_of, skips_others
from cypheredge.kit.tracing import adopt

if TYPE_CHECKING:
    from faststream._internal.basic_types import AsyncFuncAny
    from faststream._internal.context.repository import ContextRepo
    from faststream.kafka import KafkaBroker

log = logging.getLogger(__name__)


class PermanentError(Exception):
    """The message can never succeed (invalid for this consumer): park it without retrying."""


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4
    first_backoff: float = 0.2
    max_backoff: float = 5.0

    def delay(self, attempt: int) -> float:
        return float(min(self.first_backoff * 2 ** (attempt - 1), self.max_backoff))


class DeadLetters:
    """The middleware factory a broker is given; ``bind`` it to the broker that parks."""

    def __init__(self, group_id: str, policy: RetryPolicy) -> None:
        self.group_id = group_id
        self.policy = policy
        self._broker: KafkaBroker | None = None

    def bind(self, broker: KafkaBroker) -> None:
        self._broker = broker

    def __call__(self, msg: Any, /, *, context: ContextRepo) -> _DeadLetterMiddleware:
        return _DeadLetterMiddleware(msg, context=context, owner=self)

    async def park(self, record: ConsumerRecord[bytes, bytes], error: str, attempts: int) -> None:
        """Publish ``record`` to its topic's DLQ with the error and attempt headers."""
        assert self._broker is not None, "DeadLetters.bind(broker) was not called"
        headers = {key: _text(value) for key, value in record.headers or ()}
        headers |= {
            DLQ_ERROR_HEADER: error[:4000],
            DLQ_ATTEMPTS_HEADER: str(attempts),
            DLQ_TOPIC_HEADER: record.topic,
            DLQ_PARTITION_HEADER: str(record.partition),
            DLQ_OFFSET_HEADER: str(record.offset),
            DLQ_CONSUMER_HEADER: self.group_id,
        }
        await self._broker.publish(
            record.value or b"",
            topic=record.topic + DLQ_SUFFIX,
            key=record.key,
            partition=record.partition,
            headers=headers,
        )
        log.error(
            "%s: parked %s[%d]@%d in DLQ: %s",
            self.group_id,
            record.topic,
            record.partition,
            record.offset,
            error,
        )


class _DeadLetterMiddleware(BaseMiddleware):
    def __init__(self, msg: Any, /, *, context: ContextRepo, owner: DeadLetters) -> None:
        super().__init__(msg, context=context)
        self._owner = owner
        self._handled = False

    async def consume_scope(self, call_next: AsyncFuncAny, msg: StreamMessage[Any]) -> Any:
        self._handled = True
        with contextlib.suppress(ValidationError):  # a handler of raw records may take any
            adopt(envelope_of(msg).traceparent)
        policy = self._owner.policy
        attempt = 1
        while True:
            try:
                return await call_next(msg)
            except HandlerException:
                raise  # FastStream's own ack/nack/reject requests
            except (PermanentError, ValidationError) as exc:
                # A payload that does not validate never will: retrying only delays the rest.
                self._report(exc, attempt)
                await self._owner.park(self.msg, f"{type(exc).__name__}: {exc}", attempt)
                return None
            except Exception as exc:
                if attempt >= policy.max_attempts:
                    log.exception("%s: giving up after %d attempts", self._owner.group_id, attempt)
                    self._report(exc, attempt)
                    await self._owner.park(self.msg, f"{type(exc).__name__}: {exc}", attempt)
                    return None
                log.warning("%s: attempt %d failed: %r", self._owner.group_id, attempt, exc)
                await asyncio.sleep(policy.delay(attempt))
                attempt += 1

    def _report(self, error: Exception, attempts: int) -> None:
        """The handler's failure to Sentry (when configured), once per record given up on."""
        topic = getattr(self.msg, "topic", None)
        capture_handler_error(
            error, topic=str(topic), consumer=self._owner.group_id, attempts=attempts
        )

    async def after_processed(
        self,
        exc_type: type[BaseException] | None = None,
        exc_val: BaseException | None = None,
        exc_tb: TracebackType | None = None,
    ) -> bool | None:
        # An error before any handler ran: the record could not be parsed or filtered.
        if self._handled or not isinstance(exc_val, Exception):
            return False
        if isinstance(exc_val, HandlerException):
            return False
        if isinstance(exc_val, SubscriberNotFound) and skips_others(self.context.get("handler_")):
            return True  # an event type this consumer does not take: acknowledged, skipped
        reason = (
            f"undecodable envelope: {exc_val.errors()[0]['msg']}"
            if isinstance(exc_val, ValidationError)
            else f"{type(exc_val).__name__}: {exc_val}"
        )
        await self._owner.park(self.msg, reason, 1)
        return True


def _text(value: bytes | str | None) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value or ""
