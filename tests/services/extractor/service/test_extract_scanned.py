"""A statement without a text layer: the text extractor hands it on to the OCR extractor
(whole, with the pages OCR must read and why), which extracts it by OCR in the sandboxed
workers (under the default memory cap); with no engine anywhere it is refused with the
reason. Real PostgreSQL, storage, sandbox and rapidocr; the outbox records what would be
published."""

from __future__ import annotations

from pathlib import Path
from typing import cast
from uuid import uuid4

import pytest
from prometheus_client import REGISTRY

from cetest.recording import RecordingOutbox
from cetest.scans import scanned
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import EXTRACTOR, EXTRACTOR_GPU
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
)
from cypheredge.extractor.infra.models import extractions, inbox
from cypheredge.extractor.service.artefact import NO_TEXT_LAYER
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.extractor.settings import OcrExtractorSettings
from cypheredge.kit.checksums import sha256_hex
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import LocalStorage
from cypheredge.synth import generate

pytestmark = pytest.mark.integration


async def _extract(
    infra: InfraSettings,
    tmp_path: Path,
    runner: CascadeRunner,
    data: bytes,
    *,
    text_layer_pages: tuple[int, ...] = (),
    queue_scans: bool = False,
    queued: bool = False,
) -> tuple[RecordingOutbox, int]:
    """The events extracting ``data`` (one page) records, and how many extraction rows.
    ``queue_scans``: as the text extractor; ``queued``: as the OCR extractor, given the
    statement the text extractor handed on."""
    db = Database(service_url(infra, EXTRACTOR.name))
    storage, outbox = LocalStorage(tmp_path), RecordingOutbox()
    consumer = EXTRACTOR_GPU if queued else EXTRACTOR
    use_case = StatementExtractor(
        db=db,
        storage=storage,
        outbox=cast(Outbox, outbox),
        inbox=Inbox(inbox),
        runner=runner,
        consumer=consumer.group_id,
        queue_scans=queue_scans,
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
        text_layer_pages=text_layer_pages,
        storage_key=key,
        sha256=digest,
        storage_sha256=digest,
    )
    if queued:
        event = StatementQueuedForOcr(**event.model_dump(), ocr_pages=(1,), reason="a scan")
    envelope = Envelope.wrap(event, org_id=org, source="/tests")
    try:
        await use_case.handle(envelope, event)
        await use_case.handle(envelope, event)  # redelivered: no second effect
        async with db.tenant(org) as session:
            rows = len((await session.execute(extractions.select())).all())
    finally:
        await db.dispose()
    return outbox, rows


@pytest.mark.slow  # ~10 s: a worker starts, loads the models and reads one page
async def test_a_scanned_statement_is_extracted_by_ocr_in_the_sandbox(
    infra: InfraSettings, tmp_path: Path
) -> None:
    settings = OcrExtractorSettings()  # the default memory cap and engine, as deployed
    assert settings.ocr_engine == "rapidocr"
    runner = CascadeRunner(1, 120.0, settings.max_memory_mb, settings.ocr_engine)
    statement = generate("uk_ruled", 0)
    scan = scanned(statement.pdf, pages=[2])
    ocr_pages = REGISTRY.get_sample_value("cypheredge_extractor_pages_total", {"method": "ocr"})
    timed = REGISTRY.get_sample_value("cypheredge_extractor_ocr_page_seconds_count")
    try:
        outbox, rows = await _extract(infra, tmp_path, runner, scan, queued=True)
    finally:
        runner.close()
    assert rows == 1
    # Counted once (the redelivery is not read again), the page's OCR seconds observed once.
    after = REGISTRY.get_sample_value("cypheredge_extractor_pages_total", {"method": "ocr"})
    assert (after or 0) == (ocr_pages or 0) + 1
    timed_after = REGISTRY.get_sample_value("cypheredge_extractor_ocr_page_seconds_count")
    assert (timed_after or 0) == (timed or 0) + 1
    extracted, usage, _statements = outbox.events
    assert isinstance(extracted, StatementExtracted), extracted
    assert [(p.method, p.number) for p in extracted.pages] == [("ocr:rapidocr", 1)]
    # The page OCR read is metered as such (plans may count it differently).
    assert isinstance(usage, UsageRecorded)
    assert (usage.quantity, usage.ocr_pages) == (1, 1)
    truth = [t for t in statement.truth["transactions"] if t["page"] == 2]
    assert extracted.transactions == len(truth)


async def test_without_an_engine_a_statement_without_text_is_refused(
    infra: InfraSettings, tmp_path: Path
) -> None:
    runner = CascadeRunner(1, ocr_engine="none")
    try:
        outbox, _rows = await _extract(infra, tmp_path, runner, b"%PDF-1.7 never read")
    finally:
        runner.close()
    (failed,) = outbox.events
    assert isinstance(failed, StatementExtractionFailed)
    assert failed.reason == NO_TEXT_LAYER
    labels = {"stage": "extract", "reason": "no_text_layer"}
    assert REGISTRY.get_sample_value("cypheredge_extractor_failures_total", labels)


async def test_the_text_extractor_hands_a_statement_ingest_found_no_text_on_to_ocr(
    infra: InfraSettings, tmp_path: Path
) -> None:
    runner = CascadeRunner(1, ocr_engine="none")
    labels = {"outcome": "queued_for_ocr"}
    queued_before = REGISTRY.get_sample_value("cypheredge_extractor_statements_total", labels)
    try:  # never read here: ingestion already said no page has text
        outbox, rows = await _extract(infra, tmp_path, runner, b"%PDF", queue_scans=True)
    finally:
        runner.close()
    (queued,) = outbox.events
    assert isinstance(queued, StatementQueuedForOcr)
    assert (queued.ocr_pages, queued.reason) == ((1,), "page 1: it has no text layer")
    # Handled twice (redelivered), counted once.
    queued_after = REGISTRY.get_sample_value("cypheredge_extractor_statements_total", labels)
    assert (queued_after or 0) == (queued_before or 0) + 1
    assert (queued.storage_key.endswith(".pdf"), queued.pages) == (True, 1)
    assert rows == 0  # the OCR extractor records the outcome


async def test_a_page_the_cascade_finds_no_text_on_sends_the_statement_to_ocr(
    infra: InfraSettings, tmp_path: Path
) -> None:
    # Ingestion believed the page had text; the text layer has no words the cascade can use.
    scan = scanned(generate("uk_ruled", 0).pdf, pages=[1])
    runner = CascadeRunner(1, ocr_engine="none")
    try:
        outbox, rows = await _extract(
            infra, tmp_path, runner, scan, text_layer_pages=(1,), queue_scans=True
        )
    finally:
        runner.close()
    (queued,) = outbox.events
    assert isinstance(queued, StatementQueuedForOcr)
    assert queued.ocr_pages == (1,)
    assert queued.reason == "page 1: it has no text layer"
    assert rows == 0
