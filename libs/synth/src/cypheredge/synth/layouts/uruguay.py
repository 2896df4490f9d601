"""Family from Uruguay: the estados de cuenta of BROU, Itaú Uruguay and Santander
Uruguay, in Spanish and pesos uruguayos.

Held out in the seventh split; tuned on since that split was scored.

Public sources on Uruguayan statement PDFs are thin: the family follows a public converter of
BROU's and Itaú's movement exports (fecha DD/MM/YYYY, descripción, débito and crédito apart), the
narrations of BROU's and Itaú's movement lists (RedBROU and Banred cash, UTE, OSE and ANTEL
bills, Abitab and Red Pagos deposits) and the financial-inclusion law's VAT refund on debit-card
purchases (Ley 19.210: the bank credits the refunded points of IVA right after the purchase, a
row of its own). BROU: Fecha / Descripción / Documento / Débito / Crédito / Saldo with 1.234,56
figures between SALDO ANTERIOR and SALDO FINAL. Itaú: year-less `02 ENE` dates, CONCEPTO /
REFERENCIA / DEBITOS / CREDITOS / SALDO, multi-line concepts, carried forward at page breaks.
Santander: DD-MM-YY, one Importe signed with a trailing minus and the Saldo, the newest movement
first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import CENT, DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, es_date, local_statement, segments
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_sk_tn_uy_et import URUGUAY
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
UY_BANKS = {
    "brou": ("Banco de la Republica Oriental", "Banco Oriental del Uruguay"),
    "itau": ("Banco Itau del Plata",),
    "santander": ("Banco Santa Lucia Uruguay",),
}
UY_TOWNS = ("11000 Montevideo", "11300 Montevideo", "20000 Maldonado", "50000 Salto")
UY_STREETS = ("Av. 18 de Julio {n}", "Cerrito {n}", "Bulevar Artigas {n}", "Rambla {n}")
UY_HOLDERS = ("JUAN PEREZ", "MARIA RODRIGUEZ", "MARTIN FERNANDEZ", "LUCIA GONZALEZ")
REFUND = "REDUCCION IVA LEY 19210"
CARD = ("card", "grocery")
LEGAL = "Institución supervisada por el Banco Central del Uruguay."


def refunded(st: Statement, part: str = "0.02") -> Statement:
    """After each debit-card purchase, a credit of `part` of it (the IVA points the law
    refunds); the balances chain again."""
    return replace(st, accounts=tuple(_refunded(acc, Decimal(part)) for acc in st.accounts))


def _refunded(acc: Account, part: Decimal) -> Account:
    balance, txns = acc.opening, []
    for t in acc.txns:
        balance += t.amount
        txns.append(replace(t, balance=balance))
        back = (abs(t.amount) * part).quantize(CENT, ROUND_HALF_UP)
        if t.kind in CARD and back > 0:
            balance += back
            txns.append(
                replace(
                    t,
                    description=REFUND,
                    amount=back,
                    balance=balance,
                    kind="vat_refund",
                    reference=t.reference[::-1],
                )
            )
    return replace(acc, txns=tuple(txns))


def _brou(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "doc": serial(t, 7),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Fecha"),
        Column("desc", "Descripción", wrap=True, truth=DESC),
        Column("doc", "Documento"),
        Column("out", "Débito", "r"),
        Column("in", "Crédito", "r"),
        Column("bal", "Saldo", "r"),
    ]
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SALDO FINAL", "bal": signed(DE, acc.closing)},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))).draw(body)


def _itau(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": es_date(t.day, "DD MON"),
            "desc": "\n".join(segments(t)),
            "ref": serial(t, 6),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "CONCEPTO", wrap=True, truth=DESC),
        Column("ref", "REFERENCIA"),
        Column("out", "DEBITOS", "r"),
        Column("in", "CREDITOS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "SALDO A TRANSPORTAR", "bal": signed(DE, b)},
        brought=lambda b: {"desc": "SALDO TRANSPORTADO", "bal": signed(DE, b)},
    )
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _santander(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YY"),
            "desc": " ".join(segments(t)),
            "amt": signed(DE, t.amount, negative="trailing"),
            "bal": signed(DE, t.balance, negative="trailing"),
        }

    columns = [
        Column("date", "Fecha"),
        Column("desc", "Movimiento", wrap=True, truth=DESC),
        Column("amt", "Importe", "r"),
        Column("bal", "Saldo", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    body = framed(
        {"desc": "Saldo al cierre", "bal": signed(DE, acc.closing, negative="trailing")},
        rows(newest, 0, log, cells),
        {"desc": "Saldo inicial", "bal": signed(DE, acc.opening, negative="trailing")},
    )
    style = Style.vary(rng, rng.choice(("rows", "none")), (220, 320))
    LinedTable(flow, columns, style).draw(body)


UY_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "brou": _brou,
    "itau": _itau,
    "santander": _santander,
}


def uy_estado(rng: Random) -> Built:
    variant = rng.choice(sorted(UY_TABLES))
    plan = Plan(
        "Caja de Ahorro $",
        rng.randint(20, 44),
        (300, 3000),
        pool=(*EVERYDAY, "card", "grocery"),
        cheques=False,
        mask=f"{rng.randint(100, 999)}-{rng.randint(10**5, 10**6 - 1)}{{last4}}",
    )
    names = (rng.choice(UY_BANKS[variant]), UY_TOWNS, rng.choice(UY_HOLDERS))
    st = refunded(local_statement(rng, URUGUAY, names, [plan], period(rng), UY_STREETS))
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} al {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Titular", st.holder.name),
        ("Cuenta", acc.masked),
        ("Moneda", "UYU"),
        ("Período", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0)),
        ("ESTADO DE CUENTA", details),
        rng.choice(("Página {n} de {total}", "Hoja {n}/{total}")),
        LEGAL,
        f"Estado de cuenta {acc.masked}",
    )
    log = TruthLog()
    UY_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "uy_estado",
        "Uruguayan estados de cuenta (BROU / Itaú / Santander style): UYU with 1.234,56 "
        "figures, RedBROU, UTE, OSE and ANTEL narrations, the Ley 19.210 IVA refund after each "
        "debit-card purchase as a credit of its own; Fecha / Descripción / Documento / Débito "
        "/ Crédito / Saldo between SALDO ANTERIOR and SALDO FINAL; or year-less 02 ENE dates, "
        "multi-line concepts, carried forward at page breaks; or DD-MM-YY, one Importe with a "
        "trailing minus and the newest movement first",
        uy_estado,
    ),
)
