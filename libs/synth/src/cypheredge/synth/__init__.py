"""Seeded synthetic bank statements (PDF bytes + ground truth) for tests and benchmarks.

`generate(layout, seed)` is deterministic: the same arguments give byte-identical PDFs and equal
truth. The truth has the extractor CLI's JSON shape (see `model.build_truth`).
"""

from __future__ import annotations

from collections.abc import Iterator
from random import Random

from cypheredge.synth.layouts import ALL, Built, Layout
from cypheredge.synth.model import SyntheticStatement, Truth

LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in ALL}


def build(layout: str, seed: int) -> Built:
    """The laid-out statement behind `generate(layout, seed)`: its ledger (accounts, owed or
    valued) as well as the flow, for tests that need more than the truth says."""
    # A string seed is hashed with SHA-512, so it does not depend on PYTHONHASHSEED.
    return LAYOUTS[layout].build(Random(f"{layout}:{seed}"))


def generate(layout: str, seed: int, password: str | None = None) -> SyntheticStatement:
    """One statement; with `password` the PDF is encrypted (RC4-128) and needs it to open."""
    built = build(layout, seed)
    pdf = built.flow.render(f"{built.statement.bank.name} statement", password)
    return SyntheticStatement(pdf, built.truth(), layout, seed, built.numbers, password)


def corpus(seeds_per_layout: int = 3) -> Iterator[SyntheticStatement]:
    """Every layout with seeds 0..seeds_per_layout-1, layout by layout."""
    for name in LAYOUTS:
        for seed in range(seeds_per_layout):
            yield generate(name, seed)


__all__ = [
    "LAYOUTS",
    "Built",
    "Layout",
    "SyntheticStatement",
    "Truth",
    "build",
    "corpus",
    "generate",
]
