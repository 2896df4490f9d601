"""Page readings -> one ExtractionResult: accounts, settled transactions, page reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cypheredge.extractor.domain.accounts import AccountRun, split_accounts
from cypheredge.extractor.domain.balance import apply, choose, reconciles, score
from cypheredge.extractor.domain.context import DocContext
from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.model import (
    AccountInfo,
    ExtractionResult,
    PageReport,
    StatementInfo,
    Transaction,
)
from cypheredge.extractor.domain.normalise import guess_directions, to_drafts
from cypheredge.extractor.domain.page import PageParse
from cypheredge.extractor.domain.rows import RowKind

FLAGGED = "none"  # the method of a page nothing could read


@dataclass(slots=True)
class Settled:
    info: AccountInfo
    drafts: list[Draft]
    reconciled: bool | None


def settle_account(run: AccountRun, ctx: DocContext) -> Settled:
    drafts = to_drafts(run.rows, ctx.years, ctx.card)
    opening = next((f.amount for f in run.facts if f.side > 0), None)
    closing = next((f.amount for f in reversed(run.facts) if f.side < 0), None)
    ordered, verdict = choose(drafts, opening)
    apply(ordered, verdict)
    guess_directions(drafts)
    with_balance = [d for d in ordered if d.balance is not None]
    if opening is None and ordered and ordered[0].balance is not None:
        opening = ordered[0].balance - ordered[0].net
    if closing is None and with_balance and with_balance[-1] is ordered[-1]:
        closing = with_balance[-1].balance
    reconciled = reconciles(drafts, opening, closing)
    score(drafts, reconciled)
    info = AccountInfo(run.hint, ctx.currency, opening, closing)
    return Settled(info, drafts, reconciled)


def assemble(pages: Sequence[PageParse], ctx: DocContext, flagged: set[int]) -> ExtractionResult:
    runs = split_accounts(pages, ctx)
    settled = [settle_account(run, ctx) for run in runs]
    known = [s for s in settled if s.drafts or s.info.account_hint or s.info.opening_balance]
    settled = known or settled[:1]
    drafts = sorted((d for s in settled for d in s.drafts), key=_reading_order)
    transactions = tuple(_transaction(d, ctx.currency) for d in drafts)
    reports = tuple(_report(p, transactions, p.number in flagged) for p in pages)
    first = settled[0].info
    statement = StatementInfo(first.opening_balance, first.closing_balance, ctx.currency,
                              ctx.years.start, ctx.years.end, first.account_hint)  # fmt: skip
    verdicts = [s.reconciled for s in settled if s.drafts]
    reconciled = None if not verdicts or None in verdicts else all(verdicts)
    accounts = tuple(s.info for s in settled if s is not settled[0] or known)
    return ExtractionResult(statement, accounts, transactions, reports, reconciled)


def _reading_order(d: Draft) -> tuple[int, float, float]:
    return (d.page, d.bbox[1], d.bbox[0])


def _transaction(d: Draft, currency: str | None) -> Transaction:
    debit = d.magnitude if d.sign < 0 else None
    credit = d.magnitude if d.sign > 0 else None
    return Transaction(d.date, d.description, debit, credit, d.balance, currency, d.account,
                       d.page, d.bbox, d.method, d.confidence)  # fmt: skip


def page_confidence(page: PageParse, confidences: Sequence[float]) -> float:
    """Mean row confidence, discounted by rows the page could not read."""
    unread = page.suspects + sum(1 for r in page.rows if r.kind is RowKind.INVALID)
    if not confidences:
        return 0.3 if unread >= 2 else 1.0
    mean = sum(confidences) / len(confidences)
    return round(mean * len(confidences) / (len(confidences) + unread), 3)


def _report(page: PageParse, transactions: Sequence[Transaction], flagged: bool) -> PageReport:
    if flagged:
        return PageReport(page.number, FLAGGED, 0, 0.0)
    mine = [t.confidence for t in transactions if t.page == page.number]
    return PageReport(page.number, page.method, len(mine), page_confidence(page, mine))
