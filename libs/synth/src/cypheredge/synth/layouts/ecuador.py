"""Family from Ecuador: the estados de cuenta of Banco Pichincha, Banco Guayaquil and
Produbanco, in Spanish and US dollars.

Held out in the sixth split; tuned on since that split was scored.

Ecuador has used the US dollar since 2000, so its statements print Spanish titles over dollar
amounts. Public sources are thin: an Ecuadorian accounting app's Pichincha statement processors
(a semicolon export read as latin-1, its decimals checked apart) and a Banco Bolivariano
extraction example show the fields, not the print. The family keeps to those and to the
conventions of Ecuadorian banks: Pichincha prints Fecha / Concepto / Tipo (C or D) / Documento /
Oficina / Monto / Saldo with `1,234.56`; Guayaquil prints Débitos / Créditos / Saldo with
`1.234,56` (the Spanish-American convention some Ecuadorian banks keep), Saldo anterior and
Saldo final rows; Produbanco prints `02-ENE-2024` dates and one signed Valor with the dollar sign
(`-$1,234.56`). Each fee is followed by its 15% IVA as a row of its own (IVA rose from 12% to 15%
in April 2024).
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import DE, EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, es_date, local_statement, segments
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_tropics import ECUADOR
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
EC_BANKS = ("Banco del Pacífico Andino S.A.", "Banco Chimborazo S.A.", "Banco Guayas S.A.")
EC_TOWNS = ("Quito", "Guayaquil", "Cuenca", "Ambato")
EC_STREETS = ("Av. Amazonas N{n}-12", "Av. 9 de Octubre {n}", "Av. Shyris N{n}-45")
EC_HOLDERS = ("CARLOS ANDRES MOREIRA", "DIANA PAOLA VACA", "JORGE LUIS CEDEÑO", "ANA LUCIA PAZ")
OFFICES = ("MATRIZ", "BANCA WEB", "APP MOVIL", "AG. NORTE", "AG. MALL DEL SOL")
NUMBERS = {"pichincha": EN, "guayaquil": DE, "produbanco": EN}
IVA = "IVA 15% SOBRE COMISION"
LEGAL = "Depósitos protegidos por la Corporación del Seguro de Depósitos (COSEDE)."


def _pichincha(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    figures(flow, [("SALDO ANTERIOR", f"US$ {signed(EN, acc.opening)}")], 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "type": "D" if t.amount < 0 else "C",
            "doc": serial(t, 8),
            "office": OFFICES[int(serial(t, 1)) % len(OFFICES)],
            "amt": EN.magnitude(t.amount),
            "bal": signed(EN, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "CONCEPTO", wrap=True, truth=DESC),
        Column("type", "TIPO", "c"),
        Column("doc", "DOCUMENTO"),
        Column("office", "OFICINA"),
        Column("amt", "MONTO", "r"),
        Column("bal", "SALDO", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "grid", "none")), (140, 220))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    figures(flow, [("SALDO ACTUAL", f"US$ {signed(EN, acc.closing)}")], 0.45)


def _guayaquil(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": "\n".join(segments(t)),
            "ref": serial(t, 9),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Fecha"),
        Column("desc", "Descripción", wrap=True, truth=DESC),
        Column("ref", "Referencia"),
        Column("out", "Débitos", "r"),
        Column("in", "Créditos", "r"),
        Column("bal", "Saldo", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Saldo que pasa", "bal": signed(DE, b)},
        brought=lambda b: {"desc": "Saldo que viene", "bal": signed(DE, b)},
    )
    body = framed(
        {"desc": "Saldo anterior", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        {
            "desc": "Totales",
            "out": DE.magnitude(acc.total_debits),
            "in": DE.magnitude(acc.total_credits),
        },
        {"desc": "Saldo final", "bal": signed(DE, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "header")), (160, 250))
    LinedTable(flow, columns, style, carry).draw(body)


def _produbanco(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": es_date(t.day, "DD-MON-YYYY"),
            "desc": "\n".join(segments(t)),
            "amt": signed(EN, t.amount, symbol="$"),
            "bal": signed(EN, t.balance, symbol="$"),
        }

    columns = [
        Column("date", "Fecha"),
        Column("desc", "Detalle del movimiento", wrap=True, truth=DESC),
        Column("amt", "Valor", "r"),
        Column("bal", "Saldo disponible", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (230, 330))
    body = framed(
        {"desc": "SALDO INICIAL", "bal": signed(EN, acc.opening, symbol="$")},
        rows(acc, 0, log, cells),
        {"desc": "SALDO FINAL", "bal": signed(EN, acc.closing, symbol="$")},
    )
    LinedTable(flow, columns, style).draw(body)


EC_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "pichincha": _pichincha,
    "guayaquil": _guayaquil,
    "produbanco": _produbanco,
}


def ec_estado(rng: Random) -> Built:
    variant = rng.choice(sorted(EC_TABLES))
    mask = f"22{rng.randint(10**3, 10**4 - 1)}{{last4}}"
    if variant != "pichincha":
        mask = f"0{rng.randint(10**4, 10**5 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "transfer_out")
    plan = Plan(
        "Cuenta de Ahorros",
        rng.randint(24, 56),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        pool=pool,
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(EC_BANKS), EC_TOWNS, rng.choice(EC_HOLDERS))
    st = local_statement(rng, ECUADOR, names, [plan], period(rng), EC_STREETS)
    st = charged(st, rate("0.15", lambda t: t.kind == "fee"), lambda t: IVA, kind="vat")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} al {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Titular", st.holder.name),
        ("Cuenta", acc.masked),
        ("Moneda", "USD"),
        ("Período", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.5, 8.0)),
        ("ESTADO DE CUENTA", details),
        rng.choice(("Página {n} de {total}", "Pág. {n}/{total}")),
        LEGAL,
        f"Estado de cuenta {acc.masked}",
    )
    log = TruthLog()
    EC_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "ec_estado",
        "Ecuadorian estados de cuenta (Banco Pichincha / Banco Guayaquil / Produbanco style): "
        "Spanish titles over US dollars, 15% IVA after each fee as a row of its own; upper-case "
        "FECHA / CONCEPTO / TIPO (C or D) / DOCUMENTO / OFICINA / MONTO / SALDO with 1,234.56 "
        "and the balances written above and below; or Débitos / Créditos / Saldo with "
        "1.234,56, Saldo anterior, Totales and Saldo final rows and balances carried across "
        "pages; or 02-ENE-2024 dates and one signed Valor with the dollar sign (-$1,234.56)",
        ec_estado,
    ),
)
