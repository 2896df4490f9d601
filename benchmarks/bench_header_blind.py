"""Header-blind benchmark: how the cascade reads statements whose column titles it cannot read.

Run from the repository root (what `make bench-blind` does):

    .venv/bin/python benchmarks/bench_header_blind.py [--seeds N] [--layouts a,b] [--json PATH]

Every family is read twice in this process: as the product reads it, and with the title
lines made unreadable (header detection answers "no header" for every line), which is what
a statement printed in a language or wording our vocabulary lacks looks like to the
extractor. The second reading rests on the header-less path alone (`domain/headerless*.py`):
dates, figures and gutters. Scored with the same rules as `bench_extract.py`; the held-out
families are left out unless `--held-out` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress
from rich.table import Table

import cypheredge.extractor.domain.page as page_module
from cypheredge.extractor.domain import extract_pdf
from cypheredge.synth import LAYOUTS, generate
from cypheredge.synth.scoring import Score, score

# What the page parser calls to find a title line: one line, or two stacked lines.
_HEADER_FINDERS = ("header_cells", "two_line_header")


def _no_header(*args: object, **kwargs: object) -> None:
    return None


@contextmanager
def titles_unread() -> Iterator[None]:
    """Header detection finds no title line anywhere while this is active."""
    saved = {name: getattr(page_module, name) for name in _HEADER_FINDERS}
    for name in _HEADER_FINDERS:
        setattr(page_module, name, _no_header)
    try:
        yield
    finally:
        for name, found in saved.items():
            setattr(page_module, name, found)


def _score(pdf: bytes, truth: dict[str, Any]) -> Score:
    result = extract_pdf(pdf).to_json()
    data = json.loads(result) if isinstance(result, str | bytes) else result
    return score(truth, data)


def run(layouts: Sequence[str], seeds: int, console: Console) -> dict[str, dict[str, Score]]:
    """Per mode ("titles read", "titles unread"), per family, the summed score."""
    out: dict[str, dict[str, Score]] = {"titles read": {}, "titles unread": {}}
    jobs = [(name, seed) for name in layouts for seed in range(seeds)]
    with Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=console) as bar:
        task = bar.add_task("statements", total=len(jobs))
        for name, seed in jobs:
            statement = generate(name, seed)
            read = _score(statement.pdf, statement.truth)
            with titles_unread():
                unread = _score(statement.pdf, statement.truth)
            for mode, found in (("titles read", read), ("titles unread", unread)):
                out[mode][name] = out[mode].get(name, Score()) + found
            bar.advance(task)
    return out


def _total(scores: dict[str, Score]) -> Score:
    total = Score()
    for found in scores.values():
        total = total + found
    return total


def _rates(found: Score) -> dict[str, float | int]:
    return found.metrics()


def print_tables(results: dict[str, dict[str, Score]], console: Console) -> None:
    table = Table(title="Header-blind reading (titles unread) against the product's reading")
    for head in ("family", "F1 read", "F1 unread", "desc unread", "reconciled unread"):
        table.add_column(head, justify="left" if head == "family" else "right")
    read, unread = results["titles read"], results["titles unread"]
    rows: list[tuple[str, Score, Score]] = [(n, read[n], unread[n]) for n in read]
    rows.append(("all", _total(read), _total(unread)))
    for name, a, b in rows:
        reconciled = f"{b.reconciled}/{b.reconcilable}"
        table.add_row(name, f"{a.f1:.3f}", f"{b.f1:.3f}", f"{b.description_rate:.3f}", reconciled)
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=2, help="seeds per synthetic layout")
    parser.add_argument("--layouts", default="", help="comma-separated synthetic layouts")
    parser.add_argument("--held-out", action="store_true", help="also the held-out families")
    parser.add_argument("--json", type=Path, help="also write machine-readable results here")
    args = parser.parse_args(argv)
    names = [n for n, layout in LAYOUTS.items() if args.held_out or not layout.held_out]
    layouts = [n for n in args.layouts.split(",") if n] or names
    unknown = sorted(set(layouts) - set(LAYOUTS))
    if unknown:
        print(f"unknown layouts {unknown}; known: {', '.join(LAYOUTS)}", file=sys.stderr)
        return 2
    console = Console()
    results = run(layouts, args.seeds, Console(stderr=True))
    print_tables(results, console)
    if args.json is not None:
        data = {
            mode: {name: _rates(found) for name, found in scores.items()}
            | {"all": _rates(_total(scores))}
            for mode, scores in results.items()
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
