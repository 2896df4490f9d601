"""Misread figures on scanned pages, mended where the balance chain proves what they were.

A recogniser drops a digit under a pen mark (`48.70` for 148.70), reads one digit for
another or loses a decimal point. Where a row's amount and its printed balance disagree, the
rows beside it say which figure is wrong: when the next row's link holds with this balance,
the balance is right and the amount is the difference of the balances; when neither link
holds but the next one would with the balance the amount implies, the balance was misread.
A mend is taken only when the printed figure is one such confusion away from the proven one
(one digit added, dropped or changed, or the point lost), and only for rows read by OCR; the
row keeps a lower confidence. Anything else stays as printed, for the chain to flag.

A row whose amount OCR could not read at all (`Draft.unread`: a date and a balance, nothing
under the amount's title) takes the difference of the balances when both links prove them:
the previous balance is known and the next row leads on from this one. An unread row nothing
proves is left out (`resolved`), as it was before the chain could speak for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cypheredge.extractor.domain.draft import Draft

OCR = "ocr:"


def mend(ordered: Sequence[Draft], opening: Decimal | None) -> bool:
    """Mend misread amounts and balances of `ordered` (chronological) in place; whether any
    was mended."""
    changed = _prove_unread(ordered, opening)
    for i, draft in enumerate(ordered):
        if not draft.method.startswith(OCR) or draft.balance is None or draft.unread:
            continue
        previous = ordered[i - 1].balance if i else opening
        if previous is None or abs(draft.balance - previous) == draft.magnitude:
            continue
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if _links(draft.balance, following):
            proven = abs(draft.balance - previous)
            if proven and confusable(draft.magnitude, proven):
                draft.magnitude, draft.mended, changed = proven, True, True
            continue
        for sign in (draft.sign,) if draft.sign else (1, -1):
            implied = previous + sign * draft.magnitude
            if _links(implied, following) and confusable(draft.balance, implied):
                draft.balance, draft.mended, changed = implied, True, True
                break
    return changed


def _prove_unread(ordered: Sequence[Draft], opening: Decimal | None) -> bool:
    """Unread amounts the balances prove, last first: a run of unread rows is proven back
    from the row that leads on from its last one."""
    changed = False
    for i in range(len(ordered) - 1, -1, -1):
        draft = ordered[i]
        previous = ordered[i - 1].balance if i else opening
        if not draft.unproven or draft.balance is None or previous in (None, draft.balance):
            continue  # a balance repeated on a dated line is no transaction
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if _links(draft.balance, following):
            delta = draft.balance - previous
            draft.magnitude, draft.sign = abs(delta), 1 if delta > 0 else -1
            draft.mended = changed = True
    return changed


def resolved(drafts: list[Draft]) -> bool:
    """Drops from `drafts` the rows whose unread amount the chain did not prove; whether any."""
    kept = [d for d in drafts if not d.unproven]
    dropped = len(kept) != len(drafts)
    drafts[:] = kept
    return dropped


def _links(balance: Decimal, following: Draft | None) -> bool:
    """Whether the next row's amount leads from `balance` to its own printed balance."""
    if following is None or following.balance is None or following.unproven:
        return False
    return abs(following.balance - balance) == following.magnitude


def confusable(printed: Decimal, proven: Decimal) -> bool:
    """Whether OCR could have read `proven` as `printed`: the point lost, or the digits one
    edit apart (a digit added, dropped or changed)."""
    a, b = _digits(printed), _digits(proven)
    if abs(printed) == abs(proven) * 100 or abs(proven) == abs(printed) * 100:
        return True  # the decimal point dropped: 1480.77 read as 148077
    return _one_edit(a, b)


def _digits(value: Decimal) -> str:
    return f"{abs(value):.2f}".replace(".", "")


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))
