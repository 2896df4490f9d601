"""Family from Chile: the cartola of Banco de Chile and Santander Chile.

Held out in the second split; tuned on since that split was scored.

Banco de Chile follows mabahamo/beancount-chile (beancount_chile/extractors/banco_chile_pdf.py),
which reads the PDF cartola: `CARTOLA N° :`, `N° DE CUENTA :`, `Sr(a). :` and `RUT :` in the
header, `DESDE : dd/mm/yyyy HASTA : dd/mm/yyyy`, a DETALLE DE TRANSACCION table with year-less
dd/mm dates, the office (INTERNET, CENTRAL, OF. ...) beside the detail, an 8-digit cheque number
in N° DOCTO, MONTO CHEQUES O CARGOS / MONTO DEPOSITOS O ABONOS / SALDO with pesos grouped by dots
and no decimals (75.000), rows that carry no balance (only a day's last row does), SALDO INICIAL
and SALDO FINAL rows, details such as TRASPASO A:, TRASPASO DE:, PAGO:PROVEEDORES 0776016489,
PAGO EN SII.CL*, DEP.CHEQ.OTROS BANCOS and CHEQUE DEPOSITADO DEVUELTO, and RETENCION lines.
Santander follows a public cartola parser's line format `DD/MM SUCURSAL [N° DOCUMENTO]
DESCRIPCIÓN MONTO [SALDO]` (`02/05 O.Gerencia 0160136375 Transf a Angeles Hernandez 25.000`):
the office and the document number before the description, the balance only at a day's end, and
a period summary that splits deposits, other credits, cheques and other charges.
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start
from cypheredge.synth.layouts.local_kit import (
    Days,
    LinedTable,
    digits,
    local_statement,
    months_period,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_print import (
    ROUND_KINDS,
    Whole,
    coarsen,
    figures,
    serial,
    side,
)
from cypheredge.synth.layouts.local_regions_world import CHILE, CHILE_SANTANDER
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

PESOS = Whole(".", ",")
DESC = "description"
CL_BANKS = ("Banco del Pacifico Sur", "Banco Cordillera", "Banco Austral de Chile")
CL_TOWNS = ("SANTIAGO", "PROVIDENCIA", "LAS CONDES", "VIÑA DEL MAR")
CL_STREETS = ("AV. PROVIDENCIA {n}", "AV. APOQUINDO {n}", "CALLE HUERFANOS {n}")
CL_HOLDERS = ("JUAN PEREZ SOTO", "MARIA GONZALEZ", "CAMILA ROJAS", "DIEGO MUÑOZ")
CHEQUES = ("cheque_in", "cheque_return", "cheque_fee", "check")
OFFICES = ("O.Gerencia", "Internet", "Providencia", "Huerfanos", "Vitacura")


def _pesos_step(kind: str) -> Decimal:
    """Transfers, salaries and cash are round thousands of pesos; card payments are not."""
    return Decimal(1000) if kind in ROUND_KINDS else Decimal(1)


def _office(t: Txn) -> str:
    if t.kind in CHEQUES:
        return "OF. PROVIDENCIA"
    if t.kind in ("fee", "interest"):
        return "CENTRAL"
    return "" if t.kind in ("grocery", "card", "atm") else "INTERNET"


def _chile(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, days = st.accounts[0], Days.of(st.accounts[0])
    page_note(flow, f"Sr(a). : {st.holder.name}    RUT : {_rut(acc)}", gray=0.0)
    span = f"DESDE : {fmt_date(st.start, 'DD/MM/YYYY')} HASTA : {fmt_date(st.end, 'DD/MM/YYYY')}"
    page_note(flow, span, gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM"),
            "desc": " ".join(segments(t)),
            "office": _office(t),
            "doc": serial(t, 8) if t.kind in CHEQUES else "",
            "bal": PESOS.magnitude(t.balance) if days.closes(t) else "",
        } | side(PESOS, t)

    columns = [
        Column("date", "FECHA\nDIA/MES"),
        Column("desc", "DETALLE DE\nTRANSACCION", wrap=True, truth=DESC),
        Column("office", "SUCURSAL"),
        Column("doc", "N° DOCTO"),
        Column("out", "MONTO CHEQUES\nO CARGOS", "r"),
        Column("in", "MONTO DEPOSITOS\nO ABONOS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    body = framed(
        {"date": fmt_date(st.start, "DD/MM"), "desc": "SALDO INICIAL"}
        | {"bal": PESOS.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=days.closes),
        {"date": fmt_date(st.end, "DD/MM"), "desc": "SALDO FINAL"}
        | {"bal": PESOS.magnitude(acc.closing)},
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("none", "header", "rows")), (170, 250))
    LinedTable(flow, columns, style).draw(body)
    held = sum((t.amount for t in acc.txns if t.kind == "cheque_in"), Decimal(0))
    figures(
        flow,
        [
            ("RETENCION A 1 DIA", PESOS.magnitude(held)),
            ("RETENCION A MAS DE 1 DIA", "0"),
            ("SALDO DISPONIBLE", PESOS.magnitude(acc.closing)),
        ],
        0.45,
    )


def _rut(acc: Account) -> str:
    seed = sum(ord(c) for c in acc.masked)
    return f"{12 + seed % 9}.{seed * 37 % 1000:03d}.{seed * 91 % 1000:03d}-{seed % 10}"


def _santander(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, days = st.accounts[0], Days.of(st.accounts[0])
    figures(flow, _breakdown(acc), 0.45)

    def cells(t: Txn) -> dict[str, str]:
        transfer = t.kind in ("salary", "rent", "transfer_out", "transfer_in")
        return {
            "date": fmt_date(t.day, "DD/MM"),
            "office": OFFICES[int(digits(t, 2)) % len(OFFICES)],
            "doc": f"0{serial(t, 9)}" if transfer or t.kind in CHEQUES else "",
            "desc": " ".join(segments(t)),
            "bal": PESOS.magnitude(t.balance) if days.closes(t) else "",
        } | side(PESOS, t)

    columns = [
        Column("date", "FECHA"),
        Column("office", "SUCURSAL"),
        Column("doc", "N° DOCUMENTO"),
        Column("desc", "DESCRIPCION\nMOVIMIENTO", wrap=True, truth=DESC),
        Column("out", "CARGOS", "r"),
        Column("in", "ABONOS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (160, 240))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=days.closes))


def _breakdown(acc: Account) -> list[tuple[str, str]]:
    """Santander's period summary: credits split into deposits and the rest, debits into
    cheques and the rest."""

    def total(kinds: tuple[str, ...], credit: bool, inside: bool) -> Decimal:
        picked = [t for t in acc.txns if (t.amount >= 0) == credit and (t.kind in kinds) == inside]
        return sum((abs(t.amount) for t in picked), Decimal(0))

    money = {
        "Depositos": total(("cheque_in",), True, True),
        "Otros Abonos": total(("cheque_in",), True, False),
        "Cheques": total(("check",), False, True),
        "Otros Cargos": total(("check",), False, False),
    }
    lines = [("Saldo Inicial", f"$ {PESOS.magnitude(acc.opening)}")]
    lines += [(label, f"$ {PESOS.magnitude(value)}") for label, value in money.items()]
    return [*lines, ("Saldo Final", f"$ {PESOS.magnitude(acc.closing)}")]


CL_TABLES = {"bancochile": _chile, "santander": _santander}


def cl_cartola(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(CL_TABLES)), rng.choice(CL_BANKS)
    mask = f"00-{rng.randint(100, 999)}-{rng.randint(10000, 99999)}-{{last4}}"
    pool = (*EVERYDAY, "check", "check")
    plan = Plan("Cuenta Corriente", rng.randint(20, 44), (300, 3000), pool=pool, mask=mask)
    names = (bank, CL_TOWNS, rng.choice(CL_HOLDERS))
    region = CHILE if variant == "bancochile" else CHILE_SANTANDER
    span = months_period(rng, 1)
    st = coarsen(local_statement(rng, region, names, [plan], span, CL_STREETS), _pesos_step)
    acc = st.accounts[0]
    number = str(rng.randint(20, 240))
    details = [("CARTOLA N°", number), ("N° DE CUENTA", acc.masked), ("MONEDA", "PESOS")]
    if variant == "santander":  # its dates are DD/MM: the header prints the period's year
        period = f"{fmt_date(st.start, 'DD/MM/YYYY')} AL {fmt_date(st.end, 'DD/MM/YYYY')}"
        details.append(("PERIODO", period))
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("CARTOLA CUENTA CORRIENTE", details),
        rng.choice(("PAGINA {n} DE {total}", "Página {n} de {total}")),
        "INFORMESE SOBRE LA GARANTIA ESTATAL DE LOS DEPOSITOS EN SU BANCO O EN WWW.CMFCHILE.CL",
        f"CARTOLA N° {number}  CUENTA {acc.masked}",
    )
    log = TruthLog()
    CL_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, PESOS)


LAYOUTS = (
    Layout(
        "cl_cartola",
        "Chilean cartola (Banco de Chile / Santander style): pesos without decimals grouped "
        "by dots (1.234.567), year-less DD/MM dates with DESDE / HASTA in the header, "
        "SUCURSAL and N° DOCTO columns beside or before the description, cheques paid, "
        "deposited and returned, balances only on a day's last row, SALDO INICIAL / FINAL "
        "rows and RETENCION lines; or a summary splitting deposits, other credits and cheques",
        cl_cartola,
    ),
)
