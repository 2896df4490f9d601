"""/v1/batches: upload, inspect and list batches."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, File, Form, Header, Query, UploadFile
from fastapi.responses import JSONResponse

from cypheredge.gateway.api.deps import ContainerDep, PrincipalDep, require_scope
from cypheredge.gateway.api.problems import Problem
from cypheredge.gateway.domain.submission import (
    SubmissionError,
    UploadedFile,
    parse_json_object,
    parse_passwords,
)
from cypheredge.gateway.service import queries
from cypheredge.gateway.service.submit import IdempotencyConflict, submit_batch

router = APIRouter(prefix="/v1/batches", tags=["batches"])


@router.post("", status_code=202, summary="Upload a batch of statement PDFs")
async def create_batch(
    app: ContainerDep,
    principal: PrincipalDep,
    files: Annotated[list[UploadFile], File(description="One or more PDF files")],
    passwords: Annotated[str | None, Form(description="JSON object: filename -> password")] = None,
    params: Annotated[str | None, Form(description="JSON object of processing parameters")] = None,
    idempotency_key: Annotated[str | None, Header(max_length=255)] = None,
) -> JSONResponse:
    require_scope(principal, "batches:write")
    uploads = [await _read(app.settings.max_file_bytes, f) for f in files]
    try:
        status, body = await submit_batch(
            app,
            org_id=principal.org_id,
            files=uploads,
            passwords=parse_passwords(passwords, [u.filename for u in uploads]),
            params=parse_json_object(params, "params"),
            idempotency_key=idempotency_key,
        )
    except SubmissionError as exc:
        raise Problem(exc.status, exc.title, exc.detail) from None
    except IdempotencyConflict as exc:
        if exc.outcome == "mismatch":
            raise Problem(
                422,
                "Idempotency key reused",
                "This Idempotency-Key was used with a different request.",
            ) from None
        raise Problem(
            409,
            "Request in progress",
            "A request with this Idempotency-Key is still being processed; retry later.",
            headers={"Retry-After": "1"},
        ) from None
    return JSONResponse(body, status_code=status)


async def _read(limit: int, upload: UploadFile) -> UploadedFile:
    # Read one byte past the limit: enough to know it is too large without buffering more.
    data = await upload.read(limit + 1)
    return UploadedFile(filename=upload.filename or "", data=data)


@router.get("/{batch_id}", summary="A batch with its statements")
async def get_batch(batch_id: UUID, app: ContainerDep, principal: PrincipalDep) -> dict[str, Any]:
    require_scope(principal, "batches:read")
    view = await queries.get_batch(app.db, principal.org_id, batch_id)
    if view is None:
        raise Problem(404, "Not Found", f"No batch {batch_id}.")
    return view


@router.get("", summary="Batches of the org, newest first")
async def list_batches(
    app: ContainerDep,
    principal: PrincipalDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    starting_after: UUID | None = None,
) -> dict[str, Any]:
    require_scope(principal, "batches:read")
    try:
        return await queries.list_batches(
            app.db, principal.org_id, limit=limit, starting_after=starting_after
        )
    except LookupError:
        raise Problem(400, "Invalid cursor", f"No batch {starting_after} to start after.") from None
