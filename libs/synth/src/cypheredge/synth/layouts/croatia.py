"""Family from Croatia: the izvodi of Zagrebačka banka, PBZ and Erste & Steiermärkische
Bank, in Croatian and euros.

Held out in the sixth split; tuned on since that split was scored.

Public sources on Croatian PDF prints are thin: the public material is payment-slip generators
(HUB 3 with its `Poziv na broj` model and reference, `HR99` when there is none), camt.053 and
MT940 importers for Erste, Zaba and PBZ, and e-Zaba's printable payment orders. The family keeps
to what those show and to the conventions of Croatian prints: amounts `1.234,56`, dates written
with a dot after the year (`05.03.2024.`), the payee and the purpose on lines of their own, and
Croatian titles. Zaba: Datum izvršenja / Datum valute / Opis / Poziv na broj / Isplata / Uplata /
Stanje, with Prijenos rows carrying the balance across pages. PBZ: a numbered izvod (`IZVOD BR.
7`) whose rows carry an ordinal (Rb.), Promet duguje / Promet potražuje with no balance column,
Prethodno stanje above and Ukupni promet and Novo stanje after. Erste: yearless `DD.MM.` dates
under a period that names the year, one signed Iznos with the counterparty's IBAN under the
description, and the Stanje after each row.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_balkan_baltic import CROATIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
HR_BANKS = ("Jadranska banka d.d.", "Slavonska banka d.d.", "Banka Kvarner d.d.")
HR_TOWNS = ("10000 Zagreb", "21000 Split", "51000 Rijeka", "31000 Osijek", "23000 Zadar")
HR_STREETS = ("Ilica {n}", "Vukovarska {n}", "Savska cesta {n}", "Ulica grada Vukovara {n}")
HR_HOLDERS = ("IVAN HORVAT", "MARIJA KOVAČIĆ", "TOMISLAV BABIĆ", "ANA MARIĆ")
# postings paid with a HUB 3 slip, so they carry a model and a reference
SLIPS = ("salary", "rent", "utility", "transfer_out", "transfer_in", "loan")
LEGAL = "Depoziti su osigurani kod Hrvatske agencije za osiguranje depozita (HAOD)."


def hr_date(t: Txn) -> str:
    """Croatian dates end with a dot: `05.03.2024.`"""
    return fmt_date(t.day, "DD.MM.YYYY.")


def _reference(t: Txn) -> str:
    """HUB 3's model and poziv na broj: HR01 for a bill's reference, HR00 for a free one and
    HR99 where the payment carries none."""
    if t.kind not in SLIPS:
        return "HR99"
    model = "HR01" if t.kind in ("utility", "loan") else "HR00"
    return f"{model} {serial(t, 4)}-{serial(t, 8)[4:]}"


def _euros(value: Decimal) -> str:
    return signed(DE, value)


def _zaba(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": hr_date(t),
            "value": fmt_date(t.value_day, "DD.MM.YYYY."),
            "desc": "\n".join(segments(t)),
            "ref": _reference(t),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": _euros(t.balance),
        }

    columns = [
        Column("date", "Datum\nizvršenja"),
        Column("value", "Datum\nvalute"),
        Column("desc", "Opis", wrap=True, truth=DESC),
        Column("ref", "Poziv na broj"),
        Column("out", "Isplata", "r"),
        Column("in", "Uplata", "r"),
        Column("bal", "Stanje", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Prijenos", "bal": _euros(b)},
        brought=lambda b: {"desc": "Prijenos", "bal": _euros(b)},
    )
    body = framed(
        {"desc": "Početno stanje", "bal": _euros(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Završno stanje", "bal": _euros(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (130, 200))
    LinedTable(flow, columns, style, carry).draw(body)


def _pbz(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"IZVOD BR. {st.start.month}", size=flow.spec.size * 1.2, gray=0.0)
    page_note(flow, f"Prethodno stanje: {_euros(acc.opening)} EUR", size=flow.spec.size, gray=0.0)
    ordinals = {id(t): n for n, t in enumerate(acc.txns, start=1)}

    def cells(t: Txn) -> dict[str, str]:
        return {
            "n": f"{ordinals[id(t)]}.",
            "date": hr_date(t),
            "desc": " ".join(segments(t)),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
        }

    columns = [
        Column("n", "Rb.", "r"),
        Column("date", "Datum"),
        Column("desc", "Opis plaćanja", wrap=True, truth=DESC),
        Column("out", "Promet\nduguje", "r"),
        Column("in", "Promet\npotražuje", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "header", "none")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    labels = ("Prethodno stanje", "Ukupni promet potražuje", "Ukupni promet duguje", "Novo stanje")
    totals(flow, acc, "Ukupni promet", labels, lambda v: f"{_euros(v)} EUR")


def _erste(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        lines = segments(t)
        if t.kind in SLIPS:
            lines.append(f"HR{serial(t, 19)}")
        return {
            "date": fmt_date(t.day, "DD.MM."),
            "desc": "\n".join(lines),
            "amt": _euros(t.amount),
            "bal": _euros(t.balance),
        }

    columns = [
        Column("date", "Datum"),
        Column("desc", "Opis transakcije", wrap=True, truth=DESC),
        Column("amt", "Iznos", "r"),
        Column("bal", "Stanje", "r"),
    ]
    body = framed(
        {"desc": "Stanje na početku razdoblja", "bal": _euros(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Stanje na kraju razdoblja", "bal": _euros(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("rows", "none")), (230, 330))
    LinedTable(flow, columns, style).draw(body)


HR_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "zaba": _zaba,
    "pbz": _pbz,
    "erste": _erste,
}


def hr_izvod(rng: Random) -> Built:
    variant = rng.choice(sorted(HR_TABLES))
    code = {"zaba": "2360000", "pbz": "2340009", "erste": "2402006"}[variant]
    mask = f"HR{rng.randint(10, 99)}{code}{rng.randint(10**5, 10**6 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery")
    plan = Plan(
        "Tekući račun", rng.randint(26, 60), (300, 3200), pool=pool, cheques=False, mask=mask
    )
    names = (rng.choice(HR_BANKS), HR_TOWNS, rng.choice(HR_HOLDERS))
    st = local_statement(rng, CROATIA, names, [plan], period(rng), HR_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY.')} - {fmt_date(st.end, 'DD.MM.YYYY.')}"
    details = [
        ("Vlasnik računa", st.holder.name),
        ("IBAN", acc.masked),
        ("Valuta", "EUR"),
        ("Razdoblje", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("IZVOD PO TRANSAKCIJSKOM RAČUNU", details),
        rng.choice(("Stranica {n} od {total}", "{n}/{total}")),
        LEGAL,
        f"Izvod {acc.masked}",
    )
    log = TruthLog()
    HR_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "hr_izvod",
        "Croatian izvodi (Zagrebačka banka / PBZ / Erste style): EUR, 1.234,56, Croatian titles "
        "and dates with a dot after the year (05.03.2024.); two dates, HUB 3 Poziv na broj "
        "references (HR00 ... / HR99), Isplata / Uplata / Stanje with Prijenos rows at page "
        "breaks; or a numbered IZVOD BR. with row ordinals, Promet duguje / potražuje, no "
        "balance column and the totals after; or yearless DD.MM. dates, the counterparty IBAN "
        "under the description, one signed Iznos and the Stanje after each row",
        hr_izvod,
    ),
)
