"""The benchmark's plumbing, driven by fake extractors (the real cascade is measured by hand)."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rich.console import Console

from cypheredge.synth import generate

BENCH = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_extract.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_extract"] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


class _Result:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_json(self) -> str:
        return json.dumps(self.data)


def test_perfect_and_broken_extractors(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = bench.synthetic_docs(1, ["uk_ruled", "us_sections"])
    truths = {doc.pdf: doc.truth for doc in docs}

    def perfect(pdf: bytes) -> _Result:
        return _Result(truths[pdf])

    def broken(pdf: bytes) -> None:
        raise RuntimeError("boom")

    quiet = Console(file=io.StringIO())
    data = bench.report(bench.run({"cascade": perfect, "baseline": broken}, docs, quiet))
    cascade = data["extractors"]["cascade"]["synthetic"]
    assert (cascade["f1"], cascade["amounts_exact_rate"], cascade["reconciled_rate"]) == (1, 1, 1)
    assert cascade["median_ms_per_page"] is not None
    baseline = data["extractors"]["baseline"]["synthetic"]
    assert (baseline["errors"], baseline["recall"], baseline["median_ms_per_page"]) == (2, 0, None)
    assert data["extractors"]["baseline"]["errors_by_document"]["uk_ruled-0"].endswith("boom")
    assert data["ratio"]["synthetic"] is None
    bench.print_tables(data)
    out = capsys.readouterr().out
    assert "us_sections" in out
    assert "Extraction benchmark" in out


def test_real_docs_reads_truth_and_marks_the_stress_sample(
    bench: ModuleType, tmp_path: Path
) -> None:
    pdf = generate("us_signed", 0).pdf
    (tmp_path / "groundtruth").mkdir()
    (tmp_path / "13_synthetic_karbon_icici_gt.pdf").write_bytes(pdf)
    (tmp_path / "groundtruth" / "13_synthetic_karbon_icici_gt.expected.csv").write_text(
        "Date,Description,Debit Amt,Credit Amt,Balance\n01-08-2024,X,1.5,,10\n", encoding="utf-8"
    )
    (tmp_path / "25_stress_5000_rows_single_page.pdf").write_bytes(pdf)
    docs = bench.real_docs(tmp_path)
    assert [(d.group, d.truth is None) for d in docs] == [("real", False), ("stress", True)]
    assert docs[0].truth["transactions"][0]["debit"] == "1.50"
    assert docs[0].pages >= 1


def test_p95_is_nearest_rank(bench: ModuleType) -> None:
    assert bench.p95([float(v) for v in range(1, 21)]) == 19.0
    assert bench.p95([5.0]) == 5.0
