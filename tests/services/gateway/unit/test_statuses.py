"""Projection status rules: statements only move forward, batches follow their statements."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cypheredge.gateway.domain.statuses import (
    BatchStatus,
    StatementStatus,
    advances,
    derive_batch_status,
)

S = StatementStatus
B = BatchStatus
PROGRESS = [S.UPLOADED, S.INGESTED, S.QUEUED_FOR_OCR, S.EXTRACTED, S.REPORTED]
FAILURES = [S.REJECTED, S.FAILED]
ORDER = [*PROGRESS, *FAILURES]
FINAL_BATCH = [B.COMPLETED, B.FAILED, B.PARTIALLY_FAILED]


def apply(events: list[StatementStatus]) -> StatementStatus:
    state = S.UPLOADED
    for event in events:
        if advances(state, event):
            state = event
    return state


@pytest.mark.parametrize(("earlier", "later"), list(itertools.combinations(PROGRESS, 2)))
def test_progress_advances_forward_only(earlier: StatementStatus, later: StatementStatus) -> None:
    assert advances(earlier, later)
    assert not advances(later, earlier)


def test_ocr_sits_between_ingestion_and_extraction() -> None:
    assert advances(S.INGESTED, S.QUEUED_FOR_OCR)
    assert advances(S.QUEUED_FOR_OCR, S.EXTRACTED)
    # The hand-over and the OCR extractor's outcome travel on different topics: a hand-over
    # projected late (or re-driven) never takes an extracted statement back.
    assert not advances(S.EXTRACTED, S.QUEUED_FOR_OCR)
    assert not advances(S.REPORTED, S.QUEUED_FOR_OCR)
    # Ingestion's own event, overtaken by the hand-over, neither.
    assert not advances(S.QUEUED_FOR_OCR, S.INGESTED)


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failure_ends_a_statement_waiting_for_ocr_for_good(failure: StatementStatus) -> None:
    assert advances(S.QUEUED_FOR_OCR, failure)
    assert not advances(failure, S.QUEUED_FOR_OCR)


@pytest.mark.parametrize("status", ORDER)
def test_a_status_does_not_replace_itself(status: StatementStatus) -> None:
    assert not advances(status, status)


@pytest.mark.parametrize(("current", "failure"), list(itertools.product(PROGRESS, FAILURES)))
def test_a_failure_replaces_any_progress(
    current: StatementStatus, failure: StatementStatus
) -> None:
    assert advances(current, failure)


@pytest.mark.parametrize(("current", "new"), list(itertools.product(FAILURES, ORDER)))
def test_nothing_leaves_a_failure(current: StatementStatus, new: StatementStatus) -> None:
    assert not advances(current, new)


@settings(database=None)
@given(st.data())
def test_any_event_order_ends_where_rank_order_ends(data: st.DataObject) -> None:
    progress = data.draw(st.lists(st.sampled_from(PROGRESS), max_size=8))
    failure = data.draw(st.sampled_from([None, *FAILURES]))
    events = progress + ([failure] if failure is not None else [])
    shuffled = data.draw(st.permutations(events))
    expected = apply(sorted(events, key=ORDER.index))
    assert apply(shuffled) == expected
    if failure is not None:
        assert expected is failure
    else:
        assert expected is max(progress, key=PROGRESS.index, default=S.UPLOADED)


@pytest.mark.parametrize("current", [B.QUEUED, B.PROCESSING])
def test_all_statements_failed_fails_the_batch(current: BatchStatus) -> None:
    assert derive_batch_status(current, [S.REJECTED, S.FAILED, S.REJECTED]) is B.FAILED


@pytest.mark.parametrize(
    "statements",
    [
        [S.INGESTED],
        [S.UPLOADED, S.INGESTED],
        [S.UPLOADED, S.QUEUED_FOR_OCR],
        [S.QUEUED_FOR_OCR, S.QUEUED_FOR_OCR],
        [S.UPLOADED, S.REJECTED],
        [S.REJECTED, S.EXTRACTED],
        [S.REPORTED, S.REPORTED],
    ],
)
def test_any_progress_makes_the_batch_processing(statements: list[StatementStatus]) -> None:
    assert derive_batch_status(B.QUEUED, statements) is B.PROCESSING
    assert derive_batch_status(B.PROCESSING, statements) is B.PROCESSING


@pytest.mark.parametrize("current", [B.QUEUED, B.PROCESSING])
def test_a_batch_waiting_for_ocr_is_still_in_progress(current: BatchStatus) -> None:
    # Neither final nor failed: only the reporter's outcome (or every statement failing) ends it.
    assert derive_batch_status(current, [S.QUEUED_FOR_OCR, S.FAILED]) is B.PROCESSING


def test_all_uploaded_keeps_the_batch_queued() -> None:
    assert derive_batch_status(B.QUEUED, [S.UPLOADED, S.UPLOADED]) is B.QUEUED


@pytest.mark.parametrize("current", list(BatchStatus))
def test_no_statements_keeps_the_current_status(current: BatchStatus) -> None:
    assert derive_batch_status(current, []) is current


@pytest.mark.parametrize(
    ("current", "statements"),
    list(
        itertools.product(
            FINAL_BATCH, [[S.UPLOADED], [S.INGESTED], [S.QUEUED_FOR_OCR], [S.FAILED], [S.REPORTED]]
        )
    ),
)
def test_final_batch_statuses_stick(
    current: BatchStatus, statements: list[StatementStatus]
) -> None:
    assert derive_batch_status(current, statements) is current


def test_statements_may_be_a_one_shot_iterable() -> None:
    assert derive_batch_status(B.QUEUED, (s for s in [S.FAILED, S.REJECTED])) is B.FAILED
    assert derive_batch_status(B.QUEUED, (s for s in [S.UPLOADED, S.INGESTED])) is B.PROCESSING
