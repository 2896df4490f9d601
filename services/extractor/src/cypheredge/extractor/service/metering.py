"""What one extracted statement is billed for: its pages read (and how many by OCR), and itself.

Pages nothing could read (method ``none``, flagged) are not counted: a customer pays for what
was extracted. Usage ids derive from the statement, so a re-extraction (redelivery, re-drive)
meters the same usage once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid5

from cypheredge.contracts.events.billing import UsageRecorded
from cypheredge.contracts.extraction import ExtractionDocument

UNREAD = "none"
OCR_PREFIX = "ocr"


def usage_of(
    batch_id: UUID, statement_id: UUID, document: ExtractionDocument
) -> list[UsageRecorded]:
    """The usage events of one statement's successful extraction."""
    read = [page for page in document.pages if page.method != UNREAD]
    now = datetime.now(UTC)
    return [
        UsageRecorded(
            usage_id=uuid5(statement_id, "pages_processed"),
            metric="pages_processed",
            quantity=len(read),
            ocr_pages=sum(1 for page in read if page.method.startswith(OCR_PREFIX)),
            batch_id=batch_id,
            statement_id=statement_id,
            occurred_at=now,
        ),
        UsageRecorded(
            usage_id=uuid5(statement_id, "statements_processed"),
            metric="statements_processed",
            quantity=1,
            batch_id=batch_id,
            statement_id=statement_id,
            occurred_at=now,
        ),
    ]
