"""What every sheet writer is handed: the report, the formats, and facts derived once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, TypeVar

from cypheredge.reporter.domain.model import AccountPeriod, BatchReport, Enriched, StatementDoc
from cypheredge.reporter.workbook.cells import Formats

T = TypeVar("T")

# Row flags as the reporter names them (``Enriched.flags``); the workbook also checks these
# itself, so a report built without them still shows them.
DUPLICATE = "duplicate"
LOW_CONFIDENCE = "low_confidence"
LARGE = "large"


def month_of(day: date) -> date:
    return day.replace(day=1)


class Derived:
    """Facts several sheets need, each computed on first use (never a copy of every row)."""

    def __init__(self, report: BatchReport) -> None:
        self.report = report
        self._memo: dict[Callable[[Derived], Any], Any] = {}

    def memo(self, compute: Callable[[Derived], T]) -> T:
        """``compute(self)``, computed once however many sheets ask."""
        if compute not in self._memo:
            self._memo[compute] = compute(self)
        result: T = self._memo[compute]
        return result

    def unique(self) -> Iterator[Enriched]:
        """Every row but the copies an overlapping statement repeated (``duplicate_of``)."""
        return (e for e in self.report.transactions if e.duplicate_of is None)

    @cached_property
    def periods(self) -> dict[str, list[AccountPeriod]]:
        """Each account's statement sections, in date order."""
        out: dict[str, list[AccountPeriod]] = defaultdict(list)
        for doc in self.report.statements:
            for period in doc.accounts:
                out[period.account].append(period)
        for periods in out.values():
            periods.sort(key=_period_start)
        return dict(out)

    @cached_property
    def accounts(self) -> list[str]:
        """Accounts with a statement section or a row, in first-seen order."""
        seen = dict.fromkeys(self.periods)
        seen.update(dict.fromkeys(e.txn.account for e in self.report.transactions))
        return list(seen)

    @cached_property
    def currency(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for account, periods in self.periods.items():
            found = next((p.currency for p in periods if p.currency), None)
            if found:
                out[account] = found
        return out

    def currency_of(self, e: Enriched) -> str:
        return e.txn.currency or self.currency.get(e.txn.account, "")

    @cached_property
    def statement_by_id(self) -> dict[str, StatementDoc]:
        return {doc.statement_id: doc for doc in self.report.statements}

    @cached_property
    def breaks_by_statement(self) -> Counter[str]:
        return Counter(b.statement_id for b in self.report.breaks)

    @cached_property
    def breaks_by_account(self) -> Counter[str]:
        return Counter(b.account for b in self.report.breaks)

    @cached_property
    def cadence(self) -> dict[str, str]:
        """Recurring series id -> cadence."""
        return {s.id: s.cadence for s in self.report.recurring}

    @cached_property
    def months_covered(self) -> int:
        """Distinct calendar months with at least one row (for monthly averages)."""
        return len({month_of(e.txn.date) for e in self.unique()})

    def is_large(self, e: Enriched) -> bool:
        return abs(e.txn.amount) >= self.report.params.large_transaction_threshold

    def is_low_confidence(self, e: Enriched) -> bool:
        return e.txn.confidence < self.report.params.low_confidence_threshold


def _period_start(period: AccountPeriod) -> date:
    if period.period_start:
        return period.period_start
    if period.transactions:
        return period.transactions[0].date
    return period.period_end or date.min


@dataclass
class SheetContext:
    workbook: Any
    fmt: Formats
    report: BatchReport
    derived: Derived

    @property
    def threshold(self) -> Decimal:
        return self.report.params.large_transaction_threshold
