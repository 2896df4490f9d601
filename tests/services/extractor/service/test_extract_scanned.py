"""A statement without a text layer: extracted by OCR in the sandboxed workers (under the
default memory cap) when an engine is configured, refused with the reason when none is.
Real PostgreSQL, storage, sandbox and rapidocr; the outbox records what would be published."""

from __future__ import annotations

from pathlib import Path
from typing import cast
from uuid import uuid4

import pytest

from cetest.recording import RecordingOutbox
from cetest.scans import scanned
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
)
from cypheredge.extractor.infra.models import inbox
from cypheredge.extractor.service.artefact import NO_TEXT_LAYER
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.extractor.settings import ExtractorSettings
from cypheredge.kit.checksums import sha256_hex
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import LocalStorage
from cypheredge.synth import generate

pytestmark = pytest.mark.integration


async def _extract(
    infra: InfraSettings, tmp_path: Path, runner: CascadeRunner, data: bytes
) -> RecordingOutbox:
    db = Database(service_url(infra, EXTRACTOR.name))
    storage, outbox = LocalStorage(tmp_path), RecordingOutbox()
    use_case = StatementExtractor(
        db=db, storage=storage, outbox=cast(Outbox, outbox), inbox=Inbox(inbox), runner=runner
    )
    org, batch, statement = uuid4(), uuid4(), uuid4()
    key = f"{org}/{batch}/raw/{statement}.pdf"
    await storage.put(key, data, "application/pdf")
    digest = sha256_hex(data)
    event = StatementIngested(
        batch_id=batch,
        statement_id=statement,
        filename="scan.pdf",
        pages=1,
        text_layer_pages=(),
        storage_key=key,
        sha256=digest,
        storage_sha256=digest,
    )
    try:
        await use_case.handle(Envelope.wrap(event, org_id=org, source="/tests"), event)
    finally:
        await db.dispose()
    return outbox


@pytest.mark.slow  # ~10 s: a worker starts, loads the models and reads one page
async def test_a_scanned_statement_is_extracted_by_ocr_in_the_sandbox(
    infra: InfraSettings, tmp_path: Path
) -> None:
    settings = ExtractorSettings()  # the default memory cap and engine, as deployed
    assert settings.ocr_engine == "rapidocr"
    runner = CascadeRunner(1, 120.0, settings.max_memory_mb, settings.ocr_engine)
    statement = generate("uk_ruled", 0)
    try:
        outbox = await _extract(infra, tmp_path, runner, scanned(statement.pdf, pages=[2]))
    finally:
        runner.close()
    extracted, _usage = outbox.events
    assert isinstance(extracted, StatementExtracted), extracted
    assert [(p.method, p.number) for p in extracted.pages] == [("ocr:rapidocr", 1)]
    truth = [t for t in statement.truth["transactions"] if t["page"] == 2]
    assert extracted.transactions == len(truth)


async def test_without_an_engine_a_statement_without_text_is_refused(
    infra: InfraSettings, tmp_path: Path
) -> None:
    runner = CascadeRunner(1, ocr_engine="none")
    try:
        outbox = await _extract(infra, tmp_path, runner, b"%PDF-1.7 never read")
    finally:
        runner.close()
    (failed,) = outbox.events
    assert isinstance(failed, StatementExtractionFailed)
    assert failed.reason == NO_TEXT_LAYER
