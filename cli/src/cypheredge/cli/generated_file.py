"""The command line of a committed, generated file: write it, or ``--check`` that it is current.

CI runs every generator with ``--check``, so a change to the code a file is made from fails
until the file is regenerated and committed with it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def write_or_check(
    module: str,
    render: Callable[[], str],
    default_path: Path,
    argv: Sequence[str] | None = None,
    *,
    what: str = "file",
) -> int:
    """Runs ``python -m <module> [--check] [--path P]``; returns the process exit status."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--path", type=Path, default=default_path, help=f"{what} to write")
    args = parser.parse_args(argv)
    path: Path = args.path
    text = render()
    current = path.read_text("utf-8") if path.is_file() else None
    if args.check:
        if current != text:
            print(f"out of date: {path}\nrun: python -m {module}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        print(f"wrote {path}")
    return 0
