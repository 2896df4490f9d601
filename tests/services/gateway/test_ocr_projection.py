"""A statement handed to the OCR extractor shows ``queued_for_ocr`` in GET /v1/batches/{id},
with the pages and the reason as a notice; a redelivery changes nothing, and a hand-over
projected after the OCR extractor's outcome never takes the statement back.

The batches have no outbox row (``cetest.batches``), so only these tests move them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
import pytest
from sqlalchemy import func, select

from cetest.batches import new_batch
from cetest.tenants import Tenant
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import EXTRACTOR, INGEST
from cypheredge.contracts.events.statement import (
    PageMethod,
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
)
from cypheredge.contracts.notices import repaired_pdf
from cypheredge.gateway.domain.ocr_notice import OCR_PAGES
from cypheredge.gateway.infra import batches as batch_sql
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import CONSUMER, Projector
from cypheredge.kit.inbox import Inbox

pytestmark = pytest.mark.integration
REASON = "pages 2, 3: it has no text layer"


def _ingested(batch_id: UUID, statement_id: UUID) -> StatementIngested:
    return StatementIngested(
        batch_id=batch_id,
        statement_id=statement_id,
        filename="a.pdf",
        pages=3,
        text_layer_pages=(1,),
        storage_key="k",
        sha256="0" * 64,
        storage_sha256="0" * 64,
        warnings=(repaired_pdf(),),
    )


def _handed_over(batch_id: UUID, statement_id: UUID) -> StatementQueuedForOcr:
    ingested = _ingested(batch_id, statement_id)
    return StatementQueuedForOcr(**ingested.model_dump(), ocr_pages=(2, 3), reason=REASON)


def _extracted(batch_id: UUID, statement_id: UUID) -> StatementExtracted:
    return StatementExtracted(
        batch_id=batch_id,
        statement_id=statement_id,
        artefact_key="k",
        artefact_sha256="0" * 64,
        transactions=4,
        reconciled=True,
        pages=(PageMethod(number=2, method="ocr:rapidocr", rows=4, confidence=0.9),),
    )


def _envelope(org: Tenant, event: Event, source: str = EXTRACTOR.source) -> Envelope:
    return Envelope.wrap(event, org_id=UUID(org.org_id), source=source)


async def _project(gateway: Container, envelope: Envelope, event: Event) -> None:
    await Projector(gateway.db, Inbox(inbox)).handle(envelope, event)


async def _view(api: httpx.AsyncClient, org: Tenant, batch_id: UUID) -> dict[str, Any]:
    response = await api.get(f"/v1/batches/{batch_id}", headers=org.auth)
    assert response.status_code == 200
    view: dict[str, Any] = response.json()
    return view


async def test_a_hand_over_to_ocr_shows_and_a_redelivery_changes_nothing(
    api: httpx.AsyncClient, gateway: Container, org_a: Tenant
) -> None:
    batch_id, statement_id = await new_batch(gateway, org_a)
    event = _handed_over(batch_id, statement_id)
    envelope = _envelope(org_a, event)
    await _project(gateway, envelope, event)

    view = await _view(api, org_a, batch_id)
    assert view["status"] == "processing"
    (statement,) = view["statements"]
    assert statement["status"] == "queued_for_ocr"
    # It overtook ingestion's own event: the ingest facts it carries land with it.
    assert (statement["pages"], statement["text_layer_pages"]) == (3, 1)
    assert [w["code"] for w in statement["warnings"]] == ["repaired_pdf", OCR_PAGES]
    assert statement["warnings"][1]["message"] == f"{REASON}; queued for OCR"
    assert statement["warnings"][1]["page"] is None

    async with gateway.db.tenant(UUID(org_a.org_id)) as session:
        before = await batch_sql.statement_for_update(session, statement_id)
    await _project(gateway, envelope, event)
    async with gateway.db.tenant(UUID(org_a.org_id)) as session:
        after = await batch_sql.statement_for_update(session, statement_id)
        rows = await session.scalar(
            select(func.count())
            .select_from(inbox)
            .where(inbox.c.consumer == CONSUMER, inbox.c.event_id == envelope.id)
        )
    assert before is not None
    assert after is not None
    assert after.updated_at == before.updated_at, "the redelivered effect did not run again"
    assert rows == 1
    assert await _view(api, org_a, batch_id) == view


async def test_ingestion_late_or_a_hand_over_after_extraction_moves_no_status(
    api: httpx.AsyncClient, gateway: Container, org_a: Tenant
) -> None:
    batch_id, statement_id = await new_batch(gateway, org_a)
    handed_over = _handed_over(batch_id, statement_id)
    await _project(gateway, _envelope(org_a, handed_over), handed_over)
    ingested = _ingested(batch_id, statement_id)
    await _project(gateway, _envelope(org_a, ingested, INGEST.source), ingested)
    assert (await _view(api, org_a, batch_id))["statements"][0]["status"] == "queued_for_ocr"

    extracted = _extracted(batch_id, statement_id)
    await _project(gateway, _envelope(org_a, extracted), extracted)
    # The same hand-over again under a new id (as a re-publish would send it) lands after the
    # OCR extractor's outcome: the statement stays extracted, its notice shown once.
    await _project(gateway, _envelope(org_a, handed_over), handed_over)
    (statement,) = (await _view(api, org_a, batch_id))["statements"]
    assert (statement["status"], statement["transactions"]) == ("extracted", 4)
    assert [w["code"] for w in statement["warnings"]] == ["repaired_pdf", OCR_PAGES]


async def test_a_failed_statement_stays_failed_when_its_hand_over_lands_late(
    api: httpx.AsyncClient, gateway: Container, org_a: Tenant
) -> None:
    batch_id, statement_id = await new_batch(gateway, org_a)
    failed = StatementExtractionFailed(
        batch_id=batch_id, statement_id=statement_id, reason="OCR found no text"
    )
    await _project(gateway, _envelope(org_a, failed), failed)
    handed_over = _handed_over(batch_id, statement_id)
    await _project(gateway, _envelope(org_a, handed_over), handed_over)

    view = await _view(api, org_a, batch_id)
    assert view["status"] == "failed", "its only statement failed"
    (statement,) = view["statements"]
    assert (statement["status"], statement["error"]) == ("failed", "OCR found no text")
