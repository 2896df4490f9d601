"""The batch report (workbook) and transaction exports, read from object storage.

The gateway serves artefacts by the keys its projection learned from ``report.ready``; it
never reads the reporter's tables. A page of the JSON export reads the export's index and that
page's rows only (``service/transactions.py``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, RedirectResponse, Response

from cypheredge.contracts.artefacts import EXPORT_FORMATS, WORKBOOK_MEDIA_TYPE, UnknownCursor
from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.openapi import AUTHENTICATED, HEADERS, problems, success
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.api.schemas import TransactionPage
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.service import queries
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.transactions import transaction_page
from cypheredge.kit.storage import ObjectNotFound

router = APIRouter(prefix="/v1/batches", tags=["reports"])
ExportFormat = Literal["json", "csv", "ofx", "qbo", "qif", "camt053"]
_BINARY = {"schema": {"type": "string", "format": "binary"}}
REDIRECT: dict[int | str, dict[str, Any]] = {
    307: {
        "description": "Download from object storage (a presigned URL, when it has them)",
        "headers": {**HEADERS, "Location": {"schema": {"type": "string"}, "required": True}},
    }
}
# Where the artefact is not ready (409), gone from storage (410) or the batch unknown (404).
ARTEFACT_PROBLEMS = problems(*AUTHENTICATED, 404, 409, 410)


@router.get(
    "/{batch_id}/report",
    name="getBatchReport",
    operation_id="getBatchReport",
    summary="The batch workbook (xlsx)",
    response_class=Response,
    responses={
        **success(200, "The workbook", content={WORKBOOK_MEDIA_TYPE: _BINARY}),
        **REDIRECT,
        **ARTEFACT_PROBLEMS,
    },
)
async def get_report(
    batch_id: UUID,
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("reports:read"))],
) -> Response:
    report_key, _ = await _artefacts(app, principal.org_id, batch_id)
    if report_key is None:
        raise _not_ready(batch_id)
    return await _download(app, report_key, WORKBOOK_MEDIA_TYPE, f"batch-{batch_id}.xlsx")


@router.get(
    "/{batch_id}/transactions",
    name="getBatchTransactions",
    operation_id="getBatchTransactions",
    summary="Transactions of the batch, in a format",
    response_class=Response,
    responses={
        **success(
            200,
            "format=json: a page of transactions; otherwise the whole export file",
            content={
                "application/json": {"schema": {"$ref": "#/components/schemas/TransactionPage"}},
                **{media: _BINARY for name, (media, _) in EXPORT_FORMATS.items() if name != "json"},
            },
        ),
        **REDIRECT,
        **problems(*AUTHENTICATED, 400, 404, 409, 410),
    },
)
async def get_transactions(
    batch_id: UUID,
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("reports:read"))],
    format: ExportFormat = "json",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    starting_after: str | None = None,
) -> Response:
    _, exports = await _artefacts(app, principal.org_id, batch_id)
    key = exports.get(format)
    if key is None:
        raise _not_ready(batch_id)
    media_type, extension = EXPORT_FORMATS[format]
    if format != "json":
        return await _download(app, key, media_type, f"batch-{batch_id}.{extension}")
    try:
        page = TransactionPage.model_validate(
            await transaction_page(app.storage, key, limit, starting_after)
        )
    except ObjectNotFound:
        raise _gone() from None
    except UnknownCursor:
        raise Problem(
            400,
            "Invalid cursor",
            f"No transaction {starting_after}.",
            code="invalid_cursor",
            field="starting_after",
        ) from None
    return JSONResponse(page.model_dump(mode="json"))


async def _artefacts(
    app: Container, org_id: UUID, batch_id: UUID
) -> tuple[str | None, dict[str, str]]:
    found = await queries.artefacts(app.db, org_id, batch_id)
    if found is None:
        raise Problem(404, "Not Found", f"No batch {batch_id}.")
    return found


def _not_ready(batch_id: UUID) -> Problem:
    return Problem(
        409,
        "Report not ready",
        f"Batch {batch_id} has no report yet; poll GET /v1/batches/{batch_id} for its status.",
        code="report_not_ready",
        headers={"Retry-After": "5"},
    )


async def _read(app: Container, key: str) -> bytes:
    try:
        return await app.storage.get(key)
    except ObjectNotFound:
        raise _gone() from None


def _gone() -> Problem:
    return Problem(410, "Gone", "The artefact is no longer in storage.", code="artefact_gone")


async def _download(app: Container, key: str, media_type: str, filename: str) -> Response:
    ttl = timedelta(seconds=app.settings.report_url_ttl_seconds)
    url = await app.storage.presigned_get(key, ttl)
    if url is not None:
        return RedirectResponse(url, status_code=307)
    return Response(
        await _read(app, key),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
