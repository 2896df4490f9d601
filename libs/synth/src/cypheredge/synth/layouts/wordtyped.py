"""Statements typed in MS Word or Google Docs by small banks, credit unions and building societies.

Taken from corpus sample 31 (a statement made in Word: plain-text letterhead, `Statement Period:`
and balance lines typed with tabs, a bold "Transaction Details" heading, a Word table with a
full grid) and from the period lines the issue collects from such documents ("Statement period:
1 February to 1 March, 2019", "for the period 1 February 2019 to ..."):
- a Word table has fixed column widths and wraps everything that does not fit: a date breaks at a
  space (`15 Mar` above `2024`, `March 15,` above `2024`) or after a hyphen (`2024-03-` above
  `01`), as Word breaks lines; a typed currency sign followed by a space (`$ 1,234.56`) goes
  on its own line in the narrowest variant; a description wraps at spaces;
- numbers are left-aligned in some variants (Word's default), right-aligned or mixed in others;
- a full grid ("Table Grid") or no ruling at all, an optional shaded header row, and a header row
  that is repeated on later pages only where the typist ticked "repeat header row";
- bold headings; one account, or a credit union's savings (share) and checking (draft) accounts
  one after the other; balances with `CR` in some.
Truth: the date a wrapped cell spells, the description's lines joined by one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import A4, LETTER

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, rows, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.regions_english import AUSTRALIA, UK, US
from cypheredge.synth.render.blocks import footer, heading, note
from cypheredge.synth.render.flow import HELVETICA, TIMES, Align, Flow, PageSpec, text_width
from cypheredge.synth.render.table import Column, Row, Style, Table, wrap

# Date patterns and whether Word can break them: a space or a hyphen is a break opportunity.
DATES = ("YYYY-MM-DD", "DD MON YYYY", "MONTH D, YYYY", "DD/MM/YYYY", "D MON")
BREAK = re.compile(r"(?<=[ -])")
LOCALES: tuple[tuple[Region, str, tuple[str, ...]], ...] = (
    (US, "$", ("Lakeview Community Credit Union", "Pioneer Valley Federal Credit Union")),
    (AUSTRALIA, "$", ("Gravy Train Bank", "Bellarine Mutual Credit Union")),
    (UK, "£", ("Dales & Moor Building Society", "Harbourside Savings Bank")),
)
TOWNS = ("Springfield, IL 62701", "Geelong VIC 3220", "Skipton BD23 2DE")


def word_wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines as Word breaks them: after a space or a hyphen; a piece wider than the cell is cut."""
    pieces = [p for p in BREAK.split(text) if p]
    lines: list[str] = []
    current = ""
    for piece in pieces:
        candidate = current + piece
        if current and text_width(candidate.rstrip(), font, size) > width:
            lines.append(current.rstrip())
            current = piece
        else:
            current = candidate
    lines.append(current.rstrip())
    return [cut for line in lines for cut in wrap(line, font, size, width)] or [""]


@dataclass
class WordTable(Table):
    """A Word table: fixed column widths (fractions of the text width), every cell wrapped, and
    the header row repeated on later pages only if `repeat`."""

    fractions: tuple[float, ...] = ()
    repeat: bool = True

    def measure(self, rows: object) -> None:
        total = sum(self.fractions)
        self.widths = [self.flow.width * f / total for f in self.fractions]

    def _lines(self, row: Row) -> list[list[str]]:
        font, size = self.flow.font(row.bold), self.flow.spec.size
        out = []
        for col, width in zip(self.columns, self.widths, strict=True):
            text, inner = row.cells.get(col.key, ""), width - 2 * self.style.pad
            if col.key == "desc":
                out.append(wrap(text, font, size, inner))  # descriptions break at spaces only
            else:
                out.append(word_wrap(text, font, size, inner))
        return out

    def _page_break(self, balance: Decimal | None) -> None:
        if self.repeat:
            super()._page_break(balance)
        else:
            self.flow.new_page()


@dataclass(frozen=True)
class Typing:
    """How this document was typed."""

    day: str
    symbol: str  # "$ " (with a space) or "$" or "" before every amount
    cr: bool  # balances typed with CR / DR after them
    align: tuple[Align, Align, Align]  # debit, credit, balance
    # "equal": Word's default table, five equal columns (the description wraps a lot);
    # "tight": date and amount cells too narrow for their text; "loose": widths set by hand.
    widths: str


def _typing(rng: Random, sign: str) -> Typing:
    widths = rng.choice(("equal", "tight", "tight", "loose"))
    narrow = widths == "tight"
    day = rng.choice(DATES[:3] if narrow else DATES)
    symbol = rng.choice((f"{sign} ", f"{sign} ", sign, "")) if narrow else rng.choice((sign, ""))
    aligns: tuple[tuple[Align, Align, Align], ...] = (
        ("l", "l", "l"),
        ("r", "r", "r"),
        ("l", "l", "r"),
        ("r", "r", "l"),
    )
    return Typing(day, symbol, rng.random() < 0.4, rng.choice(aligns), widths)


def _balance(typing: Typing, value: Decimal) -> str:
    body = f"{typing.symbol}{EN.magnitude(value)}"
    if typing.cr:
        return f"{body} {'CR' if value >= 0 else 'DR'}"
    return f"-{body}" if value < 0 else body


def _period_line(rng: Random, st: Statement) -> str:
    """The period as people type it, the year once at the end where both dates share it."""
    first, last = st.start, st.end
    if first.year == last.year and rng.random() < 0.5:
        spans = f"{fmt_date(first, 'D MONTH')} to {fmt_date(last, 'D MONTH')}, {last.year}"
        return rng.choice(("Statement period: ", "This statement covers ")) + spans
    if rng.random() < 0.5:
        return (
            f"Statement Period: {fmt_date(first, 'D MON YYYY')} to {fmt_date(last, 'D MON YYYY')}"
        )
    return f"For the period {fmt_date(first, 'D MONTH YYYY')} to {fmt_date(last, 'D MONTH YYYY')}"


def _header(flow: Flow, rng: Random, st: Statement, typing: Typing) -> None:
    """A plain typed letterhead: bank name, bold title, tab-aligned detail lines."""
    size = flow.spec.size
    flow.text(
        flow.left, flow.y - size * 1.3, st.bank.name, bold=rng.random() < 0.5, size=size * 1.3
    )
    for i, line in enumerate(st.bank.address):
        flow.text(flow.left, flow.y - size * (2.8 + 1.25 * i), line)
    flow.y -= size * (4.5 + 1.25 * len(st.bank.address))
    for i, line in enumerate((st.holder.name, *st.holder.address)):
        flow.text(flow.left, flow.y - size * (1 + 1.25 * i), line)
    flow.y -= size * 6
    title = rng.choice(("Monthly Statement", "Statement of Account", "Account Statement"))
    flow.text(flow.left, flow.y - size * 1.5, title, bold=True, size=size * 1.6)
    flow.y -= size * 3
    note(flow, _period_line(rng, st))
    if len(st.accounts) == 1:
        _typed_lines(flow, rng, st.accounts[0], typing)


def _typed_lines(flow: Flow, rng: Random, acc: Account, typing: Typing) -> None:
    """Label, tab, value: the account number and its balances as a typist lays them out."""
    size = flow.spec.size
    tab = flow.left + size * rng.uniform(12, 18)
    for label, value in (
        ("Account number:", acc.masked),
        ("Opening balance:", _balance(typing, acc.opening)),
        ("Closing balance:", _balance(typing, acc.closing)),
    ):
        flow.ensure(size * 1.4)
        flow.text(flow.left, flow.y - size, label)
        flow.text(tab, flow.y - size, value)
        flow.y -= size * 1.35
    flow.y -= size


def _columns(typing: Typing) -> list[Column]:
    debit, credit, bal = typing.align
    return [
        Column("date", "Date"),
        Column("desc", "Description", truth="description"),
        Column("out", "Debit", debit),
        Column("in", "Credit", credit),
        Column("bal", "Balance", bal),
    ]


def _fractions(rng: Random, flow: Flow, typing: Typing, acc: Account) -> tuple[float, ...]:
    """Word column widths; in a narrow document the date and amount cells are cut to the size
    of their text less its last piece, so each value is forced over two lines."""
    size, pad = flow.spec.size, 4.0
    font = flow.font()
    if typing.widths == "equal":
        return (1.0, 1.0, 1.0, 1.0, 1.0)
    if typing.widths == "loose":
        return (0.16, rng.uniform(0.38, 0.46), 0.14, 0.14, 0.16)
    # The widest date (September) must break once: all but its last piece on the first line.
    pieces = [p for p in BREAK.split(fmt_date(date(2024, 9, 28), typing.day)) if p]
    head = "".join(pieces[:-1]).rstrip()
    date_w = max(text_width(head, font, size), text_width(pieces[-1], font, size)) + 2 * pad + 2
    biggest = max(abs(t.amount) for t in acc.txns)
    number = max(biggest, abs(acc.opening), *(abs(t.balance) for t in acc.txns))
    amount_w = text_width(EN.magnitude(number), font, size) + 2 * pad + 2
    if not typing.symbol.endswith(" "):
        amount_w += text_width(typing.symbol, font, size) + size * 3  # CR / DR and a margin
    # The balance cell is typed to fit its figure and marker; the sign may still wrap above.
    balance_w = amount_w + (text_width(" CR", font, size) if typing.cr else 0.0)
    fixed = date_w + 2 * amount_w + balance_w
    return (date_w, flow.width - fixed, amount_w, amount_w, balance_w)


def _table(
    flow: Flow, rng: Random, typing: Typing, acc: Account, index: int, log: TruthLog
) -> None:
    def cells(t: Txn) -> dict[str, str]:
        side = "out" if t.amount < 0 else "in"
        return {
            "date": fmt_date(t.day, typing.day),
            "desc": t.description,
            side: f"{typing.symbol}{EN.magnitude(t.amount)}",
            "bal": _balance(typing, t.balance),
        }

    style = Style(
        rules=rng.choice(("grid", "grid", "none")),
        header_fill=rng.choice((None, None, 0.88)),
        pad=4.0,
        row_pad=rng.uniform(0.8, 2.0),
        bottom_align=False,
    )
    table = WordTable(
        flow,
        _columns(typing),
        style,
        fractions=_fractions(rng, flow, typing, acc),
        repeat=rng.random() < 0.5,
    )
    table.measure(())
    table.draw(rows(acc, index, log, cells))


def _plans(rng: Random) -> list[Plan]:
    main = Plan("Checking", rng.randint(20, 45), (300, 5000), mask="{last4}", cheques=False)
    if rng.random() < 0.35:
        savings = Plan(
            "Share Savings",
            rng.randint(3, 7),
            (500, 8000),
            mandatory=("interest",),
            optional=(),
            pool=("transfer_in", "transfer_out"),
            cheques=False,
            mask="S{last4}",
        )
        return [savings, main]
    return [main]


def word_typed(rng: Random) -> Built:
    index = rng.randrange(len(LOCALES))
    region, sign, banks = LOCALES[index]
    st = statement(
        rng, region, (rng.choice(banks), (TOWNS[index],), "JORDAN A. BLAKE"), _plans(rng)
    )
    typing = _typing(rng, sign)
    spec = PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(8.5, 10.5), paper=(A4, LETTER))
    flow = Flow(spec, footer(rng.choice(("", "Page {n} of {total}", "{n}"))))
    _header(flow, rng, st, typing)
    log = TruthLog()
    for i, acc in enumerate(st.accounts):
        title = "Transaction Details" if len(st.accounts) == 1 else f"{acc.name} {acc.masked}"
        heading(flow, title, underline=False)
        if len(st.accounts) > 1:
            _typed_lines(flow, rng, acc, typing)
        _table(flow, rng, typing, acc, i, log)
        flow.y -= flow.spec.size * 1.5
    if rng.random() < 0.5:
        note(
            flow,
            "If you have any questions about this statement please call us during office "
            "hours. Thank you for banking with us.",
        )
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "word_typed",
        "statements typed in Word by small banks and credit unions: fixed narrow table cells "
        "that wrap dates (2024-03- / 01, 15 Mar / 2024) and push a typed currency sign onto its "
        "own line, left-aligned or mixed number alignment, full grid or no ruling, header row "
        "not always repeated, typed period lines (1 February to 1 March, 2019), bold headings, "
        "CR balances, one account or savings + checking",
        word_typed,
    ),
)
