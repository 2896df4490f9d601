"""Wrapped description lines: which row each belongs to, and which lines belong to none."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from cypheredge.extractor.domain.header import TITLE_WORDS, split_cells
from cypheredge.extractor.domain.lineparse import CLOCK, Parsed
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.metadata import account_id
from cypheredge.extractor.domain.rawrow import RawRow
from cypheredge.extractor.domain.stacked import title_part
from cypheredge.extractor.domain.vocabulary import (
    CARRY_PHRASES,
    CLOSING_PHRASES,
    CONTINUED_NOTES,
    OPENING_PHRASES,
    SUMMARY_PHRASES,
    TALLY,
    contains_phrase,
    fold,
    section_sign,
    starts_with_phrase,
)

_NUMBER_HEADING = re.compile(r"^(?:card|account|acct|a c)(?: number| no| ending| nr)(?=\W|\d|$)")


# A card number as printed over a card's rows: four groups of four, some masked, perhaps with
# the holder's name after it (`FUEL REWARDS PLATINUM 4628 4500 7895 7269 SITI`).
_CARD_NUMBER = re.compile(
    r"^[A-Za-z][A-Za-z .:'&/-]{0,50} (?:[\dX*•]{4} ){3}\d{4}(?: [A-Za-z][A-Za-z .'-]{0,40})?$"
)


CONTINUATION_GAP = 1.0  # x line height: a wrapped line sits closer than this to its row


def continuation(run: list[Parsed], top: float, height: float) -> tuple[list[Parsed], list[Parsed]]:
    """The wrapped lines right under a repeated header (or at the top of a carried table),
    each close to the one above: the end of the previous page's last description."""
    head: list[Parsed] = []
    edge = top
    for k, p in enumerate(run):
        if not _eligible(p) or (head and p.line.y0 - edge > CONTINUATION_GAP * height):
            return head, run[k:]
        head.append(p)
        edge = p.line.y1
    return head, []


def _eligible(p: Parsed) -> bool:
    """Whether a text line may continue a row's description: not a total or balance line,
    not an account or card number heading a section (`Card number 4520 XXXX XXXX 5178`)."""
    if p.date_text or p.money_text or p.spill:
        return False
    if p.description and all(CLOCK.match(w.text) for w in p.description):
        return False  # a time alone (`Ημερομηνία Ενημέρωσης: 02/05/2023 21:22:41` under the table)
    folded = fold(p.line.text)
    if _NUMBER_HEADING.match(folded) and account_id(p.line) is not None:
        return False
    return not (
        _summary(folded)
        or contains_phrase(folded, OPENING_PHRASES)
        or contains_phrase(folded, CLOSING_PHRASES)
        or starts_with_phrase(folded, CONTINUED_NOTES)
    )


def _summary(folded: str) -> bool:
    """A totals label; `TOTAL ENERGIES KAMPALA` wrapped under a purchase is a merchant: a text
    line naming a total says what it sums (`Total debits`, `Total for the period`)."""
    if not starts_with_phrase(folded, SUMMARY_PHRASES):
        return False
    words = folded.split()
    return (
        words[0] != "total" or len(words) == 1 or bool(TALLY.match(folded)) or (words[1] in _SUMMED)
    )


# What a `Total` line sums: a merchant's name never goes on so.
_SUMMED = frozenset((
    "debits", "debit", "credits", "credit", "withdrawals", "deposits", "payments", "charges",
    "fees", "interest", "amount", "balance", "transactions", "purchases", "paid", "received",
    "for", "of", "this", "in", "out", "movements", "turnover", "due", "owed", "new",
))  # fmt: skip


def attach(rows: list[RawRow], runs: list[list[Parsed]], height: float, down: bool) -> list[Line]:
    """Give wrapped description lines to their row. Between two rows the widest vertical gap
    separates them (rows are padded, wrapped lines are not); on a tie the table's habit decides:
    short cells on a row's first line (text wraps below) or on its last (`down`: text wraps
    above)."""
    leftover: list[Line] = []
    # A card's number under many rows (`Card 5078 03** **** 3679` wrapped below each
    # purchase) is the rows' text; a heading is printed once per card.
    seen = Counter(p.line.text for run in runs for p in run)
    repeated = {text for text, n in seen.items() if n >= REPEATED}
    for i, run in enumerate(runs):
        prev = rows[i - 1] if i > 0 else None
        nxt = rows[i] if i < len(rows) else None
        headings = _card_headings(run, repeated) - _hugging(run, prev, nxt)
        eligible = [p for k, p in enumerate(run) if k not in headings and _eligible(p)]
        leftover += [p.line for k, p in enumerate(run) if k in headings or not _eligible(p)]
        if not down and eligible and _heads(eligible, prev, nxt):
            # Text wraps below its figures here: a heading right above a row (`PURCHASE`,
            # `FEES CHARGED`) set as tight as the rows is no text of the row before it.
            leftover.append(eligible.pop().line)
        split = _split_run(eligible, prev, nxt, down)
        if nxt is not None and split > 0 and _starts_carry(eligible[split - 1], nxt):
            split -= 1  # `BALANCE CARRIED` over `FORWARD  933.25 D`: one carried balance
        leftover += _give(eligible[:split], prev, height, below=True)
        above = eligible[split:]
        if not down:
            # Text wraps below its figures here: a heading right above a row (`Standard
            # Purchases`) is no part of it.
            leftover += [p.line for p in above if section_sign(p.line.text) is not None]
            above = [p for p in above if section_sign(p.line.text) is None]
        leftover += _give(list(reversed(above)), nxt, height, below=False)
    return leftover


def _heads(run: list[Parsed], prev: RawRow | None, nxt: RawRow | None) -> bool:
    """The run's last line names a section and sits no closer to the text above it than to
    the row below it (wrapped text hugs its row: `CHEQUE` over `DEPOSIT`)."""
    last = run[-1]
    if nxt is None or not _heading_words(last.line.text):
        return False
    above = run[-2].line.y1 if len(run) > 1 else (prev.y1 if prev is not None else None)
    if above is None:
        return True
    return last.line.y0 - above >= nxt.y0 - last.line.y1 - 0.5


def _heading_words(text: str) -> bool:
    """A section's name (`PURCHASE`, `Transactions`, `Payments, Credits and Adjustments`)."""
    if section_sign(text) is not None:
        return True
    words = text.split()
    if not 0 < len(words) <= 4 or not all(title_part(w) for w in words):
        return False
    return any(t in TITLE_WORDS for t in fold(text).split())  # not joiners alone (`I`)


def _starts_carry(p: Parsed, row: RawRow) -> bool:
    """A line that, with the row below it, names a carried balance the row alone does not."""
    own = fold(row.description)
    return not contains_phrase(own, CARRY_PHRASES) and contains_phrase(
        f"{fold(p.line.text)} {own}", CARRY_PHRASES
    )


def _hugging(run: list[Parsed], prev: RawRow | None, nxt: RawRow | None) -> set[int]:
    """The run's first line where it sits tight under the row above and well clear of the
    row below: the end of that row's text (a card's number after a purchase), no heading."""
    if not run or prev is None or nxt is None:
        return set()
    first = run[0].line
    above, below = first.y0 - prev.y1, nxt.y0 - run[-1].line.y1
    return {0} if above < 0.5 * first.words[0].height and above + 1.0 < below else set()


REPEATED = 2  # times a card-number line recurs among a page's rows to be their text


def _card_headings(run: list[Parsed], repeated: AbstractSet[str] = frozenset()) -> set[int]:
    """Lines that head a card's section between two rows: the card number
    (`VISA PLATINUM 5420 3300 4267 6083`) and the holder's name printed right above it."""
    out: set[int] = set()
    for k, p in enumerate(run):
        text = p.line.text
        heading = _NUMBER_HEADING.match(fold(text)) is not None and any(c.isdigit() for c in text)
        if (heading or _CARD_NUMBER.match(text)) and _one_cell(p.line) and text not in repeated:
            out.add(k)
            if k > 0 and not any(c.isdigit() for c in run[k - 1].line.text):
                out.add(k - 1)
            elif k + 1 < len(run) and _holder(run[k + 1].line.text):
                out.add(k + 1)  # `VOYAGE MILES WORLD MASTERCARD 5521 ...` over the holder
    return out


HEADING_GAP = 3.0  # x word height: a heading is printed in one run, not across columns


def _one_cell(line: Line) -> bool:
    """A heading reads as one run of words; `Platba kartou` in one column and the card's
    number in another, across the figures, are a row's texts."""
    return len(split_cells(line.words, HEADING_GAP)) == 1


def _holder(text: str) -> bool:
    return not any(c.isdigit() for c in text) and 1 < len(text.split()) <= 5


def _split_run(run: list[Parsed], prev: RawRow | None, nxt: RawRow | None, down: bool) -> int:
    """How many lines of `run` (top first) belong to the row above."""
    if not run or nxt is None:
        return len(run)
    if prev is None:
        return 0
    edges = [prev.y1, *[p.line.y1 for p in run]]
    starts = [*[p.line.y0 for p in run], nxt.y0]
    gaps = [b - a for a, b in zip(edges, starts, strict=True)]
    widest = max(gaps)
    ties = [k for k, g in enumerate(gaps) if g >= widest - 0.5]
    return ties[0] if down else ties[-1]


def _give(lines: list[Parsed], row: RawRow | None, height: float, below: bool) -> list[Line]:
    """Attach `lines` (nearest first) to `row` while each sits close to the previous one."""
    if row is None:
        return [p.line for p in lines]
    edge = row.y1 if below else row.y0
    for k, p in enumerate(lines):
        gap = p.line.y0 - edge if below else edge - p.line.y1
        if gap > CONTINUATION_GAP * height:
            return [q.line for q in lines[k:]]
        row.lines.append(p)
        edge = p.line.y1 if below else p.line.y0
    return []


def wrap_vote(
    rows: list[RawRow], runs: list[list[Parsed]], height: float, skip_first: bool
) -> bool | None:
    """Whether wrapped text sits above its row's figures (True), below (False), or the
    region does not show (None). Text hugging the first row from above says so at once,
    unless the region continues a table (`skip_first`): there it may end the previous row."""
    if not rows:
        return None
    # A heading right above the first row says nothing about how the table wraps.
    first = [p for p in runs[0] if _eligible(p) and section_sign(p.line.text) is None]
    if not skip_first and first and rows[0].y0 - first[-1].line.y1 <= CONTINUATION_GAP * height:
        return True
    vote = 0.0
    for i in range(1, len(rows)):
        run = [p for p in runs[i] if _eligible(p)]
        if not run:
            continue
        above = run[0].line.y0 - rows[i - 1].y1
        below = rows[i].y0 - run[-1].line.y1
        if abs(above - below) > 0.05 * height:
            vote += 1 if below < above else -1
    return None if vote == 0 else vote > 0


def member_names(lines: Sequence[Line]) -> set[str]:
    """Names printed right above a card's number (`HARRY POTTER` over `Card Ending 5-02845`):
    the card members of a statement, whose names some issuers also print beside their rows."""
    names: set[str] = set()
    ordered = sorted(lines, key=lambda ln: ln.y0)
    for above, line in itertools.pairwise(ordered):
        close = line.y0 - above.y1 <= max(w.height for w in line.words)
        if close and _card_heading(line) and _holder(above.text.strip()):
            names.add(above.text.strip())
        elif close and _card_heading(above) and _holder(line.text.strip()):
            names.add(line.text.strip())  # the holder printed under the card's number
    return names


def _card_heading(line: Line) -> bool:
    return bool(_NUMBER_HEADING.match(fold(line.text)) or _CARD_NUMBER.match(line.text))
