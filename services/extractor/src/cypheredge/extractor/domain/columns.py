"""Placing each word of a table line in a column: money by alignment, text by position."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from cypheredge.extractor.domain.amounts import Money, parse_amount
from cypheredge.extractor.domain.currency import ISO_CODES, SYMBOLS
from cypheredge.extractor.domain.dates import parse_date
from cypheredge.extractor.domain.header import Column, classify
from cypheredge.extractor.domain.vocabulary import DATE_ROLES, MONEY_ROLES, Role
from cypheredge.extractor.domain.words import Word

_AUX = re.compile(
    r"^(?:[-+()]|\(?[-+]?[$£€¥₹]\)?|CR|DR|DB|Cr|Dr|Db|cr|dr|db|C|D|S|H|[-+]?\d{1,3}|"
    r"[Cc]r[ée]diteur|CR[EÉ]DITEUR|[Dd][ée]biteur|D[EÉ]BITEUR)$"
)  # `DB`: BCA marks its debits so
_DIGIT = re.compile(r"\d")
_BARE_GROUP = re.compile(r"^[-+]?\d{1,3}$")
GROUPS = re.compile(r"^[-+−]?\d{1,3}(?P<g>[.,' ])\d{3}(?:(?P=g)\d{3})*$")  # `1.719.141`
MARGIN = 24.0  # points a table reaches past its outermost titles
TEXT_MARGIN = 8.0  # points past the last money title where text no longer belongs to the table
ALIGN_SLACK = 15.0  # points short of its column's common right edge a figure is no longer in it
TEXT_REACH = 300.0  # points a text column printed last may run past its title's left edge


def _units(label: str) -> bool:
    """A title that names a currency (`Fees EUR`, `Poplatky (CZK)`): its column holds figures."""
    words = [t.strip("()[],.") for t in label.split()[1:]]
    return any(t in ISO_CODES or t in SYMBOLS for t in words) or equivalent(label)


# `Еквівалент за курсом НБУ, грн`, `Gegenwert EUR`: the amount in the account's currency
# beside an amount in a foreign one.
EQUIVALENT_WORDS = frozenset(("еквівалент", "эквивалент", "equivalent", "gegenwert", "contravalor"))


def equivalent(label: str) -> bool:
    return any(w.lower().strip("(),.:") in EQUIVALENT_WORDS for w in label.split())


class Kind(Enum):
    STRONG = "strong"  # money on its own: decimals or a currency
    WEAK = "weak"  # a bare integer: money only right under a money title
    AUX = "aux"  # a sign, symbol, marker or digit group that belongs to a neighbour
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Layout:
    """A table's columns (left to right) and the horizontal band its words may occupy."""

    columns: tuple[Column, ...]
    left: float
    right: float
    header_bottom: float
    section: int = 0  # +1 / -1 when a section heading says which way unsigned amounts go
    inferred: bool = False  # columns guessed from the data (no header): the chain may swap them
    day_groups: bool = False  # inferred, and rows after a day's first leave the date out
    across: tuple[Layout, ...] = ()  # a table printed two or three across: one per repeat

    def index(self, role: Role) -> int | None:
        for i, column in enumerate(self.columns):
            if column.role is role:
                return i
        return None

    def has(self, role: Role) -> bool:
        return self.index(role) is not None


def make_layout(columns: tuple[Column, ...], header_bottom: float, section: int = 0) -> Layout:
    first, last = columns[0], columns[-1]
    left = first.x0 - max(MARGIN, first.width)
    right = last.x1 + max(MARGIN, 0.5 * last.width)
    if last.role not in MONEY_ROLES:
        # Text set left under a narrow title runs on to the right (`Opis transakcji` printed
        # last, after the figures): the band reaches as far as such a line can.
        right = max(right, last.x0 + TEXT_REACH)
    return Layout(columns, left, right, header_bottom, section)


@lru_cache(maxsize=1 << 16)
def money_of(text: str, mark: str) -> Money | None:
    return parse_amount(text, mark)


@lru_cache(maxsize=1 << 12)
def _date_like(text: str) -> bool:
    return parse_date(text) is not None


@lru_cache(maxsize=1 << 16)
def kind_of(text: str, mark: str) -> Kind:
    money = money_of(text, mark)
    if money is not None:
        if money.strong:
            return Kind.STRONG
        if _AUX.match(text):
            return Kind.AUX
        if (len(text) > 7 and not GROUPS.match(text)) or (text[:1] == "0" and len(text) > 1):
            return Kind.TEXT  # long digit runs and zero-padded numbers are ids, not money
        return Kind.WEAK
    if _AUX.match(text) or text.upper() in ISO_CODES or text in SYMBOLS:
        return Kind.AUX
    return Kind.TEXT


def assign(
    words: Sequence[Word], layout: Layout, mark: str, bounds: Sequence[float] = ()
) -> list[list[Word]]:
    """One list of words per column of `layout`; words outside the table band are dropped.

    `bounds` splits neighbouring text columns (see `gutters.text_bounds`); without it the
    midpoint between their titles does."""
    return Placer.of(layout, mark, bounds).assign(words)


@dataclass(frozen=True, slots=True)
class Placer:
    """How one table places words (see `assign`), worked out once for all of its lines."""

    layout: Layout
    mark: str
    money: tuple[int, ...]  # money columns
    text: tuple[int, ...]  # every other column
    cuts: tuple[float, ...]  # where each text column hands over to the next one
    date: int | None = None  # the date column
    description: int | None = None  # the description column
    sinks: tuple[int, ...] = ()  # money columns whose figures are not read (a repeated title)
    edges: dict[int, float] = field(default_factory=dict)  # right edges figures keep to
    text_edge: float = float("inf")  # past this a word of text is outside the table
    dated: tuple[int, ...] = ()  # date columns (the row's and the value date's)

    @classmethod
    def of(
        cls,
        layout: Layout,
        mark: str,
        bounds: Sequence[float] = (),
        lines: Sequence[Sequence[Word]] = (),
    ) -> Placer:
        columns = layout.columns
        # A second money title (`SALDO OPERACIÓN  SALDO LIQUIDACIÓN`), or figures of no role
        # (`Poplatky CZK`, the fees beside the amount), add no meaning, but their figures must
        # land under them, not crowd the amount's cell or become a reference.
        sinks = tuple(
            i
            for i, c in enumerate(columns)
            if c.role is Role.OTHER and (classify(c.label) in MONEY_ROLES or _units(c.label))
        )
        money = tuple(i for i, c in enumerate(columns) if c.role in MONEY_ROLES or i in sinks)
        text = tuple(i for i in range(len(columns)) if i not in money)
        cuts = tuple(
            _cut(columns[a], columns[b], bounds[k] if k < len(bounds) else None)
            for k, (a, b) in enumerate(itertools.pairwise(text))
        )
        date, description = layout.index(Role.DATE), layout.index(Role.DESCRIPTION)
        last = columns[-1]
        # Past a table's last column of figures only signs and markers (`CR`) belong to it;
        # text there is a box beside the table.
        edge = last.x1 + TEXT_MARGIN if last.role in MONEY_ROLES else float("inf")
        dated = tuple(i for i, c in enumerate(columns) if c.role in DATE_ROLES)
        placer = cls(
            layout, mark, money, text, cuts, date, description, sinks, text_edge=edge, dated=dated
        )
        placer.edges.update(_right_edges(placer, lines))
        return placer

    def assign(self, words: Sequence[Word]) -> list[list[Word]]:
        columns, money_cols = self.layout.columns, self.money
        left, right = self.layout.left, self.layout.right
        cells: list[list[Word]] = [[] for _ in columns]
        placed: list[tuple[Word, int]] = []
        pending: list[tuple[Word, Kind]] = []
        for word in words:
            if word.x0 > right or word.x1 < left:
                continue
            kind = kind_of(word.text, self.mark)
            if kind is Kind.TEXT and word.x0 > self.text_edge:
                continue  # a side box's words (`Credit Limit`) past the last figures' column
            if kind is Kind.STRONG and self.dated and self._dated(word):
                cells[self.text_column(word)].append(word)
                continue  # `12.07` under `Valeur`: a value date, however money-like
            col = _money_column(word, columns, money_cols) if kind is Kind.STRONG else None
            end = figure_end(word)
            if col is not None and abs(end - self.edges.get(col, end)) > ALIGN_SLACK:
                col = None  # far from the edge its column's figures keep: text (`EUR 158.77`)
            if col is not None:
                cells[col].append(word)
                placed.append((word, col))
            elif kind in (Kind.AUX, Kind.WEAK) and money_cols:
                pending.append((word, kind))
            elif (under := _under_money(word, columns, money_cols)) is not None:
                cells[under].append(word)  # unreadable figures stay out of the description
            else:
                cells[self.text_column(word)].append(word)
        pending = self._grouped(pending, cells, placed)
        # Bare integers first: `90,350 CR` needs the figure placed before its marker can join it.
        # Digit groups before signs: `- 8 208,00 ₸` needs the `8` placed before its `-` can
        # join the figure through it.
        pending.sort(key=lambda item: (item[1] is not Kind.WEAK, not _DIGIT.search(item[0].text)))
        anchors = list(placed)
        for word, kind in pending:
            col = _attach(word, kind, anchors if kind is Kind.AUX else placed, columns, money_cols)
            if col is None and kind is Kind.AUX and _DIGIT.search(word.text) is None:
                col = _under_money(word, columns, money_cols, digits=False)
            elif col is None and kind is Kind.AUX and anchors and money_of(word.text, self.mark):
                # A digit group on a line of figures, beside none of them, is a figure of its
                # own (`757` yen); on a line of prose (`Page 1 of 1`) it is text.
                col = _attach(word, Kind.WEAK, placed, columns, money_cols)
            if col is None:
                cells[self.text_column(word)].append(word)
                continue
            cells[col].append(word)
            if kind is Kind.WEAK or _DIGIT.search(word.text):
                anchors.append((word, col))
        self._evict(cells)
        for cell in cells:
            if len(cell) > 1:
                cell.sort(key=_left)
        return cells

    def _grouped(
        self,
        pending: list[tuple[Word, Kind]],
        cells: list[list[Word]],
        placed: list[tuple[Word, int]],
    ) -> list[tuple[Word, Kind]]:
        """Digit groups set apart by spaces (`- 2 077`, forints without decimals) read as one
        figure where together they are one and sit under a money column; the rest stay."""
        if len(pending) < 2 or placed:
            return pending
        runs: list[list[Word]] = []
        for word, _ in sorted(pending, key=lambda item: item[0].x0):
            last = runs[-1][-1] if runs else None
            if last is not None and word.x0 - last.x1 <= 0.6 * max(last.height, 1.0):
                runs[-1].append(word)
            else:
                runs.append([word])
        taken: set[Word] = set()
        for run in runs:
            text = " ".join(w.text for w in run)
            if len(run) < 2 or not _DIGIT.search(text) or money_of(text, self.mark) is None:
                continue
            whole = Word(text, run[0].x0, run[0].y0, run[-1].x1, run[-1].y1, run[0].page)
            col = _attach(whole, Kind.WEAK, placed, self.layout.columns, self.money)
            if col is not None and not cells[col]:
                cells[col].extend(run)
                placed.append((whole, col))
                taken.update(run)
        return [item for item in pending if item[0] not in taken]

    def _evict(self, cells: list[list[Word]]) -> None:
        """A figure left of a money column whose own figure sits under its title belongs to
        the text before it (`INTEREST PAID AFTER TAX 0.00 DEDUCTED  15.33`)."""
        for i in self.money:
            cell = cells[i]
            if len(cell) < 2:
                continue
            column = self.layout.columns[i]
            outside = [
                w for w in cell if w.x1 <= column.x0 and kind_of(w.text, self.mark) is Kind.STRONG
            ]
            if not outside or len(outside) == len(cell):
                continue
            for word in outside:
                cells[self.text_column(word)].append(word)
            cells[i] = [w for w in cell if w not in outside]

    def _dated(self, word: Word) -> bool:
        """Whether a figure sits under a date title more than under any money title and
        reads as a date."""
        columns = self.layout.columns

        def overlap(c: Column) -> float:
            return min(word.x1, c.x1) - max(word.x0, c.x0)

        under = max(overlap(columns[i]) for i in self.dated)
        if under <= 0.5 * (word.x1 - word.x0):
            return False
        if any(overlap(columns[i]) >= under for i in self.money):
            return False
        return _date_like(word.text)

    def stray_figure(self, cells: list[list[Word]]) -> Word | None:
        """On a dated line without figures, its one bare digit group under a money title
        moves into that column (`590` francs CFA of tax under `Débit`): currencies without
        minor units print small amounts as plain integers. Returns the word moved."""
        columns = self.layout.columns
        found = [
            (k, w, col)
            for k in self.text
            for w in cells[k]
            if _BARE_GROUP.match(w.text)
            and (col := _under_money(w, columns, self.money)) is not None
        ]
        if len(found) != 1:
            return None
        k, word, col = found[0]
        cells[k].remove(word)
        cells[col].append(word)
        return word

    def text_column(self, word: Word) -> int:
        if not self.text:
            return 0
        centre = word.xc
        for k, cut in enumerate(self.cuts):
            if centre < cut:
                return self.text[k]
        return self.text[-1]


ALIGNED = 0.6  # share of a column's figures ending at one edge that shows it right-aligned


_SUFFIX = re.compile(r"(?<=\d)[^\d]+$")


def figure_end(word: Word) -> float:
    """Where the figure of `word` ends: a currency code or side set on it (`435,711.92ETB`,
    `90.35CR`) is given its characters' share of the box, and the figure ends before it, as
    it does where the print spaces them apart."""
    found = _SUFFIX.search(word.text)
    if found is None:
        return word.x1
    share = (len(word.text) - found.start()) / len(word.text)
    return word.x1 - (word.x1 - word.x0) * share


def _right_edges(placer: Placer, lines: Sequence[Sequence[Word]]) -> dict[int, float]:
    """The right edge each money column's figures keep to, where the table right-aligns them
    (most end within a point or two of one another). Typed statements that set each figure
    right after its text show none, and keep the loose placement."""
    ends: dict[int, list[float]] = {}
    columns = placer.layout.columns
    for words in lines:
        for word in words:
            if kind_of(word.text, placer.mark) is not Kind.STRONG:
                continue
            col = _money_column(word, columns, placer.money)
            if col is not None:
                ends.setdefault(col, []).append(figure_end(word))
    edges: dict[int, float] = {}
    for col, xs in ends.items():
        edge, count = _densest(sorted(xs), 4.0)
        if count >= max(4, ALIGNED * len(xs)):
            edges[col] = edge
    return edges


def _densest(xs: Sequence[float], width: float) -> tuple[float, int]:
    """The middle of the `width`-wide window holding most of the sorted `xs`, and how many:
    the edge most figures end at (a few foreign amounts in the text do not move it)."""
    best, start, middle = 0, 0, xs[0]
    for end, x in enumerate(xs):
        while x - xs[start] > width:
            start += 1
        if end - start + 1 > best:
            best, middle = end - start + 1, (x + xs[start]) / 2
    return middle, best


def _cut(left: Column, right: Column, bound: float | None) -> float:
    if bound is not None:
        return bound
    if left.x1 < right.x0:
        return (left.x1 + right.x0) / 2
    return (left.x0 + right.x0) / 2


def _left(word: Word) -> float:
    return word.x0


def _money_column(word: Word, columns: Sequence[Column], money_cols: Sequence[int]) -> int | None:
    best: tuple[float, float, float] | None = None
    chosen = None
    for i in money_cols:
        c = columns[i]
        if word.x1 < c.x0 - (c.width + 10) or word.x0 > c.x1 + (0.5 * c.width + 10):
            continue
        distance = max(c.x0 - word.x1, word.x0 - c.x1, 0.0)
        overlap = min(word.x1, c.x1) - max(word.x0, c.x0)
        key = (distance, -overlap, abs(word.x1 - c.x1))
        if best is None or key < best:
            best, chosen = key, i
    return chosen


def _under_money(
    word: Word, columns: Sequence[Column], money_cols: Sequence[int], digits: bool = True
) -> int | None:
    """The money column a word sits under. With `digits=False` a sign or dash alone counts
    too: `-` printed in an empty Credit column is a placeholder, not description text."""
    if digits and _DIGIT.search(word.text) is None:
        return None
    for i in money_cols:
        c = columns[i]
        if min(word.x1, c.x1) - max(word.x0, c.x0) > 0.5 * (word.x1 - word.x0):
            return i
    return None


def _attach(
    word: Word,
    kind: Kind,
    placed: Sequence[tuple[Word, int]],
    columns: Sequence[Column],
    money_cols: Sequence[int],
) -> int | None:
    """A sign, symbol or marker joins the amount it touches; a bare integer needs its title."""
    if kind is Kind.AUX:
        gap_limit = 0.6 * max(word.height, 1.0)
        for other, col in placed:
            if max(other.x0 - word.x1, word.x0 - other.x1) <= gap_limit:
                return col
    if kind is Kind.WEAK:
        # The free money column the figure overlaps most (yen, won and pesos have no
        # decimals, so every figure of theirs is a bare integer placed here).
        best, chosen = 0.0, None
        taken = {col for _, col in placed}
        for i in money_cols:
            c = columns[i]
            if i in taken:
                continue
            overlap = min(word.x1, c.x1 + 2) - max(word.x0, c.x0 - 2)
            if overlap > best:
                best, chosen = overlap, i
        return chosen
    return None
