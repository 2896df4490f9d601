"""Family from Slovenia: the izpiski of NLB, Nova KBM and OTP banka (formerly SKB), in
Slovenian and euros.

Held out in the eighth split; tuned on since that split was scored.

Slovenian payments travel on the UPN form, which gives every statement line a purpose code (koda
namena: SALA, RENT, ELEC, OTHR...) and a reference in the SI model (`SI12 ...`, `SI00 ...`,
`SI99` for none) or RF; banks print debits and credits as Breme and Dobro. Sources: the UPN
filling instructions a Slovenian seller publishes (korak-naprej.si: IBAN SI56, Referenca,
Koda namena COST, the date as DD.MM.LLLL), the Bank Association's instructions for completing
payment orders (docslib.org: the SI and RF references and the purpose codes' list) and the
Slovenian regulation on payment orders (uradni-list.si); NLB's help pages name the izpisek a
client checks for the month's fees. The PDF layouts are thinly sourced, said so here.

NLB: Datum knjiženja / Datum valute / the payee or payer over the purpose / Koda namena /
Referenca / Breme / Dobro, no running balance, between Začetno and Končno stanje with a Promet
row. Nova KBM: Datum / Opis / Referenca / one signed Znesek / Stanje, carried over page breaks.
OTP: DD.MM.YY, the counterparty's IBAN under the purpose, Breme / Dobro / Stanje and the period's
figures in a box.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import serial, side
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import SLOVENIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
SI_BANKS = {
    "nlb": ("Nova Ljubljanska Hranilnica d.d.",),
    "nkbm": ("Nova Mariborska Banka d.d.",),
    "otp": ("Savska Banka d.d.",),
}
SI_TOWNS = ("1000 Ljubljana", "2000 Maribor", "3000 Celje", "4000 Kranj", "6000 Koper")
SI_STREETS = ("Trg republike {n}", "Slovenska cesta {n}", "Ulica Vita Kraigherja {n}")
SI_HOLDERS = ("JANEZ NOVAK", "MOJCA KOVAČIČ", "MATEJ HORVAT", "ŠPELA KRAJNC")
PURPOSE = {
    "salary": "SALA",
    "rent": "RENT",
    "utility": "ELEC",
    "grocery": "GDDS",
    "card": "GDDS",
    "transfer_out": "OTHR",
    "transfer_in": "OTHR",
    "atm": "CASH",
    "fee": "COST",
    "interest": "INTE",
    "refund": "GDDS",
    "loan": "LOAN",
}
LEGAL = "Banka je vključena v sistem jamstva za vloge (do 100.000 EUR na vlagatelja)."


def reference(t: Txn) -> str:
    """The UPN reference: SI12 on a bill, SI99 (none) on a salary, SI00 elsewhere."""
    if t.kind == "utility":
        return f"SI12 {serial(t, 11)}"
    if t.kind == "salary":
        return "SI99"
    digits = serial(t, 10)
    return f"SI00 {digits[:4]}-{digits[4:]}"


def iban(t: Txn) -> str:
    digits = serial(t, 15)
    return f"SI56 {digits[:4]} {digits[4:8]} {digits[8:12]} {digits[12:]}"


def _nlb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "desc": "\n".join(segments(t)),
            "code": PURPOSE.get(t.kind, "OTHR"),
            "ref": reference(t),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
        }

    columns = [
        Column("date", "Datum\nknjiženja"),
        Column("value", "Datum\nvalute"),
        Column("desc", "Prejemnik / plačnik\nNamen", wrap=True, truth=DESC),
        Column("code", "Koda\nnamena"),
        Column("ref", "Referenca"),
        Column("out", "Breme", "r"),
        Column("in", "Dobro", "r"),
    ]
    body = framed(
        {"desc": "Začetno stanje", "in": signed(DE, acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "Promet",
            "out": DE.magnitude(acc.total_debits),
            "in": DE.magnitude(acc.total_credits),
        },
        {"desc": "Končno stanje", "in": signed(DE, acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (130, 210))
    LinedTable(flow, columns, style).draw(body)


def _nkbm(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": " ".join(segments(t)),
            "ref": reference(t),
            "amt": signed(DE, t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Datum"),
        Column("desc", "Opis", wrap=True, truth=DESC),
        Column("ref", "Referenca"),
        Column("amt", "Znesek", "r"),
        Column("bal", "Stanje", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Prenos na naslednjo stran", "bal": signed(DE, b)},
        brought=lambda b: {"desc": "Prenos s prejšnje strani", "bal": signed(DE, b)},
    )
    body = framed(
        {"desc": "Začetno stanje", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Končno stanje", "bal": signed(DE, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _otp(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Začetno stanje", "Skupaj dobro", "Skupaj breme", "Končno stanje")
    totals(flow, acc, "Povzetek (EUR)", labels, lambda v: signed(DE, v))

    def cells(t: Txn) -> dict[str, str]:
        lines = segments(t)
        if t.kind in ("transfer_out", "transfer_in", "rent", "salary"):
            lines.append(iban(t))
        return {
            "date": fmt_date(t.day, "DD.MM.YY"),
            "desc": "\n".join(lines),
            **side(DE, t),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Datum"),
        Column("desc", "Namen / IBAN", wrap=True, truth=DESC),
        Column("out", "Breme", "r"),
        Column("in", "Dobro", "r"),
        Column("bal", "Stanje", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


SI_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "nlb": _nlb,
    "nkbm": _nkbm,
    "otp": _otp,
}


def si_izpisek(rng: Random) -> Built:
    variant = rng.choice(sorted(SI_TABLES))
    bank = f"SI56 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    plan = Plan(
        "Osebni račun",
        rng.randint(24, 58),
        (400, 4000),
        pool=(*EVERYDAY, "card", "transfer_out"),
        cheques=False,
        mask=f"{bank} {rng.randint(100, 999)}{{last4}}",
    )
    names = (rng.choice(SI_BANKS[variant]), SI_TOWNS, rng.choice(SI_HOLDERS))
    st = local_statement(rng, SLOVENIA, names, [plan], period(rng), SI_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [
        ("Imetnik", st.holder.name),
        ("IBAN", acc.masked),
        ("Valuta", "EUR"),
        ("Obdobje", span),
    ]
    number = st.start.month
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 8.0)),
        (f"IZPISEK PROMETA št. {number}", details),
        rng.choice(("Stran {n} od {total}", "Stran {n}/{total}")),
        LEGAL,
        f"Izpisek št. {number} {acc.masked}",
    )
    log = TruthLog()
    SI_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "si_izpisek",
        "Slovenian izpiski (NLB / Nova KBM / OTP style): EUR in 1.234,56, Slovenian narrations "
        "with č, š and ž, Flik instant payments and UPN purpose codes and references (SI12, "
        "SI00, SI99); booking and value dates, payee over purpose, Koda namena, Referenca, Breme "
        "/ Dobro and no running balance, a Promet row between Začetno and Končno stanje; or one "
        "signed Znesek and Stanje carried over page breaks; or DD.MM.YY, the counterparty's IBAN "
        "under the purpose, Breme / Dobro / Stanje and the figures in a box",
        si_izpisek,
    ),
)
