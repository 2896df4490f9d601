"""Extraction benchmark: accuracy and speed of the cascade against the pdfplumber-only baseline.

Run from the repository root (what `make bench-extract` does):

    .venv/bin/python benchmarks/bench_extract.py [--seeds N] [--layouts a,b] [--no-baseline]
                                                 [--json PATH] [--real-dir DIR]

Corpus: every tuned synthetic family with N seeds (cypheredge.synth); with --held-out also the
held-out families (never looked at while tuning; reported on their own line); every real sample
in the shared corpus that has a ground-truth CSV (image-only ones on their own "scan" line);
and sample 25 (5000 rows on one page, no truth: rows found and speed only). Scoring rules live
in cypheredge.synth.scoring ("reconciled" counts the statements whose truth adds up). Only the
extraction call is timed (time.perf_counter), after one untimed warm-up call per extractor;
both extractors run in this process, alternating document by document so drift affects them
alike, on the same pages.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from rich import box
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress
from rich.table import Table

from cypheredge.synth import LAYOUTS, generate
from cypheredge.synth.csvtruth import truth_from_csv
from cypheredge.synth.scoring import Score, score

REAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
STRESS = "25_stress_5000_rows_single_page"
GROUPS = ("synthetic", "held-out", "real", "scan", "stress")
Extractor = Callable[[bytes], Any]


@dataclass(frozen=True)
class Doc:
    name: str
    group: str  # one of GROUPS
    pdf: bytes
    truth: dict[str, Any] | None
    pages: int
    layout: str


@dataclass
class Outcome:
    """One extractor on one document."""

    ms_per_page: float
    rows: int
    score: Score | None
    error: str | None = None


@dataclass
class Results:
    docs: list[Doc]
    runs: dict[str, dict[str, Outcome]] = field(default_factory=dict)  # extractor -> doc -> ...


def load_extractors(baseline: bool) -> dict[str, Extractor]:
    """The real entry points; a clear message instead of a traceback while they do not exist."""
    try:
        from cypheredge.extractor.domain import extract_pdf

        extractors: dict[str, Extractor] = {"cascade": extract_pdf}
        if baseline:
            from cypheredge.extractor.domain.baseline import extract_pdf_pdfplumber_only

            extractors["baseline"] = extract_pdf_pdfplumber_only
    except ImportError as error:
        sys.exit(f"bench_extract: the extraction cascade is not importable yet: {error}")
    return extractors


def page_info(pdf: bytes) -> tuple[int, bool]:
    """(pages, whether any page has a text layer)."""
    doc = pdfium.PdfDocument(pdf)
    try:
        text = False
        for page in doc:
            textpage = page.get_textpage()
            text = text or textpage.count_chars() > 0
            textpage.close()
            page.close()
            if text:
                break
        return len(doc), text
    finally:
        doc.close()


def synthetic_docs(seeds: int, layouts: Sequence[str]) -> list[Doc]:
    docs = []
    for name in layouts:
        group = "held-out" if LAYOUTS[name].held_out else "synthetic"
        for seed in range(seeds):
            s = generate(name, seed)
            pages = page_info(s.pdf)[0]
            docs.append(Doc(f"{name}-{seed}", group, s.pdf, s.truth, pages, name))
    return docs


def real_docs(folder: Path) -> list[Doc]:
    """Every sample with a ground-truth CSV, then the stress sample."""
    docs = []
    stems = sorted(p.name.removesuffix(".expected.csv") for p in folder.glob("groundtruth/*.csv"))
    for stem in (*stems, STRESS):
        pdf_path = folder / f"{stem}.pdf"
        if not pdf_path.exists():
            print(f"bench_extract: skipping {pdf_path} (not found)", file=sys.stderr)
            continue
        pdf = pdf_path.read_bytes()
        pages, text = page_info(pdf)
        csv_path = folder / "groundtruth" / f"{stem}.expected.csv"
        truth = truth_from_csv(csv_path) if stem != STRESS else None
        group = "stress" if stem == STRESS else ("real" if text else "scan")
        docs.append(Doc(stem, group, pdf, truth, pages, stem[:2]))
    return docs


def as_json(result: Any) -> dict[str, Any]:
    """ExtractionResult.to_json() may return a dict or a JSON string; accept both."""
    data = result.to_json() if hasattr(result, "to_json") else result
    parsed = json.loads(data) if isinstance(data, str | bytes) else data
    if not isinstance(parsed, dict):
        raise TypeError(f"extraction result is {type(parsed).__name__}, not a JSON object")
    return parsed


def run_one(extract: Extractor, doc: Doc) -> Outcome:
    try:
        started = time.perf_counter()
        result = extract(doc.pdf)
        elapsed_ms = (time.perf_counter() - started) * 1000
        extraction = as_json(result)
    except Exception as error:  # a failing document is a data point, not the end of the run
        empty: dict[str, Any] = {"transactions": []}
        found = score(doc.truth, empty) if doc.truth else None
        return Outcome(math.nan, 0, found, f"{type(error).__name__}: {error}")
    rows = len(extraction.get("transactions") or [])
    found = score(doc.truth, extraction) if doc.truth is not None else None
    return Outcome(elapsed_ms / max(doc.pages, 1), rows, found)


def run(extractors: dict[str, Extractor], docs: list[Doc], console: Console) -> Results:
    results = Results(docs, {label: {} for label in extractors})
    with Progress(
        *Progress.get_default_columns(), MofNCompleteColumn(), console=console
    ) as progress:
        task = progress.add_task("warm-up", total=len(docs) * len(extractors))
        for extract in extractors.values():
            run_one(extract, docs[0])  # warm-up: imports, caches, font tables
        for doc in docs:
            for label, extract in extractors.items():
                progress.update(task, description=f"{label:<8} {doc.name}")
                results.runs[label][doc.name] = run_one(extract, doc)
                progress.advance(task)
    return results


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] if ordered else math.nan


def summary(results: Results, label: str, docs: Sequence[Doc]) -> dict[str, Any]:
    outcomes = [results.runs[label][d.name] for d in docs]
    total = sum((o.score for o in outcomes if o.score is not None), Score())
    timings = [o.ms_per_page for o in outcomes if not math.isnan(o.ms_per_page)]
    return {
        **total.metrics(),
        "documents": len(docs),
        "rows_found": sum(o.rows for o in outcomes),
        "errors": sum(o.error is not None for o in outcomes),
        "median_ms_per_page": round(statistics.median(timings), 3) if timings else None,
        "p95_ms_per_page": round(p95(timings), 3) if timings else None,
    }


def report(results: Results) -> dict[str, Any]:
    """Everything the tables show, as one JSON-ready dict."""
    groups = {g: [d for d in results.docs if d.group == g] for g in GROUPS}
    # Text-layer pages with truth: what the speed and overall accuracy figures are about.
    groups["scored"] = [d for d in results.docs if d.group in ("synthetic", "held-out", "real")]
    generated = groups["synthetic"] + groups["held-out"]
    out: dict[str, Any] = {"extractors": {}}
    for label in results.runs:
        per = {g: summary(results, label, docs) for g, docs in groups.items() if docs}
        layouts = sorted({d.layout for d in generated}, key=list(LAYOUTS).index)
        per["per_layout"] = {
            name: summary(results, label, [d for d in generated if d.layout == name])
            for name in layouts
        }
        samples = groups["real"] + groups["scan"]
        per["per_sample"] = {d.name: summary(results, label, [d]) for d in samples}
        per["per_document"] = {d.name: summary(results, label, [d]) for d in results.docs}
        per["errors_by_document"] = {
            name: o.error for name, o in results.runs[label].items() if o.error is not None
        }
        out["extractors"][label] = per
    out["ratio"] = _ratios(out["extractors"])
    return out


def _ratios(extractors: dict[str, Any]) -> dict[str, float | None]:
    """Baseline median ms/page divided by the cascade's, per document group."""
    if "baseline" not in extractors:
        return {}
    ratios: dict[str, float | None] = {}
    for group in ("scored", "synthetic", "held-out", "real", "stress"):
        base = extractors["baseline"].get(group, {}).get("median_ms_per_page")
        cascade = extractors["cascade"].get(group, {}).get("median_ms_per_page")
        ratios[group] = round(base / cascade, 2) if base and cascade else None
    return ratios


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _cells(m: dict[str, Any]) -> list[str]:
    """F1, amounts exact, description match, reconciled, ms/page p50 and p95."""
    if not m["statements"]:
        return ["-"] * 4 + [_ms(m["median_ms_per_page"]), _ms(m["p95_ms_per_page"])]
    matched = [
        _pct(m[r]) if m["matched"] else "-" for r in ("amounts_exact_rate", "description_rate")
    ]
    # "-": no statement here adds up as printed, so none is asked to reconcile.
    reconciled = _pct(m["reconciled_rate"]) if m["reconcilable"] else "-"
    ms = [_ms(m["median_ms_per_page"]), _ms(m["p95_ms_per_page"])]
    return [_pct(m["f1"]), *matched, reconciled, *ms]


def print_tables(data: dict[str, Any]) -> None:
    """The human-readable report on stdout: totals, then per layout and per real sample."""
    console = Console(width=max(Console().width, 160))
    extractors: dict[str, Any] = data["extractors"]
    heads = (
        "docs",
        "truth rows",
        "found",
        "P",
        "R",
        "F1",
        "amounts exact",
        "desc match",
        "reconciled",
        "ms/page p50",
        "ms/page p95",
        "errors",
    )
    table = _table("Extraction benchmark", ("corpus", "extractor"), heads)
    for group in (*GROUPS, "scored"):
        for label, per in extractors.items():
            m = per.get(group)
            if m is not None:
                pr = [_pct(m["precision"]), _pct(m["recall"])] if m["statements"] else ["-", "-"]
                counts = [str(m[k]) for k in ("documents", "truth_rows", "rows_found")]
                table.add_row(group, label, *counts, *pr, *_cells(m), str(m["errors"]))
    console.print(table)
    rates = ("F1", "amounts exact", "desc match", "reconciled", "ms/page p50", "ms/page p95")
    for key, title in (
        ("per_layout", "Synthetic corpus by family (* held out)"),
        ("per_sample", "Real samples with ground truth"),
    ):
        table = _table(title, ("name", "extractor"), rates)
        for name in next(iter(extractors.values()))[key]:
            shown = f"{name} *" if name in LAYOUTS and LAYOUTS[name].held_out else name
            for label, per in extractors.items():
                table.add_row(shown, label, *_cells(per[key][name]))
        console.print(table)
    for group, ratio in data.get("ratio", {}).items():
        console.print(f"speed ratio (baseline median ms/page / cascade median), {group}: {ratio}")


def _table(title: str, keys: Sequence[str], heads: Sequence[str]) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD)
    for key in keys:
        table.add_column(key, no_wrap=True)
    for head in heads:
        table.add_column(head, justify="right")
    return table


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=3, help="seeds per synthetic layout")
    parser.add_argument("--layouts", default="", help="comma-separated synthetic layouts")
    parser.add_argument("--no-baseline", action="store_true", help="skip the pdfplumber baseline")
    parser.add_argument("--json", type=Path, help="also write machine-readable results here")
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR, help="real samples folder")
    parser.add_argument(
        "--held-out", action="store_true", help="also score the held-out families (at the end)"
    )
    args = parser.parse_args(argv)
    tuned = [n for n, layout in LAYOUTS.items() if args.held_out or not layout.held_out]
    layouts = [n for n in args.layouts.split(",") if n] or tuned
    unknown = sorted(set(layouts) - set(LAYOUTS))
    if unknown:
        parser.error(f"unknown layouts {unknown}; known: {', '.join(LAYOUTS)}")
    extractors = load_extractors(baseline=not args.no_baseline)
    docs = synthetic_docs(args.seeds, layouts) + real_docs(args.real_dir)
    results = run(extractors, docs, Console(stderr=True))
    data = report(results)
    data["config"] = {"seeds": args.seeds, "layouts": layouts, "real_dir": str(args.real_dir)}
    print_tables(data)
    if args.json is not None:
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
