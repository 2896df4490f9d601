"""Family from Argentina: the resúmenes de cuenta of Banco Galicia, Banco de la Nación
Argentina and BBVA Argentina, in Spanish and pesos.

Held out in the fifth split; tuned on since that split was scored.

Galicia follows two public extractors written on its PDFs (joseleomartin/sistema-soporte
extractores/extractor_banco_galicia.py and an AIE San Justo resumen tool's Galicia parser):
`Resumen de Cuenta Corriente en Pesos` or Caja de Ahorro, the Saldo inicial on the first page, a
Movimientos table of Fecha (`dd/mm/yy`) / Descripción / Origen / Crédito / Débito / Saldo in
which debits are printed negative (`-1.234,56`), long numeric codes on the description's second
line, the CBU printed outside the table and a Saldo Deudores box (Promedio and Intereses) for an
overdrawn current account. Nación follows the same project's nacion.py, written on its extracts:
rows `01/09/25 CRED BE O BCO-M-SUC 0001K 3055240 15.000,00 8.431,45` (Fecha, Movimientos,
Comprobante, Débitos / Créditos, Saldo), a negative balance with the minus after it
(`8.431,45-`), and narrations such as COMIS.COMPENSACION, I.V.A., GRAVAMEN and INTERESES.
BBVA follows its extractor (extractor_bbva_mejorado.py): FECHA as a year-less `DD/MM` (the year
from the period), ORIGEN, CONCEPTO, DÉBITO as negative figures, CRÉDITO and SALDO, a SALDO
ANTERIOR row, and CUIT / IVA RESPONSABLE INSCRIPTO in the furniture. Every bank posts the tax on
debits and credits (Ley 25.413, 0.6% of each movement; salary credits to a cuenta sueldo are
exempt) and 21% IVA on its fees as rows of their own after the movement they fall on.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_global import (
    ARGENTINA_BBVA,
    ARGENTINA_GALICIA,
    ARGENTINA_NACION,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
AR_BANKS = ("Banco del Río de la Plata S.A.", "Banco de la Pampa S.A.", "Banco Andino S.A.")
AR_TOWNS = ("C1043AAZ CABA", "X5000 Córdoba", "S2000 Rosario", "M5500 Mendoza", "B1900 La Plata")
AR_STREETS = ("Av. Corrientes {n}", "Av. Rivadavia {n}", "Calle San Martín {n}", "Bv. Oroño {n}")
AR_HOLDERS = ("GONZALEZ MARIA LAURA", "FERNANDEZ PABLO ANDRES", "RODRIGUEZ SOFIA", "LOPEZ MARTIN")
# the channel a Galicia movement came through, printed in its Origen column
ORIGINS = {"atm": "CAJERO", "card": "POS", "grocery": "POS", "utility": "DEB. AUT."}
LEGAL = "Los depósitos en pesos y en moneda extranjera cuentan con la garantía de la ley 24.485."
TAX = {
    "galicia": ("IMP. DEB./CRE. LEY 25413", "IMP. DEB./CRE. LEY 25413"),
    "nacion": ("GRAVAMEN LEY 25413 S/DEB", "GRAVAMEN LEY 25413 S/CRED"),
    "bbva": ("IMPUESTO LEY 25.413 DEBITO", "IMPUESTO LEY 25.413 CREDITO"),
}
VAT = {"galicia": "IVA TASA GENERAL", "nacion": "I.V.A. BASE", "bbva": "IVA 21%"}


def _pesos(value: Decimal) -> str:
    return f"$ {signed(DE, value)}"


def _taxable(t: Txn) -> bool:
    """Ley 25.413 falls on every movement but the bank's own taxes and fees and the salary
    credited to a cuenta sueldo."""
    return t.kind not in ("salary", "levy", "vat", "fee", "interest")


def _taxed(st: Statement, variant: str, overdraft: bool) -> Statement:
    debit, credit = TAX[variant]
    vat = rate("0.21", lambda t: t.kind == "fee")
    st = charged(st, vat, lambda t: VAT[variant], kind="vat", overdraft=overdraft)
    text: Callable[[Txn], str] = lambda t: debit if t.amount < 0 else credit  # noqa: E731
    return charged(st, rate("0.006", _taxable), text, overdraft=overdraft)


def _galicia(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Saldo inicial", "Créditos", "Débitos", "Saldo final")
    totals(flow, acc, "Resumen del período", labels, _pesos, 0.45)
    heading(flow, "Movimientos")

    def cells(t: Txn) -> dict[str, str]:
        lines = parts(t)
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "desc": "\n".join(lines),
            "origin": ORIGINS.get(t.kind, "") if t.kind not in ("levy", "vat") else "",
            "in" if t.amount >= 0 else "out": signed(DE, t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Fecha"),
        Column("desc", "Descripción", wrap=True, truth=DESC),
        Column("origin", "Origen"),
        Column("in", "Crédito", "r"),
        Column("out", "Débito", "r"),
        Column("bal", "Saldo", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (170, 260))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    debtor = [t.balance for t in acc.txns if t.balance < 0]
    if debtor:
        month = fmt_date(st.end, "YYYYMM")
        average = sum(debtor, Decimal(0)) / len(acc.txns)
        interest = (-average * Decimal("0.07")).quantize(Decimal("0.01"))
        figures(
            flow,
            [
                ("Saldo Deudores", ""),
                (f"Promedio {month}", _pesos(-average)),
                ("Intereses", _pesos(interest)),
            ],
            0.4,
        )


def _minus_after(value: Decimal) -> str:
    """Nación's negative balance: `8.431,45-`."""
    return signed(DE, value, negative="trailing")


def _nacion(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "desc": " ".join(parts(t)),
            "doc": serial(t, 7),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": _minus_after(t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("desc", "MOVIMIENTOS", wrap=True, truth=DESC),
        Column("doc", "COMPROBANTE", "r"),
        Column("out", "DEBITOS", "r"),
        Column("in", "CREDITOS", "r"),
        Column("bal", "SALDO", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "SALDO A TRANSPORTAR", "bal": _minus_after(b)},
        brought=lambda b: {"desc": "SALDO TRANSPORTADO", "bal": _minus_after(b)},
    )
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": _minus_after(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SALDO FINAL", "bal": _minus_after(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "grid")), (160, 240))
    LinedTable(flow, columns, style, carry).draw(body)


def _bbva(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    branch = f"{rng.randint(1, 499):04d}"

    def cells(t: Txn) -> dict[str, str]:
        online = t.kind in ("transfer_out", "transfer_in", "rent", "utility", "salary")
        return {
            "date": fmt_date(t.day, "DD/MM"),
            "origin": "" if t.kind in ("levy", "vat") else ("0900" if online else branch),
            "desc": " ".join(parts(t)),
            "in" if t.amount >= 0 else "out": signed(DE, t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "FECHA"),
        Column("origin", "ORIGEN"),
        Column("desc", "CONCEPTO", wrap=True, truth=DESC),
        Column("out", "DÉBITO", "r"),
        Column("in", "CRÉDITO", "r"),
        Column("bal", "SALDO", "r"),
    ]
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("rows", "none", "header")), (170, 270))
    LinedTable(flow, columns, style).draw(body)
    page_note(flow, f"SALDO AL {fmt_date(st.end, 'DD/MM/YYYY')}: {_pesos(acc.closing)}", gray=0.0)


AR_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "galicia": _galicia,
    "nacion": _nacion,
    "bbva": _bbva,
}
AR_REGIONS: dict[str, Region] = {
    "galicia": ARGENTINA_GALICIA,
    "nacion": ARGENTINA_NACION,
    "bbva": ARGENTINA_BBVA,
}


def _cbu(rng: Random) -> str:
    return f"{rng.randint(10**7, 10**8 - 1)}{rng.randint(10**13, 10**14 - 1)}"


def ar_resumen(rng: Random) -> Built:
    variant = rng.choice(sorted(AR_TABLES))
    current = variant != "bbva" and rng.random() < 0.5
    kind = "Cuenta Corriente en Pesos" if current else "Caja de Ahorro en Pesos"
    mask = f"{rng.randint(1000, 9999)}-{rng.randint(1, 9)} {rng.randint(100, 999)}-{{last4}}"
    pool = (*EVERYDAY, "card", "grocery", "transfer_out")
    plan = Plan(
        kind,
        rng.randint(18, 36),
        (300, 3000),
        overdraft=current,
        pool=pool,
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(AR_BANKS), AR_TOWNS, rng.choice(AR_HOLDERS))
    span = period(rng, rollover=variant == "bbva" and rng.random() < 0.35)
    st = local_statement(rng, AR_REGIONS[variant], names, [plan], span, AR_STREETS)
    st = _taxed(st, variant, current)
    acc = st.accounts[0]
    first, last = fmt_date(st.start, "DD/MM/YYYY"), fmt_date(st.end, "DD/MM/YYYY")
    details = [
        ("Titular", st.holder.name),
        ("Cuenta", acc.masked),
        ("CBU", _cbu(rng)),
        ("Período", f"{first} al {last}"),
    ]
    cuit = f"30-{rng.randint(10**7, 10**8 - 1)}-{rng.randint(0, 9)}"
    legal = (
        f"{st.bank.name} - CUIT {cuit} - IVA RESPONSABLE INSCRIPTO" if variant == "bbva" else LEGAL
    )
    title = f"Resumen de {kind}" if variant == "galicia" else "Resumen de cuenta"
    if variant == "nacion":
        title = "EXTRACTO DE CUENTA"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.5, 8.0)),
        (title, details),
        rng.choice(("Página {n} de {total}", "Hoja {n}/{total}")),
        legal,
        f"{title} {acc.masked}",
    )
    if variant == "nacion":
        page_note(flow, f"{kind.upper()} Nro. {acc.masked}", size=flow.spec.size, gray=0.0)
        page_note(flow, f"PERIODO DEL {first} AL {last}", size=flow.spec.size, gray=0.0)
    log = TruthLog()
    AR_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "ar_resumen",
        "Argentine resúmenes de cuenta (Galicia / Nación / BBVA style): pesos with $ and "
        "1.234,56, the Ley 25.413 tax on debits and credits and 21% IVA on fees posted as rows "
        "of their own; dd/mm/yy dates, multi-line descriptions, an Origen column, Crédito "
        "before Débito with debits printed negative, a Saldo inicial box and a Saldo Deudores "
        "box on overdrawn accounts; or COMPROBANTE numbers, DEBITOS / CREDITOS and balances "
        "with the minus after the figure (8.431,45-) between SALDO ANTERIOR and SALDO FINAL; "
        "or year-less DD/MM dates with a December-January period, ORIGEN codes and negative "
        "DÉBITO figures",
        ar_resumen,
    ),
)
