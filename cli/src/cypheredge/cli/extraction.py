"""Local extraction for ``cypheredge extract``: the extractor's cascade behind ingest's guards.

The command imports this module when it runs: it loads the extractor and the extraction
contract, which ``cypheredge --help`` should not pay for. One guarded inspector, the
command's, serves every file of a run.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cypheredge.cli.exits import unavailable
from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.service.artefact import no_text_layer, to_document
from cypheredge.ingest.domain.file_warnings import file_warnings
from cypheredge.pdf import PdfInspector, PdfRejected, PdfWorkerError

if TYPE_CHECKING:
    from rich.progress import Progress

    from cypheredge.extractor.ocr.engine import OcrEngine
    from cypheredge.extractor.tables.stage import TableStage


@dataclass(frozen=True)
class Outcome:
    """One file's result and, when it was refused, the one-line reason."""

    path: Path
    document: ExtractionDocument

    @property
    def rejected(self) -> bool:
        return self.document.error is not None


def extract_files(
    inspector: PdfInspector,
    files: list[Path],
    out: Path | None,
    password: str | None,
    secrets: dict[str, str],
) -> list[Outcome]:
    """Every file's outcome: one document on stdout without ``out``, else NAME.json there."""
    try:
        return _extract_files(inspector, files, out, password, secrets)
    except PdfWorkerError as exc:
        raise unavailable(f"the PDF worker could not start: {exc}") from None


def _extract_files(
    inspector: PdfInspector,
    files: list[Path],
    out: Path | None,
    password: str | None,
    secrets: dict[str, str],
) -> list[Outcome]:
    if out is None:
        outcome = next(_extract_all(inspector, files, password, secrets))
        sys.stdout.write(_dump(outcome.document))
        return [outcome]
    out.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(files))
        for outcome in _extract_all(inspector, files, password, secrets):
            target = out / f"{outcome.path.stem}.json"
            target.write_text(_dump(outcome.document), encoding="utf-8")
            outcomes.append(outcome)
            progress.update(task, advance=1, description=outcome.path.name)
    return outcomes


def _extract_all(
    inspector: PdfInspector, files: list[Path], password: str | None, secrets: dict[str, str]
) -> Iterator[Outcome]:
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
    engine = None
    if len(inspected.text_layer_pages) < inspected.pages:
        engine, unavailable = _ocr_engine()
        if unavailable is not None:
            return ExtractionDocument.rejected(f"ocr_unavailable: {unavailable}")
    if not inspected.text_layer_pages and engine is None:
        # The service refuses these too: an empty result would read as "no transactions".
        return no_text_layer()
    tables, missing, unusable = _table_stage()
    if unusable is not None:
        return ExtractionDocument.rejected(f"table_model_unavailable: {unusable}")
    try:
        result = extract_pdf(inspected.decrypted, engine, tables, missing)
        return to_document(result, file_warnings(inspected))
    except Exception as exc:
        return ExtractionDocument.rejected(f"extraction failed: {type(exc).__name__}: {exc}")


def _ocr_engine() -> tuple[OcrEngine | None, str | None]:
    """The extractor's configured engine (EXTRACTOR_OCR_ENGINE), or why it cannot run; built
    on the first file that has a page without text, so digital files never load it."""
    from cypheredge.extractor.ocr.engine import OcrUnavailable, shared_engine
    from cypheredge.extractor.settings import ExtractorSettings

    try:
        settings = ExtractorSettings()
        return shared_engine(settings.ocr_engine, settings.device), None
    except OcrUnavailable as exc:
        return None, str(exc)


@lru_cache(maxsize=1)
def _table_stage() -> tuple[TableStage | None, tuple[str, ...], str | None]:
    """Stages C/D as configured (EXTRACTOR_TABLE_MODEL_DIR, EXTRACTOR_DEVICE), what is missing
    without them, or why the configured model cannot run; checked once a run, without torch
    (the model itself loads on the first page that reaches stage C)."""
    from cypheredge.extractor.tables.check import (
        TableModelUnavailable,
        check_table_model,
        missing_stages,
    )
    from cypheredge.extractor.tables.settings import TableSettings
    from cypheredge.extractor.tables.stage import TableStage

    settings = TableSettings()
    directory = settings.table_model_dir
    try:
        check_table_model(directory, settings.device)
    except TableModelUnavailable as exc:
        return None, (), str(exc)
    stage = None if directory is None else TableStage(directory, settings.device)
    return stage, missing_stages(directory), None


def _progress() -> Progress:
    # Only a folder shows progress: one file to stdout needs no rich (a tenth of a second).
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _dump(document: ExtractionDocument) -> str:
    return document.encode(indent=2).decode() + "\n"
