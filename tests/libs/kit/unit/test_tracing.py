"""W3C traceparent rules: new traces, child spans, adopting incoming headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from cypheredge.kit.tracing import (
    adopt,
    child_traceparent,
    current_traceparent,
    new_traceparent,
    parse_trace_id,
)

SHAPE = re.compile(r"^00-([0-9a-f]{32})-([0-9a-f]{16})-01$")
VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
INVALID = [
    "",
    "garbage",
    "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
    " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
]


@pytest.fixture(autouse=True)
def no_current_trace() -> Iterator[None]:
    token = current_traceparent.set(None)
    yield
    current_traceparent.reset(token)


def parts(traceparent: str) -> tuple[str, str]:
    shape = SHAPE.match(traceparent)
    assert shape is not None, traceparent
    return shape.group(1), shape.group(2)


def test_new_traceparents_are_well_formed_and_distinct() -> None:
    first, second = parts(new_traceparent()), parts(new_traceparent())
    assert first[0] != second[0]
    assert first[1] != second[1]


def test_parse_trace_id_of_a_valid_header() -> None:
    assert parse_trace_id(VALID) == TRACE_ID
    assert parse_trace_id(new_traceparent()) is not None


@pytest.mark.parametrize("header", [None, *INVALID])
def test_parse_trace_id_of_an_invalid_header_is_none(header: str | None) -> None:
    assert parse_trace_id(header) is None


def test_child_keeps_the_trace_id_with_a_new_span_id() -> None:
    current_traceparent.set(VALID)
    child = child_traceparent()
    trace_id, span_id = parts(child)
    assert trace_id == TRACE_ID
    assert span_id != VALID.split("-")[2]
    assert child_traceparent() != child
    assert current_traceparent.get() == VALID


def test_child_without_a_current_trace_starts_a_new_one() -> None:
    parts(child_traceparent())
    assert child_traceparent().split("-")[1] != child_traceparent().split("-")[1]


def test_child_of_an_invalid_current_trace_starts_a_new_one() -> None:
    current_traceparent.set("not-a-traceparent")
    parts(child_traceparent())


def test_adopt_a_valid_header_makes_it_current() -> None:
    assert adopt(VALID) == VALID
    assert current_traceparent.get() == VALID
    assert parts(child_traceparent())[0] == TRACE_ID


@pytest.mark.parametrize("header", [None, *INVALID])
def test_adopt_an_invalid_header_starts_a_new_trace(header: str | None) -> None:
    adopted = adopt(header)
    assert adopted != header
    assert parts(adopted)[0] != TRACE_ID
    assert current_traceparent.get() == adopted
