"""JSON form fields: only what jsonb and the event contract can hold gets in."""

from __future__ import annotations

import pytest

from cypheredge.gateway.domain.errors import SubmissionError
from cypheredge.gateway.domain.jsonfields import MAX_DEPTH, parse_json_object


def refused(raw: str) -> SubmissionError:
    with pytest.raises(SubmissionError) as caught:
        parse_json_object(raw, "params")
    assert (caught.value.status, caught.value.field) == (422, "params")
    assert caught.value.code == "invalid_params"
    return caught.value


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ('{"a": NaN}', "NaN"),
        ('{"a": [Infinity]}', "Infinity"),
        ('{"a": -Infinity}', "-Infinity"),
        ('{"a": 1e999}', "out of range"),
        ('{"a": "x\\u0000y"}', "\\u0000"),
        ('{"a\\u0000": 1}', "\\u0000"),
        ('{"a": "\\ud800"}', "lone surrogate"),
        ('{"\\udfff": 1}', "lone surrogate"),
        ('{"a": ' + "9" * 5000 + "}", "not acceptable JSON"),
    ],
)
def test_values_jsonb_cannot_store_are_refused(raw: str, why: str) -> None:
    assert why in refused(raw).detail


def test_nesting_beyond_the_recursion_limit_is_refused_not_crashed() -> None:
    assert "nested too deeply" in refused('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}").detail


def test_nesting_beyond_max_depth_is_refused() -> None:
    deep = '{"a": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    assert f"deeper than {MAX_DEPTH}" in refused(deep).detail


def test_nesting_up_to_max_depth_is_accepted() -> None:
    fits = '{"a": ' + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "}"
    assert parse_json_object(fits, "params")["a"] is not None


def test_a_valid_surrogate_pair_is_accepted() -> None:
    assert parse_json_object('{"emoji": "\\ud83d\\ude00"}', "params") == {"emoji": "😀"}
