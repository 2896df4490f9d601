"""Family from Mexico: the "estado de cuenta" of BBVA México, Banamex and Santander.

Modelled on public parsers of these prints: BBVA's "Detalle de Movimientos Realizados" with FECHA
OPER and FECHA LIQ side by side as `02/ENE 02/ENE`, a code before the description (COD.
DESCRIPCIÓN), indented detail lines under it (beneficiary, reference, clave de rastreo), CARGOS /
ABONOS and two balances (SALDO OPERACIÓN, SALDO LIQUIDACIÓN) printed only on the day's last row,
the "Comportamiento" box with counts in its labels and a "Total de Movimientos" block; Banamex's
FECHA / CONCEPTO / RETIROS / DEPOSITOS / SALDO with SALDO ANTERIOR, the date only on the day's
first row and the amounts on the concept's last line; Santander's FECHA / FOLIO / DESCRIPCION /
DEPOSITOS / RETIROS / SALDO with `02-ENE-2024` dates and deposits left of withdrawals. MXN, `$`.
"""

from __future__ import annotations

from dataclasses import replace
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    Days,
    LinedTable,
    digits,
    es_date,
    local_statement,
    segments,
)
from cypheredge.synth.layouts.local_regions import MEXICO
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

MX_BANKS = ("Banco del Bajío Norte, S.A.", "Banca Meridiana México", "Banco Sierra Madre, S.A.")
MX_TOWNS = ("CP 06600 CUAUHTEMOC, CDMX", "CP 44100 GUADALAJARA, JAL", "CP 64000 MONTERREY, NL")
MX_STREETS = (
    "AV REFORMA {n}",
    "CALLE HIDALGO {n}",
    "AV JUAREZ {n} COL CENTRO",
    "CALLE MORELOS {n}",
)
MX_HOLDERS = ("JUAN PEREZ LOPEZ", "MARIA GONZALEZ RUIZ", "CARLOS HERNANDEZ SOTO")
# BBVA prints an operation code before each description.
CODES = {
    "salary": "W02",
    "transfer_in": "T20",
    "transfer_out": "T17",
    "rent": "T17",
    "utility": "P14",
    "atm": "A15",
    "fee": "G30",
    "interest": "R01",
    "loan": "P22",
}
DESC = "description"


def _bbva_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    days, day = Days.of(acc), "DD/MON"

    def cells(t: Txn) -> dict[str, str]:
        parts = segments(t)
        head = f"{CODES.get(t.kind, 'C07')} {parts[0]}"
        last = days.closes(t)
        return {
            "date": es_date(t.day, day),
            "liq": es_date(t.value_day, day),
            "desc": "\n".join([head, *parts[1:]]),
            "ref": digits(t, 10) if t.kind not in ("fee", "interest") else "",
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": signed(EN, t.balance) if last else "",
            "bal2": signed(EN, t.balance) if last else "",
        }

    columns = [
        Column("date", "FECHA\nOPER"),
        Column("liq", "FECHA\nLIQ"),
        Column("desc", "COD. DESCRIPCIÓN", wrap=True, truth=DESC),
        Column("ref", "REFERENCIA"),
        Column("out", "CARGOS", "r"),
        Column("in", "ABONOS", "r"),
        Column("bal", "SALDO\nOPERACIÓN", "r"),
        Column("bal2", "SALDO\nLIQUIDACIÓN", "r"),
    ]
    heading(flow, "Detalle de Movimientos Realizados")
    body = rows(acc, 0, log, cells, balance=days.closes)
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("none", "header")), (150, 220))).draw(
        body
    )
    _bbva_totals(flow, rng, acc)


def _bbva_totals(flow: Flow, rng: Random, acc: Account) -> None:
    """Counts and totals after the table: numbers that are not transactions."""
    debits = sum(1 for t in acc.txns if t.amount < 0)
    body = [
        Row({"label": "TOTAL IMPORTE CARGOS", "value": EN.magnitude(acc.total_debits)}),
        Row({"label": "TOTAL MOVIMIENTOS CARGOS", "value": str(debits)}),
        Row({"label": "TOTAL IMPORTE ABONOS", "value": EN.magnitude(acc.total_credits)}),
        Row({"label": "TOTAL MOVIMIENTOS ABONOS", "value": str(len(acc.txns) - debits)}),
    ]
    heading(flow, "Total de Movimientos", underline=False)
    columns = [Column("label", ""), Column("value", "", "r")]
    table = Table(flow, columns, Style(rules="none", header_fill=None, pad=3.0, row_pad=1.0))
    table.measure(body)
    table.widths = [table.widths[0] * 0.3, table.widths[1] * 0.3]
    table.draw(body)
    del rng


def _banamex_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    """The date on a day's first row, the balance on its last, amounts on the last line."""
    days = Days.of(acc)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": es_date(t.day, "DD MON") if days.opens(t) else "",
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": signed(EN, t.balance) if days.closes(t) else "",
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "CONCEPTO", wrap=True, truth=DESC),
        Column("out", "RETIROS", "r"),
        Column("in", "DEPOSITOS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    heading(flow, "DETALLE DE OPERACIONES")
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(EN, acc.opening)},
        rows(acc, 0, log, cells, balance=days.closes),
        bold=False,
    )
    style = replace(Style.vary(rng, "none", (200, 300)), bottom_align=True)
    LinedTable(flow, columns, style, top=frozenset({"date"})).draw(body)


def _santander_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": es_date(t.day, "DD-MON-YYYY"),
            "folio": digits(t, 7),
            "desc": " ".join(segments(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": signed(EN, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("folio", "FOLIO"),
        Column("desc", "DESCRIPCION", wrap=True, truth=DESC),
        Column("in", "DEPOSITOS", "r"),
        Column("out", "RETIROS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    heading(flow, "DETALLE DE MOVIMIENTOS CUENTA DE CHEQUES")
    body = framed(
        {"desc": "SALDO FINAL DEL PERIODO ANTERIOR", "bal": signed(EN, acc.opening)},
        rows(acc, 0, log, cells),
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("rows", "grid")), (180, 280))).draw(body)


MX_TABLES = {"bbva": _bbva_table, "banamex": _banamex_table, "santander": _santander_table}


def _behaviour(flow: Flow, st: Statement, variant: str) -> None:
    acc = st.accounts[0]
    debits = sum(1 for t in acc.txns if t.amount < 0)
    title = "Comportamiento" if variant == "bbva" else "RESUMEN GENERAL"
    pairs = [
        ("Saldo Anterior", f"${signed(EN, acc.opening)}"),
        (
            f"Depósitos / Abonos (+)   {len(acc.txns) - debits}",
            f"${EN.magnitude(acc.total_credits)}",
        ),
        (f"Retiros / Cargos (-)   {debits}", f"${EN.magnitude(acc.total_debits)}"),
        ("Saldo Final", f"${signed(EN, acc.closing)}"),
    ]
    summary_box(flow, title, pairs, 0.5)


def mx_estado(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(MX_TABLES)), rng.choice(MX_BANKS)
    pool = (*EVERYDAY, "check") if variant != "bbva" else EVERYDAY
    plan = Plan("Cuenta de cheques", rng.randint(20, 40), (300, 3000), pool=pool, mask="0{last4}")
    names = (bank, MX_TOWNS, rng.choice(MX_HOLDERS))
    span = period(rng, rollover=variant != "santander" and rng.random() < 0.4)
    st = local_statement(rng, MEXICO, names, [plan], span, MX_STREETS)
    acc, day = st.accounts[0], "DD/MM/YYYY"
    span_text = f"DEL {fmt_date(st.start, day)} AL {fmt_date(st.end, day)}"
    details = [
        ("No. de Cuenta", f"01{rng.randint(10, 99)}{acc.masked}"),
        ("No. de Cliente", f"B{rng.randint(1000000, 9999999)}"),
        ("Periodo", span_text),
        ("Fecha de Corte", fmt_date(st.end, day)),
        ("Moneda", "MONEDA NACIONAL"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, size=(7.0, 8.5)),
        ("Estado de Cuenta", details),
        "PAGINA {n} / {total}",
        f"{bank.upper()}, INSTITUCION DE BANCA MULTIPLE. RFC BBA830831LJ2",
        f"No. de Cuenta {acc.masked} {span_text}",
    )
    _behaviour(flow, st, variant)
    log = TruthLog()
    MX_TABLES[variant](flow, rng, acc, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "mx_estado",
        "Mexican estado de cuenta (BBVA / Banamex / Santander style): FECHA OPER and LIQ as "
        "02/ENE 02/ENE, code + description with detail lines, CARGOS / ABONOS and two balances "
        "only on a day's last row, Comportamiento box with counts; or the date only on a day's "
        "first row and amounts on the last line; or 02-ENE-2024 with FOLIO; SALDO ANTERIOR rows",
        mx_estado,
    ),
)
