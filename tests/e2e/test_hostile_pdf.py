"""Hostile files uploaded over HTTP: processed but flagged, or refused as what they are.

ingest (the sandboxed survey) -> statement.ingested warnings -> extractor (document and
statement.extracted) -> gateway (GET /v1/batches/{id}) and reporter (workbook Flags sheet); a
decompression bomb -> statement.rejected with its reason, shown by both as well.
"""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
import openpyxl
import pikepdf
import pytest

from cetest.hostile import page_with_content
from cetest.polling import wait_for_batch
from cetest.tenants import Tenant
from cypheredge.contracts.notices import (
    PASSWORD_NOT_NEEDED,
    PDF_EMBEDDED_FILES,
    PDF_JAVASCRIPT,
    PDF_LAUNCH_ACTION,
)
from cypheredge.synth import generate

pytestmark = pytest.mark.integration
MIB = 1024 * 1024
Name, Dictionary, String = pikepdf.Name, pikepdf.Dictionary, pikepdf.String


def _final(batch: dict[str, Any]) -> bool:
    return batch["status"] in ("completed", "partially_failed", "failed")


def _armed(data: bytes) -> bytes:
    """The statement with a script on open, a Launch link and an attachment added."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.OpenAction = Dictionary(S=Name.JavaScript, JS=String("app.alert('pwned')"))
        launch = Dictionary(S=Name.Launch, F=String("calc.exe"))
        link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 9, 9], A=launch)
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(link)])
        pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ not a program")
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


async def test_hostile_files_are_flagged_or_refused_where_the_customer_looks(
    client: httpx.AsyncClient, tenant: Tenant
) -> None:
    armed, plain, intact = (generate(name, 12) for name in ("uk_ruled", "us_signed", "de_signed"))
    files = {
        "armed.pdf": _armed(armed.pdf),
        "plain.pdf": plain.pdf,
        "intact.pdf": intact.pdf,
        # 100 MiB of zeros behind 100 KiB: it fits in memory, so it used to be parsed as a
        # page without text and refused as "no text layer".
        "bomb.pdf": page_with_content(bytes(MIB), 100),
    }
    response = await client.post(
        "/v1/batches",
        headers=tenant.auth,
        files=[("files", (name, data, "application/pdf")) for name, data in files.items()],
        data={"passwords": json.dumps({"plain.pdf": "not-needed"})},
    )
    assert response.status_code == 202, response.text
    batch = await wait_for_batch(client, tenant, response.json()["id"], _final, within=120)

    assert batch["status"] == "partially_failed"
    by_name = {s["filename"]: s for s in batch["statements"]}
    hostile = by_name["armed.pdf"]
    assert hostile["status"] == "reported"
    assert [w["code"] for w in hostile["warnings"]] == [
        PDF_JAVASCRIPT,
        PDF_LAUNCH_ACTION,
        PDF_EMBEDDED_FILES,
    ]
    assert hostile["transactions"] == len(armed.truth["transactions"])
    assert [w["code"] for w in by_name["plain.pdf"]["warnings"]] == [PASSWORD_NOT_NEEDED]
    assert by_name["plain.pdf"]["status"] == "reported"
    assert by_name["intact.pdf"]["warnings"] == []
    bomb = by_name["bomb.pdf"]
    assert bomb["status"] == "rejected"
    assert "decompression bomb" in bomb["error"]
    assert "text layer" not in bomb["error"]

    workbook = await client.get(f"/v1/batches/{batch['id']}/report", headers=tenant.auth)
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True)
    flags = {(r[0], r[1]): r[6] for r in book["Flags"].iter_rows(values_only=True) if r[0]}
    assert "JavaScript" in str(flags[("JavaScript in file", "armed.pdf")])
    assert "Launch" in str(flags[("Launch action in file", "armed.pdf")])
    assert "attachments" in str(flags[("attachments in file", "armed.pdf")])
    assert "password" in str(flags[("password not needed", "plain.pdf")])
    assert "decompression bomb" in str(flags[("rejected statement", "bomb.pdf")])
    assert not [key for key in flags if key[1] == "intact.pdf"]
