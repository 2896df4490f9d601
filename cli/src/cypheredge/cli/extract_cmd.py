"""``cypheredge extract``: statements to transaction JSON, locally, with ingest's input guards.

One PDF prints one extraction document (the ``com.cypheredge.extraction.v1`` contract, the same
the extractor service writes) on stdout; with ``--out`` every ``NAME.pdf`` (a file or a whole
folder) becomes ``NAME.json`` there. A rejected file (not a PDF, wrong password, too large, no
text layer, ...) still gets its JSON, with an ``error``, and makes the command exit non-zero
after the rest of the folder is done (exit code 1; 2 for bad usage, 3 when the PDF worker
cannot start: ``exits.py``); warnings (a repaired file, JavaScript or attachments in it, a
password it did not need, ...) are printed as well. One guarded inspector serves the whole
folder, so a hostile file costs bounded time and memory and never stops the others.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from cypheredge.cli.exits import ExitCode, unavailable, usage
from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import no_text_layer, to_document
from cypheredge.ingest.domain.file_warnings import file_warnings
from cypheredge.pdf import PdfInspector, PdfRejected, PdfWorkerError

console = Console(stderr=True)


@dataclass(frozen=True)
class Outcome:
    """One file's result and, when it was refused, the one-line reason."""

    path: Path
    document: ExtractionDocument

    @property
    def rejected(self) -> bool:
        return self.document.error is not None


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
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not our output
    files = _pdf_files(path)
    if out is None and (path.is_dir() or len(files) != 1):
        raise usage("a folder needs --out DIR (without it, PATH must be one PDF)")
    secrets = _password_map(passwords)
    try:
        outcomes = _run(files, out, password, secrets)
    except PdfWorkerError as exc:
        raise unavailable(f"the PDF worker could not start: {exc}") from None
    for outcome in outcomes:
        for warning in outcome.document.all_warnings():
            print(f"{outcome.path.name}: warning: {warning.message}", file=sys.stderr)
        if outcome.rejected:
            print(f"{outcome.path.name}: {outcome.document.error}", file=sys.stderr)
    if any(o.rejected for o in outcomes):
        # Each reason is printed above, one per file: no summary line to add.
        raise typer.Exit(ExitCode.FAILED)


def _run(
    files: list[Path], out: Path | None, password: str | None, secrets: dict[str, str]
) -> list[Outcome]:
    if out is None:
        outcome = next(_extract_all(files, password, secrets))
        sys.stdout.write(_dump(outcome.document))
        return [outcome]
    out.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(files))
        for outcome in _extract_all(files, password, secrets):
            target = out / f"{outcome.path.stem}.json"
            target.write_text(_dump(outcome.document), encoding="utf-8")
            outcomes.append(outcome)
            progress.update(task, advance=1, description=outcome.path.name)
    return outcomes


def _extract_all(
    files: list[Path], password: str | None, secrets: dict[str, str]
) -> Iterator[Outcome]:
    with PdfInspector() as inspector:
        for file in files:
            secret = secrets.get(file.name, secrets.get(file.stem, password))
            yield Outcome(file, _extract_one(inspector, file, secret))


def _extract_one(inspector: PdfInspector, file: Path, password: str | None) -> ExtractionDocument:
    try:
        inspected = inspector.inspect(file.read_bytes(), password)
    except PdfRejected as exc:
        return ExtractionDocument.rejected(f"{exc.code}: {exc.reason}")
    except OSError as exc:
        return ExtractionDocument.rejected(f"unreadable: {exc.strerror or exc}")
    if not inspected.text_layer_pages:
        # The service refuses these too: an empty result would read as "no transactions".
        return no_text_layer()
    try:
        return to_document(extract_pdf(inspected.decrypted), file_warnings(inspected))
    except Exception as exc:
        return ExtractionDocument.rejected(f"extraction failed: {type(exc).__name__}: {exc}")


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


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    )


def _dump(document: ExtractionDocument) -> str:
    return document.encode(indent=2).decode() + "\n"
