"""Australian and New Zealand bank accounts in the house styles of CommBank, Westpac, NAB, ANZ and
the NZ banks (ASB, Kiwibank, BNZ); bank names are fictional.

Taken from corpus sample 31 (a CommBank-style fake made in Word: balances with `CR`, printed only
on the last row of a date, an interleaved line that is no transaction), samples 16 and 20 (ANZ NZ
geometry), the transtractor configurations for CommBank debit and loan statements (`Date /
Transaction / Debit / Credit / Balance`, OPENING BALANCE and CLOSING BALANCE rows) and NZ export
formats (Particulars / Code / Reference fields):
- CommBank: `01 Jan` dates without a year (the year is in the period), `$90,350.00 CR` balances,
  on every row or only on a date's last row, "Value Date: 02/01/2025" lines inside card
  descriptions, an OPENING BALANCE row dated the first day, CLOSING BALANCE at the end and an
  "Opening balance - Total debits + Total credits = Closing balance" line after the table.
- Westpac: DD/MM/YY dates, balances with CR/DR, capitals headers.
- NAB: `3 Jan 2025` dates on a date's first row only, balances with Cr/Dr on its last row only,
  Brought forward / Carried forward rows at every page break.
- ANZ: Withdrawals ($) / Deposits ($) / Balance ($), `03 JAN` dates, TOTALS AT END OF PAGE rows
  with the page's sums (figures that are no transaction) and TOTALS AT END OF PERIOD.
- NZ: Particulars / Code / Reference sub-columns after the transaction text; the truth
  description is the text and the sub-columns joined in print order.
`$` means AUD or NZD by the bank's country; the truth says which. Some variants interleave notices
(rate changes, card reminders) between rows, starting in the date column: they are no part of any
description and no transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import A4

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, start, statement, totals
from cypheredge.synth.layouts.daybook import day_rows, join_parts
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, Truth, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.regions_english import AUSTRALIA, NZ
from cypheredge.synth.render.blocks import note
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Rules, Style, Table

AU_TOWNS = ("SYDNEY NSW 2000", "FITZROY VIC 3065", "SOUTH BRISBANE QLD 4101")
NZ_TOWNS = ("Ponsonby, Auckland 1011", "Te Aro, Wellington 6011", "Riccarton, Christchurch 8011")
LEGAL = ("{bank} ABN 48 123 123 124 AFSL 234945", "{bank} Limited. Registered bank (NZ).")
NOTICES = (
    "INTEREST RATE ON THIS ACCOUNT CHANGED TO 0.55% P.A. EFFECTIVE {day}",
    "** YOUR VISA DEBIT CARD ENDING {last4} EXPIRES NEXT MONTH **",
    "PLEASE NOTE: FROM {day} THE MONTHLY ACCOUNT FEE WILL BE $5.00",
    "Proceeds of cheques deposited are not available until cleared",
)


@dataclass(frozen=True)
class House:
    key: str
    names: tuple[str, ...]
    region: Region
    day: str  # fmt_date pattern of the row dates
    order: tuple[str, ...]
    titles: dict[str, str]
    marks: tuple[str, str]  # after credit and debit balances ("CR", "DR"); ("", "-"): minus sign
    date_once: bool
    sparse: str  # "always", "never" or "maybe": balance on a date's last row only
    ends: tuple[str, str]  # opening and closing rows
    carry: tuple[str, str] | None  # carried / brought forward rows at page breaks


HOUSES = (
    House(
        "commbank",
        ("Wattle Commonwealth Bank", "Southern Cross Bank"),
        AUSTRALIA,
        "DD MON",
        ("date", "desc", "out", "in", "bal"),
        {"desc": "Transaction", "out": "Debit", "in": "Credit", "bal": "Balance"},
        ("CR", "DR"),
        True,
        "maybe",
        ("OPENING BALANCE", "CLOSING BALANCE"),
        None,
    ),
    House(
        "westpac",
        ("Red Gum Banking Corporation", "Harbour Bank of Australia"),
        AUSTRALIA,
        "DD/MM/YY",
        ("date", "desc", "out", "in", "bal"),
        {
            "date": "DATE",
            "desc": "TRANSACTION DESCRIPTION",
            "out": "DEBIT",
            "in": "CREDIT",
            "bal": "BALANCE",
        },
        ("CR", "DR"),
        False,
        "never",
        ("OPENING BALANCE", "CLOSING BALANCE"),
        None,
    ),
    House(
        "nab",
        ("Coastal National Bank", "Federation Bank"),
        AUSTRALIA,
        "D MON YYYY",
        ("date", "desc", "out", "in", "bal"),
        {"desc": "Particulars", "out": "Debits", "in": "Credits", "bal": "Balance"},
        ("Cr", "Dr"),
        True,
        "always",
        ("Brought forward", "Carried forward"),
        ("Carried forward", "Brought forward"),
    ),
    House(
        "anz",
        ("Pacific & Southern Bank", "Gondwana Banking Group"),
        AUSTRALIA,
        "DD MON",
        ("date", "desc", "out", "in", "bal"),
        {
            "desc": "Transaction Details",
            "out": "Withdrawals ($)",
            "in": "Deposits ($)",
            "bal": "Balance ($)",
        },
        ("", "-"),
        False,
        "never",
        ("OPENING BALANCE", "TOTALS AT END OF PERIOD"),
        ("TOTALS AT END OF PAGE", "BALANCE BROUGHT FORWARD"),
    ),
    House(
        "nz",
        ("Kowhai Bank", "Rimu Savings Bank", "Aotea Bank NZ"),
        NZ,
        "DD MON",
        ("date", "desc", "part", "code", "ref", "out", "in", "bal"),
        {
            "desc": "Transaction",
            "part": "Particulars",
            "code": "Code",
            "ref": "Reference",
            "out": "Withdrawals",
            "in": "Deposits",
            "bal": "Balance",
        },
        ("", "-"),
        False,
        "never",
        ("OPENING BALANCE", "CLOSING BALANCE"),
        None,
    ),
)


class NoteRow(Row):
    """A notice printed between two transactions, from the date column across the table."""


@dataclass
class AuTable(Table):
    """A table that can print notices between rows and, like ANZ, the page's withdrawal and
    deposit sums before each page break."""

    page_totals: bool = False
    sums: list[Decimal] = field(default_factory=lambda: [Decimal(0), Decimal(0)])

    def _row(self, row: Row, shade: bool = False) -> None:
        if isinstance(row, NoteRow):
            size = self.flow.spec.size
            text = row.cells["note"]
            self.flow.text(
                self.flow.left + self.style.pad,
                self.flow.y - size * 1.1,
                text,
                size=size * 0.9,
                gray=0.3,
            )
            self.flow.y -= self._height(row)
            return
        super()._row(row, shade)
        if row.truth is not None:
            self._add(row.truth)

    def _add(self, truth: Truth) -> None:
        self.sums[0] += Decimal(truth["debit"] or 0)
        self.sums[1] += Decimal(truth["credit"] or 0)

    def _page_break(self, balance: Decimal | None) -> None:
        if self.page_totals:
            out, paid = (EN.magnitude(v) for v in self.sums)
            self.sums = [Decimal(0), Decimal(0)]
            super()._row(Row({"desc": "TOTALS AT END OF PAGE", "out": out, "in": paid}, bold=True))
        super()._page_break(None if self.page_totals else balance)
        if self.page_totals and balance is not None:
            super()._row(Row({"desc": "BALANCE BROUGHT FORWARD", "bal": _plain(balance)}))


def _plain(value: Decimal) -> str:
    return f"-{EN.magnitude(value)}" if value < 0 else EN.magnitude(value)


def _balance(house: House, value: Decimal, symbol: str = "") -> str:
    credit, debit = house.marks
    body = f"{symbol}{EN.magnitude(value)}"
    if not credit:
        return f"-{body}" if value < 0 else body
    return f"{body} {credit if value >= 0 else debit}"


def _columns(house: House) -> list[Column]:
    right = ("out", "in", "bal")
    return [
        Column(
            key,
            house.titles.get(key, key.title()),
            "r" if key in right else "l",
            wrap=key == "desc",
            truth="description" if key == "desc" else None,
        )
        for key in house.order
    ]


def _nz_parts(txn: Txn) -> tuple[str, str, str]:
    """Particulars, code and reference as NZ banks carry them with a payment."""
    ref = txn.reference[:12]
    card = f"4835****{int(txn.amount * 100) % 10000:04d}"  # digits, as the card mask prints
    return {
        "salary": ("SALARY", "", ref),
        "rent": ("RENT", "FLAT", txn.day.strftime("%b").upper()),
        "grocery": (card, "", ""),
        "card": (card, "", ""),
        "transfer_out": ("TRANSFER", "", ref),
        "transfer_in": ("REPAY", "LOAN", ref),
        "utility": (ref[:8], "POWER", ""),
    }.get(txn.kind, ("", "", ""))


def _plan(rng: Random, house: House) -> Plan:
    many = house.sparse != "never"
    return Plan(
        "Everyday Account" if house.key == "nz" else "Smart Access",
        rng.randint(45, 70) if many or house.key == "anz" else rng.randint(25, 50),
        (200, 6000),
        overdraft=rng.random() < 0.4,
        mask="06 2140 1{last4}" if house.key != "nz" else "12-3140-0{last4}-00",
    )


def _describe(house: House, txn: Txn) -> str:
    if house.key == "commbank" and txn.kind in ("card", "grocery") and txn.value_day != txn.day:
        return f"{txn.description} Value Date: {fmt_date(txn.value_day, 'DD/MM/YYYY')}"
    return txn.description


def _rows(rng: Random, house: House, st: Statement, log: TruthLog) -> list[Row]:
    acc = st.accounts[0]
    sparse = house.sparse == "always" or (house.sparse == "maybe" and rng.random() < 0.6)

    def cells(t: Txn, first: bool, shown: bool) -> dict[str, str]:
        out = {"desc": _describe(house, t), "out" if t.amount < 0 else "in": EN.magnitude(t.amount)}
        if first or not house.date_once:
            out["date"] = (
                fmt_date(t.day, house.day).upper()
                if house.key == "anz"
                else fmt_date(t.day, house.day)
            )
        if shown:
            out["bal"] = _balance(house, t.balance, "$" if house.key == "commbank" else "")
        if house.key == "nz":
            out |= dict(zip(("part", "code", "ref"), _nz_parts(t), strict=True))
        return out

    return day_rows(acc, 0, log, cells, sparse=sparse)


def _interleave(rng: Random, st: Statement, txns: list[Row]) -> list[Row]:
    """Notices before some rows that print their date, so each notice sits between two days."""
    dated = [i for i, row in enumerate(txns) if i > 0 and "date" in row.cells]
    if rng.random() < 0.5 or not dated:
        return list(txns)
    slots = set(rng.sample(dated, k=min(2, len(dated))))
    out: list[Row] = []
    for i, row in enumerate(txns):
        if i in slots:
            text = rng.choice(NOTICES).format(day=fmt_date(st.end, "DD/MM/YYYY"), last4="4821")
            out.append(NoteRow({"note": text}))
        out.append(row)
    return out


def _frame(house: House, st: Statement, txns: list[Row]) -> list[Row]:
    """The opening row, the transactions and the closing row (ANZ: the period's totals)."""
    acc = st.accounts[0]
    symbol = "$" if house.key == "commbank" else ""
    first = {"date": fmt_date(st.start, house.day), "desc": house.ends[0]}
    last: dict[str, str] = {"date": fmt_date(st.end, house.day), "desc": house.ends[1]}
    if house.key == "anz":
        first["date"], last["date"] = first["date"].upper(), last["date"].upper()
        last |= {"out": EN.magnitude(acc.total_debits), "in": EN.magnitude(acc.total_credits)}
    opening = Row(first | {"bal": _balance(house, acc.opening, symbol)}, balance=acc.opening)
    closing = Row(last | {"bal": _balance(house, acc.closing, symbol)}, bold=True)
    return [opening, *txns, closing]


def _header(rng: Random, house: House, st: Statement) -> tuple[str, list[tuple[str, str]]]:
    acc = st.accounts[0]
    long = "DD MON YYYY"
    period = f"{fmt_date(st.start, long)} - {fmt_date(st.end, long)}"
    details = [("Account Number", acc.masked), ("Statement Period", period)]
    if house.key != "nz":
        details.insert(0, ("BSB", f"06{rng.randint(1, 9)}-{rng.randint(100, 999)}"))
    details.append(("Statement", str(rng.randint(12, 180))))
    title = "Account Statement" if house.key == "nz" else "Your Statement"
    return title, details


def _ends_summary(rng: Random, flow: Flow, house: House, st: Statement) -> None:
    """CommBank's closing line: Opening balance - Total debits + Total credits = Closing."""
    acc = st.accounts[0]
    cells = {
        "o": _balance(house, acc.opening, "$"),
        "d": f"${EN.magnitude(acc.total_debits)}",
        "c": f"${EN.magnitude(acc.total_credits)}",
        "e": _balance(house, acc.closing, "$"),
    }
    columns = [
        Column("o", "Opening balance", "r"),
        Column("d", "- Total debits", "r"),
        Column("c", "+ Total credits", "r"),
        Column("e", "= Closing balance", "r"),
    ]
    flow.y -= flow.spec.size * 2
    flow.text(
        flow.left,
        flow.y - flow.spec.size,
        f"Transaction Summary during {fmt_date(st.start, 'MONTH YYYY')}",
        bold=True,
    )
    flow.y -= flow.spec.size * 1.8
    Table(flow, columns, Style.vary(rng, "header")).draw([Row(cells)])


def _table(rng: Random, flow: Flow, house: House, st: Statement, body: list[Row]) -> None:
    acc = st.accounts[0]
    carry = None
    if house.carry is not None:
        words = house.carry
        carry = Carry(
            carried=lambda b: {"desc": words[0], "bal": _balance(house, b)},
            brought=lambda b: {"desc": words[1], "bal": _balance(house, b)},
        )
    rules: Rules = "grid" if house.key == "commbank" else rng.choice(("header", "rows", "none"))
    style = Style.vary(rng, rules, (160, 280))
    table = AuTable(flow, _columns(house), style, carry, page_totals=house.key == "anz")
    # The period's totals are the widest figures the amount columns print (ANZ totals rows).
    widest = {"out": EN.magnitude(acc.total_debits), "in": EN.magnitude(acc.total_credits)}
    table.measure([*body, Row(widest)])
    table.draw(body)


def au_nz_bank(rng: Random) -> Built:
    house = rng.choice(HOUSES)
    bank = rng.choice(house.names)
    towns = NZ_TOWNS if house.key == "nz" else AU_TOWNS
    holder = rng.choice(("MR J CITIZEN", "MS L NGUYEN", "MR T WAAKA", "MRS A ROSSI"))
    rollover = house.day == "DD MON" and rng.random() < 0.3
    st = statement(rng, house.region, (bank, towns, holder), [_plan(rng, house)], rollover)
    acc = st.accounts[0]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, paper=(A4,)),
        _header(rng, house, st),
        "Page {n} of {total}",
        LEGAL[house.key == "nz"].format(bank=bank),
        f"Account Number {acc.masked}",
    )
    if house.key in ("anz", "nz"):
        labels = ("Opening Balance", "Total Deposits", "Total Withdrawals", "Closing Balance")
        totals(flow, acc, "Account Summary", labels, lambda v: f"${_plain(v)}", 0.45)
    log = TruthLog()
    txns = _rows(rng, house, st, log)
    _table(rng, flow, house, st, _frame(house, st, _interleave(rng, st, txns)))
    if house.key == "nz":  # after drawing: the table writes the printed text into the truth
        join_parts(txns, [("", " ".join(p for p in _nz_parts(t) if p)) for t in acc.txns])
    if house.key == "commbank":
        _ends_summary(rng, flow, house, st)
    if rng.random() < 0.4:
        note(
            flow,
            "Please check your statement. If you think there is an error, contact us on "
            "13 22 21 within 60 days of 30/06/2024. Fees charged this period: $0.00.",
        )
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "au_nz_bank",
        "Australian and New Zealand accounts (CommBank, Westpac, NAB, ANZ, NZ banks): balances "
        "with CR/DR or Cr/Dr, on a date's last row only in some, dates on a date's first row "
        "only, yearless 01 Jan dates, OPENING/CLOSING BALANCE rows, ANZ page totals, NZ "
        "Particulars/Code/Reference sub-columns joined into the description, Value Date lines "
        "inside descriptions, interleaved notices, $ meaning AUD or NZD",
        au_nz_bank,
    ),
)
