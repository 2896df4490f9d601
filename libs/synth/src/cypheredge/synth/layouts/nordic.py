"""Family from Norway and Sweden: the kontoutskrift of DNB, the kontoutdrag of SEB and Swedbank.

Held out in the second split; tuned on since that split was scored.

DNB follows the columns that public importers read from DNB (dehnes accounting's
DnbCsvImporter: Dato / Forklaring / Rentedato / Ut fra konto / Inn på konto; Fiken's import
headers in cskrov/nordnet-fiken-import: Bokført / Forklaring / Ut / Inn): the booking date, the
narration, the value date (Rentedato) printed after it, separate out and in columns and no
running balance, the balance only on a Saldo row at each end and a Sum row; Visa narrations that
repeat the card, the purchase date and the amount (`Visa *1234 15.01 NOK 89,00`), Vipps, Avtalegiro
with a KID. SEB follows moldin/budget_updater's description of SEB exports (Bokföringsdatum,
Valutadatum, Verifikationsnummer, Text, Belopp signed, Saldo; ISO dates; card texts like
`SYNSAM/25-04-30`), Swedbank the Swedbank export rows parsed in public ledgers (Bokföringsdag,
Transaktionsdag, Valutadag, Referens, Beskrivning, Belopp, Bokfört saldo): three date columns.
Numbers are 1 234,56 with a space between groups, signed with a leading minus.
"""

from __future__ import annotations

from random import Random

from cypheredge.synth.formats import NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    digits,
    local_statement,
    months_period,
    segments,
    shift,
)
from cypheredge.synth.layouts.local_print import narrate, side
from cypheredge.synth.layouts.local_regions_world import NORWAY, SWEDEN
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

NORDIC = NumberStyle(" ", ",")
DESC = "description"
NO_BANKS = ("Fjordbanken ASA", "Vestlandet Sparebank", "Nordkapp Bank ASA")
NO_TOWNS = ("0151 OSLO", "5003 BERGEN", "7010 TRONDHEIM", "4006 STAVANGER")
NO_STREETS = ("Storgata {n}", "Kirkeveien {n}", "Bygdøy allé {n}", "Thorvald Meyers gate {n}")
NO_HOLDERS = ("Ola Nordmann", "Kari Hansen", "Lars Johansen", "Ingrid Berg")
SE_BANKS = ("Skärgårdsbanken AB", "Mälardalens Sparbank", "Norrlandsbanken AB (publ)")
SE_TOWNS = ("111 52 STOCKHOLM", "411 04 GÖTEBORG", "211 20 MALMÖ", "753 10 UPPSALA")
SE_STREETS = ("Storgatan {n}", "Drottninggatan {n}", "Kungsgatan {n}", "Vasagatan {n}")
SE_HOLDERS = ("ANNA ANDERSSON", "ERIK JOHANSSON", "MARIA KARLSSON", "JOHAN NILSSON")


def _text(t: Txn, lines: bool) -> str:
    amount = NORDIC.magnitude(t.amount)
    parts = [narrate(part, t.day, amount) for part in segments(t)]
    return ("\n" if lines else " ").join(parts)


def _dnb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    day, lines = rng.choice(("DD.MM.YYYY", "DD.MM")), rng.random() < 0.7

    def cells(t: Txn) -> dict[str, str]:
        text = {"date": fmt_date(t.day, day), "desc": _text(t, lines)}
        return text | {"value": fmt_date(t.value_day, "DD.MM")} | side(NORDIC, t)

    columns = [
        Column("date", "Bokført"),
        Column("desc", "Forklaring", wrap=True, truth=DESC),
        Column("value", "Rentedato"),
        Column("out", "Ut fra konto", "r"),
        Column("in", "Inn på konto", "r"),
    ]
    opening = {"desc": f"Saldo fra kontoutskrift {fmt_date(shift(st.start, 1), 'DD.MM.YYYY')}"}
    total = {"desc": "Sum", "out": NORDIC.magnitude(acc.total_debits)}
    total["in"] = NORDIC.magnitude(acc.total_credits)
    closing = {"desc": f"Saldo i Deres favør pr. {fmt_date(st.end, 'DD.MM.YYYY')}"}
    body = framed(
        opening | {"in": NORDIC.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        total,
        closing | {"in": NORDIC.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("header", "rows", "none")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


def _seb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY-MM-DD"),
            "value": fmt_date(t.value_day, "YYYY-MM-DD"),
            "ver": f"99000{digits(t, 5)}",
            "desc": _text(t, False),
            "amt": signed(NORDIC, t.amount),
            "bal": signed(NORDIC, t.balance),
        }

    columns = [
        Column("date", "Bokföringsdatum"),
        Column("value", "Valutadatum"),
        Column("ver", "Verifikationsnummer"),
        Column("desc", "Text", wrap=True, truth=DESC),
        Column("amt", "Belopp", "r"),
        Column("bal", "Saldo", "r"),
    ]
    body = framed(
        {"desc": "Ingående saldo", "bal": signed(NORDIC, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Utgående saldo", "bal": signed(NORDIC, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "none")), (130, 220))
    LinedTable(flow, columns, style).draw(body)


def _swedbank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, lines = st.accounts[0], rng.random() < 0.5
    labels = ("Ingående saldo", "Insättningar", "Uttag", "Utgående saldo")
    totals(flow, acc, "Sammanställning", labels, lambda v: f"{signed(NORDIC, v)} SEK", 0.45)

    def cells(t: Txn) -> dict[str, str]:
        card = t.kind in ("grocery", "card", "atm")
        return {
            "date": fmt_date(t.day, "YYYY-MM-DD"),
            "trans": fmt_date(shift(t.day, int(digits(t, 1)) % 3 if card else 0), "YYYY-MM-DD"),
            "value": fmt_date(t.value_day, "YYYY-MM-DD"),
            "ref": digits(t, 8) if t.kind in ("utility", "rent", "loan") else "",
            "desc": _text(t, lines),
            "amt": signed(NORDIC, t.amount),
            "bal": signed(NORDIC, t.balance),
        }

    columns = [
        Column("date", "Bokföringsdag"),
        Column("trans", "Transaktionsdag"),
        Column("value", "Valutadag"),
        Column("ref", "Referens"),
        Column("desc", "Beskrivning", wrap=True, truth=DESC),
        Column("amt", "Belopp", "r"),
        Column("bal", "Bokfört saldo", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (120, 200))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


NORDIC_TABLES = {"dnb": _dnb, "seb": _seb, "swedbank": _swedbank}


def nordic_konto(rng: Random) -> Built:
    variant = rng.choice(sorted(NORDIC_TABLES))
    norway = variant == "dnb"
    bank = rng.choice(NO_BANKS if norway else SE_BANKS)
    if norway:
        mask = f"{rng.randint(1200, 9899)}.{rng.randint(10, 99)}.{rng.randint(0, 9)}{{last4}}"
    else:
        mask = f"{rng.randint(5000, 8999)}-{rng.randint(0, 9)} {rng.randint(100, 999)} {{last4}}"
    name = "Brukskonto" if norway else "Privatkonto"
    plan = Plan(name, rng.randint(18, 48), (200, 3000), cheques=False, mask=mask)
    towns, streets = (NO_TOWNS, NO_STREETS) if norway else (SE_TOWNS, SE_STREETS)
    names = (bank, towns, rng.choice(NO_HOLDERS if norway else SE_HOLDERS))
    span = months_period(rng, 1) if norway else period(rng)
    st = local_statement(rng, NORWAY if norway else SWEDEN, names, [plan], span, streets)
    acc, day = st.accounts[0], "DD.MM.YYYY" if norway else "YYYY-MM-DD"
    currency = "NOK" if norway else "SEK"
    details = [
        ("Kontonummer", acc.masked),
        ("Periode" if norway else "Period", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
        ("Valuta", currency),
    ]
    if norway:
        details.append(("Kontoutskrift nr.", str(st.end.month)))
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(7.0, 8.5)),
        ("Kontoutskrift" if norway else "Kontoutdrag", details),
        "Side {n} av {total}" if norway else "Sida {n} av {total}",
        f"{bank} · Org.nr. {rng.randint(900, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}",
        f"{name} {acc.masked}",
    )
    log = TruthLog()
    NORDIC_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NORDIC)


LAYOUTS = (
    Layout(
        "nordic_konto",
        "Norwegian and Swedish statements (DNB / SEB / Swedbank style): 1 234,56 with space "
        "groups; Bokført / Forklaring / Rentedato (value date after the text) / Ut fra konto / "
        "Inn på konto with no balance column, Saldo and Sum rows, Visa narrations repeating "
        "date and amount; or ISO dates, a Verifikationsnummer, signed Belopp and Saldo; or "
        "three date columns (Bokföringsdag / Transaktionsdag / Valutadag) and Bokfört saldo",
        nordic_konto,
    ),
)
