"""The soak harness (`make soak`): its pure parts here, and the whole of it on a tiny scale.

The tiny run is the real thing: its own `cypheredge up`, two batches over HTTP, one SIGKILL of
the relay, and every figure read back from its JSON; the full soak is run by hand.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str) -> Iterator[ModuleType]:
    # The soak's modules import each other by bare name, as they do when run as a script.
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(BENCHMARKS))
        yield importlib.import_module(name)


@pytest.fixture(scope="module")
def audit() -> Iterator[ModuleType]:
    yield from _module("soak_audit")


@pytest.fixture(scope="module")
def chaos() -> Iterator[ModuleType]:
    yield from _module("soak_chaos")


@pytest.fixture(scope="module")
def load() -> Iterator[ModuleType]:
    yield from _module("soak_load")


def _row(date: str, debit: str | None, credit: str | None, text: str) -> dict[str, Any]:
    return {"date": date, "debit": debit, "credit": credit, "description": text}


def test_compare_tells_missing_duplicated_and_extra_rows_apart(audit: ModuleType) -> None:
    truth = [
        _row("2024-01-02", "10.00", None, "CARD  SHOP"),
        _row("2024-01-03", None, "5.50", "SALARY"),
        _row("2024-01-04", "1.00", None, "FEE"),
        _row("2024-01-05", "3.00", None, "LOST"),
    ]
    found = [
        _row("2024-01-02", "10", None, "card\nshop"),  # wrapped and re-cased: the same row
        _row("2024-01-03", None, "5.50", "SALARY"),
        _row("2024-01-03", None, "5.50", "SALARY ACME"),  # the same date and amount once more
        _row("2024-01-04", "1.00", None, "BANK FEE"),  # another description: still matched
        _row("2024-01-09", "7.00", None, "NOT IN THE TRUTH"),
    ]
    got = audit.compare(found, truth)
    assert (got.expected, got.matched, got.missing) == (4, 3, 1)
    assert (got.duplicated, got.extra, got.descriptions_differ) == (1, 1, 1)


def test_the_plan_kills_every_kind_once_the_broker_once_inside_the_window(
    chaos: ModuleType,
) -> None:
    planned = chaos.plan(chaos.KINDS, 12, 100.0, seed=3)
    kinds = [p.target for p in planned]
    assert len(planned) == 12
    assert set(kinds) == set(chaos.KINDS)
    assert kinds.count(chaos.BROKER) == 1
    moments = [p.at for p in planned]
    assert moments == sorted(moments)
    assert moments[0] >= 10.0
    assert moments[-1] <= 90.0
    assert chaos.plan(chaos.KINDS, 12, 100.0, seed=3) == planned  # seeded


def test_batches_are_seeded_tuned_and_read_exactly(load: ModuleType) -> None:
    batches, _ = load.build_batches(3, seed=5)
    again, _ = load.build_batches(3, seed=5)
    names = [[f.name for f in b.files] for b in batches]
    assert names == [[f.name for f in b.files] for b in again]
    assert all(1 <= len(b.files) <= 5 for b in batches)
    layouts = {name.rsplit("-", 1)[0] for files in names for name in files}
    assert layouts <= set(load.tuned_layouts())
    assert len({b.key for b in batches}) == 3


# Each phase of the soak has its own limit and the soak reports the goals it missed: the stack's
# start (READY_WITHIN), the quiesce after the last upload (QUIESCE), the kill's recovery (180 s),
# the outbox (90 s), the stack's stop (90 s). The guards below sit above their sum, so a run that
# a loaded machine slows down is measured to its end (a start alone took 105 s on the 2-core box
# under load, and a whole run 234 s, past the 230 s this test used to allow); only a soak that
# hangs meets them.
READY_WITHIN = 300
QUIESCE = 120
GUARD = 870


@pytest.mark.integration
@pytest.mark.slow
@pytest.mark.timeout(GUARD + 30)
def test_a_tiny_soak_kills_the_relay_and_meets_every_goal(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    argv = ["--batches", "2", "--window", "8", "--kills", "1", "--targets", "relay"]
    argv += ["--timeout", str(QUIESCE), "--ready-within", str(READY_WITHIN), "--json", str(out)]
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "soak.py"), *argv],
        capture_output=True,
        text=True,
        timeout=GUARD,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = json.loads(out.read_text())
    assert all(goal["met"] for goal in data["goals"]), data["goals"]
    assert data["batches_finished"] == 2
    assert data["transactions"]["missing"] == 0
    assert data["transactions"]["matched"] == data["transactions"]["expected"] > 0
    assert data["usage"]["usage_rows"] == data["usage"]["extracted"] == data["statements"]
    [kill] = data["kills"]
    assert kill["target"] == "relay"
    assert kill["at"] is not None
    assert kill["recovered_after"] is not None
    assert "Soak: crash recovery under load" in done.stdout
