"""Family from Peru: the estados de cuenta of BCP and Interbank, in soles or dollars.

Held out in the fourth split; tuned on since that split was scored.

BCP's current account follows jorgechavez6816/Import_EECC_BCP (F_Importa_BCP_CTA_CTE.iss), an
IDEAScript that imports BCP's PDF estados de cuenta corriente in soles or dollars: each row has
FECHA PROC., a short upper-case description, the channel code MED (TLC Telecrédito, BPI / INT
internet banking, VEN ventanilla, CAJ cash machine), LUGAR, SUC-AGE, N° OPE, HORA (`10:23`),
ORIGEN and a four-character TIPO, then ONE CARGO / ABONO column whose debits carry a trailing
minus (`1,234.56-`) and the SALDO; the ITF (Impuesto a las Transacciones Financieras, 0.005% of
each movement) is posted as a row of its own, and the summary is by PERIODO, CUENTA and MONEDA.
Dates are day and Spanish month (`02ENE`). The savings print keeps the same rows with CARGOS /
DEBE and ABONOS / HABER in separate columns between SALDO ANTERIOR and SALDO FINAL lines.
Interbank's print is modelled on the same Peruvian conventions (two dates, the channel, S/
before each amount); its sources are thinner than BCP's.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    es_date,
    local_statement,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_levies import levied
from cypheredge.synth.layouts.local_print import figures, serial, side
from cypheredge.synth.layouts.local_regions_south import PERU
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
PE_BANKS = ("Banco Andino del Peru", "Banco del Pacifico Sur S.A.A.", "Banco Inca de Credito")
PE_TOWNS = ("Miraflores, Lima 15074", "San Isidro, Lima 15073", "Cercado, Arequipa 04001")
PE_STREETS = ("Av. Larco {n}", "Jr. de la Union {n}", "Av. Javier Prado Este {n}")
PE_HOLDERS = ("MARIA ELENA QUISPE ROJAS", "JOSE LUIS HUAMAN TORRES", "ANA SOFIA VARGAS LEON")
ES_FULL = (
    "ENERO",
    "FEBRERO",
    "MARZO",
    "ABRIL",
    "MAYO",
    "JUNIO",
    "JULIO",
    "AGOSTO",
    "SETIEMBRE",
    "OCTUBRE",
    "NOVIEMBRE",
    "DICIEMBRE",
)
# kind -> BCP's channel code (MED)
MED = {"salary": "TLC", "atm": "CAJ", "utility": "BPI", "rent": "BPI", "transfer_out": "INT"}
ITF = Decimal("0.00005")
# Yape moves soles only: a dollar account's transfers are interbank ones.
DOLLARS = PERU.templates | {
    "transfer_out": ("TRANSF.BCO.{bank}", "TRAN.CTAS.TERC.BM {person}"),
    "transfer_in": ("TRANSF.DE {bank}", "DEP.EFECTIVO"),
}
ITF_KINDS = ("salary", "rent", "transfer_out", "transfer_in", "utility", "loan", "atm")


def _bcp_amount(t: Txn) -> str:
    """BCP's one CARGO / ABONO column: a debit carries a trailing minus."""
    return f"{EN.magnitude(t.amount)}-" if t.amount < 0 else EN.magnitude(t.amount)


def _place(t: Txn) -> str:
    return PERU.cities[int(digits(t, 1)) % len(PERU.cities)]


def _corriente(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        med = MED.get(t.kind, "VEN" if t.kind == "levy" else "INT")
        return {
            "date": es_date(t.day, "DDMON"),
            "desc": " ".join(segments(t)),
            "med": med,
            "place": "" if t.kind == "levy" else _place(t),
            "suc": f"{int(digits(t, 3)):03d}",
            "op": serial(t, 6),
            "time": clock(t),
            "origin": f"{digits(t, 4)}{serial(t, 2)}",
            "type": f"{med[0]}{digits(t, 1)}{'C' if t.amount >= 0 else 'D'}{digits(t, 2)[-1]}",
            "amt": _bcp_amount(t),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "FECHA\nPROC."),
        Column("desc", "DESCRIPCION", wrap=True, truth=DESC),
        Column("med", "MED"),
        Column("place", "LUGAR"),
        Column("suc", "SUC-\nAGE"),
        Column("op", "N° OPE"),
        Column("time", "HORA"),
        Column("origin", "ORIGEN"),
        Column("type", "TIPO"),
        Column("amt", "CARGO /\nABONO", "r"),
        Column("bal", "SALDO", "r"),
    ]
    body = framed(
        {
            "date": es_date(st.start, "DDMON"),
            "desc": "SALDO ANTERIOR",
            "bal": EN.magnitude(acc.opening),
        },
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("none", "header")), (110, 170))
    LinedTable(flow, columns, style).draw(body)


def _ahorros(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": es_date(t.day, "DDMON"),
            "value": es_date(t.value_day, "DDMON"),
            "desc": " ".join(segments(t)),
            "bal": EN.magnitude(t.balance),
        } | side(EN, t)

    columns = [
        Column("date", "FECHA\nPROC."),
        Column("value", "FECHA\nVALOR"),
        Column("desc", "DESCRIPCION", wrap=True, truth=DESC),
        Column("out", "CARGOS /\nDEBE", "r"),
        Column("in", "ABONOS /\nHABER", "r"),
        Column("bal", "SALDO", "r"),
    ]
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SALDO FINAL", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "grid")), (170, 260))
    LinedTable(flow, columns, style).draw(body)
    _resumen(flow, st)


def _resumen(flow: Flow, st: Statement) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("SALDO ANTERIOR", EN.magnitude(acc.opening)),
            ("TOTAL CARGOS", EN.magnitude(acc.total_debits)),
            ("TOTAL ABONOS", EN.magnitude(acc.total_credits)),
            ("SALDO FINAL", EN.magnitude(acc.closing)),
        ],
        0.4,
    )


def _interbank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    sign = "S/" if acc.currency == "PEN" else "US$"
    _resumen(flow, st)

    def cells(t: Txn) -> dict[str, str]:
        channel = {"atm": "Cajero", "salary": "Planilla", "levy": "Impuesto"}.get(
            t.kind, "Banca Movil"
        )
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "proc": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "channel": channel,
            "out" if t.amount < 0 else "in": f"{sign} {EN.magnitude(t.amount)}",
            "bal": f"{sign} {EN.magnitude(t.balance)}",
        }

    columns = [
        Column("date", "Fecha de\noperación"),
        Column("proc", "Fecha de\nproceso"),
        Column("desc", "Descripción", wrap=True, truth=DESC),
        Column("channel", "Canal"),
        Column("out", "Cargo", "r"),
        Column("in", "Abono", "r"),
        Column("bal", "Saldo", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (160, 250))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


PE_TABLES = {"corriente": _corriente, "ahorros": _ahorros, "interbank": _interbank}
PRODUCTS = {
    "corriente": "CUENTA CORRIENTE",
    "ahorros": "CUENTA DE AHORROS",
    "interbank": "Cuenta Simple",
}


def pe_estado(rng: Random) -> Built:
    variant = rng.choice(sorted(PE_TABLES))
    dollars = rng.random() < 0.35
    region = replace(PERU, currency="USD", scale=Decimal(1), templates=DOLLARS) if dollars else PERU
    mask = f"{rng.randint(191, 194)}-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(0, 1)}-{{last4}}"
    count = rng.randint(20, 40)
    plan = Plan(
        PRODUCTS[variant],
        count,
        (300, 3000),
        pool=(*EVERYDAY, "transfer_out"),
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(PE_BANKS), PE_TOWNS, rng.choice(PE_HOLDERS))
    st = local_statement(rng, region, names, [plan], period(rng), PE_STREETS)
    st = levied(st, lambda t: t.kind in ITF_KINDS, ITF, "ITF")
    acc = st.accounts[0]
    money = "DOLARES AMERICANOS" if dollars else "SOLES"
    details = [
        ("TITULAR", st.holder.name),
        ("CUENTA", acc.masked),
        ("CCI", f"002-{acc.masked.replace('-', '')}-{rng.randint(10, 99)}"),
        ("MONEDA", money),
        ("PERIODO", f"{ES_FULL[st.start.month - 1]} {st.start.year}"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.0, 7.5)),
        (f"ESTADO DE {PRODUCTS[variant].upper()}", details),
        rng.choice(("PAGINA {n} DE {total}", "Pág. {n}/{total}")),
        "Depósitos protegidos por el Fondo de Seguro de Depósitos hasta el monto vigente.",
        f"{PRODUCTS[variant].upper()} {acc.masked}",
    )
    span = f"DEL {fmt_date(st.start, 'DD/MM/YYYY')} AL {fmt_date(st.end, 'DD/MM/YYYY')}"
    page_note(flow, span, gray=0.0)
    log = TruthLog()
    PE_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "pe_estado",
        "Peruvian estados de cuenta (BCP / Interbank style) in soles or dollars: 1,234.56; day "
        "and Spanish month dates (02ENE) with BCP's channel (MED), place, branch, operation "
        "number, time, origin and type columns and ONE CARGO / ABONO column with a trailing "
        "minus; or CARGOS / DEBE and ABONOS / HABER between SALDO ANTERIOR and SALDO FINAL; or "
        "two dd/mm/yyyy dates, a channel and amounts written S/ 1,234.56; the 0.005% ITF tax as "
        "rows of its own",
        pe_estado,
    ),
)
