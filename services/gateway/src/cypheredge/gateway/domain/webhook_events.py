"""What a customer's webhook says about a platform event: ids, status, counts, links.

Payloads carry what a client needs to act (fetch the batch, the report) and nothing of the
statements' contents: no transactions, balances or storage keys. The shape is Standard
Webhooks' ``{type, timestamp, data}``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from cypheredge.contracts import Event
from cypheredge.contracts.events.batch import BatchCompleted, BatchFailed, StatementOutcome
from cypheredge.contracts.events.report import ReportReady
from cypheredge.contracts.events.statement import StatementExtracted, StatementRejected
from cypheredge.gateway.domain.webhooks import EventType


@dataclass(frozen=True)
class Notification:
    """One webhook event: its type, the aggregate it is about, and the ``data`` object."""

    type: EventType | str
    subject: UUID
    data: dict[str, Any]

    def body(self, timestamp: datetime) -> dict[str, Any]:
        return {"type": self.type, "timestamp": timestamp.isoformat(), "data": self.data}


def notification(event: Event) -> Notification | None:
    """The webhook event of a platform event, or None when customers are not told of it."""
    match event:
        case BatchCompleted():
            return _batch(event.status, event.batch_id, event.statements, None)
        case BatchFailed():
            return _batch("failed", event.batch_id, event.statements, event.reason)
        case StatementRejected():
            return Notification("statement.rejected", event.statement_id, _rejected(event))
        case StatementExtracted():
            return Notification("statement.extracted", event.statement_id, _extracted(event))
        case ReportReady():
            return Notification("report.ready", event.batch_id, _report(event))
    return None


def _batch(
    status: str, batch_id: UUID, outcomes: tuple[StatementOutcome, ...], reason: str | None
) -> Notification:
    counts = Counter(o.status for o in outcomes)
    data: dict[str, Any] = {
        "batch_id": str(batch_id),
        "status": status,
        "counts": {
            "statements": len(outcomes),
            "reported": counts["reported"],
            "rejected": counts["rejected"],
            "failed": counts["failed"],
        },
        "statements": [
            {"statement_id": str(o.statement_id), "status": o.status, "error": o.error}
            for o in outcomes
        ],
        "links": _batch_links(batch_id, report=status != "failed"),
    }
    if reason is not None:
        data["reason"] = reason
    return Notification(f"batch.{status}", batch_id, data)


def _rejected(event: StatementRejected) -> dict[str, Any]:
    return {
        "batch_id": str(event.batch_id),
        "statement_id": str(event.statement_id),
        "filename": event.filename,
        "status": "rejected",
        "code": event.code,
        "reason": event.reason,
        "links": _batch_links(event.batch_id, report=False),
    }


def _extracted(event: StatementExtracted) -> dict[str, Any]:
    return {
        "batch_id": str(event.batch_id),
        "statement_id": str(event.statement_id),
        "status": "extracted",
        "counts": {
            "transactions": event.transactions,
            "accounts": event.accounts,
            "pages": len(event.pages),
        },
        "reconciled": event.reconciled,
        "currency": event.currency,
        "period_start": event.period_start.isoformat() if event.period_start else None,
        "period_end": event.period_end.isoformat() if event.period_end else None,
        "warnings": sorted({w.code for w in event.warnings}),
        "links": _batch_links(event.batch_id, report=False),
    }


def _report(event: ReportReady) -> dict[str, Any]:
    return {
        "batch_id": str(event.batch_id),
        "report_id": str(event.report_id),
        "status": "ready",
        "summary": event.summary.model_dump(mode="json"),
        "formats": sorted(event.exports),
        "links": _batch_links(event.batch_id, report=True),
    }


def _batch_links(batch_id: UUID, *, report: bool) -> dict[str, str]:
    batch = f"/v1/batches/{batch_id}"
    links = {"batch": batch}
    if report:
        links |= {"report": f"{batch}/report", "transactions": f"{batch}/transactions"}
    return links


def ping_notification(endpoint_id: UUID, subject: UUID) -> Notification:
    """What POST /v1/webhook_endpoints/{id}/test sends."""
    return Notification(
        "webhook.test", subject, {"endpoint_id": str(endpoint_id), "message": "test event"}
    )
