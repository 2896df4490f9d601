"""Status rules of the batch projection.

Events arrive on different topics, so they can arrive out of order: a statement's status only
moves forward (by rank), and terminal failures stay terminal. ``queued_for_ocr`` (the text
extractor handed the statement to the OCR extractor) ranks between ``ingested`` and
``extracted``, so a hand-over that lands after the OCR extractor's outcome moves nothing.

A final batch status is final. That includes a batch the sweeper failed for exceeding its
deadline (error ``deadline_exceeded``; its unfinished statements fail with the same reason):
an event that arrives later (a re-driven ``statement.extracted``, even the reporter's
``batch.completed``) still lands its facts (counts, warnings, the report's links) but moves no
status, because a client may already have acted on the answer it was given.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class StatementStatus(StrEnum):
    UPLOADED = "uploaded"
    INGESTED = "ingested"
    QUEUED_FOR_OCR = "queued_for_ocr"
    EXTRACTED = "extracted"
    REPORTED = "reported"
    REJECTED = "rejected"
    FAILED = "failed"


class BatchStatus(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    PARTIALLY_FAILED = "partially_failed"


_RANK = {
    StatementStatus.UPLOADED: 0,
    StatementStatus.INGESTED: 1,
    StatementStatus.QUEUED_FOR_OCR: 2,
    StatementStatus.EXTRACTED: 3,
    StatementStatus.REPORTED: 4,
    StatementStatus.REJECTED: 5,
    StatementStatus.FAILED: 5,
}
FAILED_STATEMENT = frozenset({StatementStatus.REJECTED, StatementStatus.FAILED})
FINAL_BATCH = frozenset({BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.PARTIALLY_FAILED})
OPEN_BATCH = frozenset({BatchStatus.QUEUED, BatchStatus.PROCESSING})
DEADLINE_EXCEEDED = "deadline_exceeded"


def advances(current: StatementStatus, new: StatementStatus) -> bool:
    """Whether ``new`` may replace ``current`` (never backwards, never out of a failure)."""
    if current in FAILED_STATEMENT:
        return False
    return _RANK[new] > _RANK[current]


def derive_batch_status(current: BatchStatus, statements: Iterable[StatementStatus]) -> BatchStatus:
    """The batch status implied by its statements, before the reporter's final word.

    Completion needs the report, so it only comes from the reporter's outcome event; but when
    every statement failed there is nothing to report and the batch has failed.
    """
    if current in FINAL_BATCH:
        return current
    found = list(statements)
    if found and all(s in FAILED_STATEMENT for s in found):
        return BatchStatus.FAILED
    if any(s is not StatementStatus.UPLOADED for s in found):
        return BatchStatus.PROCESSING
    return current


def settle(current: BatchStatus, outcome: BatchStatus) -> BatchStatus:
    """The status after the reporter's final word: it decides an open batch, never a final one."""
    return current if current in FINAL_BATCH else outcome


def unfinished(status: StatementStatus) -> bool:
    """Whether a statement is still waiting for a stage (what a deadline failure fails)."""
    return status not in FAILED_STATEMENT and status is not StatementStatus.REPORTED
