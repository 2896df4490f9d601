"""Page readings -> one ExtractionResult: accounts, settled transactions, page reports."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from cypheredge.extractor.domain.accounts import AccountRun, split_accounts
from cypheredge.extractor.domain.balance import Verdict, apply, choose, reconciles, score
from cypheredge.extractor.domain.context import DocContext
from cypheredge.extractor.domain.dates import NO_YEAR, YearContext
from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.lost_minuses import lost_minuses_reconcile
from cypheredge.extractor.domain.metadata import BalanceFact
from cypheredge.extractor.domain.misread_ends import ends_without_sign
from cypheredge.extractor.domain.misreads import OCR, mend, resolved
from cypheredge.extractor.domain.model import (
    AccountInfo,
    ChainBreak,
    ExtractionResult,
    Notice,
    PageReport,
    StatementInfo,
    Transaction,
)
from cypheredge.extractor.domain.normalise import guess_directions, to_drafts
from cypheredge.extractor.domain.page import PageParse
from cypheredge.extractor.domain.pagejoin import join_pages
from cypheredge.extractor.domain.relisting import MIN_ROWS, SecondView, second_view
from cypheredge.extractor.domain.rows import RowKind
from cypheredge.extractor.domain.wrapping import member_names

FLAGGED = "none"  # the method of a page nothing could read


@dataclass(slots=True)
class Settled:
    info: AccountInfo
    drafts: list[Draft]
    reconciled: bool | None
    perfect: bool = False  # no link of the chain broke and the ends reconcile


def settle_account(
    run: AccountRun, ctx: DocContext, members: frozenset[str] = frozenset()
) -> Settled:
    """Directions, balances and confidence for one account's transactions.

    A card statement prints what is owed: its balances run against the holder. Both readings
    are tried and the chain (then the statement totals) picks; the card wording only breaks
    ties."""
    years = ctx.years
    if run.period is not None and run.period != ctx.period:
        years = YearContext(run.period[0], run.period[1], years.fallback_year)
    drafts = to_drafts(run.rows, years, ctx.card, members)
    settled = _best_reading(drafts, run, ctx.card)
    if settled.reconciled is not True and (view := second_view(drafts)) is not None:
        once = _counted_once(view, run, ctx.card, settled)
        if once is not None:
            return once
    if settled.reconciled is False:
        return _without_trailer(drafts, run, ctx.card) or settled
    return settled


def _best_reading(drafts: list[Draft], run: AccountRun, card: bool) -> Settled:
    best: tuple[tuple[int, int], Settled] | None = None
    for owed in (-1, 1) if card else (1, -1):
        rank, settled = _settle(drafts, run, owed)
        if best is None or rank > best[0]:
            best = (rank, settled)
        if settled.perfect:
            break  # both readings have the same links: the other can only tie, and ties keep this
    assert best is not None
    return best[1]


def _counted_once(
    view: SecondView, run: AccountRun, card: bool, settled: Settled
) -> Settled | None:
    """The account without the rows a second view of its activity repeats, when the chain
    says so: it reconciles without them (or, with nothing to reconcile against, it did not
    with them either and they are enough rows to be no coincidence)."""
    once = _best_reading(view.kept, run, card)
    proven = once.reconciled is True
    unprovable = once.reconciled is None and settled.reconciled is None
    if not (proven or (unprovable and len(view.relisted) > MIN_ROWS)):
        return None
    pages = sorted({d.page for d in view.relisted})
    notice = Notice(
        "rows_relisted",
        f"{len(view.relisted)} rows on page{'s' if len(pages) > 1 else ''} "
        f"{', '.join(map(str, pages))} list again transactions already counted (a second "
        "view of the same activity): each is counted once",
        pages[0],
    )
    once.info = replace(once.info, warnings=(*once.info.warnings, notice))
    return once


def _without_trailer(drafts: list[Draft], run: AccountRun, card: bool) -> Settled | None:
    """A statement that adds up only without a trailing listing that starts over (rows from
    before the dates already listed, printed after them: a duplicate or a sample table): the
    balance chain decides that those rows are not part of it, and the account says so."""
    # Only where the listing so far runs in date order and the next row goes back in time.
    ordered = 1
    while ordered < len(drafts) and drafts[ordered - 1].date <= drafts[ordered].date:
        ordered += 1
    for cut in range(min(ordered, len(drafts) - 1), 0, -1):
        head, tail = drafts[:cut], drafts[cut:]
        if head[-1].date <= tail[0].date or len(tail) >= len(head):
            continue  # a listing newest first is no trailer: it is the whole statement
        settled = _best_reading(head, run, card)
        if settled.reconciled is True:
            notice = Notice(
                "rows_after_end",
                f"{len(tail)} rows printed after the statement's last transaction, listed again "
                f"from {tail[0].date.isoformat()}, were left out: without them it reconciles",
                tail[0].page,
            )
            settled.info = replace(settled.info, warnings=(*settled.info.warnings, notice))
            return settled
    return None


def _settle(drafts: list[Draft], run: AccountRun, owed: int) -> tuple[tuple[int, int], Settled]:
    mine = [d.copy() for d in drafts]
    _scale(mine, owed)
    facts = _statement_ends(run.facts)
    opening = next((f.amount * owed for f in facts if f.side > 0), None)
    closing = next(
        (f.amount * owed for f in reversed(facts) if f.side < 0 and not f.available), None
    )
    ordered, verdict = choose(mine, opening)
    mended = verdict.broke > 0 and mend(ordered, opening, verdict.signs)
    if resolved(mine) | mended:
        ordered, verdict = choose(mine, opening)
    apply(ordered, verdict)
    guess_directions(mine)
    with_balance = [d for d in ordered if d.balance is not None]
    if opening is None and ordered and ordered[0].balance is not None:
        opening = ordered[0].balance - ordered[0].net
    if closing is None and with_balance and with_balance[-1] is ordered[-1]:
        closing = with_balance[-1].balance
    if closing is None:
        closing = next((f.amount * owed for f in reversed(facts) if f.available), None)
    reconciled = reconciles(mine, opening, closing)
    if reconciled is False and verdict.held == 0 and _flip_reconciles(mine, opening, closing):
        reconciled = True  # no balance column to tell: the statement's ends tell the sides
    if reconciled is False and _guesses_reconcile(mine, opening, closing):
        reconciled = True  # the few directions only the wording guessed, told by the ends
    if reconciled is False and _lost_signs_reconcile(mine, opening, closing):
        reconciled = True  # a sign OCR lost on a scan without balances, told by the ends
    if reconciled is False and lost_minuses_reconcile(mine, opening, closing):
        reconciled = True  # a copier's faint minus signs lost on many rows, the same
    if reconciled is False and (ends := ends_without_sign(mine, opening, closing)) is not None:
        (opening, closing), reconciled = ends, True  # a `$` read as a 5 on an end
    score(mine, reconciled)
    chain_break = _chain_break(ordered, mine, verdict, owed)
    difference = None
    if opening is not None and closing is not None and all(d.sign != 0 for d in mine):
        difference = (closing - opening - sum((d.net for d in mine), Decimal(0))) * owed
    _scale(mine, owed)
    info = AccountInfo(
        run.hint,
        None,
        _times(opening, owed),
        _times(closing, owed),
        statement=run.statement,
        period_start=run.period[0] if run.period else None,
        period_end=run.period[1] if run.period else None,
        reconciled=reconciled,
        difference=difference,
        first_break=chain_break,
    )
    rank = (verdict.held - verdict.broke, 1 if reconciled else 0)
    return rank, Settled(info, mine, reconciled, verdict.broke == 0 and reconciled is True)


def _flip_reconciles(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> bool:
    """Whether the rows read from one amount column (or guessed columns) add up with their
    sides the other way round; if so they stay that way round."""
    flipped = [d for d in drafts if d.from_amount and d.sign != 0]
    if not flipped:
        return False
    for d in flipped:
        d.sign = -d.sign
    if reconciles(drafts, opening, closing):
        return True
    for d in flipped:
        d.sign = -d.sign
    return False


GUESSES = 4  # guessed directions tried together: 2^4 readings at most


def _guesses_reconcile(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> bool:
    """Whether exactly one choice of sides for the few rows whose side was only guessed (an
    OCR'd sign lost, no balance printed) makes the statement add up; if so it is taken."""
    guessed = [d for d in drafts if d.guessed]
    if not guessed or len(guessed) > GUESSES:
        return False
    before = [d.sign for d in guessed]
    fits = []
    for signs in itertools.product((1, -1), repeat=len(guessed)):
        for draft, sign in zip(guessed, signs, strict=True):
            draft.sign = sign
        if reconciles(drafts, opening, closing):
            fits.append(signs)
    chosen = fits[0] if len(fits) == 1 else before
    for draft, sign in zip(guessed, chosen, strict=True):
        draft.sign = sign
        draft.guessed = len(fits) != 1
    return len(fits) == 1


LOST_SIGNS = 2  # rows whose OCR'd sign may be lost, turned together at most


def _lost_signs_reconcile(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> bool:
    """Whether turning exactly one set of at most LOST_SIGNS rows read by OCR from a signed
    amount without a balance beside it (where a misread sign cannot be checked row by row)
    makes the statement add up; if so they are turned, and marked mended."""
    if opening is None or closing is None or any(d.sign == 0 for d in drafts):
        return False
    candidates = [
        d for d in drafts if d.method.startswith(OCR) and d.from_amount and d.balance is None
    ]
    missing = closing - opening - sum((d.net for d in drafts), Decimal(0))
    fits = [
        group
        for size in range(1, LOST_SIGNS + 1)
        for group in itertools.combinations(candidates, size)
        if sum((-2 * d.net for d in group), Decimal(0)) == missing
    ]
    if len(fits) != 1:
        return False
    for draft in fits[0]:
        draft.sign, draft.mended, draft.guessed = -draft.sign, True, False
    return True


def _chain_break(
    ordered: Sequence[Draft], mine: Sequence[Draft], verdict: Verdict, owed: int
) -> ChainBreak | None:
    """Where the printed balances first stop following from the rows (reading order index)."""
    if verdict.first_break is None:
        return None
    at, expected, printed = verdict.first_break
    draft = ordered[at]
    index = next(i for i, d in enumerate(mine) if d is draft)
    return ChainBreak(index, draft.page, draft.date, expected * owed, printed * owed)


def _statement_ends(facts: Sequence[BalanceFact]) -> list[BalanceFact]:
    """The facts less page carries: a balance carried forward and brought forward again (the
    same amount, closing then opening) is the middle of the statement, not one of its ends."""
    out: list[BalanceFact] = []
    for fact in facts:
        last = out[-1] if out else None
        if last is not None and last.side < 0 < fact.side and last.amount == fact.amount:
            out.pop()
            continue
        out.append(fact)
    return out


def _scale(drafts: Sequence[Draft], factor: int) -> None:
    if factor != 1:
        for d in drafts:
            d.balance = _times(d.balance, factor)


def _times(value: Decimal | None, factor: int) -> Decimal | None:
    return None if value is None else value * factor


def assemble(pages: Sequence[PageParse], ctx: DocContext, flagged: set[int]) -> ExtractionResult:
    runs = split_accounts(join_pages(pages), ctx)
    members = frozenset(name for page in pages for name in member_names(page.outside))
    settled = [settle_account(run, ctx, members) for run in runs]
    for s in settled:
        s.info = replace(s.info, currency=ctx.currency)
    known = [s for s in settled if s.drafts or s.info.account_hint or s.info.opening_balance]
    settled = known or settled[:1]
    for index, s in enumerate(settled):
        for d in s.drafts:
            d.account = index  # accounts are numbered as they are reported
    drafts = sorted((d for s in settled for d in s.drafts), key=_reading_order)
    transactions = tuple(_transaction(d, ctx.currency) for d in drafts)
    reports = tuple(_report(p, transactions, p.number in flagged) for p in pages)
    first = settled[0].info
    statement = StatementInfo(
        first.opening_balance,
        first.closing_balance,
        ctx.currency,
        ctx.period[0] if ctx.period else None,
        ctx.period[1] if ctx.period else None,
        first.account_hint,
    )
    verdicts = [s.reconciled for s in settled if s.drafts]
    reconciled = None if not verdicts or None in verdicts else all(verdicts)
    accounts = tuple(s.info for s in settled if s is not settled[0] or known)
    warnings = _year_warning(runs, ctx)
    return ExtractionResult(statement, accounts, transactions, reports, reconciled, None, warnings)


def _year_warning(runs: Sequence[AccountRun], ctx: DocContext) -> tuple[Notice, ...]:
    """Dates printed without a year, and nothing in the file (period, statement date, other
    dates, creation date) that says which: the year shown is a placeholder."""
    if not ctx.years.unknown:
        return ()
    yearless = any(
        r.date is not None and r.date.year is None
        for run in runs
        if run.period is None
        for r in run.rows
    )
    if not yearless:
        return ()
    message = f"no year is printed with the dates and none can be inferred; shown as {NO_YEAR}"
    return (Notice("no_year", message),)


def _reading_order(d: Draft) -> tuple[int, float, float]:
    return (d.page, d.bbox[1], d.bbox[0])


def _transaction(d: Draft, currency: str | None) -> Transaction:
    debit = d.magnitude if d.sign < 0 else None
    credit = d.magnitude if d.sign > 0 else None
    return Transaction(
        d.date,
        d.description,
        debit,
        credit,
        d.balance,
        currency,
        d.account,
        d.page,
        d.bbox,
        d.method,
        d.confidence,
        d.reference,
        d.code,
    )


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
