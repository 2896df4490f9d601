"""What the tests of each generated split share: cached statements, their text and rows, and
the checks every family of a split passes (the generator only, never the extractor)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cache

from cypheredge.synth import LAYOUTS, generate
from cypheredge.synth.layouts import ALL, HELD_OUT
from cypheredge.synth.model import SyntheticStatement, Truth

Texts = Callable[..., list[str]]


@cache
def statement(layout: str, seed: int) -> SyntheticStatement:
    return generate(layout, seed)


def dec(value: str | None) -> Decimal:
    return Decimal(value) if value is not None else Decimal(0)


def texts(layout: str, seeds: Iterable[int], page_texts: Texts) -> list[str]:
    """Each seed's whole text layer, whitespace runs (wrapped titles) as one space."""
    return [" ".join(" ".join(page_texts(statement(layout, s).pdf)).split()) for s in seeds]


def rows(layout: str, seeds: Iterable[int]) -> list[Truth]:
    return [r for s in seeds for r in statement(layout, s).truth["transactions"]]


def assert_tuned(names: Sequence[str], registered: bool = True) -> None:
    """A split scored once and tuned on since: its families are no longer held out."""
    assert all(name in LAYOUTS for name in names)
    assert not any(LAYOUTS[name].held_out for name in names)
    assert not {layout.name for layout in HELD_OUT} & set(names)
    if registered:
        assert all(layout in ALL for layout in (LAYOUTS[name] for name in names))
