"""Spanish extractos: Santander, BBVA and CaixaBank prints.

What the real prints do and this family copies: an operation date and a value date (CaixaBank
puts both after the concepto), `1.234,56` with a minus on cargos (Santander's online extract
writes `-6,95 EUR`), a SALDO ANTERIOR line above the first movement, conceptos over two lines
(`TRANSFERENCIA A FAVOR DE ...` with `CONCEPTO: ...` under it, `RECIBO ...` with its receipt
number, `PAGO MOVIL EN ..., TARJ. :*1234`), a running saldo on every row, SUMA Y SIGUE / SUMA
ANTERIOR at page breaks, and a year-less `02/01` in BBVA's compact print (year from the period).
German Kontoauszüge live in layouts/germany.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, statement, totals
from cypheredge.synth.layouts.postings import lines, relocate
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions_intl import SPAIN
from cypheredge.synth.render.blocks import notices_page
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Rules, Style, Table

TOWNS = ("28013 MADRID", "08007 BARCELONA", "46002 VALENCIA", "41001 SEVILLA")
STREETS = ("C/ Mayor, {n}", "Avda. de la Constitución, {n}", "Paseo de Gracia, {n}")
HOLDERS = ("D. ANTONIO LOPEZ MARTIN", "Dña. CARMEN SANCHEZ PEREZ", "D. DAVID MORENO DIAZ")
AVISOS = (
    "Le informamos de que el tipo de interés nominal aplicado a los saldos deudores es del "
    "7,25% (TAE 7,50%). La comisión por descubierto es de 15,00 EUR por liquidación.",
    "Los depósitos están garantizados por el Fondo de Garantía de Depósitos hasta 100.000,00 "
    "EUR por titular. Dispone de 13 meses desde el 01/01/2025 para reclamar cualquier cargo.",
)


@dataclass(frozen=True)
class _Print:
    """One bank's columns and spelling of dates and amounts."""

    bank: tuple[str, ...]
    columns: tuple[Column, ...]
    day: str
    suffix: str  # printed after every amount (" EUR" on Santander's online extract)
    title: str


DESC = Column("desc", "Concepto", wrap=True, truth="description")
PRINTS = (
    _Print(
        ("Banco Meseta", "Banco Cantábrico"),
        (
            Column("date", "Fecha\nOperación"),
            Column("value", "Fecha\nValor"),
            DESC,
            Column("amount", "Importe", "r"),
            Column("bal", "Saldo", "r"),
        ),
        "DD/MM/YYYY",
        " EUR",
        "Extracto de movimientos",
    ),
    _Print(
        ("Banco Levante Argentaria", "Caja Ebro Bilbao"),
        (
            Column("date", "F.Oper."),
            Column("value", "F.Valor"),
            DESC,
            Column("amount", "Importe", "r"),
            Column("bal", "Saldo", "r"),
        ),
        "DD/MM",
        "",
        "Extracto de cuenta",
    ),
    _Print(
        ("CaixaMar", "Caixa del Turia"),
        (
            DESC,
            Column("date", "Fecha"),
            Column("value", "Fecha valor"),
            Column("amount", "Importe", "r"),
            Column("bal", "Saldo", "r"),
        ),
        "DD-MM-YYYY",
        "",
        "Extracto",
    ),
)


def _money(style: _Print) -> Callable[[Decimal], str]:
    return lambda v: f"{signed(DE, v)}{style.suffix}"


def _head(rng: Random, st: Statement, style: _Print) -> Flow:
    acc, long = st.accounts[0], "DD/MM/YYYY"
    iban = f"ES{rng.randint(10, 99)} {rng.randint(1000, 3000)} {acc.masked}"
    details = [
        ("Titular", st.holder.name),
        ("IBAN", iban),
        ("Periodo", f"del {fmt_date(st.start, long)} al {fmt_date(st.end, long)}"),
        ("Divisa", "EUR"),
    ]
    spec = PageSpec.vary(rng, size=(7.0, 8.5))
    return start(
        rng,
        st,
        spec,
        (style.title, details),
        rng.choice(("Página {n} de {total}", "Pág. {n}/{total}")),
        f"{st.bank.name}, S.A. Inscrita en el Registro Mercantil, CIF A-{rng.randrange(10**8):08d}",
        f"Cuenta {iban} (continuación)",
    )


def es_extracto(rng: Random) -> Built:
    style = rng.choice(PRINTS)
    plan = Plan("Cuenta Corriente", rng.randint(25, 55), (600, 5000), mask="**** **** {last4}")
    names = (rng.choice(style.bank), TOWNS, rng.choice(HOLDERS))
    rollover = style.day == "DD/MM" and rng.random() < 0.4
    st = relocate(rng, statement(rng, SPAIN, names, [plan], rollover=rollover), STREETS, TOWNS)
    acc, money = st.accounts[0], _money(style)
    flow = _head(rng, st, style)
    if rng.random() < 0.5:
        labels = ("Saldo anterior", "Total abonos", "Total cargos", "Saldo final")
        totals(flow, acc, "Resumen", labels, money, 0.4)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, style.day),
            "value": fmt_date(t.value_day, style.day),
            "desc": lines(t.description),
            "amount": money(t.amount),
            "bal": money(t.balance),
        }

    log = TruthLog()
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": money(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": f"SALDO A {fmt_date(st.end, 'DD/MM/YYYY')}", "bal": money(acc.closing)},
        balance=acc.opening,
    )
    carry = Carry(
        carried=lambda b: {"desc": "SUMA Y SIGUE", "bal": money(b)},
        brought=lambda b: {"desc": "SUMA ANTERIOR", "bal": money(b)},
    )
    rules: Rules = rng.choice(("grid", "rows", "header"))
    Table(flow, style.columns, Style.vary(rng, rules, (150, 260)), carry).draw(body)
    if rng.random() < 0.5:
        notices_page(flow, "Información de interés", AVISOS)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "es_extracto",
        "Spanish extracto (Santander / BBVA / CaixaBank): operation and value dates "
        "(DD/MM/YYYY, DD-MM-YYYY or year-less DD/MM; CaixaBank prints them after the concepto), "
        "1.234,56 with '-' on cargos and sometimes ' EUR' after every amount, SALDO ANTERIOR row, "
        "two-line conceptos (TRANSFERENCIA A FAVOR DE + CONCEPTO:, RECIBO + Nº RECIBO), running "
        "saldo, SUMA Y SIGUE / SUMA ANTERIOR at page breaks, optional summary box and notices",
        es_extracto,
    ),
)
