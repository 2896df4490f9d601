"""RFC 7240's ``wait`` preference: read where valid, capped, ignored where malformed."""

from __future__ import annotations

import pytest

from cypheredge.gateway.domain.preferences import wait_preference

CAP = 30


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["wait=5"], 5),
        (["WAIT = 5"], 5),
        (['wait="7"'], 7),
        (["respond-async, wait=10"], 10),
        (["respond-async", "wait=10"], 10),  # the preference list spans several fields
        (["wait=10; foo=bar"], 10),  # parameters are not the value
        (['return=minimal; x="a, wait=1", wait=3'], 3),  # a comma inside quotes splits nothing
        (["wait=0"], 0),
        (["wait=31"], CAP),
        (["wait=99999999999999999999"], CAP),
        (["wait=4, wait=9"], 4),  # the first instance counts (RFC 7240 section 2)
    ],
)
def test_a_valid_wait_is_read_and_capped(headers: list[str], expected: int) -> None:
    assert wait_preference(headers, CAP) == expected


@pytest.mark.parametrize(
    "headers",
    [
        [],
        ["respond-async"],
        ["wait"],
        ["wait="],
        ["wait=abc"],
        ["wait=-1"],
        ["wait=1.5"],
        ["wait=+3"],
        ["wait=١٢"],  # Unicode digits are not DIGIT
        ["wait=abc, wait=5"],  # the first instance counts, even when it is malformed
        ["waiting=5"],
    ],
)
def test_no_or_a_malformed_wait_is_ignored(headers: list[str]) -> None:
    assert wait_preference(headers, CAP) is None
