"""A damaged PDF uploaded over HTTP is processed but flagged everywhere a customer looks.

ingest (qpdf rebuilds the cross-reference table) -> statement.ingested warning -> extractor
(extraction document warning, statement.extracted warning) -> gateway (GET /v1/batches/{id})
and reporter (workbook Flags sheet).
"""

from __future__ import annotations

import io
from typing import Any

import httpx
import openpyxl
import pytest

from cetest import damaged
from cetest.pipeline import Pipeline
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.contracts.notices import REPAIRED_PDF
from cypheredge.synth import generate

pytestmark = pytest.mark.integration


def _final(batch: dict[str, Any]) -> bool:
    return batch["status"] in ("completed", "partially_failed", "failed")


async def test_a_repaired_pdf_is_reported_with_its_warning(
    client: httpx.AsyncClient, tenant: Tenant, pipeline: Pipeline
) -> None:
    broken, intact = generate("uk_ruled", 11), generate("us_signed", 11)
    files = [
        ("files", ("broken-xref.pdf", damaged.wrong_xref_offsets(broken.pdf), "application/pdf")),
        ("files", ("intact.pdf", intact.pdf, "application/pdf")),
    ]
    response = await client.post("/v1/batches", headers=tenant.auth, files=files)
    assert response.status_code == 202, response.text
    batch = await wait_for_batch(client, tenant, response.json()["id"], _final, within=120)

    assert batch["status"] == "completed"
    by_name = {s["filename"]: s for s in batch["statements"]}
    repaired = by_name["broken-xref.pdf"]
    assert repaired["status"] == "reported"
    assert [w["code"] for w in repaired["warnings"]] == [REPAIRED_PDF]
    assert "damaged" in repaired["warnings"][0]["message"]
    assert repaired["transactions"] == len(broken.truth["transactions"])
    assert by_name["intact.pdf"]["warnings"] == []

    key = f"{tenant.org_id}/{batch['id']}/extracted/{repaired['id']}.json"
    document = ExtractionDocument.model_validate_json(await pipeline.gateway.storage.get(key))
    assert [w.code for w in document.warnings] == [REPAIRED_PDF]

    workbook = await client.get(f"/v1/batches/{batch['id']}/report", headers=tenant.auth)
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    flags = [r for r in book["Flags"].iter_rows(values_only=True) if r[0]]
    flagged = [r for r in flags if r[0] == "damaged file repaired"]
    assert [r[1] for r in flagged] == ["broken-xref.pdf"]
    assert "repaired" in str(flagged[0][6])
