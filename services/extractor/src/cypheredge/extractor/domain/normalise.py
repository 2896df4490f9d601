"""Raw rows -> drafts: calendar dates, one-line descriptions, magnitudes and direction hints."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.amounts import Money
from cypheredge.extractor.domain.dates import YearContext, resolve
from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.misreads import OCR
from cypheredge.extractor.domain.rows import RawRow, RowKind
from cypheredge.extractor.domain.vocabulary import Role, fold, section_direction

_SPACES = re.compile(r"\s+")
CREDIT_WORDS = frozenset((
    "salary", "payroll", "deposit", "refund", "interest", "credit", "from", "received",
    "reversal", "cashback", "dividend", "gutschrift", "gehalt", "zinsen", "virement", "recu",
    "salaire", "remboursement", "abono",
))  # fmt: skip


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def signed_balance(money: Money | None, owed: bool = False) -> Decimal | None:
    """A printed balance: overdrawn when shown negative or marked DR. On an account whose
    balance is what is owed (a card, a loan) DR is the usual side and CR is in credit."""
    if money is None:
        return None
    negative = money.sign < 0 or money.marker == ("CR" if owed else "DR")
    return -money.magnitude if negative else money.magnitude


def to_drafts(
    rows: Sequence[RawRow], years: YearContext, card: bool, members: frozenset[str] = frozenset()
) -> list[Draft]:
    """Transactions of `rows` (all kinds, printed order) with dates resolved row by row."""
    unsigned = _unsigned_rule(rows, card)
    days = _days(rows, years)
    out: list[Draft] = []
    for row, day in zip(rows, days, strict=True):
        if day is not None and _amount_unread(row):
            out.append(_unread_draft(row, day, card))
            continue
        if row.kind is not RowKind.TXN or day is None:
            continue  # a row with no date anywhere before or after it is not guessed at
        draft = _draft(row, day, unsigned, card, members)
        if draft is not None:
            out.append(draft)
    return out


def _days(rows: Sequence[RawRow], years: YearContext) -> list[date | None]:
    """Each row's date: its own, else the one above it (a day's later rows), else the first
    one below it (rows printed before the first date)."""
    previous: date | None = None
    days: list[date | None] = []
    for row in rows:
        partial = row.date
        day = resolve(partial, years, previous) if partial is not None else previous
        previous = day or previous
        days.append(day)
    following: date | None = None
    for k in range(len(days) - 1, -1, -1):
        if days[k] is None:
            days[k] = following
        following = days[k] or following
    return days


def _draft(
    row: RawRow, day: date, unsigned: int, card: bool, members: frozenset[str]
) -> Draft | None:
    money = row.money
    balance = signed_balance(money.get(Role.BALANCE), card)
    debit, credit = money.get(Role.DEBIT), money.get(Role.CREDIT)
    amount = money.get(Role.AMOUNT)
    from_amount = False
    if debit is not None or credit is not None:
        net = (credit.magnitude * (-1 if credit.sign < 0 else 1) if credit else Decimal(0)) - (
            debit.magnitude if debit else Decimal(0)
        )
        magnitude, sign = abs(net), (1 if net > 0 or (net == 0 and debit is None) else -1)
        from_amount = row.inferred
    elif amount is not None:
        magnitude, from_amount = amount.magnitude, True
        sign = _amount_sign(amount, row, card)
        if sign == 0 and unsigned != 0:
            sign = unsigned
    else:
        return None
    member, description = _member(row, members)
    # A row printed with 0.00 (a waived fee, a zero-value authorisation) is kept as printed:
    # dropping it would lose a row the statement lists.
    return Draft(
        day,
        _cheque(description, row.code) or _named_by_reference(row),
        magnitude,
        sign,
        balance,
        row.page,
        row.bbox,
        row.method,
        row.account,
        from_amount,
        reference=member or row.reference,
        code=row.code,
        read=row.figures_read,
        money_read=row.money_read,
    )


def _amount_unread(row: RawRow) -> bool:
    """A scanned row printed with a balance but no amount OCR could read (a pen mark or a
    stamp over it, a figure too faint), and with its own date or words (a day's later row):
    a transaction whose amount only the balance chain can tell (`misreads.mend` proves it or
    the row is left out; a balance repeated on a line of its own proves nothing)."""
    return (
        row.kind is RowKind.INVALID
        and row.method.startswith(OCR)
        and (row.date is not None or bool(row.description.strip()))
        and Role.BALANCE in row.money
        and not row.movement
    )


def _unread_draft(row: RawRow, day: date, card: bool) -> Draft:
    return Draft(
        day,
        clean(row.description),
        Decimal(0),
        0,
        signed_balance(row.money[Role.BALANCE], card),
        row.page,
        row.bbox,
        row.method,
        row.account,
        reference=row.reference,
        code=row.code,
        read=row.figures_read,
        money_read=row.money_read,
        unread=True,
    )


def _member(row: RawRow, members: frozenset[str]) -> tuple[str | None, str]:
    """A card member's name printed in its own column before the details (`GINEVRA M WEASLEY
    AUTOPAY PAYMENT ...`) is who the row is for, not what it says."""
    text = clean(row.description)
    for name in members:
        if not text.startswith(f"{name} "):
            continue
        words = [w for p in row.lines for w in p.description]
        count = len(name.split())
        if len(words) > count and words[count].x0 - words[count - 1].x1 >= 2 * words[0].height:
            return name, text[len(name) + 1 :]
    return None, text


_CHEQUE_WORDS = frozenset(("check", "cheque", "chq", "chk", "ck"))


def _cheque(description: str, code: str | None) -> str:
    """Only a number under a cheque type code (`CHQ` in the type column, `009641` in the
    details): the row is that cheque, `CHQ 009641`."""
    if code and description.rstrip("*").isdigit() and code.lower() in _CHEQUE_WORDS:
        return f"{code} {description}"
    return description


def _named_by_reference(row: RawRow) -> str:
    """A row printed with only its number (a paid cheque) is described by the number under
    its column's word: `Check 1302`, `Cheque 004514` (a gap mark `1302*` is a footnote)."""
    reference = (row.reference or "").rstrip("*").strip()
    if not reference:
        return ""
    label = row.reference_label.split()
    word = label[0].strip(".:#") if label else ""
    named = word.lower() in _CHEQUE_WORDS
    return f"{word.capitalize() if word.isupper() else word} {reference}" if named else reference


def _amount_sign(amount: Money, row: RawRow, card: bool) -> int:
    flip = -1 if card else 1
    if amount.sign != 0:
        return amount.sign * flip
    marker = amount.marker or row.marker
    if marker is not None:
        return 1 if marker == "CR" else -1
    return section_direction(row.section, card)


def _unsigned_rule(rows: Sequence[RawRow], card: bool) -> int:
    """What an unmarked amount means, from how the other amounts are marked."""
    negatives = markers_cr = markers_dr = 0
    for row in rows:
        amount = row.money.get(Role.AMOUNT)
        if amount is None:
            continue
        negatives += amount.sign < 0
        markers_cr += amount.marker == "CR"
        markers_dr += amount.marker == "DR"
    if markers_cr and not markers_dr:
        return -1
    if markers_dr and not markers_cr:
        return 1
    if negatives:
        return -1 if card else 1
    return 0


def guess_directions(drafts: Sequence[Draft]) -> None:
    """Last resort for directions neither the layout nor the chain settled: the wording."""
    for draft in drafts:
        if draft.sign == 0:
            credit = bool(set(fold(draft.description).split()) & CREDIT_WORDS)
            draft.sign, draft.guessed = (1 if credit else -1), True
