"""Example instances of every event type, with fixed ids so generated documents are stable.

Used by the AsyncAPI document (message examples) and by contract tests (every example must
round-trip through the envelope and validate against its committed JSON schema). Each type's
first example fills every optional field; later ones exercise the ``None``/default cases.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

from cypheredge.contracts.base import Event
from cypheredge.contracts.envelope import Envelope
from cypheredge.contracts.events.batch import (
    BatchCompleted,
    BatchFailed,
    BatchRedriveRequested,
    BatchSubmitted,
    StatementOutcome,
    SubmittedStatement,
)
from cypheredge.contracts.events.billing import SubscriptionChanged, UsageRecorded
from cypheredge.contracts.events.report import ReportReady, ReportSummary
from cypheredge.contracts.events.statement import (
    PageMethod,
    StatementExtracted,
    StatementExtractionFailed,
    StatementIngested,
    StatementQueuedForOcr,
    StatementRejected,
)
from cypheredge.contracts.events.stripe import StripeEventReceived, StripeObjectSummary
from cypheredge.contracts.notices import repaired_pdf

EXAMPLE_ORG_ID = UUID("0a000000-0000-4000-8000-000000000001")
EXAMPLE_TIME = datetime(2025, 1, 31, 9, 30, tzinfo=UTC)
EXAMPLE_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

_BATCH = UUID("0b000000-0000-4000-8000-000000000001")
_STMT = UUID("05000000-0000-4000-8000-000000000001")
_STMT_2 = UUID("05000000-0000-4000-8000-000000000002")
_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
_RAW_KEY = f"orgs/{EXAMPLE_ORG_ID}/batches/{_BATCH}/raw/{_STMT}.pdf"

_PAGES = (
    PageMethod(number=1, method="geometric", rows=24, confidence=0.98),
    PageMethod(number=2, method="ocr", rows=17, confidence=0.81),
)
_OUTCOMES = (
    StatementOutcome(statement_id=_STMT, status="reported"),
    StatementOutcome(statement_id=_STMT_2, status="rejected", error="wrong_password"),
)

_INGESTED = StatementIngested(
    batch_id=_BATCH,
    statement_id=_STMT,
    filename="march.pdf",
    pages=2,
    text_layer_pages=(1,),
    storage_key=f"orgs/{EXAMPLE_ORG_ID}/statements/{_STMT}/decrypted.pdf",
    sha256=_SHA,
    storage_sha256="60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
    encrypted=True,
    duplicate_of=_STMT_2,
    warnings=(repaired_pdf(),),
)

EXAMPLES: tuple[Event, ...] = (
    BatchSubmitted(
        batch_id=_BATCH,
        statements=(
            SubmittedStatement(
                statement_id=_STMT,
                filename="march.pdf",
                storage_key=_RAW_KEY,
                size_bytes=182_344,
                sha256=_SHA,
                sealed_password="gAAAAAB-sealed-example",  # noqa: S106 (sealed, not a secret)
            ),
        ),
        params={"categorise": True, "exports": ["csv", "json"]},
    ),
    _INGESTED,
    StatementQueuedForOcr(
        **_INGESTED.model_dump(), ocr_pages=(2,), reason="page 2: it has no text layer"
    ),
    StatementRejected(
        batch_id=_BATCH,
        statement_id=_STMT_2,
        filename="april.pdf",
        code="wrong_password",
        reason="the supplied password does not open the file",
    ),
    StatementExtracted(
        batch_id=_BATCH,
        statement_id=_STMT,
        artefact_key=f"orgs/{EXAMPLE_ORG_ID}/statements/{_STMT}/extraction.json",
        artefact_sha256=_SHA,
        transactions=41,
        accounts=1,
        reconciled=True,
        pages=_PAGES,
        currency="GBP",
        opening_balance=Decimal("1204.50"),
        closing_balance=Decimal("987.12"),
        period_start=date(2025, 3, 1),
        period_end=date(2025, 3, 31),
        warnings=(repaired_pdf(),),
    ),
    StatementExtracted(
        batch_id=_BATCH,
        statement_id=_STMT_2,
        artefact_key=f"orgs/{EXAMPLE_ORG_ID}/statements/{_STMT_2}/extraction.json",
        artefact_sha256=_SHA,
        transactions=0,
        reconciled=None,
        pages=(),
    ),
    StatementExtractionFailed(
        batch_id=_BATCH, statement_id=_STMT, reason="no table found on any page", stage="extract"
    ),
    ReportReady(
        batch_id=_BATCH,
        report_id=UUID("0e000000-0000-4000-8000-000000000001"),
        workbook_key=f"orgs/{EXAMPLE_ORG_ID}/batches/{_BATCH}/report.xlsx",
        workbook_sha256=_SHA,
        exports={"csv": f"orgs/{EXAMPLE_ORG_ID}/batches/{_BATCH}/transactions.csv"},
        summary=ReportSummary(
            statements=2,
            statements_reported=1,
            transactions=41,
            reconciled_statements=1,
            flagged_rows=2,
        ),
    ),
    BatchCompleted(batch_id=_BATCH, status="partially_failed", statements=_OUTCOMES),
    BatchFailed(batch_id=_BATCH, reason="every statement was rejected", statements=_OUTCOMES),
    BatchFailed(batch_id=_BATCH, reason="batch expired before processing"),
    UsageRecorded(
        usage_id=UUID("0c000000-0000-4000-8000-000000000001"),
        metric="pages_processed",
        quantity=2,
        batch_id=_BATCH,
        occurred_at=EXAMPLE_TIME,
        ocr_pages=1,
    ),
    SubscriptionChanged(
        subscription_id=UUID("0d000000-0000-4000-8000-000000000001"),
        external_customer_id="cus_example",
        external_subscription_id="sub_example",
        status="active",
        plan="pro",
        status_since=EXAMPLE_TIME,
        revision=3,
    ),
    StripeEventReceived(
        stripe_event_id="evt_example",
        stripe_type="customer.subscription.updated",
        created=EXAMPLE_TIME,
        object=StripeObjectSummary(
            id="sub_example",
            object="subscription",
            customer="cus_example",
            status="past_due",
            price_lookup_keys=("cypheredge_pro_pages",),
            metadata={"org_id": "0a000000-0000-4000-8000-000000000001"},
        ),
    ),
    BatchRedriveRequested(batch_id=_BATCH, reason="stalled"),
)


def examples_of(event: type[Event]) -> tuple[Event, ...]:
    """The examples of one event type (empty when it has none)."""
    return tuple(example for example in EXAMPLES if type(example) is event)


def example_envelope(event: Event, *, source: str) -> Envelope:
    """``event`` wrapped as it would travel, with fixed id, time and trace context."""
    envelope = Envelope.wrap(
        event,
        org_id=EXAMPLE_ORG_ID,
        source=source,
        traceparent=EXAMPLE_TRACEPARENT,
        event_id=UUID("0f000000-0000-4000-8000-000000000001"),
    )
    return envelope.model_copy(update={"time": EXAMPLE_TIME})
