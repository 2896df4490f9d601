"""A final batch status is final: the reporter's word decides only an open batch."""

from __future__ import annotations

import pytest

from cypheredge.gateway.domain.statuses import (
    FINAL_BATCH,
    OPEN_BATCH,
    BatchStatus,
    StatementStatus,
    settle,
    unfinished,
)

OUTCOMES = [BatchStatus.COMPLETED, BatchStatus.PARTIALLY_FAILED, BatchStatus.FAILED]


@pytest.mark.parametrize("current", sorted(OPEN_BATCH))
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_outcome_decides_an_open_batch(current: BatchStatus, outcome: BatchStatus) -> None:
    assert settle(current, outcome) is outcome


@pytest.mark.parametrize("current", sorted(FINAL_BATCH))
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_a_final_batch_keeps_its_status(current: BatchStatus, outcome: BatchStatus) -> None:
    # e.g. failed at its deadline, then the reporter's late batch.completed
    assert settle(current, outcome) is current


def test_open_and_final_cover_every_batch_status() -> None:
    assert set(BatchStatus) == OPEN_BATCH | FINAL_BATCH
    assert not OPEN_BATCH & FINAL_BATCH


def test_a_deadline_fails_only_statements_still_waiting_for_a_stage() -> None:
    waiting = {s for s in StatementStatus if unfinished(s)}
    assert waiting == {
        StatementStatus.UPLOADED,
        StatementStatus.INGESTED,
        StatementStatus.QUEUED_FOR_OCR,
        StatementStatus.EXTRACTED,
    }
