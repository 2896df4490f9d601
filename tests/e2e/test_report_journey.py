"""The customer's journey: upload statements, later download the workbook and every export.

Statements come from the product's generator, so every figure has ground truth; one file is
encrypted (with its password) and one is not a PDF at all (rejected).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree

import httpx
import openpyxl
import pytest

from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
SAMPLES = (("uk_two_accounts", 7), ("us_signed", 7), ("de_signed", 7))
LOCKED = ("nz_reordered", 7)
PASSWORD = "open-sesame"


def _final(batch: dict[str, Any]) -> bool:
    return batch["status"] in ("completed", "partially_failed", "failed")


def _key(date: str, debit: str | None, credit: str | None) -> tuple[str, Decimal, Decimal]:
    return (date, Decimal(debit or 0), Decimal(credit or 0))


@pytest.fixture(scope="module")
async def journey(client: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    statements = [generate(layout, seed) for layout, seed in SAMPLES]
    locked = generate(*LOCKED, password=PASSWORD)
    files = [("files", (f"{s.layout}.pdf", s.pdf, "application/pdf")) for s in statements]
    files.append(("files", ("locked.pdf", locked.pdf, "application/pdf")))
    files.append(
        ("files", ("notes.pdf", b"these are meeting notes, not a statement", "application/pdf"))
    )
    response = await client.post(
        "/v1/batches",
        headers=tenant.auth,
        files=files,
        data={"passwords": json.dumps({"locked.pdf": PASSWORD})},
    )
    assert response.status_code == 202, response.text
    batch = await wait_for_batch(client, tenant, response.json()["id"], _final, within=180)
    truth = [t for s in (*statements, locked) for t in s.truth["transactions"]]
    return {"batch": batch, "truth": truth}


async def test_batch_is_partially_failed_with_reasons(journey: dict[str, Any]) -> None:
    batch = journey["batch"]
    assert batch["status"] == "partially_failed"
    by_name = {s["filename"]: s for s in batch["statements"]}
    assert by_name["notes.pdf"]["status"] == "rejected"
    assert "PDF" in by_name["notes.pdf"]["error"]
    assert {s["status"] for n, s in by_name.items() if n != "notes.pdf"} == {"reported"}
    assert batch["summary"]["transactions"] == len(journey["truth"])
    assert batch["summary"]["statements_reported"] == 4


async def test_json_export_pages_through_every_transaction_of_the_ground_truth(
    client: httpx.AsyncClient, tenant: Tenant, journey: dict[str, Any]
) -> None:
    url = f"/v1/batches/{journey['batch']['id']}/transactions"
    rows: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params = {"format": "json", "limit": "25", **({"starting_after": cursor} if cursor else {})}
        page = (await client.get(url, headers=tenant.auth, params=params)).json()
        rows += page["data"]
        if not page["has_more"]:
            break
        cursor = page["data"][-1]["id"]
    assert len({r["id"] for r in rows}) == len(rows)
    found = Counter(_key(r["date"], r["debit"], r["credit"]) for r in rows)
    expected = Counter(_key(t["date"], t["debit"], t["credit"]) for t in journey["truth"])
    assert found == expected
    assert all(r["category"] for r in rows)


async def test_workbook_downloads_with_every_transaction(
    client: httpx.AsyncClient, tenant: Tenant, journey: dict[str, Any]
) -> None:
    response = await client.get(f"/v1/batches/{journey['batch']['id']}/report", headers=tenant.auth)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    assert len(book.sheetnames) >= 15
    sheet = book["Transactions"]
    data_rows = [r for r in sheet.iter_rows(values_only=True) if isinstance(r[0], datetime)]
    assert len(data_rows) == len(journey["truth"])


@pytest.mark.parametrize(
    ("fmt", "media"),
    [
        ("csv", "text/csv"),
        ("ofx", "application/x-ofx"),
        ("qbo", "application/vnd.intu.qbo"),
        ("qif", "application/qif"),
        ("camt053", "application/xml"),
    ],
)
async def test_every_export_downloads_with_the_batch_figures(
    client: httpx.AsyncClient, tenant: Tenant, journey: dict[str, Any], fmt: str, media: str
) -> None:
    url = f"/v1/batches/{journey['batch']['id']}/transactions?format={fmt}"
    response = await client.get(url, headers=tenant.auth)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    total = sum(Decimal(t["credit"] or 0) - Decimal(t["debit"] or 0) for t in journey["truth"])
    assert _net(fmt, response.content) == total


def _net(fmt: str, body: bytes) -> Decimal:
    """The signed sum of all amounts in an export, read the way an importer would."""
    text = body.decode("utf-8" if fmt != "qbo" else "cp1252")
    if fmt == "csv":
        return sum((Decimal(r["amount"]) for r in csv.DictReader(io.StringIO(text))), Decimal(0))
    if fmt in ("ofx", "qbo"):
        return sum(
            (Decimal(v.split("<")[0].strip()) for v in text.split("<TRNAMT>")[1:]), Decimal(0)
        )
    if fmt == "qif":
        return sum(
            (
                Decimal(line[1:])
                for line in text.splitlines()
                if line[:1] == "T" and line[1:2] in "-0123456789"
            ),
            Decimal(0),
        )
    ns = {"c": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"}
    total = Decimal(0)
    for entry in ElementTree.fromstring(body).iterfind(".//c:Ntry", ns):
        amount = Decimal(entry.findtext("c:Amt", namespaces=ns) or "0")
        total += amount if entry.findtext("c:CdtDbtInd", namespaces=ns) == "CRDT" else -amount
    return total
