"""OCR benchmark: generated statements as scans, and the real scanned samples, through the
cascade with the OCR stage (E) on; accuracy and seconds per scanned page.

Run from the repository root (what `make bench-ocr` does):

    .venv/bin/python benchmarks/bench_ocr.py [--layouts a,b] [--seeds N] [--dpi 200]
                                             [--engine rapidocr] [--json PATH]

Each generated statement is rendered page by page at --dpi (greyscale), half of them saved
as JPEG at quality 60 and turned by up to 1 degree (a scanner's noise and skew), then packed
as an image-only PDF. Scores come from cypheredge.synth.scoring, as in bench_extract. Only
the extraction call is timed, after one untimed warm-up page (the model load); seconds per
page = the call's seconds / its pages.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path
from random import Random
from typing import Any

import pypdfium2 as pdfium
from PIL import Image

from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.ocr.engine import OcrEngine, build_engine
from cypheredge.synth import generate
from cypheredge.synth.csvtruth import truth_from_csv
from cypheredge.synth.scoring import Score, score

REAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "real"
REAL = ("21_nz_kowhai_tutorial_SCANNED_gt", "34_canara_test_sample_imageonly_in")
LAYOUTS = ("uk_ruled", "us_signed", "de_signed", "in_sbi", "au_nz_bank")


def as_scan(pdf: bytes, dpi: int, noisy: bool, rng: Random) -> bytes:
    doc = pdfium.PdfDocument(pdf)
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in doc]
    finally:
        doc.close()
    if noisy:
        images = [_noise(image, rng) for image in images]
    buf = io.BytesIO()
    first, *rest = images
    first.save(buf, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return buf.getvalue()


def _noise(image: Image.Image, rng: Random) -> Image.Image:
    turned = image.rotate(rng.uniform(-1.0, 1.0), expand=False, fillcolor=255)
    buf = io.BytesIO()
    turned.save(buf, "JPEG", quality=60)
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def run_one(engine: OcrEngine, pdf: bytes, truth: dict[str, Any]) -> tuple[Score, float, int]:
    pages = len(pdfium.PdfDocument(pdf))
    started = time.perf_counter()
    result = extract_pdf(pdf, engine)
    elapsed = time.perf_counter() - started
    return score(truth, result.to_json()), elapsed / max(pages, 1), pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--engine", default="rapidocr")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    engine = build_engine(args.engine)
    if engine is None:
        print("bench_ocr: --engine none reads nothing", file=sys.stderr)
        return 2
    rng = Random(0)
    docs: list[tuple[str, str, bytes, dict[str, Any]]] = []
    for layout in args.layouts.split(","):
        for seed in range(args.seeds):
            statement = generate(layout, seed)
            noisy = seed % 2 == 1 or layout in ("de_signed", "in_sbi")
            name = f"{layout}-{seed}{' (jpeg, skew)' if noisy else ''}"
            docs.append(
                (layout, name, as_scan(statement.pdf, args.dpi, noisy, rng), statement.truth)
            )
    for stem in REAL:
        pdf_path = REAL_DIR / f"{stem}.pdf"
        if pdf_path.exists():
            truth = truth_from_csv(REAL_DIR / "groundtruth" / f"{stem}.expected.csv")
            docs.append(("real", stem, pdf_path.read_bytes(), truth))
    extract_pdf(docs[0][2], engine)  # warm-up: onnxruntime's first run allocates its arenas
    rows: list[dict[str, Any]] = []
    seconds: list[float] = []
    total = Score()
    print(f"engine {engine.name}, {args.dpi} dpi, CPU")
    print(f"{'statement':44} {'pages':>5} {'F1':>6} {'exact':>6} {'recon':>5} {'s/page':>7}")
    for group, name, pdf, truth in docs:
        found, per_page, pages = run_one(engine, pdf, truth)
        seconds += [per_page] * pages
        if group != "real":
            total += found
        recon = f"{found.reconciled}/{found.reconcilable}"
        print(
            f"{name:44} {pages:5d} {found.f1:6.3f} {found.amounts_exact_rate:6.3f}"
            f" {recon:>5} {per_page:7.2f}"
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
    seconds.sort()
    p95 = seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]
    print(
        f"generated scans: F1 {total.f1:.3f}, amounts exact {total.amounts_exact_rate:.3f},"
        f" reconciled {total.reconciled}/{total.reconcilable};"
        f" s/page median {statistics.median(seconds):.2f}, p95 {p95:.2f} ({len(seconds)} pages)"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
