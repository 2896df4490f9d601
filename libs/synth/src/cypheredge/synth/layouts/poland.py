"""Family from Poland: the "wyciąg z rachunku" of PKO BP, mBank and Pekao.

Modelled on the fields of PKO BP's statement as public Polish parsers read them (Data operacji,
Data waluty, Typ transakcji, Kwota, Saldo po transakcji and an Opis transakcji made of Nazwa
odbiorcy / Tytuł / Lokalizacja: Kraj, Miasto, Adres / Numer karty lines), mBank's Data operacji /
Data księgowania / Opis operacji / Kwota / Saldo po operacji, and Pekao's Obciążenia / Uznania
columns. What is hard: Polish diacritics in the text layer (embedded DejaVu), `1 234,56` grouped
with a space that is a no-break space in some prints, signed amounts with a leading minus, PKO's
two dates stacked in one cell and the description split over a type column and a details column
printed after the amounts, Saldo początkowe / Saldo końcowe rows, an overdraft limit line.
"""

from __future__ import annotations

from random import Random

from cypheredge.synth.formats import NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_regions import POLAND
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

# What a text layer shows: pdfium reads the no-break space as a plain space.
PL = NumberStyle(" ", ",")
PL_NBSP = NumberStyle("\u00a0", ",")
PL_BANKS = ("Bank Wiślany S.A.", "Mazowiecki Bank Spółdzielczy", "Bałtycki Bank Polski S.A.")
PL_TOWNS = ("00-950 Warszawa", "31-000 Kraków", "80-001 Gdańsk", "90-001 Łódź")
PL_STREETS = (
    "ul. Marszałkowska {n}",
    "ul. Długa {n}",
    "al. Jerozolimskie {n}",
    "ul. Piotrkowska {n}",
)
PL_HOLDERS = ("JAN KOWALSKI", "ANNA NOWAK", "ŁUKASZ WÓJCIK", "MAŁGORZATA KRÓL")
DESC = "description"


def _pko_columns(stacked: bool) -> list[Column]:
    dates = (
        [Column("dates", "Data operacji\nData waluty")]
        if stacked
        else [Column("date", "Data\noperacji"), Column("value", "Data\nwaluty")]
    )
    return [
        *dates,
        Column("type", "Typ transakcji", wrap=True, truth=DESC),
        Column("amount", "Kwota", "r"),
        Column("bal", "Saldo po\ntransakcji", "r"),
        Column("desc", "Opis transakcji", wrap=True, truth=DESC),
    ]


def _pko_table(flow: Flow, rng: Random, acc: Account, log: TruthLog, numbers: NumberStyle) -> None:
    """Type and details in two columns either side of the amounts: one description."""
    stacked, day = rng.random() < 0.6, "DD.MM.YYYY"

    def cells(t: Txn) -> dict[str, str]:
        parts = segments(t)
        op, value = fmt_date(t.day, day), fmt_date(t.value_day, day)
        return {
            "dates": f"{op}\n{value}",
            "date": op,
            "value": value,
            "type": parts[0],
            "amount": signed(numbers, t.amount),
            "bal": signed(numbers, t.balance),
            "desc": "\n".join(parts[1:]),
        }

    style = Style.vary(rng, rng.choice(("rows", "header")), (110, 190))
    LinedTable(flow, _pko_columns(stacked), style).draw(rows(acc, 0, log, cells))


def _mbank_table(
    flow: Flow, rng: Random, acc: Account, log: TruthLog, numbers: NumberStyle
) -> None:
    day = rng.choice(("DD.MM.YYYY", "YYYY-MM-DD"))
    unit = rng.choice(("", " PLN"))

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "book": fmt_date(t.value_day, day),
            "desc": "\n".join(segments(t)),
            "amount": f"{signed(numbers, t.amount)}{unit}",
            "bal": f"{signed(numbers, t.balance)}{unit}",
        }

    columns = [
        Column("date", "Data\noperacji"),
        Column("book", "Data\nksięgowania"),
        Column("desc", "Opis operacji", wrap=True, truth=DESC),
        Column("amount", "Kwota", "r"),
        Column("bal", "Saldo po\noperacji", "r"),
    ]
    body = framed(
        {"desc": "Saldo początkowe", "bal": f"{signed(numbers, acc.opening)}{unit}"},
        rows(acc, 0, log, cells),
        {"desc": "Saldo końcowe", "bal": f"{signed(numbers, acc.closing)}{unit}"},
        balance=acc.opening,
    )
    LinedTable(flow, columns, Style.vary(rng, "none", (200, 300))).draw(body)


def _pekao_table(
    flow: Flow, rng: Random, acc: Account, log: TruthLog, numbers: NumberStyle
) -> None:
    unit = rng.choice(("", " zł"))

    def cells(t: Txn) -> dict[str, str]:
        side = "in" if t.amount >= 0 else "out"
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": " ".join(segments(t)),
            side: numbers.magnitude(t.amount),
            "bal": f"{signed(numbers, t.balance)}{unit}",
        }

    columns = [
        Column("date", "Data"),
        Column("desc", "Opis", wrap=True, truth=DESC),
        Column("out", "Obciążenia", "r"),
        Column("in", "Uznania", "r"),
        Column("bal", "Saldo", "r"),
    ]
    total = {"desc": "Razem", "out": numbers.magnitude(acc.total_debits)}
    total["in"] = numbers.magnitude(acc.total_credits)
    body = framed(
        {"desc": "Saldo początkowe", "bal": f"{signed(numbers, acc.opening)}{unit}"},
        rows(acc, 0, log, cells),
        total,
        {"desc": "Saldo końcowe", "bal": f"{signed(numbers, acc.closing)}{unit}"},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("grid", "rows")), (180, 280))).draw(body)


PL_TABLES = {"pko": _pko_table, "mbank": _mbank_table, "pekao": _pekao_table}


def pl_wyciag(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(PL_TABLES)), rng.choice(PL_BANKS)
    plan = Plan(
        "Konto osobiste",
        rng.randint(20, 40),
        (300, 3000),
        overdraft=rng.random() < 0.3,
        cheques=False,
        mask="PL** 1020 **** **** **** {last4}",
    )
    names = (bank, PL_TOWNS, rng.choice(PL_HOLDERS))
    st = local_statement(rng, POLAND, names, [plan], period(rng), PL_STREETS)
    acc, day = st.accounts[0], "DD.MM.YYYY"
    number = f"{st.end.month}/{st.end.year}"
    span = f"od {fmt_date(st.start, day)} do {fmt_date(st.end, day)}"
    details = [("Rachunek", acc.masked), ("Okres", span), ("Waluta", "PLN"), ("Wyciąg nr", number)]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("Wyciąg z rachunku", details),
        "Strona {n} z {total}",
        f"{bank}, kapitał zakładowy 1 250 000 000,00 zł, KRS 0000026438, NIP 525-000-77-38",
        f"Wyciąg nr {number} {acc.masked}",
    )
    printed = PL_NBSP if rng.random() < 0.5 else PL
    labels = ("Saldo początkowe", "Suma uznań", "Suma obciążeń", "Saldo końcowe")
    totals(flow, acc, "Podsumowanie", labels, lambda v: f"{signed(printed, v)} PLN", 0.45)
    page_note(flow, "Limit zadłużenia: 0,00 PLN   Oprocentowanie rachunku: 0,00% w skali roku")
    log = TruthLog()
    PL_TABLES[variant](flow, rng, acc, log, printed)
    return Built(flow, st, log, PL)


LAYOUTS = (
    Layout(
        "pl_wyciag",
        "Polish wyciąg (PKO BP / mBank / Pekao style): diacritics, 1 234,56 with a plain or "
        "no-break space, PLN / zł, signed Kwota with Saldo po transakcji, two dates stacked in "
        "one cell, the description split over Typ transakcji and an Opis column after the "
        "amounts, or Obciążenia / Uznania columns, Saldo początkowe / końcowe rows",
        pl_wyciag,
    ),
)
