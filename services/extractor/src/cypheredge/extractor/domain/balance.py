"""The balance chain: opening + credits - debits = closing, row by row where balances exist.

It arbitrates between readings (signs as printed or flipped, printed oldest- or newest-first),
settles directions the layout left open, and scores every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a reading fared: links that held, links that broke, signs it settled."""

    held: int
    broke: int
    signs: tuple[int, ...]
    flags: tuple[bool | None, ...]
    first_break: tuple[int, Decimal, Decimal] | None = None  # (row, expected, printed)
    overdrawn: frozenset[int] = frozenset()  # rows whose unsigned balance the chain makes negative


def walk(
    magnitudes: Sequence[Decimal],
    signs: Sequence[int],
    balances: Sequence[Decimal | None],
    opening: Decimal | None,
) -> Verdict:
    """Check each printed balance against the previous one plus the rows in between."""
    out_signs = list(signs)
    flags: list[bool | None] = [None] * len(signs)
    previous = opening
    pending: list[int] = []
    held = broke = 0
    first: tuple[int, Decimal, Decimal] | None = None
    overdrawn: set[int] = set()
    for i, printed in enumerate(balances):
        pending.append(i)
        if printed is None:
            continue
        balance = printed
        if previous is not None:
            before = list(out_signs)
            ok = _settle(magnitudes, out_signs, pending, balance - previous)
            if not ok and balance > 0:
                # An overdrawn balance printed without its sign (`77.52` after a debit larger
                # than what was there): the chain holds only with it negative.
                out_signs[:] = before
                if _settle(magnitudes, out_signs, pending, -balance - previous):
                    ok, balance = True, -balance
                    overdrawn.add(i)
                else:
                    out_signs[:] = before
                    _settle(magnitudes, out_signs, pending, printed - previous)
            held, broke = held + ok, broke + (not ok)
            for j in pending:
                flags[j] = ok
            if not ok and first is None:
                moved = sum((magnitudes[j] * out_signs[j] for j in pending), Decimal(0))
                first = (i, previous + moved, balance)
        previous, pending = balance, []
    return Verdict(held, broke, tuple(out_signs), tuple(flags), first, frozenset(overdrawn))


def _settle(
    magnitudes: Sequence[Decimal], signs: list[int], rows: list[int], delta: Decimal
) -> bool:
    """Whether the rows add up to `delta`; one row of unknown direction is solved for."""
    unknown = [j for j in rows if signs[j] == 0]
    known = sum((magnitudes[j] * signs[j] for j in rows if signs[j] != 0), Decimal(0))
    if not unknown:
        return known == delta
    if len(unknown) == 1:
        j = unknown[0]
        for sign in (1, -1):
            if known + sign * magnitudes[j] == delta:
                signs[j] = sign
                return True
    return False


def choose(drafts: Sequence[Draft], opening: Decimal | None) -> tuple[list[Draft], Verdict]:
    """The reading of `drafts` the chain believes most: as printed, amount signs flipped, or
    newest-first. Returns the drafts in chronological order and the verdict."""
    best: tuple[int, int, list[Draft], Verdict] | None = None
    flips = (1, -1) if any(d.from_amount and d.sign != 0 for d in drafts) else (1,)
    for order_rank, ordered in enumerate((list(drafts), list(reversed(drafts)))):
        if order_rank and not any(d.balance is not None for d in drafts):
            break
        for flip_rank, flip in enumerate(flips):
            signs = [d.sign * (flip if d.from_amount else 1) for d in ordered]
            verdict = walk(
                [d.magnitude for d in ordered], signs, [d.balance for d in ordered], opening
            )
            score = verdict.held - verdict.broke
            rank = -(order_rank + flip_rank)
            if best is None or (score, rank) > (best[0], best[1]):
                best = (score, rank, ordered, verdict)
    assert best is not None
    return best[2], best[3]


def apply(ordered: list[Draft], verdict: Verdict) -> None:
    for k, (draft, sign, flag) in enumerate(
        zip(ordered, verdict.signs, verdict.flags, strict=True)
    ):
        if sign != 0:
            draft.sign = sign
        draft.consistent = flag
        if k in verdict.overdrawn and draft.balance is not None:
            draft.balance = -draft.balance


def reconciles(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> bool | None:
    """opening + credits - debits == closing, or None when either end is unknown."""
    if opening is None or closing is None or any(d.sign == 0 for d in drafts):
        return None
    return opening + sum((d.net for d in drafts), Decimal(0)) == closing


# A row whose misread figure the chain mended: right by the chain's proof, but not as read.
MENDED = 0.8
# A row whose amount OCR could not read at all, taken from the balances either side of it.
CHAINED = 0.7
# Below this the recogniser itself doubted one of the row's date or money words; the row is
# then worth no more than PROVEN_DOUBTED where the chain agrees with it (its date is still
# unchecked), and its reading's confidence times its own (at least half) where it does not.
DOUBTED_READ = 0.8
PROVEN_DOUBTED = 0.85


def score(drafts: Sequence[Draft], reconciled: bool | None) -> None:
    """Each row's confidence from the strongest evidence it has."""
    for draft in drafts:
        if draft.consistent is True:
            value = 0.99
        elif draft.consistent is False:
            value = 0.4
        elif reconciled is True:
            value = 0.95
        elif reconciled is False:
            value = 0.6
        else:
            value = 0.9  # read cleanly, but nothing printed lets us check it
        if draft.read is not None and draft.read < DOUBTED_READ:
            proven = draft.consistent is True
            value = min(value, PROVEN_DOUBTED) if proven else value * max(draft.read, 0.5)
        if draft.mended:
            value = min(value, MENDED)
        if draft.unread:
            value = min(value, CHAINED)
        draft.confidence = round(value * (0.7 if draft.guessed else 1.0), 3)
