"""A word read as its core and the punctuation around it (`(Credit):` -> `(`, `Credit`, `):`),
for the mends that give a misread word back from a vocabulary and keep what was around it."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple


class Parts(NamedTuple):
    head: str
    core: str
    tail: str


@cache
def _pattern(head: str, tail: str) -> re.Pattern[str]:
    return re.compile(f"^(?P<head>[{head}]*)(?P<core>.*?)(?P<tail>[{tail}]*)$")


def split(text: str, head: str, tail: str) -> Parts:
    """`text` as the run of `head` marks it begins with, its core, and the run of `tail`
    marks it ends with (each a regular-expression character class body)."""
    found = _pattern(head, tail).match(text)
    assert found is not None  # every part may be empty: any text matches
    return Parts(found["head"], found["core"], found["tail"])


def cased(vocab: str, core: str) -> str:
    """`vocab` in the case `core` was read in: all capitals, a capital first, or lower."""
    if core.isupper():
        return vocab.upper()
    return vocab.capitalize() if core[:1].isupper() else vocab
