"""Warnings reach GET /v1/batches/{id} per statement, each once, whatever order events come in."""

from __future__ import annotations

from uuid import UUID

import httpx
import pytest

from cetest.pdfs import DIGITAL, sample
from cetest.tenants import Tenant
from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import EXTRACTOR, INGEST
from cypheredge.contracts.events.statement import PageMethod, StatementExtracted, StatementIngested
from cypheredge.contracts.notices import REPAIRED_PDF, Notice, repaired_pdf
from cypheredge.gateway.infra.models import inbox
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.projection import Projector
from cypheredge.kit.inbox import Inbox

pytestmark = pytest.mark.integration
YEAR = Notice(code="year_guessed", message="no year is printed; taken from the rows", page=1)


async def _project(gateway: Container, org: Tenant, event: Event, source: str) -> None:
    envelope = Envelope.wrap(event, org_id=UUID(org.org_id), source=source)
    await Projector(gateway.db, Inbox(inbox)).handle(envelope, event)


async def test_ingest_and_extraction_warnings_are_shown_once_in_any_order(
    api: httpx.AsyncClient, gateway: Container, org_a: Tenant
) -> None:
    files = [("files", (DIGITAL, sample(DIGITAL), "application/pdf"))]
    body = (await api.post("/v1/batches", headers=org_a.auth, files=files)).json()
    batch_id, statement_id = UUID(body["id"]), UUID(body["statements"][0]["id"])
    fresh = (await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)).json()
    assert fresh["statements"][0]["warnings"] == []

    extracted = StatementExtracted(
        batch_id=batch_id,
        statement_id=statement_id,
        artefact_key="k",
        artefact_sha256="0" * 64,
        transactions=3,
        reconciled=True,
        pages=(PageMethod(number=1, method="geometric", rows=3, confidence=1.0),),
        warnings=(repaired_pdf(), YEAR),
    )
    ingested = StatementIngested(
        batch_id=batch_id,
        statement_id=statement_id,
        filename=DIGITAL,
        pages=1,
        text_layer_pages=(1,),
        storage_key="k",
        sha256="0" * 64,
        warnings=(repaired_pdf(),),
    )
    # The extraction outcome overtakes ingestion's (they travel on different topics).
    await _project(gateway, org_a, extracted, EXTRACTOR.source)
    await _project(gateway, org_a, ingested, INGEST.source)

    view = (await api.get(f"/v1/batches/{batch_id}", headers=org_a.auth)).json()
    (statement,) = view["statements"]
    assert statement["status"] == "extracted"
    assert [w["code"] for w in statement["warnings"]] == [REPAIRED_PDF, "year_guessed"]
    assert statement["warnings"][1] == YEAR.model_dump(mode="json")
    assert "repaired" in statement["warnings"][0]["message"]
