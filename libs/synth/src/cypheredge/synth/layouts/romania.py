"""Family from Romania: the extrase de cont of Banca Transilvania, BCR and BRD, in
Romanian and lei.

Held out in the sixth split; tuned on since that split was scored.

Banca Transilvania follows the public parsers written on its PDF extrase (a pdf-parse BT parser
that opens the table at `Data Descriere Debit Credit` and closes each day at `RULAJ ZI`, a Java
BT parser's documentation of an operation's lines, and a reconciliation module written from BT's
control totals): the date is printed once, on a day's first operation; each operation's type is
its first line (`Plata la POS`, `Incasare OP`, `Transfer Home'Bank`), the partner and the
reference (`REF. ...`) follow on lines of their own; there is no balance column, but each day
ends with `RULAJ ZI` (the day's debit and credit turnover) and `SOLD FINAL ZI`, the statement
opens with `SOLD ANTERIOR` and closes with `RULAJ TOTAL CONT` and `SOLD FINAL CONT`; amounts are
`104,519.66`. Public sources on BCR and BRD prints are thin, so those variants keep to the
Romanian banking terms every bank prints (sold iniţial / final, rulaj, dată valută) and to
Romanian number conventions (`1.234,56`): BCR prints a transaction and a value date, Debit /
Credit and a Sold after each row, with the balance reported (`Report`) across page breaks; BRD
prints DD.MM.YYYY dates, one signed Suma and the totals after the table. The embedded font has
the cedilla forms ş and ţ but not the comma-below ones, so titles use the cedilla (as many
Romanian prints still do) and BT's narrations have no diacritics at all.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, EN, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import Days, LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_balkan_baltic import ROMANIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style

DESC = "description"
RO_BANKS = ("Banca Carpatica SA", "Banca Dunarea SA", "Banca Ardealului SA")
RO_TOWNS = ("Bucuresti, Sector 1", "Cluj-Napoca", "Timisoara", "Iasi", "Brasov")
RO_STREETS = ("Str. Republicii nr. {n}", "Bd. Unirii nr. {n}", "Calea Victoriei nr. {n}")
RO_HOLDERS = ("POPESCU ANDREI", "IONESCU MARIA", "DUMITRU ALEXANDRU", "STAN ELENA")
NUMBERS = {"bt": EN, "bcr": DE, "brd": DE}
LEGAL = "Depozitele sunt garantate de Fondul de Garantare a Depozitelor Bancare (FGDB)."


def _lines(t: Txn) -> str:
    return "\n".join(segments(t))


def _bt_body(acc: Account, log: TruthLog) -> list[Row]:
    """Operations with the date on a day's first one only, each day closed by its turnover and
    its final balance (non-transaction rows: the balance is printed on none of the rows)."""
    days, out = Days.of(acc), []
    spent = earned = Decimal(0)
    out.append(Row({"desc": "SOLD ANTERIOR", "in": EN.magnitude(acc.opening)}, bold=True))
    for t in acc.txns:
        truth = log.row(t, 0, acc.currency, balance=False)
        lines = [*segments(t), f"REF. {serial(t, 12)}"] if t.kind != "fee" else segments(t)
        cells = {"desc": "\n".join(lines), "out" if t.amount < 0 else "in": EN.magnitude(t.amount)}
        if days.opens(t):
            cells["date"] = fmt_date(t.day, "DD/MM/YYYY")
        out.append(Row(cells, truth=truth, balance=t.balance))
        spent += -t.amount if t.amount < 0 else 0
        earned += t.amount if t.amount >= 0 else 0
        if days.closes(t):
            turnover = {"out": EN.magnitude(spent), "in": EN.magnitude(earned)}
            out.append(Row({"date": fmt_date(t.day, "DD/MM/YYYY"), "desc": "RULAJ ZI", **turnover}))
            out.append(Row({"desc": "SOLD FINAL ZI", "in": EN.magnitude(t.balance)}))
            spent = earned = Decimal(0)
    totals = {"out": EN.magnitude(acc.total_debits), "in": EN.magnitude(acc.total_credits)}
    out.append(Row({"desc": "RULAJ TOTAL CONT", **totals}, bold=True))
    out.append(Row({"desc": "SOLD FINAL CONT", "in": EN.magnitude(acc.closing)}, bold=True))
    return out


def _bt(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    columns = [
        Column("date", "Data"),
        Column("desc", "Descriere", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "header")), (220, 320))
    LinedTable(flow, columns, style).draw(_bt_body(st.accounts[0], log))
    figures(flow, [("TOTAL DISPONIBIL", EN.magnitude(st.accounts[0].closing))], 0.55)


def _lei(value: Decimal) -> str:
    return signed(DE, value)


def _bcr(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "desc": _lines(t),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": _lei(t.balance),
        }

    columns = [
        Column("date", "Data\ntranzacţiei"),
        Column("value", "Data\nvalutei"),
        Column("desc", "Descriere tranzacţie", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Sold", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Report pagina următoare", "bal": _lei(b)},
        brought=lambda b: {"desc": "Report pagina anterioară", "bal": _lei(b)},
    )
    body = framed(
        {"desc": "Sold iniţial", "bal": _lei(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Sold final", "bal": _lei(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style, carry).draw(body)


def _brd(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    figures(flow, [("Sold iniţial", f"{_lei(acc.opening)} RON")], 0.5)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": " ".join(segments(t)),
            "ref": serial(t, 10),
            "amt": _lei(t.amount),
            "bal": _lei(t.balance),
        }

    columns = [
        Column("date", "Data operaţiunii"),
        Column("desc", "Detalii operaţiune", wrap=True, truth=DESC),
        Column("ref", "Referinţă"),
        Column("amt", "Suma", "r"),
        Column("bal", "Sold", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "header", "none")), (170, 260))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    figures(
        flow,
        [
            ("Total debit", f"{DE.magnitude(acc.total_debits)} RON"),
            ("Total credit", f"{DE.magnitude(acc.total_credits)} RON"),
            ("Sold final", f"{_lei(acc.closing)} RON"),
        ],
        0.5,
    )


RO_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "bt": _bt,
    "bcr": _bcr,
    "brd": _brd,
}


def ro_extras(rng: Random) -> Built:
    variant = rng.choice(sorted(RO_TABLES))
    code = {"bt": "BTRL", "bcr": "RNCB", "brd": "BRDE"}[variant]
    mask = f"RO{rng.randint(10, 99)}{code}RONCRT{rng.randint(10**5, 10**6 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery")
    plan = Plan(
        "Cont curent", rng.randint(26, 60), (300, 3200), pool=pool, cheques=False, mask=mask
    )
    names = (rng.choice(RO_BANKS), RO_TOWNS, rng.choice(RO_HOLDERS))
    st = local_statement(rng, ROMANIA, names, [plan], period(rng), RO_STREETS)
    acc = st.accounts[0]
    numbers: NumberStyle = NUMBERS[variant]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Titular", st.holder.name),
        ("Cod IBAN", acc.masked),
        ("Valuta", "RON"),
        ("Perioada", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,) if variant != "bt" else (HELVETICA, DEJAVU)),
        ("EXTRAS DE CONT", details),
        rng.choice(("Pagina {n} din {total}", "{n}/{total}")),
        LEGAL,
        f"Extras de cont {acc.masked}",
    )
    log = TruthLog()
    RO_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, numbers)


LAYOUTS = (
    Layout(
        "ro_extras",
        "Romanian extrase de cont (Banca Transilvania / BCR / BRD style): RON, Romanian titles; "
        "BT's day-grouped table with the date on a day's first operation only, multi-line "
        "operations with the partner and REF. lines, no balance column but RULAJ ZI and SOLD "
        "FINAL ZI rows after each day, SOLD ANTERIOR, RULAJ TOTAL CONT and SOLD FINAL CONT, "
        "1,234.56; or transaction and value dates, Debit / Credit / Sold between Sold iniţial "
        "and Sold final rows and Report rows at page breaks, 1.234,56; or one signed Suma, a "
        "reference column and the totals after the table",
        ro_extras,
    ),
)
