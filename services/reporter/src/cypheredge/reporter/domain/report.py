"""One batch of extracted statements in, one ``BatchReport`` out.

Category precedence for a row: a matching org rule, then own-account transfer evidence (a
matched pair or a named own account), then the default rules, then "other".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from cypheredge.reporter.domain.categories import (
    Rule,
    categorise,
    direction_of,
    load_default_rule_set,
    match_rule,
)
from cypheredge.reporter.domain.counterparty import counterparty_of
from cypheredge.reporter.domain.dedupe import find_duplicates, find_gaps, periods_by_account
from cypheredge.reporter.domain.model import (
    AccountPeriod,
    BatchReport,
    Enriched,
    ReportParams,
    StatementDoc,
    Transaction,
)
from cypheredge.reporter.domain.recurring import find_recurring
from cypheredge.reporter.domain.transfers import find_transfers, transfer_legs
from cypheredge.reporter.domain.validation import validate


def build_report(
    batch_id: str,
    statements: Sequence[StatementDoc],
    params: ReportParams,
    org_rules: Sequence[Rule] = (),
    generated_at: datetime | None = None,
) -> BatchReport:
    by_account = periods_by_account(statements)
    duplicates: dict[str, str] = {}
    for periods in by_account.values():
        duplicates.update(find_duplicates(periods))
    breaks = validate(statements)
    rows = _ordered_rows(by_account)
    originals = [t for t in rows if t.id not in duplicates]
    transfers = find_transfers(originals, params.own_account_names)
    legs = transfer_legs(originals)
    # A copy printed by an overlapping statement is the same transfer as its original.
    transfers.update({c: transfers[o] for c, o in duplicates.items() if o in transfers})
    rule_set = load_default_rule_set()
    broken = {b.transaction_id for b in breaks if b.transaction_id}
    enriched = [
        Enriched(
            txn=txn,
            category=_category(txn, org_rules, rule_set.rules, transfers),
            counterparty=counterparty_of(txn.description),
            duplicate_of=duplicates.get(txn.id),
            flags=_flags(txn, params, duplicates, broken),
        )
        for txn in rows
    ]
    recurring = find_recurring(enriched)
    series_of = {tid: s.id for s in recurring for tid in s.transaction_ids}
    return BatchReport(
        batch_id=batch_id,
        generated_at=generated_at or datetime.now(UTC),
        params=params,
        statements=tuple(statements),
        transactions=tuple(replace(e, recurring_id=series_of.get(e.txn.id)) for e in enriched),
        breaks=breaks,
        gaps=tuple(g for _, periods in sorted(by_account.items()) for g in find_gaps(periods)),
        recurring=recurring,
        own_transfers={tid: legs.get(tid) for tid in transfers},
        versions={"rules": rule_set.version},
    )


def _ordered_rows(by_account: Mapping[str, Sequence[AccountPeriod]]) -> list[Transaction]:
    """By account, date, the statement's place in its account's period order, row index."""
    rank = {
        (p.statement_id, p.account): at
        for periods in by_account.values()
        for at, p in enumerate(periods)
    }
    rows = [t for periods in by_account.values() for p in periods for t in p.transactions]
    return sorted(
        rows, key=lambda t: (t.account, t.date, rank[(t.statement_id, t.account)], t.index)
    )


def _category(
    txn: Transaction,
    org_rules: Sequence[Rule],
    default_rules: Sequence[Rule],
    transfers: Mapping[str, str],
) -> str:
    direction = direction_of(txn)
    org = match_rule(txn.description, direction, org_rules)
    if org is not None:
        return org.category
    if txn.id in transfers:
        return transfers[txn.id]
    return categorise(txn.description, direction, (), default_rules)


def _flags(
    txn: Transaction,
    params: ReportParams,
    duplicates: Mapping[str, str],
    broken: set[str],
) -> tuple[str, ...]:
    checks = (
        ("duplicate", txn.id in duplicates),
        ("balance_break", txn.id in broken),
        ("low_confidence", txn.confidence < params.low_confidence_threshold),
        ("large", abs(txn.amount) >= params.large_transaction_threshold),
    )
    return tuple(name for name, hit in checks if hit)
