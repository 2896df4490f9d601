"""``cypheredge extract``: statements to transaction JSON, locally, with ingest's input guards.

One PDF prints one extraction document (the ``com.cypheredge.extraction.v1`` contract, the same
the extractor service writes) on stdout; with ``--out`` every ``NAME.pdf`` (a file or a whole
folder) becomes ``NAME.json`` there. A rejected file (not a PDF, wrong password, too large, no
text layer, ...) still gets its JSON, with an ``error``, and makes the command exit non-zero
after the rest of the folder is done (exit code 1; 2 for bad usage, 3 when the PDF worker
cannot start: ``exits.py``); warnings (a repaired file, JavaScript or attachments in it, a
password it did not need, ...) are printed as well. One guarded inspector serves the whole
folder, so a hostile file costs bounded time and memory and never stops the others. The
extraction itself (``extraction.py``) is imported when the command runs.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cypheredge.cli.exits import ExitCode, usage

if TYPE_CHECKING:
    from cypheredge.pdf import PdfInspector


def extract(
    path: Annotated[Path, typer.Argument(help="A statement PDF or a folder of them")],
    password: Annotated[
        str | None, typer.Option("--password", help="Password for encrypted PDFs")
    ] = None,
    passwords: Annotated[
        Path | None,
        typer.Option("--passwords", help="JSON object: file name -> password"),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write NAME.json here for every NAME.pdf")
    ] = None,
) -> None:
    """Extract transactions from statement PDFs into JSON."""
    from cypheredge.pdf import PdfInspector

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not our output
    files = _pdf_files(path)
    if out is None and (path.is_dir() or len(files) != 1):
        raise usage("a folder needs --out DIR (without it, PATH must be one PDF)")
    secrets = _password_map(passwords)
    with PdfInspector() as inspector:
        # The worker boots (a process importing qpdf and pdfium) while this one imports the
        # extractor: start-up costs the longer of the two, not their sum.
        booting = threading.Thread(target=_start_worker, args=(inspector,))
        booting.start()
        try:
            from cypheredge.cli.extraction import extract_files
        finally:
            booting.join()
        outcomes = extract_files(inspector, files, out, password, secrets)
    for outcome in outcomes:
        for warning in outcome.document.all_warnings():
            print(f"{outcome.path.name}: warning: {warning.message}", file=sys.stderr)
        if outcome.rejected:
            print(f"{outcome.path.name}: {outcome.document.error}", file=sys.stderr)
    if any(o.rejected for o in outcomes):
        # Each reason is printed above, one per file: no summary line to add.
        raise typer.Exit(ExitCode.FAILED)


def _start_worker(inspector: PdfInspector) -> None:
    from cypheredge.pdf import PdfWorkerError

    # A worker that cannot start is tried again, and reported (exit code 3), by the first file.
    with contextlib.suppress(PdfWorkerError):
        inspector.start()


def _pdf_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
    if path.is_file():
        return [path]
    raise usage(f"no such file or folder: {path}")


def _password_map(passwords: Path | None) -> dict[str, str]:
    if passwords is None:
        return {}
    try:
        loaded: Any = json.loads(passwords.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise usage(f"cannot read --passwords {passwords}: {exc}") from None
    if not isinstance(loaded, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in loaded.items()
    ):
        raise usage("--passwords must be a JSON object mapping file names to passwords")
    return dict(loaded)
