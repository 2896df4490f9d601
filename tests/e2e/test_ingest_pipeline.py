"""Upload over HTTP -> outbox -> relay -> Kafka -> ingest -> Kafka -> projection -> HTTP."""

from __future__ import annotations

import json

import httpx
import pytest

from cetest.hostile import decompression_bomb
from cetest.pdfs import (
    DIGITAL,
    DIGITAL_NZ,
    ENCRYPTED,
    ENCRYPTED_PASSWORD,
    SCANNED,
    blank_pdf,
    sample,
)
from cetest.polling import inspected, wait_for_batch
from cetest.tenants import Tenant

pytestmark = pytest.mark.integration

INGESTED_OR_LATER = {"ingested", "queued_for_ocr", "extracted", "reported"}


def _file(name: str, data: bytes | None = None) -> tuple[str, tuple[str, bytes, str]]:
    return ("files", (name, sample(name) if data is None else data, "application/pdf"))


async def _submit(
    client: httpx.AsyncClient,
    tenant: Tenant,
    files: list[tuple[str, tuple[str, bytes, str]]],
    passwords: dict[str, str] | None = None,
) -> str:
    response = await client.post(
        "/v1/batches",
        headers=tenant.auth,
        files=files,
        data={"passwords": json.dumps(passwords)} if passwords else None,
    )
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


async def test_uploaded_statements_are_ingested_with_page_counts(
    client: httpx.AsyncClient, tenant: Tenant
) -> None:
    batch_id = await _submit(client, tenant, [_file(DIGITAL), _file(DIGITAL_NZ), _file(SCANNED)])
    batch = await wait_for_batch(client, tenant, batch_id, inspected)
    by_name = {s["filename"]: s for s in batch["statements"]}
    assert "rejected" not in {s["status"] for s in batch["statements"]}
    assert (by_name[DIGITAL]["pages"], by_name[DIGITAL]["text_layer_pages"]) == (2, 2)
    assert (by_name[DIGITAL_NZ]["pages"], by_name[DIGITAL_NZ]["text_layer_pages"]) == (1, 1)
    assert (by_name[SCANNED]["pages"], by_name[SCANNED]["text_layer_pages"]) == (1, 0)
    assert batch["status"] != "queued"


async def test_encrypted_pdf_needs_the_right_password(
    client: httpx.AsyncClient, tenant: Tenant
) -> None:
    right = await _submit(client, tenant, [_file(ENCRYPTED)], {ENCRYPTED: ENCRYPTED_PASSWORD})
    wrong = await _submit(client, tenant, [_file(ENCRYPTED)], {ENCRYPTED: "not-it"})
    missing = await _submit(client, tenant, [_file(ENCRYPTED)])
    ok = (await wait_for_batch(client, tenant, right, inspected))["statements"][0]
    assert ok["status"] != "rejected"
    assert ok["pages"] == 1
    for batch_id, words in ((wrong, "password"), (missing, "password")):
        batch = await wait_for_batch(client, tenant, batch_id, inspected)
        statement = batch["statements"][0]
        assert statement["status"] == "rejected"
        assert words in statement["error"]
        assert batch["status"] == "failed"


async def test_hostile_files_are_rejected_with_reasons_and_ingest_keeps_serving(
    client: httpx.AsyncClient, tenant: Tenant
) -> None:
    digital = sample(DIGITAL)
    hostile = {
        "empty.pdf": b"",
        "not-a-pdf.pdf": b"PK\x03\x04 this is a zip archive, not a PDF",
        "truncated.pdf": digital[:400],
        "thousands-of-pages.pdf": blank_pdf(3000),
        "decompression-bomb.pdf": decompression_bomb(),
    }
    files = [_file(name, data) for name, data in hostile.items()] + [_file(DIGITAL)]
    batch_id = await _submit(client, tenant, files)
    batch = await wait_for_batch(client, tenant, batch_id, inspected)
    by_name = {s["filename"]: s for s in batch["statements"]}
    for name in hostile:
        assert by_name[name]["status"] == "rejected", by_name[name]
        assert by_name[name]["error"], "a rejection must say why"
    assert "3000" in by_name["thousands-of-pages.pdf"]["error"]
    assert by_name[DIGITAL]["status"] in INGESTED_OR_LATER
    after = await _submit(client, tenant, [_file(DIGITAL_NZ)])
    batch = await wait_for_batch(client, tenant, after, inspected)
    assert batch["statements"][0]["status"] in INGESTED_OR_LATER


async def test_duplicate_upload_is_detected_by_hash(
    client: httpx.AsyncClient, tenant: Tenant
) -> None:
    first = await _submit(client, tenant, [_file(DIGITAL_NZ)])
    await wait_for_batch(client, tenant, first, inspected)
    second = await _submit(client, tenant, [_file(DIGITAL_NZ)])
    statement = (await wait_for_batch(client, tenant, second, inspected))["statements"][0]
    assert statement["duplicate_of"] is not None
    assert statement["duplicate_of"] != statement["id"]
