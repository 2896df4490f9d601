"""OCR benchmark: generated statements as scans, and the real scanned samples, through the
cascade with the OCR stage (E) on; accuracy and seconds per scanned page.

Run from the repository root (what `make bench-ocr` does):

    .venv/bin/python benchmarks/bench_ocr.py [--layouts a,b] [--styles s,t] [--seeds N]
                                             [--engine rapidocr] [--json PATH]
                                             [--device cpu|auto|cuda|torch-cpu]
                                             [--real-styles s,t]

Each generated statement goes through each scan style of cypheredge.synth.scan (a scanner,
a copier, a fax; skewed, turned, stamped, marked; a mixed PDF with one page scanned). Scores
come from cypheredge.synth.scoring, as in bench_extract. Only the extraction call is timed,
after one untimed warm-up statement (the model load); seconds per page = the call's seconds /
its scanned pages. `--device` is where the models run: `cpu` (onnxruntime, the default),
`cuda` or `auto` (EXTRACTOR_DEVICE's values: torch on the GPU, see ocr/torch_session.py), or
`torch-cpu` (the GPU's code on the CPU); the last line gives scanned pages per second.

`--real-styles` also scans the real digital samples with ground truth (up to 12 pages)
through those styles: real banks' print, scanned as the generator scans its own. A real scan
matches when every row is found with its amounts exact and it reconciles where it can.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.ocr.engine import OcrEngine, build_engine
from cypheredge.extractor.ocr.rapid import RapidOcrEngine
from cypheredge.synth import generate
from cypheredge.synth.csvtruth import truth_from_csv
from cypheredge.synth.scan import STYLES, scan
from cypheredge.synth.scoring import Score, score

REAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
REAL = ("21_nz_kowhai_tutorial_SCANNED_gt", "34_canara_test_sample_imageonly_in")
LAYOUTS = ("uk_ruled", "us_signed", "de_signed", "in_sbi", "au_nz_bank")
DEVICES = ("cpu", "auto", "cuda", "torch-cpu")
MAX_REAL_PAGES = 12  # the 33-page sample would take minutes a style


def real_digital() -> list[tuple[str, bytes, dict[str, Any]]]:
    """The real samples with ground truth that have a text layer, up to MAX_REAL_PAGES."""
    found = []
    for truth_path in sorted((REAL_DIR / "groundtruth").glob("*.expected.csv")):
        stem = truth_path.name.removesuffix(".expected.csv")
        pdf_path = REAL_DIR / f"{stem}.pdf"
        if stem in REAL or not pdf_path.exists():
            continue
        pdf = pdf_path.read_bytes()
        doc = pdfium.PdfDocument(pdf)
        try:
            texts = [page.get_textpage().get_text_range().strip() for page in doc]
        finally:
            doc.close()
        if len(texts) <= MAX_REAL_PAGES and all(texts):
            found.append((stem, pdf, truth_from_csv(truth_path)))
    return found


def matches(found: Score) -> bool:
    """Every row found, its amounts exact, and reconciled wherever it can be."""
    exact = found.amounts_exact_rate == 1.0 or found.truth_rows == 0
    return found.f1 == 1.0 and exact and found.reconciled == found.reconcilable


def scanned_pages(pdf: bytes) -> int:
    """Pages without text (what OCR reads); all pages count where every page has text."""
    doc = pdfium.PdfDocument(pdf)
    try:
        bare = sum(not page.get_textpage().get_text_range().strip() for page in doc)
        return bare or len(doc)
    finally:
        doc.close()


def engine_on(name: str, device: str) -> tuple[OcrEngine | None, str]:
    """The engine `name` on `device`, and where its models run, in words."""
    if device == "torch-cpu":
        engine: OcrEngine | None = RapidOcrEngine(name, torch_device="cpu")
    else:
        engine = build_engine(name, device)
    on = getattr(engine, "torch_device", None)
    return engine, "CPU" if on is None else f"torch on {on}"


def run_one(engine: OcrEngine, pdf: bytes, truth: dict[str, Any]) -> tuple[Score, float, int]:
    pages = scanned_pages(pdf)
    started = time.perf_counter()
    result = extract_pdf(pdf, engine)
    elapsed = time.perf_counter() - started
    return score(truth, result.to_json()), elapsed / pages, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--engine", default="rapidocr")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--device", choices=DEVICES, default="cpu")
    parser.add_argument("--real-styles", default="", help="scan the real digital samples too")
    args = parser.parse_args()
    engine, where = engine_on(args.engine, args.device)
    if engine is None:
        print("bench_ocr: --engine none reads nothing", file=sys.stderr)
        return 2
    docs: list[tuple[str, str, bytes, dict[str, Any]]] = []
    for layout in args.layouts.split(","):
        for seed in range(args.seeds):
            statement = generate(layout, seed)
            for style in args.styles.split(","):
                pdf = scan(statement.pdf, STYLES[style], seed)
                docs.append((style, f"{layout}-{seed} {style}", pdf, statement.truth))
    for stem in REAL:
        pdf_path = REAL_DIR / f"{stem}.pdf"
        if pdf_path.exists():
            truth = truth_from_csv(REAL_DIR / "groundtruth" / f"{stem}.expected.csv")
            docs.append(("real", stem, pdf_path.read_bytes(), truth))
    for style in filter(None, args.real_styles.split(",")):
        for stem, pdf, truth in real_digital():
            docs.append(("real scanned", f"{stem[:30]} {style}", scan(pdf, STYLES[style]), truth))
    # Warm-up: the first run allocates onnxruntime's arenas (on CUDA, cuDNN's state).
    extract_pdf(docs[0][2], engine)
    rows: list[dict[str, Any]] = []
    seconds: list[float] = []
    total = Score()
    by_style: dict[str, Score] = defaultdict(Score)
    real_matched: dict[str, list[bool]] = defaultdict(list)
    print(f"engine {engine.name}, {where}; {len(docs)} statements", flush=True)
    print(f"{'statement':44} {'pages':>5} {'F1':>6} {'exact':>6} {'recon':>5} {'s/page':>7}")
    for number, (group, name, pdf, truth) in enumerate(docs, start=1):
        found, per_page, pages = run_one(engine, pdf, truth)
        seconds += [per_page] * pages
        by_style[group] += found
        if group.startswith("real"):
            real_matched[group].append(matches(found))
        else:
            total += found
        recon = f"{found.reconciled}/{found.reconcilable}"
        print(
            f"{name:44} {pages:5d} {found.f1:6.3f} {found.amounts_exact_rate:6.3f}"
            f" {recon:>5} {per_page:7.2f}  [{number}/{len(docs)}]",
            flush=True,
        )
        rows.append(
            {
                "name": name,
                "group": group,
                "pages": pages,
                "f1": found.f1,
                "amounts_exact": found.amounts_exact_rate,
                "reconciled": found.reconciled,
                "reconcilable": found.reconcilable,
                "seconds_per_page": per_page,
            }
        )
    print("per style:")
    for group, found in by_style.items():
        print(
            f"  {group:16} F1 {found.f1:.3f}, amounts exact {found.amounts_exact_rate:.3f},"
            f" reconciled {found.reconciled}/{found.reconcilable}"
        )
    for group, matched in real_matched.items():
        print(f"{group}: {sum(matched)}/{len(matched)} match their ground truth and reconcile")
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    print(
        f"generated scans: F1 {total.f1:.3f}, amounts exact {total.amounts_exact_rate:.3f},"
        f" reconciled {total.reconciled}/{total.reconcilable};"
        f" s/page median {statistics.median(seconds):.2f}, p95 {p95:.2f} ({len(seconds)} pages)"
    )
    print(f"pages/s {len(seconds) / sum(seconds):.2f} ({len(seconds)} scanned pages, {where})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
