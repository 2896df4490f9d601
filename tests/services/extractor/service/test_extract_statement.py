"""The extractor reads the file its event names only once it hashes to the event's checksum:
an object altered in storage is a failed extraction (stage ``download``), never a crash and
never a silent read. Real PostgreSQL, storage and sandbox; the outbox records what would be
published."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import cast
from uuid import UUID, uuid4

import pytest
from prometheus_client import REGISTRY

from cetest.pdfs import DIGITAL_NZ, sample
from cetest.recording import RecordingOutbox
from cypheredge.contracts import Envelope
from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.events.statement import (
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
)
from cypheredge.extractor.infra.models import inbox
from cypheredge.extractor.service.extract_statement import StatementExtractor
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.kit.checksums import sha256_hex
from cypheredge.kit.db import Database, service_url
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings
from cypheredge.kit.storage import LocalStorage

pytestmark = pytest.mark.integration


def counted(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


Setup = tuple[StatementExtractor, LocalStorage, RecordingOutbox]


@pytest.fixture(scope="module")
def runner() -> Iterator[CascadeRunner]:
    cascade = CascadeRunner(workers=1)
    yield cascade
    cascade.close()


@pytest.fixture
async def extractor(
    infra: InfraSettings, tmp_path: Path, runner: CascadeRunner
) -> AsyncIterator[Setup]:
    db = Database(service_url(infra, EXTRACTOR.name))
    storage, outbox = LocalStorage(tmp_path), RecordingOutbox()
    use_case = StatementExtractor(
        db=db, storage=storage, outbox=cast(Outbox, outbox), inbox=Inbox(inbox), runner=runner
    )
    try:
        yield use_case, storage, outbox
    finally:
        await db.dispose()


async def _ingested(storage: LocalStorage, data: bytes, org: UUID) -> StatementIngested:
    batch, statement = uuid4(), uuid4()
    key = f"{org}/{batch}/raw/{statement}.pdf"
    await storage.put(key, data, "application/pdf")
    digest = sha256_hex(data)
    return StatementIngested(
        batch_id=batch,
        statement_id=statement,
        filename="nz.pdf",
        pages=1,
        text_layer_pages=(1,),
        storage_key=key,
        sha256=digest,
        storage_sha256=digest,
    )


async def _handle(use_case: StatementExtractor, event: StatementIngested, org: UUID) -> None:
    await use_case.handle(Envelope.wrap(event, org_id=org, source="/tests"), event)


async def test_the_file_that_matches_its_checksum_is_extracted(extractor: Setup) -> None:
    use_case, storage, outbox = extractor
    org = uuid4()
    event = await _ingested(storage, sample(DIGITAL_NZ), org)
    text_pages = counted("cypheredge_extractor_pages_total", method="text")
    done = counted("cypheredge_extractor_statements_total", outcome="extracted")
    await _handle(use_case, event, org)
    assert counted("cypheredge_extractor_pages_total", method="text") == text_pages + 1
    assert counted("cypheredge_extractor_statements_total", outcome="extracted") == done + 1
    extracted, pages, statements = outbox.events
    assert isinstance(extracted, StatementExtracted)
    assert extracted.transactions == 6
    # Metered: every page read, none by OCR, and the statement itself.
    assert isinstance(pages, UsageRecorded)
    assert isinstance(statements, UsageRecorded)
    assert (pages.metric, pages.quantity, pages.ocr_pages) == ("pages_processed", 1, 0)
    assert (statements.metric, statements.quantity) == ("statements_processed", 1)
    assert pages.statement_id == statements.statement_id == event.statement_id


async def test_a_file_altered_in_storage_is_refused_by_the_extractor(extractor: Setup) -> None:
    use_case, storage, outbox = extractor
    org = uuid4()
    event = await _ingested(storage, sample(DIGITAL_NZ), org)
    altered = sample(DIGITAL_NZ).replace(b"%%EOF", b"%%EOF\n% altered")
    await storage.put(event.storage_key, altered)
    labels = {"stage": "download", "reason": "checksum_mismatch"}
    before = counted("cypheredge_extractor_failures_total", **labels)
    failures = counted("cypheredge_extractor_statements_total", outcome="failed")
    await _handle(use_case, event, org)
    assert counted("cypheredge_extractor_failures_total", **labels) == before + 1
    assert counted("cypheredge_extractor_statements_total", outcome="failed") == failures + 1
    (failed,) = outbox.events
    assert isinstance(failed, StatementExtractionFailed)
    assert failed.stage == "download"
    assert "does not match the checksum" in failed.reason
    assert sha256_hex(altered)[:16] in failed.reason


async def test_an_event_without_the_files_checksum_is_refused(extractor: Setup) -> None:
    use_case, storage, outbox = extractor
    org = uuid4()
    event = await _ingested(storage, sample(DIGITAL_NZ), org)
    legacy = event.model_copy(update={"storage_sha256": None})
    await _handle(use_case, legacy, org)
    (failed,) = outbox.events
    assert isinstance(failed, StatementExtractionFailed)
    assert (failed.stage, "checksum" in failed.reason) == ("download", True)
