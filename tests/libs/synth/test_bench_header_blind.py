"""The header-blind benchmark on one family: both readings scored, titles restored after."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

import cypheredge.extractor.domain.page as page_module

BENCH = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_header_blind.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_header_blind", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_header_blind"] = module
    spec.loader.exec_module(module)
    return module


def test_both_readings_are_scored_and_the_titles_come_back(
    bench: ModuleType, tmp_path: Path
) -> None:
    before = vars(page_module)["header_cells"]
    out = tmp_path / "blind.json"
    assert bench.main(["--layouts", "uk_ruled", "--seeds", "1", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"titles read", "titles unread"}
    assert data["titles read"]["uk_ruled"]["f1"] == 1.0
    assert data["titles unread"]["all"]["statements"] == 1
    assert vars(page_module)["header_cells"] is before


def test_an_unknown_family_is_a_usage_error(bench: ModuleType) -> None:
    assert bench.main(["--layouts", "no_such_family"]) == 2
