"""Misread figures on scanned pages, mended where the balance chain proves what they were.

A recogniser drops a digit under a pen mark (`48.70` for 148.70), reads one digit for
another or loses a decimal point. Where a row's amount and its printed balance disagree, the
rows beside it say which figure is wrong: when the next row's link holds with this balance,
the balance is right and the amount is the difference of the balances; when neither link
holds but the next one would with the balance the amount implies, the balance was misread.
A mend is taken only when the printed figure is one such confusion away from the proven one
(one digit added, dropped or changed, or the point lost), and only for rows read by OCR; the
row keeps a lower confidence. A lone row whose balances moved by its amount the other way
has its side turned (a minus lost, or the figure read into the other column). Anything else
stays as printed, for the chain to flag.

A row whose amount OCR could not read at all (`Draft.unread`: a date and a balance, nothing
under the amount's title) takes the difference of the balances when both links prove them:
the previous balance is known and the next row leads on from this one. An unread row nothing
proves is left out (`resolved`), as it was before the chain could speak for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cypheredge.extractor.domain.balance import DOUBTED_READ
from cypheredge.extractor.domain.draft import Draft

OCR = "ocr:"
# Lost minus signs a statement's scan may have: at least this many, or a quarter of its rows
# (a faint copier drops one in six); more is a reading of the wrong kind, not lost signs.
FEW_SIDES = 2


def mend(
    ordered: Sequence[Draft], opening: Decimal | None, signs: Sequence[int] | None = None
) -> bool:
    """Mend misread amounts and balances of `ordered` (chronological) in place; whether any
    was mended. A link of the chain runs from one printed balance to the next, over every
    row between them (a day's rows where only its last prints the balance). `signs` are the
    sides the chain's reading gives the rows (as `ordered` has them where not given)."""
    changed = _prove_unread(ordered, opening)
    given = signs or [d.sign for d in ordered]
    # A row the chain just proved has the side its proof gave it.
    side = {id(d): d.sign if d.unread else s for d, s in zip(ordered, given, strict=True)}
    links = [_Link(group, side) for group in _groups(ordered)]
    changed |= _mend_sides(links, opening)
    previous = opening
    for k, link in enumerate(links):
        following = links[k + 1] if k + 1 < len(links) else None
        scanned = _scanned(link)
        if previous is not None and scanned and link.leads(previous, link.end) is False:
            if following is not None and following.leads(link.end, following.end):
                changed |= link.mend_amount(link.end - previous)
            elif len(link.rows) == 1 and following is not None and len(following.rows) == 1:
                # A balance is mended only between two rows that print theirs: where a day's
                # rows lead to or from it, a statement's own slip and a misread look the
                # same, and the chain flags it either way.
                changed |= link.mend_balance(previous, following)
        previous = link.end
    return changed


def _scanned(link: _Link) -> bool:
    return all(d.method.startswith(OCR) and not d.unproven for d in link.rows)


def _mend_sides(links: Sequence[_Link], opening: Decimal | None) -> bool:
    """Turn the sides of the lone scanned rows whose balances moved the other way, where
    they are a few: where many are, the reading itself is wrong (a card's balances read as
    an account's), not a few minus signs, and nothing is turned."""
    previous = opening
    turned: list[_Link] = []
    for link in links:
        lone = len(link.rows) == 1 and _scanned(link)
        if previous is not None and lone and link.turned(previous):
            turned.append(link)
        previous = link.end
    few = len(turned) <= max(FEW_SIDES, len(links) // 4) and 2 * len(turned) < len(links)
    if not turned or not few:
        return False
    for link in turned:
        link.turn()
    return True


def _groups(ordered: Sequence[Draft]) -> list[list[Draft]]:
    """The rows of each link: up to and including the next row that prints a balance."""
    groups: list[list[Draft]] = []
    pending: list[Draft] = []
    for draft in ordered:
        pending.append(draft)
        if draft.balance is not None:
            groups.append(pending)
            pending = []
    return groups


class _Link:
    """The rows from one printed balance to the next, with the sides the chain gave them."""

    def __init__(self, rows: list[Draft], side: dict[int, int]) -> None:
        self.rows, self._side = rows, side

    @property
    def end(self) -> Decimal:
        balance = self.rows[-1].balance
        assert balance is not None
        return balance

    def _net(self, rows: Sequence[Draft]) -> Decimal | None:
        if any(self._side[id(d)] == 0 for d in rows):
            return None
        return sum((d.magnitude * self._side[id(d)] for d in rows), Decimal(0))

    def leads(self, start: Decimal, end: Decimal) -> bool | None:
        """Whether the rows lead from `start` to `end` (a lone row either way, as its side
        may be the chain's to settle); None where a row of several has no side yet."""
        if any(d.unproven for d in self.rows):
            return None
        if len(self.rows) == 1:
            return abs(end - start) == self.rows[0].magnitude
        net = self._net(self.rows)
        return None if net is None else start + net == end

    def mend_amount(self, moved: Decimal) -> bool:
        """The one row whose amount, one confusion away, makes the link hold. Among a day's
        rows only one whose money words the recogniser itself doubted is a suspect: more rows
        make more sums one confusion away, and a statement's own slip reads cleanly. Where
        none was doubted, one whose figure is the proven one less a digit is (a digit lost
        under a pen mark or a stamp reads cleanly; a recogniser seldom adds one)."""
        found = self._candidates(moved, doubted_only=len(self.rows) > 1)
        if found == [] and len(self.rows) > 1:
            everyone = self._candidates(moved, doubted_only=False) or []
            found = [(d, p) for d, p in everyone if _digit_lost(d.magnitude, p)]
        if found is None or len(found) != 1:
            return False
        suspect, proven = found[0]
        suspect.magnitude, suspect.mended = proven, True
        return True

    def _candidates(self, moved: Decimal, doubted_only: bool) -> list[tuple[Draft, Decimal]] | None:
        """Rows whose figure is one confusion away from what makes the link hold, with that
        figure; None where a row has no side to tell it by."""
        found: list[tuple[Draft, Decimal]] = []
        for draft in self.rows:
            if doubted_only and (draft.money_read is None or draft.money_read >= DOUBTED_READ):
                continue
            others = self._net([d for d in self.rows if d is not draft])
            if others is None:
                return None
            rest = moved - others
            sign = self._side[id(draft)]
            proven = abs(rest) if len(self.rows) == 1 or sign == 0 else rest * sign
            if proven > 0 and confusable(draft.magnitude, proven):
                found.append((draft, proven))
        return found

    def turned(self, previous: Decimal) -> bool:
        """Whether this lone row's balance moved by its amount the other way: its minus lost
        or added by OCR (`43,948` for -43,948), or its figure read into the other side's
        column. The balances on both sides of it are the proof, exactly."""
        draft = self.rows[0]
        side = self._side[id(draft)]
        return side != 0 and draft.magnitude > 0 and previous - side * draft.magnitude == self.end

    def turn(self) -> None:
        draft = self.rows[0]
        side = -self._side[id(draft)]
        draft.sign, draft.mended, self._side[id(draft)] = side, True, side

    def mend_balance(self, previous: Decimal, following: _Link | None) -> bool:
        """The printed balance, where the next link holds from the one the rows imply."""
        last = self.rows[-1]
        others = self._net(self.rows[:-1])
        if others is None or following is None:
            return False
        sign = self._side[id(last)] if len(self.rows) > 1 else last.sign
        for side in (sign,) if sign else (1, -1):
            implied = previous + others + side * last.magnitude
            if following.leads(implied, following.end) and confusable(self.end, implied):
                last.balance, last.mended = implied, True
                return True
        return False


def _prove_unread(ordered: Sequence[Draft], opening: Decimal | None) -> bool:
    """Unread amounts the balances prove, last first: a run of unread rows is proven back
    from the row that leads on from its last one. Rows between printed balances (a day's
    rows where only its last prints one) count with their amounts on either side."""
    changed = False
    for i in range(len(ordered) - 1, -1, -1):
        draft = ordered[i]
        if not draft.unproven or draft.balance is None:
            continue
        previous = _balance_before(ordered, i, opening)
        if previous in (None, draft.balance):
            continue  # a balance repeated on a line of its own is no transaction
        if _leads_on(ordered, i):
            delta = draft.balance - previous
            draft.magnitude, draft.sign = abs(delta), 1 if delta > 0 else -1
            draft.mended = changed = True
    return changed


def _balance_before(ordered: Sequence[Draft], i: int, opening: Decimal | None) -> Decimal | None:
    """The balance just before row `i`: the last printed one and the rows since, where each
    has a known amount and side."""
    moved = Decimal(0)
    for draft in reversed(ordered[:i]):
        if draft.balance is not None:
            return draft.balance + moved
        if draft.unproven or draft.sign == 0:
            return None
        moved += draft.net
    return None if opening is None else opening + moved


def _leads_on(ordered: Sequence[Draft], i: int) -> bool:
    """Whether the rows after `i` lead from its balance to the next printed one."""
    balance = ordered[i].balance
    assert balance is not None
    for k, draft in enumerate(ordered[i + 1 :]):
        if draft.unproven:
            return False
        if draft.balance is not None:
            if k == 0:  # a lone row either way, as its side may be the chain's to settle
                return abs(draft.balance - balance) == draft.magnitude
            return draft.sign != 0 and balance + draft.net == draft.balance
        if draft.sign == 0:
            return False
        balance += draft.net
    return False


def resolved(drafts: list[Draft]) -> bool:
    """Drops from `drafts` the rows whose unread amount the chain did not prove; whether any."""
    kept = [d for d in drafts if not d.unproven]
    dropped = len(kept) != len(drafts)
    drafts[:] = kept
    return dropped


def confusable(printed: Decimal, proven: Decimal) -> bool:
    """Whether OCR could have read `proven` as `printed`: the point lost, or the digits one
    edit apart (a digit added, dropped or changed)."""
    a, b = _digits(printed), _digits(proven)
    if abs(printed) == abs(proven) * 100 or abs(proven) == abs(printed) * 100:
        return True  # the decimal point dropped: 1480.77 read as 148077
    return _one_edit(a, b)


def _digit_lost(printed: Decimal, proven: Decimal) -> bool:
    """Whether `printed` is `proven` with one of its digits dropped."""
    a, b = _digits(printed), _digits(proven)
    return len(b) == len(a) + 1 and any(b[:k] + b[k + 1 :] == a for k in range(len(b)))


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
