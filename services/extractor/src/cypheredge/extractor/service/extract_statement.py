"""Use case: extract one ingested statement.

The transaction list goes to object storage (claim check); the event carries its key, counts,
checksum and per-page methods. A cascade error is an outcome (extraction failed), while
storage or database errors propagate so the runner retries. The file read from storage must
match the hash its event carried; a mismatch is a failed extraction (stage ``download``),
never a crash.

A statement with pages only OCR can read is not read here when the OCR extractor runs apart
(``queue_scans``): it is handed on whole, on its own topic, so text statements never wait
behind scans. The hand-over is this consumer's effect, written with its inbox row.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from cypheredge.contracts import Envelope, Event
from cypheredge.contracts.catalogue import EXTRACTOR
from cypheredge.contracts.events.statement import (
    PageMethod,
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
)
from cypheredge.contracts.extraction import ExtractionDocument
from cypheredge.extractor.infra import repository as repo
from cypheredge.extractor.service.artefact import NO_TEXT_LAYER, event_warnings
from cypheredge.extractor.service.metering import usage_of
from cypheredge.extractor.service.metrics import (
    FailureReason,
    count_failure,
    count_pages,
    count_statement,
    observe_ocr,
)
from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.kit.checksums import ChecksumMismatch, read_verified, sha256_hex
from cypheredge.kit.db import Database
from cypheredge.kit.inbox import Inbox
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.storage import ObjectStorage
from cypheredge.pdf import PdfRejected, PdfTaskFailed

log = logging.getLogger(__name__)
CONSUMER = EXTRACTOR.group_id
FailureStage = Literal["download", "parse", "extract", "store"]
UNVERIFIABLE = "the ingested event carries no checksum of the file, so it cannot be verified"


class StatementExtractor:
    """Extracts ingested statements as consumer ``consumer`` (its inbox name).

    ``queue_scans``: statements with pages only OCR can read go to the OCR extractor (the
    runner then runs no OCR engine); otherwise the runner's engine reads them here, or, with
    none, such pages are flagged and a file without any text is refused.
    """

    def __init__(
        self,
        *,
        db: Database,
        storage: ObjectStorage,
        outbox: Outbox,
        inbox: Inbox,
        runner: CascadeRunner,
        consumer: str = CONSUMER,
        queue_scans: bool = False,
    ) -> None:
        self._db = db
        self._storage = storage
        self._outbox = outbox
        self._inbox = inbox
        self._runner = runner
        self._consumer = consumer
        self._queue = queue_scans
        # With OCR somewhere (this runner's engine, or the OCR extractor) a file without a
        # text layer is extracted rather than refused.
        self._ocr = queue_scans or runner.ocr_engine != "none"

    async def handle(self, envelope: Envelope, event: StatementIngested) -> None:
        async with self._db.tenant(envelope.orgid) as session:
            if await self._inbox.applied(session, self._consumer, envelope):
                return  # skip the extraction; the inbox row written with the effect decides
        if self._queue and (unread := _without_text(event)):
            # Known from ingestion: no need to read the file here first.
            await self._queue_for_ocr(envelope, event, unread, "it has no text layer")
            return
        if not event.text_layer_pages and not self._ocr:
            # Nothing to read without OCR: say so rather than report an empty statement.
            await self._record_failure(envelope, event, NO_TEXT_LAYER, cause="no_text_layer")
            return
        if event.storage_sha256 is None:
            # An event from before the hash was carried: nothing to check the file against.
            await self._record_failure(
                envelope, event, UNVERIFIABLE, stage="download", cause="unverifiable"
            )
            return
        try:
            data = await read_verified(self._storage, event.storage_key, event.storage_sha256)
        except ChecksumMismatch as exc:
            log.error("statement %s: %s (%s)", event.statement_id, exc, exc.key)
            await self._record_failure(
                envelope, event, str(exc), stage="download", cause="checksum_mismatch"
            )
            return
        try:
            extraction = await self._runner.read(data, event.warnings)
        except PdfRejected as exc:  # the sandbox stopped it: too much memory, too slow, a crash
            log.warning("extraction of %s stopped: %s", event.statement_id, exc)
            reason = f"{type(exc).__name__}: {exc.reason}"
            await self._record_failure(envelope, event, reason, cause="sandbox")
            return
        except PdfTaskFailed as exc:  # the cascade raised, in its worker
            log.error("extraction of %s failed: %s", event.statement_id, exc.error)
            await self._record_failure(envelope, event, exc.error, cause="cascade")
            return
        observe_ocr(extraction.ocr_seconds)
        document = extraction.document
        if document.error is not None:
            await self._record_failure(envelope, event, document.error, cause="unreadable")
            return
        if self._queue and extraction.ocr_pages:
            pages = tuple(number for number, _ in extraction.ocr_pages)
            await self._queue_for_ocr(envelope, event, pages, extraction.ocr_pages[0][1])
            return
        await self._record_success(envelope, event, document)

    async def _queue_for_ocr(
        self, envelope: Envelope, event: StatementIngested, pages: tuple[int, ...], why: str
    ) -> None:
        listed = ", ".join(map(str, pages))
        queued = StatementQueuedForOcr(
            **event.model_dump(),
            ocr_pages=pages,
            reason=f"page{'s' if len(pages) > 1 else ''} {listed}: {why}",
        )
        log.info("statement %s queued for OCR: %s", event.statement_id, queued.reason)
        if await self._finish(envelope, event, None, queued):
            count_statement("queued_for_ocr")

    async def _record_success(
        self, envelope: Envelope, event: StatementIngested, document: ExtractionDocument
    ) -> None:
        artefact = document.encode()
        key = f"{envelope.orgid}/{event.batch_id}/extracted/{event.statement_id}.json"
        await self._storage.put(key, artefact, "application/json")
        pages = tuple(PageMethod(**p.model_dump()) for p in document.pages)
        summary = document.statement
        extracted = StatementExtracted(
            batch_id=event.batch_id,
            statement_id=event.statement_id,
            artefact_key=key,
            artefact_sha256=sha256_hex(artefact),
            transactions=len(document.transactions),
            accounts=len(document.accounts) or 1,
            reconciled=document.reconciled,
            pages=pages,
            currency=summary.currency,
            opening_balance=summary.opening_balance,
            closing_balance=summary.closing_balance,
            period_start=summary.period_start,
            period_end=summary.period_end,
            warnings=event_warnings(document),
        )
        usage = usage_of(event.batch_id, event.statement_id, document)
        row = {
            "status": "extracted",
            "artefact_key": key,
            "artefact_sha256": extracted.artefact_sha256,
            "transactions": extracted.transactions,
            "reconciled": extracted.reconciled,
            "pages": [p.model_dump(mode="json") for p in document.pages],
        }
        if await self._finish(envelope, event, row, extracted, *usage):
            count_statement("extracted")
            count_pages(document.pages)

    async def _record_failure(
        self,
        envelope: Envelope,
        event: StatementIngested,
        reason: str,
        stage: FailureStage = "extract",
        *,
        cause: FailureReason,
    ) -> None:
        failed = StatementExtractionFailed(
            batch_id=event.batch_id,
            statement_id=event.statement_id,
            reason=reason[:2000],
            stage=stage,
        )
        row = {"status": "failed", "reason": failed.reason}
        if await self._finish(envelope, event, row, failed):
            count_failure(stage, cause)

    async def _finish(
        self,
        envelope: Envelope,
        event: StatementIngested,
        row: dict[str, Any] | None,
        *events: Event,
    ) -> bool:
        """Record the outcome (``row``; None: a hand-over, the OCR extractor records it) with
        its events, in the transaction of the event's inbox row; False when a delivery before
        this one already had (nothing recorded)."""
        async with self._db.tenant(envelope.orgid) as session:
            if not await self._inbox.first_delivery(session, self._consumer, envelope):
                return False
            if row is not None:
                await repo.record(
                    session,
                    statement_id=event.statement_id,
                    org_id=envelope.orgid,
                    batch_id=event.batch_id,
                    **row,
                )
            for outgoing in events:
                await self._outbox.add(session, outgoing, org_id=envelope.orgid)
        return True


def _without_text(event: StatementIngested) -> tuple[int, ...]:
    """The pages ingestion found no text layer on."""
    text = set(event.text_layer_pages)
    return tuple(n for n in range(1, event.pages + 1) if n not in text)
