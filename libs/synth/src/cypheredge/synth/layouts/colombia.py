"""Family from Colombia: Bancolombia's savings extract and a savings cooperative's.

Held out in the third split; tuned on since that split was scored.

Bancolombia follows SergioLalinde59/conciliacion
(Backend/src/infrastructure/extractors/bancolombia/ahorros_extracto.py and
ahorros_extracto_movimientos.py), written on its PDF extracts: `DESDE: 2024/12/31 HASTA:
2025/01/31`, a summary of SALDO ANTERIOR / TOTAL ABONOS / TOTAL CARGOS / SALDO ACTUAL with
`$` and US-style numbers (2,825,000.00), then FECHA (`1/12`: day without a leading zero, month,
no year) / DESCRIPCIÓN / SUCURSAL / DCTO. / VALOR / SALDO with debits as `-60,000.00`, and the
4x1000 tax (GMF, 0.4% of each withdrawal, listed by Colombian tax guides as Gravamen Movimientos
Financieros) posted as IMPTO GOBIERNO 4X1000 after the withdrawal it taxes. The cooperative
follows COOVITEL/EXTRACTOS (dataSource/data.py): FECHA as `22-FEB-24`, a long LUGAR narration
(SOLICITUD TRASLADO FONDOS RAD_... PARA CUENTA ...), DOCUMENTO, SUCURSAL, DÉBITO / CRÉDITO /
SALDOS columns and saldo anterior, débitos, créditos and saldo actual in the header, printed here
in the 1.234.567,89 style of Colombian prints.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, EN, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, totals
from cypheredge.synth.layouts.local_kit import (
    ES_MONTHS,
    LinedTable,
    digits,
    local_statement,
    months_period,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_levies import levied
from cypheredge.synth.layouts.local_print import ROUND_KINDS, coarsen, serial, steps
from cypheredge.synth.layouts.local_regions_west import COLOMBIA, COLOMBIA_COOP
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
CO_BANKS = {
    "bancolombia": ("Banco Antioqueño S.A.", "Banco del Cauca S.A."),
    "cooperativa": ("Cooperativa Andina de Ahorro", "Cooperativa del Magdalena"),
}
CO_TOWNS = ("MEDELLIN, ANTIOQUIA", "BOGOTA D.C.", "CALI, VALLE", "PEREIRA, RISARALDA")
CO_STREETS = ("CALLE {n} # 43-21", "CARRERA {n} # 10-05 APTO 301", "AV EL POBLADO {n}-80")
CO_HOLDERS = ("CARLOS ANDRES ZAPATA", "DIANA MARCELA LOPEZ", "SANTIAGO HENAO RIOS")
OFFICES = ("", "", "PRINCIPAL", "EL POBLADO", "CHAPINERO", "UNICENTRO")
# GMF falls on withdrawals and transfers out, not on card purchases under the exempt limit
TAXED = ("transfer_out", "rent", "atm", "utility", "loan")
GMF = "IMPTO GOBIERNO 4X1000"


def _pesos(value: Decimal) -> str:
    return f"$ {EN.magnitude(value)}"


def _bancolombia(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> NumberStyle:
    acc = st.accounts[0]
    first, last = fmt_date(st.start, "YYYY/MM/DD"), fmt_date(st.end, "YYYY/MM/DD")
    page_note(flow, f"DESDE: {first} HASTA: {last}", size=flow.spec.size, gray=0.0)
    labels = ("SALDO ANTERIOR", "TOTAL ABONOS", "TOTAL CARGOS", "SALDO ACTUAL")
    totals(flow, acc, "RESUMEN", labels, _pesos, 0.45)

    def cells(t: Txn) -> dict[str, str]:
        office = OFFICES[int(digits(t, 1)) % len(OFFICES)] if t.kind != "levy" else ""
        return {
            "date": fmt_date(t.day, "D/MM"),
            "desc": " ".join(segments(t)),
            "office": office,
            "doc": serial(t, 6) if t.kind in ("utility", "loan", "salary") else "",
            "amt": signed(EN, t.amount),
            "bal": signed(EN, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "DESCRIPCIÓN", wrap=True, truth=DESC),
        Column("office", "SUCURSAL"),
        Column("doc", "DCTO."),
        Column("amt", "VALOR", "r"),
        Column("bal", "SALDO", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "header")), (170, 260))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    return EN


def _month(day: date) -> str:
    """`22-FEB-24`: the Spanish month abbreviation and a two-digit year."""
    return f"{day.day:02d}-{ES_MONTHS[day.month - 1]}-{day.year % 100:02d}"


def _cooperative(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> NumberStyle:
    acc = st.accounts[0]
    labels = ("Saldo anterior", "Créditos", "Débitos", "Saldo actual")
    totals(flow, acc, "Resumen del periodo", labels, lambda v: f"$ {signed(DE, v)}", 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": _month(t.day),
            "desc": " ".join(segments(t)),
            "doc": serial(t, 9),
            "office": f"{int(digits(t, 3)) % 900 + 100}",
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "LUGAR / DESCRIPCIÓN", wrap=True, truth=DESC),
        Column("doc", "DOCUMENTO"),
        Column("office", "SUCURSAL"),
        Column("out", "DÉBITO", "r"),
        Column("in", "CRÉDITO", "r"),
        Column("bal", "SALDOS", "r"),
    ]
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(body)
    return DE


def co_extracto(rng: Random) -> Built:
    variant = rng.choice(("bancolombia", "cooperativa"))
    if variant == "bancolombia":
        mask = f"{rng.randint(100, 999)}-{rng.randint(10, 99)}{{last4}}-{rng.randint(10, 99)}"
    else:
        mask = f"{rng.randint(100000, 999999)}{{last4}}"
    plan = Plan("Cuenta de Ahorros", rng.randint(20, 40), (300, 3000), cheques=False, mask=mask)
    names = (rng.choice(CO_BANKS[variant]), CO_TOWNS, rng.choice(CO_HOLDERS))
    region = COLOMBIA if variant == "bancolombia" else COLOMBIA_COOP
    st = local_statement(rng, region, names, [plan], months_period(rng, 1), CO_STREETS)
    st = coarsen(st, steps("1", "1000", ROUND_KINDS))  # whole pesos, round sums for transfers
    if rng.random() < 0.75:  # some accounts are marked exempt from the GMF
        st = levied(st, lambda t: t.amount < 0 and t.kind in TAXED, Decimal("0.004"), GMF)
    acc = st.accounts[0]
    details = [
        ("CUENTA DE AHORROS No.", acc.masked),
        ("CÉDULA", f"{rng.randint(10, 99)}.{rng.randint(100, 999)}.{rng.randint(100, 999)}"),
        ("PERIODO", f"{_month(st.start)} a {_month(st.end)}"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0)),
        ("ESTADO DE CUENTA" if variant == "bancolombia" else "EXTRACTO DE AHORROS", details),
        rng.choice(("PÁGINA {n} DE {total}", "Página {n} de {total}")),
        f"{st.bank.name} - Vigilado Superintendencia Financiera de Colombia",
        f"EXTRACTO {acc.masked}",
    )
    log = TruthLog()
    fill = _bancolombia if variant == "bancolombia" else _cooperative
    numbers = fill(flow, rng, st, log)
    return Built(flow, st, log, numbers)


LAYOUTS = (
    Layout(
        "co_extracto",
        "Colombian savings extracts (Bancolombia / savings cooperative style): DESDE / HASTA in "
        "YYYY/MM/DD, a RESUMEN with $ and 2,825,000.00, year-less `1/12` dates without a leading "
        "zero, SUCURSAL and DCTO. columns, one signed VALOR and the SALDO, the 4x1000 tax posted "
        "as its own row after each withdrawal; or `22-FEB-24` dates, long LUGAR narrations, "
        "DOCUMENTO and SUCURSAL numbers, DÉBITO / CRÉDITO / SALDOS in 1.234.567,89",
        co_extracto,
    ),
)
