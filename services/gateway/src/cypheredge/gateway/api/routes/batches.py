"""/v1/batches: upload, inspect and list batches."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from cypheredge.gateway.api.deps import ContainerDep, require
from cypheredge.gateway.api.openapi import AUTHENTICATED, HEADERS, PREFER_WAIT, problems, success
from cypheredge.gateway.api.problems import Problem, from_refusal
from cypheredge.gateway.api.schemas import Batch, BatchCreated, BatchPage
from cypheredge.gateway.api.uploads import receive_upload
from cypheredge.gateway.domain.preferences import wait_preference
from cypheredge.gateway.domain.principals import Principal
from cypheredge.gateway.domain.submission import UploadLimits, parse_json_object, parse_passwords
from cypheredge.gateway.service import queries
from cypheredge.gateway.service.container import Container
from cypheredge.gateway.service.entitlements import entitlement
from cypheredge.gateway.service.submit import IdempotencyConflict, already_answered, submit_batch
from cypheredge.gateway.service.waiting import watch_batch

router = APIRouter(prefix="/v1/batches", tags=["batches"])

# The body is read by our streaming reader (limits enforced as it arrives), not by FastAPI,
# so the form is declared here for the document.
UPLOAD_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["files"],
                "properties": {
                    "files": {
                        "type": "array",
                        "minItems": 1,
                        "items": {"type": "string", "format": "binary"},
                        "description": "One or more PDF files (limits: GATEWAY_MAX_FILES, "
                        "GATEWAY_MAX_FILE_BYTES, GATEWAY_MAX_TOTAL_BYTES, each lowered to the "
                        "org's plan's max_files_per_batch and max_file_bytes)",
                    },
                    "passwords": {
                        "type": "string",
                        "description": "JSON object: file name -> password",
                    },
                    "params": {
                        "type": "string",
                        "description": "JSON object of processing parameters",
                    },
                },
            }
        }
    },
}


@router.post(
    "",
    status_code=202,
    name="createBatch",
    operation_id="createBatch",
    summary="Upload a batch of statement PDFs",
    description="Refused with 402 before the body is read when the org's plan or subscription "
    "does not allow an upload now: `quota_exceeded` (a plan capped at its included pages used "
    "them this period), `payment_past_due` (past due beyond the plan's grace days), "
    "`subscription_inactive` (canceled, unpaid or incomplete_expired).",
    response_model=BatchCreated,
    responses={
        **success(202, "Accepted: the batch is queued"),
        **problems(*AUTHENTICATED, 400, 402, 409, 413, 415),
    },
    openapi_extra={"requestBody": UPLOAD_BODY},
)
async def create_batch(
    request: Request,
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("batches:write"))],
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> JSONResponse:
    limits = await _upload_limits(app, principal.org_id, idempotency_key)
    async with receive_upload(request, limits, app.settings.spool_dir) as upload:
        names = [f.filename for f in upload.files]
        try:
            status, body = await submit_batch(
                app,
                org_id=principal.org_id,
                files=list(upload.files),
                passwords=parse_passwords(upload.fields.get("passwords"), names),
                params=parse_json_object(upload.fields.get("params"), "params"),
                idempotency_key=idempotency_key,
                limits=limits,
            )
        except IdempotencyConflict as exc:
            raise _conflict(exc) from None
    return JSONResponse(body, status_code=status)


async def _upload_limits(app: Container, org_id: UUID, idempotency_key: str | None) -> UploadLimits:
    """The org's upload limits, or 402 when it may not upload now: checked before the body is
    read, so a refused upload stores nothing. A retry of an answered request still replays."""
    allowed = await entitlement(app.db, org_id, datetime.now(UTC))
    if allowed.refusal is not None and not await already_answered(app, org_id, idempotency_key):
        raise from_refusal(allowed.refusal)
    return allowed.upload_limits(app.limits)


def _conflict(exc: IdempotencyConflict) -> Problem:
    if exc.outcome == "mismatch":
        return Problem(
            422,
            "Idempotency key reused",
            "This Idempotency-Key was used with a different request.",
            code="idempotency_key_reused",
            field="Idempotency-Key",
        )
    return Problem(
        409,
        "Request in progress",
        "A request with this Idempotency-Key is still being processed; retry later.",
        code="request_in_progress",
        headers={"Retry-After": "1"},
    )


@router.get(
    "/{batch_id}",
    name="getBatch",
    operation_id="getBatch",
    summary="A batch with its statements",
    description="With `Prefer: wait=<seconds>` (RFC 7240) a batch that is not final is "
    "answered when it or one of its statements changes, or when the wait runs out (capped at "
    "GATEWAY_LONG_POLL_MAX_SECONDS), instead of at once: follow a batch without polling. A "
    "`wait` that is not a whole number of seconds is ignored.",
    response_model=Batch,
    responses={
        **success(200, "The batch", headers={**HEADERS, **PREFER_WAIT}),
        **problems(*AUTHENTICATED, 404),
    },
)
async def get_batch(
    batch_id: UUID,
    response: Response,
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("batches:read"))],
    prefer: Annotated[
        list[str] | None,
        Header(
            description="`wait=<seconds>`: answer once the batch changes, waiting at most that long"
        ),
    ] = None,
) -> dict[str, Any]:
    wait = wait_preference(prefer or (), app.settings.long_poll_max_seconds)
    response.headers["Vary"] = "Prefer"
    if wait is None:
        view = await queries.get_batch(app.db, principal.org_id, batch_id)
    else:
        view = await watch_batch(app.db, app.batch_changes, principal.org_id, batch_id, wait)
    if view is None:
        raise Problem(404, "Not Found", f"No batch {batch_id}.")
    if wait is not None:
        response.headers["Preference-Applied"] = f"wait={wait}"
    return view


@router.get(
    "",
    name="listBatches",
    operation_id="listBatches",
    summary="Batches of the org, newest first",
    response_model=BatchPage,
    responses={**success(200, "A page of batches"), **problems(*AUTHENTICATED, 400)},
)
async def list_batches(
    app: ContainerDep,
    principal: Annotated[Principal, Depends(require("batches:read"))],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    starting_after: UUID | None = None,
) -> dict[str, Any]:
    try:
        return await queries.list_batches(
            app.db, principal.org_id, limit=limit, starting_after=starting_after
        )
    except LookupError:
        raise Problem(
            400,
            "Invalid cursor",
            f"No batch {starting_after} to start after.",
            code="invalid_cursor",
            field="starting_after",
        ) from None
