"""Write or check the generated JSON Schemas of the contracts.

    python -m cypheredge.contracts.generate            # rewrite schemas/
    python -m cypheredge.contracts.generate --check    # exit 1 when the committed files differ

The AsyncAPI document next to them (``asyncapi.json``) is generated from the services'
FastStream apps, which this library may not import: ``python -m cypheredge.cli.asyncapi``.

Writing refuses (exit 2) when a committed schema would change in a non-additive way; publish
a new event version instead, or pass ``--allow-breaking`` when that is really meant.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cypheredge.contracts.compat import breaking_changes_by_file
from cypheredge.contracts.schemas import SCHEMA_DIR, JsonSchema, all_schemas, render_json


def default_root() -> Path:
    """The ``libs/contracts`` folder of a source checkout (where the files are committed)."""
    return Path(__file__).resolve().parents[3]


def render_all() -> dict[str, str]:
    """Every generated file's text, keyed by its path relative to the contracts root."""
    return {f"{SCHEMA_DIR}/{name}": render_json(s) for name, s in all_schemas().items()}


def committed_schemas(root: Path) -> dict[str, JsonSchema]:
    """The schema files on disk under ``root/schemas``, keyed by file name."""
    folder = root / SCHEMA_DIR
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}


def differences(root: Path, files: dict[str, str]) -> list[str]:
    """Relative paths that are missing, out of date, or stale (on disk, no longer generated)."""
    out = [
        path
        for path, text in sorted(files.items())
        if not (root / path).is_file() or (root / path).read_text("utf-8") != text
    ]
    on_disk = {f"{SCHEMA_DIR}/{p.name}" for p in (root / SCHEMA_DIR).glob("*.json")}
    out.extend(sorted(on_disk - files.keys()))
    return out


def write(root: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` under ``root`` and delete stale schema files; returns what changed."""
    changed = differences(root, files)
    for path in changed:
        target = root / path
        if path in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[path], "utf-8")
        else:
            target.unlink()
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m cypheredge.contracts.generate")
    parser.add_argument("--check", action="store_true", help="only compare, write nothing")
    parser.add_argument("--root", type=Path, default=default_root(), help="contracts folder")
    parser.add_argument(
        "--allow-breaking", action="store_true", help="write even non-additive schema changes"
    )
    args = parser.parse_args(argv)
    root: Path = args.root
    files = render_all()
    if args.check:
        stale = differences(root, files)
        for path in stale:
            print(f"out of date: {root / path}", file=sys.stderr)
        if stale:
            print("run: python -m cypheredge.contracts.generate", file=sys.stderr)
        return 1 if stale else 0
    breaking = breaking_changes_by_file(committed_schemas(root), all_schemas())
    if breaking and not args.allow_breaking:
        for name, problems in breaking.items():
            for problem in problems:
                print(f"breaking: {name}: {problem}", file=sys.stderr)
        return 2
    for path in write(root, files):
        print(f"wrote {root / path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
