"""`python -m cypheredge.synth OUTDIR [--seeds N]`: write NAME.pdf and NAME.truth.json pairs."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cypheredge.synth import LAYOUTS, generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cypheredge.synth", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seeds", type=int, default=3, help="seeds per layout (default 3)")
    parser.add_argument("--layouts", default="", help="comma-separated subset of layouts")
    parser.add_argument("--password", default=None, help="encrypt every PDF with this password")
    args = parser.parse_args(argv)
    names = [n for n in args.layouts.split(",") if n] or list(LAYOUTS)
    unknown = sorted(set(names) - set(LAYOUTS))
    if unknown:
        parser.error(f"unknown layouts {unknown}; known: {', '.join(LAYOUTS)}")
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name in names:
        for seed in range(args.seeds):
            statement = generate(name, seed, password=args.password)
            stem = args.outdir / f"{name}-{seed}"
            stem.with_suffix(".pdf").write_bytes(statement.pdf)
            text = json.dumps(statement.truth, indent=2, ensure_ascii=False) + "\n"
            stem.with_suffix(".truth.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(names) * args.seeds} statements to {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
