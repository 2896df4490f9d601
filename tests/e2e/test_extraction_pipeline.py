"""Ingested statements are extracted; the artefact is in storage and the gateway shows it."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cetest.pdfs import CORPUS, DIGITAL, SCANNED, sample
from cetest.pipeline import Pipeline
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.gateway.domain.ocr_notice import OCR_PAGES

pytestmark = pytest.mark.integration


def _extracted_or_failed(batch: dict[str, object]) -> bool:
    statements = batch["statements"]
    assert isinstance(statements, list)
    return all(s["status"] in ("extracted", "reported", "failed", "rejected") for s in statements)


def _handed_over(statement: dict[str, Any]) -> bool:
    return any(w["code"] == OCR_PAGES for w in statement["warnings"])


def _extracted_and_scan_handed_over(batch: dict[str, Any]) -> bool:
    # The hand-over (OCR topic) and the OCR extractor's outcome (extraction topic) reach the
    # projector apart, so a scan may read extracted before its hand-over is projected. The
    # hand-over's notice stays once projected, so waiting for it too has no race; the
    # queued_for_ocr status itself may pass between two reads, so it is not asserted here.
    scans = [s for s in batch["statements"] if s["filename"] == SCANNED]
    return _extracted_or_failed(batch) and all(_handed_over(s) for s in scans)


async def test_statement_is_extracted_and_its_artefact_matches_the_ground_truth(
    client: httpx.AsyncClient, tenant: Tenant, pipeline: Pipeline
) -> None:
    files = [("files", (name, sample(name), "application/pdf")) for name in (DIGITAL, SCANNED)]
    response = await client.post("/v1/batches", headers=tenant.auth, files=files)
    batch_id = response.json()["id"]
    batch = await wait_for_batch(
        client, tenant, batch_id, _extracted_and_scan_handed_over, within=90
    )
    by_name = {s["filename"]: s for s in batch["statements"]}
    digital = by_name[DIGITAL]
    assert digital["status"] in ("extracted", "reported")
    assert digital["transactions"] == 100
    assert digital["reconciled"] is True
    # An image-only statement is read by OCR (stage E, rapidocr by default) and adds up.
    scanned = by_name[SCANNED]
    assert scanned["status"] in ("extracted", "reported"), scanned
    assert scanned["transactions"] == 10
    assert scanned["reconciled"] is True
    # The text extractor handed it to the OCR extractor, and the gateway projected that.
    assert [w for w in scanned["warnings"] if w["code"] == OCR_PAGES] == [
        {"code": OCR_PAGES, "message": "page 1: it has no text layer; queued for OCR", "page": 1}
    ]
    assert not _handed_over(digital)

    read = f"{tenant.org_id}/{batch_id}/extracted/{scanned['id']}.json"
    scan = json.loads(await pipeline.gateway.storage.get(read))
    assert [p["method"] for p in scan["pages"]] == ["ocr:rapidocr"]
    assert {t["method"] for t in scan["transactions"]} == {"ocr:rapidocr"}
    assert all(0.0 < t["confidence"] <= 1.0 for t in scan["transactions"])

    key = f"{tenant.org_id}/{batch_id}/extracted/{digital['id']}.json"
    document = json.loads(await pipeline.gateway.storage.get(key))
    truth = list(csv.DictReader((CORPUS / "groundtruth" / f"{DIGITAL[:-4]}.expected.csv").open()))
    assert len(document["transactions"]) == len(truth)
    for row, expected in zip(document["transactions"], truth, strict=True):
        day, month, year = expected["Date"].split("-")
        assert row["date"] == f"{year}-{month}-{day}"
        assert row["description"] == expected["Description"]
        assert _amount(row["debit"]) == _amount(expected["Debit Amt"])
        assert _amount(row["credit"]) == _amount(expected["Credit Amt"])
        assert Decimal(row["balance"]) == Decimal(expected["Balance"])


def _amount(value: str | None) -> Decimal | None:
    return Decimal(value) if value else None
