"""Finding a table's header line and turning its cells into typed columns."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from cypheredge.extractor.domain.amounts import Money, parse_amount
from cypheredge.extractor.domain.dates import PartialDate, parse_date
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.vocabulary import (
    DATE_ROLES,
    HEADER_PHRASES,
    KEYWORD_ROLES,
    MONEY_ROLES,
    MOVEMENT_ROLES,
    Role,
    fold,
)
from cypheredge.extractor.domain.words import Word

MAX_HEADER_WORDS = 4  # longer cells are sentences (`Why we are paying you`), not column titles
CELL_GAP = 0.6  # x word height: a wider gap always separates two cells
WORD_SPACES = 2.0  # a gap this many word spaces wide separates two cells too
_DIGIT = re.compile(r"\d")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Cell:
    """Horizontally adjacent words read as one unit."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: what it holds and where its title sits."""

    role: Role
    x0: float
    x1: float
    label: str

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def cell_gap(lines: Iterable[Line], sample: int = 200) -> float:
    """The gap (x word height) that separates two cells in this document: twice its word space,
    at most CELL_GAP. A right-aligned title next to a left-aligned one (`Balance` `Date`) can sit
    closer than CELL_GAP, yet still twice as far apart as the words of one title; a monospaced
    font's wide spaces keep the cap."""
    spaces: list[float] = []
    for line in lines:
        for a, b in itertools.pairwise(line.words):
            ratio = (b.x0 - a.x1) / max(a.y1 - a.y0, 1.0)
            if 0 < ratio < CELL_GAP:
                spaces.append(ratio)
        if len(spaces) >= sample:
            break
    return min(CELL_GAP, WORD_SPACES * median(spaces, CELL_GAP))


def split_cells(words: Sequence[Word], gap_ratio: float = CELL_GAP) -> list[Cell]:
    """Split a line's words where the gap exceeds `gap_ratio` x the line's word height."""
    if not words:
        return []
    limit = gap_ratio * median([w.height for w in words], 10.0)
    cells: list[list[Word]] = [[words[0]]]
    for prev, word in itertools.pairwise(words):
        if word.x0 - prev.x1 > limit:
            cells.append([word])
        else:
            cells[-1].append(word)
    return [Cell(tuple(c)) for c in cells]


@lru_cache(maxsize=4096)
def classify(text: str) -> Role | None:
    """The role a header title names, None when it names none; a title split by a stray
    space (`WITHDR AWAL(DR)`, as OCR may read it) is read joined up."""
    role = _classify(text)
    if role is None and " " in text.strip():
        return _classify(text.replace(" ", ""))
    return role


def _classify(text: str) -> Role | None:
    folded = fold(_CAMEL.sub(" ", text))  # `TransDate`, `ValueDate`: titles set without a space
    if folded in HEADER_PHRASES:
        return HEADER_PHRASES[folded]
    tokens = [t for t in folded.split() if t not in {"/", "-", "+"}]
    if not tokens or len(tokens) > MAX_HEADER_WORDS:
        return None
    compact = " ".join(tokens)
    if compact in HEADER_PHRASES:
        return HEADER_PHRASES[compact]
    for token in tokens:
        if token in ("value", "valuta", "wert") and "date" in tokens:
            return Role.VALUE_DATE
    hits = [KEYWORD_ROLES[t] for t in tokens if t in KEYWORD_ROLES]
    if Role.AMOUNT in hits:
        # `Bedrag af` / `Bedrag bij`, `Amount in`: a word that is a direction on its own says
        # which side the amount column is.
        hits += [
            HEADER_PHRASES[t]
            for k, t in enumerate(tokens)
            if HEADER_PHRASES.get(t) in _SIDES and not (t == "in" and k + 1 < len(tokens))
        ]  # `Amount in EUR` names the currency, not the side
    if not hits:
        return None
    if set(hits) >= _SIDES:
        return Role.AMOUNT  # `Withdrawal / Deposit`: one column of both, its sign told apart
    return min(hits, key=_priority)


_SIDES = frozenset({Role.DEBIT, Role.CREDIT})


# `Debit Amt` is a debit column, `Transaction Date` a date column, `Cheque No` a reference.
_ORDER = {
    role: i
    for i, role in enumerate(
        (
            Role.BALANCE,
            Role.DEBIT,
            Role.CREDIT,
            Role.AMOUNT,
            Role.REFERENCE,
            Role.VALUE_DATE,
            Role.DATE,
            Role.DESCRIPTION,
        )
    )
}


def _priority(role: Role) -> int:
    return _ORDER.get(role, 99)


def has_values(line: Line) -> bool:
    """Whether a line carries data (an amount with decimals or a date): then it is no header."""
    return _values_in(line.words)


def _values_in(words: Sequence[Word]) -> bool:
    for i, word in enumerate(words):
        money = _amount(word.text)
        if money is not None and money.strong:
            return True
        for n in (1, 2, 3):
            text = " ".join(w.text for w in words[i : i + n])
            if _DIGIT.search(text) is not None and _date(text) is not None:
                return True
    return False


@lru_cache(maxsize=1 << 14)
def _amount(text: str) -> Money | None:
    return parse_amount(text)


@lru_cache(maxsize=1 << 14)
def _date(text: str) -> PartialDate | None:
    return parse_date(text)


def header_cells(line: Line, gap: float = CELL_GAP) -> list[tuple[Cell, Role | None]] | None:
    """The line's cells with their roles when the line reads as a transaction-table header."""
    if titled_words(line) < 2:
        return None  # two roles need two cells, each with a title word
    typed = [(cell, classify(cell.text)) for cell in _split_mixed(split_cells(line.words, gap))]
    typed = _phrases_set_apart(typed)
    roles = {role for _, role in typed if role is not None}
    if len(roles) < 2 or not roles & MONEY_ROLES:
        return None
    if Role.DATE not in roles:
        typed = _date_set_close(typed)
        roles = {role for _, role in typed if role is not None}
    known = sum(1 for _, role in typed if role is not None)
    if not roles & (DATE_ROLES | {Role.DESCRIPTION}) or 2 * known < len(typed):
        return None
    if not has_values(line):
        return typed
    beside = without_side_box(line, gap)  # the titles, then a box beside the table
    return header_cells(beside, gap) if beside is not line else None


def _phrases_set_apart(
    typed: list[tuple[Cell, Role | None]],
) -> list[tuple[Cell, Role | None]]:
    """A two-word title whose words a scan's boxes set apart as two cells (`Data` `Mov.`):
    a cell of no role after one whose words and its own are a title phrase of that role
    joins it, so that the column keeps its title's width."""
    out: list[tuple[Cell, Role | None]] = []
    for cell, role in typed:
        if out and role is None and out[-1][1] is not None:
            before, known = out[-1]
            joined = Cell((*before.words, *cell.words))
            if HEADER_PHRASES.get(fold(joined.text)) is known:
                out[-1] = (joined, known)
                continue
        out.append((cell, role))
    return out


def _date_set_close(typed: list[tuple[Cell, Role | None]]) -> list[tuple[Cell, Role | None]]:
    """A header without a date column whose cell holds the date's title set close beside
    another (`Booking Date Reference`, as a scan's boxes may place them): the cell split in
    two, so that the table keeps its date."""
    for k, (cell, role) in enumerate(typed):
        words = cell.words
        if role in DATE_ROLES or fold(cell.text) in HEADER_PHRASES:
            continue  # a date's own title (`Value Date`), or a title printed as one
        for cut in range(1, len(words)):
            left, right = Cell(words[:cut]), Cell(words[cut:])
            sides = classify(left.text), classify(right.text)
            if Role.DATE in sides and None not in sides and sides[0] != sides[1]:
                return [*typed[:k], (left, sides[0]), (right, sides[1]), *typed[k + 1 :]]
    return typed


def without_side_box(line: Line, gap: float = CELL_GAP) -> Line:
    """A line that may head a table, without the box printed beside the table on the same
    line (`TRANSACTION  POSTING  ACTIVITY DESCRIPTION  AMOUNT($)` then `Interest $73.35`):
    the cells before the first one holding a value, less that value's label."""
    if titled_words(line) < 1 or not has_values(line):
        return line
    cells = split_cells(line.words, gap)
    first = next((k for k, c in enumerate(cells) if _values_in(c.words)), None)
    if first is None or first < 2:
        return line
    return Line.of([w for c in cells[: first - 1] for w in c.words])


# Words that only ever qualify a title (`Trans. Date`, `Originating Branch`, `Serial No`).
QUALIFIERS = frozenset((
    "trans", "tran", "txn", "branch", "originating", "serial", "sl", "sr", "instrument",
    "channel", "category", "location", "merchant", "counterparty", "beneficiary", "mode",
    "number", "num", "id", "code", "local", "foreign", "original", "running", "seq", "sequence",
    "teller", "efd", "effective", "eff", "doc", "document", "voucher", "outstanding",
))  # fmt: skip
# The separators inside phrases (`Debit / Credit`) name no role: `classify` drops them too.
TITLE_WORDS = (
    frozenset(KEYWORD_ROLES) | {w for p in HEADER_PHRASES for w in p.split()} | QUALIFIERS
) - {"/", "-", "+"}


def titled_words(line: Line) -> int:
    """Cheap pre-check: how many words of the line could belong to a column title (an upper
    bound on the titled cells `classify` can find there). Asked of every line several times,
    so the line keeps the count."""
    if line.titles < 0:
        line.titles = sum(1 for w in line.words if _titled(w.text))
    return line.titles


@lru_cache(maxsize=1 << 14)
def _titled(text: str) -> bool:
    if _LETTER.search(text) is None:
        return False  # figures, dates and dashes: most words of a table, and never a title
    return any(token in TITLE_WORDS for token in fold(_CAMEL.sub(" ", text)).split())


def _split_mixed(cells: list[Cell]) -> list[Cell]:
    """`Money in Money out` or `Debit € Credit €` printed close together: split into one cell
    per money title (`Debit Amt` stays whole: `Amt` only qualifies)."""
    out: list[Cell] = []
    for cell in cells:
        words = cell.words
        money = {r for w in words if (r := classify(w.text)) in MONEY_ROLES}
        # `Betrag Soll`, `Importe Debe`: an amount qualified by its side is one title.
        qualified = len(money) == 2 and Role.AMOUNT in money and money & {Role.DEBIT, Role.CREDIT}
        if len(money) == 1 and fold(cell.text) not in HEADER_PHRASES:
            out.extend(_money_then_title(cell))
            continue
        if len(money) < 2 or qualified or fold(cell.text) in HEADER_PHRASES or len(words) > 8:
            out.append(cell)
            continue
        best = max(_splits(len(words)), key=lambda cuts: _split_score(words, cuts))
        if _split_score(words, best)[0] < 2:
            out.append(cell)
            continue
        bounds = [0, *best, len(words)]
        out.extend(Cell(words[a:b]) for a, b in itertools.pairwise(bounds))
    return out


def _money_then_title(cell: Cell) -> list[Cell]:
    """`Částka Popis` set close: a money title and, after it, a title of another column,
    each exactly a title, are two cells. A qualifier comes before the money title it
    qualifies (`Transaction Amount`), never after it, so nothing else is split."""
    words = cell.words
    for cut in range(1, len(words)):
        left, right = fold(Cell(words[:cut]).text), fold(Cell(words[cut:]).text)
        if not (_exact(left) and _exact(right)):
            continue
        roles = classify(left), classify(right)
        if roles[0] in MONEY_ROLES and roles[1] is not None and roles[1] not in MONEY_ROLES:
            return [Cell(words[:cut]), Cell(words[cut:])]
    return [cell]


def _exact(text: str) -> bool:
    return text in HEADER_PHRASES or text in KEYWORD_ROLES


def _splits(n: int) -> list[tuple[int, ...]]:
    return [cuts for k in (1, 2, 3) for cuts in itertools.combinations(range(1, n), k)]


def _split_score(words: tuple[Word, ...], cuts: tuple[int, ...]) -> tuple[int, int, int, int]:
    """(distinct money titles, exact titles, fewer parts, symbols kept with the title before
    them). A part must name a role or be bare symbols; `Amt` after `Debit` only qualifies it."""
    bounds = [0, *cuts, len(words)]
    roles: list[Role] = []
    exact = 0
    for a, b in itertools.pairwise(bounds):
        text = fold(" ".join(w.text for w in words[a:b]))
        role = classify(text)
        if role is None and text:
            return (0, 0, 0, 0)
        qualifier = classify(words[a].text) is Role.AMOUNT
        if qualifier and roles and roles[-1] in (Role.DEBIT, Role.CREDIT):
            return (0, 0, 0, 0)
        if role is not None:
            roles.append(role)
            exact += text in HEADER_PHRASES or text in KEYWORD_ROLES
    money = [r for r in roles if r in MONEY_ROLES]
    if len(money) != len(set(money)):
        return (0, 0, 0, 0)
    return (len(money), exact, -len(cuts), sum(cuts))


def build_columns(typed: Sequence[tuple[Cell, Role | None]]) -> tuple[Column, ...]:
    """Columns from typed header cells: one date, one description, the rest kept apart."""
    columns: list[Column] = []
    seen: set[Role] = set()
    untitled: list[int] = []
    for cell, role in sorted(typed, key=lambda t: t[0].x0):
        final = role or Role.OTHER
        if final is Role.DATE and Role.DATE in seen:
            final = Role.VALUE_DATE
        elif final in seen and final in MONEY_ROLES:
            final = Role.OTHER  # a repeated title (`Date Amount Date Amount`) adds no meaning
        elif final in seen and final is Role.DESCRIPTION and _side_title(cell.text):
            # `Transaction Type`, `Status`, NZ `Particulars`: fields beside the narrative.
            final = Role.OTHER
        elif role is None:
            untitled.append(len(columns))
        seen.add(final)
        columns.append(Column(final, cell.x0, cell.x1, cell.text))
    if Role.DATE not in seen and Role.VALUE_DATE in seen:
        # Only a value date titled (`Valutadatum` beside an unknown booking-date title): it
        # is the date the rows are read by.
        k = next(i for i, c in enumerate(columns) if c.role is Role.VALUE_DATE)
        columns[k] = Column(Role.DATE, columns[k].x0, columns[k].x1, columns[k].label)
    if Role.DESCRIPTION not in seen and untitled:
        # No `Description` title: the first untitled column left of the figures is the narrative.
        first_money = min((c.x0 for c in columns if c.role in MONEY_ROLES), default=1e9)
        before = [i for i in untitled if columns[i].x1 <= first_money]
        pick = before[0] if before else max(untitled, key=lambda i: columns[i].width)
        c = columns[pick]
        columns[pick] = Column(Role.DESCRIPTION, c.x0, c.x1, c.label)
    return tuple(columns)


def _side_title(text: str) -> bool:
    return not {"type", "status", "state", "particulars"}.isdisjoint(fold(text).split())


def is_transactional(columns: Sequence[Column]) -> bool:
    """Transactions move money, say what for and when; a daily-balance table does neither and
    a summary by type (`TRANSACTION TYPE  PAID IN  PAID OUT`) has no dates."""
    roles = {c.role for c in columns}
    return (
        bool(roles & MOVEMENT_ROLES)
        and bool(roles & {Role.DESCRIPTION, Role.REFERENCE})
        and bool(roles & DATE_ROLES)
    )


def repeats(typed: Sequence[tuple[Cell, Role | None]]) -> list[list[tuple[Cell, Role | None]]]:
    """The groups of a header printed two or three across (`Check  Amount  Date Paid` twice,
    as checks are listed), each a table of its own; empty when the header does not repeat."""
    roles = [role for _, role in sorted(typed, key=lambda t: t[0].x0)]
    ordered = sorted(typed, key=lambda t: t[0].x0)
    for size in range(2, len(roles) // 2 + 1):
        if len(roles) % size or any(roles[j] != roles[j % size] for j in range(len(roles))):
            continue
        group = set(roles[:size])
        if group & MONEY_ROLES and group & (DATE_ROLES | {Role.REFERENCE}):
            return [ordered[k : k + size] for k in range(0, len(roles), size)]
    return []
