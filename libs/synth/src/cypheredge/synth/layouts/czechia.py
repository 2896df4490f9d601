"""Family from Czechia: the výpis z účtu of ČSOB, Česká spořitelna and Air Bank.

Held out in the third split; tuned on since that split was scored.

ČSOB follows a public invoicing project's parser test (CsobStatementPdfParserTest, written on the
text ČSOB's PDFs give): VÝPIS Z ÚČTU with `Období: 1. 6. 2026 - 30. 6. 2026`, `Účet:
1234567/0300`, `Rok/č. výpisu`, BIC and Měna; "Souhrnné informace" with Počáteční / Konečný
zůstatek and Celkové příjmy / výdaje (výdaje negative); "Přehled pohybů na účtu od ... do ...";
a two-line header (Datum over Valuta, Označení platby over Protiúčet nebo poznámka, Název
protiúčtu, VS over KS SS, Identifikace, Částka, Zůstatek); dates `05.06.` without a year; the
counter-account `1111111111/0800` under the payment type; a sequence number in Identifikace that
sits right before the amount, parted from it by a space like the thousands (`11 5 000,00`); card
rows with the card number, `Místo: ...` and `Částka: 1234.00 CZK 02.06.2026`; `Prosíme Vás o
včasné překontrolování uvedených údajů.` Česká spořitelna follows an accounting repository's
guide to its statements (PŘEHLED POHYBŮ NA ÚČTU: Zaúčtováno DD.MM.YYYY, Položka such as
Příchozí úhrada / Tuzemská odchozí úhrada / Platba kartou / Inkaso / Trvalý příkaz / Ceny za
služby, Číslo and Název protiúčtu, VS / KS / SS, a signed Částka, Popis with `d.tran.` dates and
`EUR 32.50 ... kurz EUR 25.081` on foreign spends) and prints no running balance. Air Bank
follows a public PDF-layout table (Zaúčtování over Provedení, Typ, Název, Detaily with VS / KS
inline, Částka CZK, Poplatky; the cardholder in Název and the merchant in Detaily).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import count
from random import Random

from cypheredge.synth.formats import FR, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    digits,
    local_statement,
    months_period,
    page_note,
    segments,
    shift,
)
from cypheredge.synth.layouts.local_print import figures, narrate, serial
from cypheredge.synth.layouts.local_regions_west import CZECHIA
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
# A column titled as the type is the row's type, as the real samples' truth keeps it.
KIND = "type"
CZ_BANKS = ("Vltavská obchodní banka, a. s.", "Moravská spořitelna, a.s.", "Labe Bank a.s.")
CZ_TOWNS = ("110 00 Praha 1", "602 00 Brno", "702 00 Ostrava", "301 00 Plzeň")
CZ_STREETS = ("Na Příkopě {n}", "Vinohradská {n}/12", "Masarykova {n}", "Dlouhá {n}")
CZ_HOLDERS = ("Jana Dvořáková", "Martin Procházka", "Eva Kučerová", "Pavel Horák")
CODES = ("0800", "0100", "2010", "3030", "0600", "5500")
CARDS = ("grocery", "card", "refund")
# kind -> (ČSOB Označení platby, Česká spořitelna Položka, Air Bank Typ)
CZ_TYPES = {
    "salary": ("Příchozí úhrada", "Příchozí úhrada", "Příchozí platba"),
    "transfer_in": ("Příchozí úhrada okamžitá", "Příchozí úhrada", "Příchozí platba"),
    "rent": ("Trvalý příkaz", "Trvalý příkaz", "Trvalý příkaz"),
    "transfer_out": ("Odchozí úhrada", "Tuzemská odchozí úhrada", "Odchozí platba"),
    "utility": ("Inkaso", "Inkaso", "Inkaso"),
    "grocery": ("Transakce platební kartou", "Platba kartou", "Platba kartou"),
    "card": ("Transakce platební kartou", "Platba kartou", "Platba kartou"),
    "refund": ("Vrácení platby kartou", "Platba kartou", "Vrácení platby kartou"),
    "atm": ("Výběr z bankomatu", "Výběr hotovosti z bankomatu", "Výběr z bankomatu"),
    "fee": ("Poplatek", "Ceny za služby", "Poplatek"),
    "interest": ("Úrok", "Úroky", "Úrok"),
    "loan": ("Splátka úvěru", "Splátka úvěru", "Odchozí platba"),
}
OTHER = ("Ostatní", "Ostatní", "Ostatní")


def _czk(value: Decimal) -> str:
    return signed(FR, value)


def _short(day: date) -> str:
    """`1. 6. 2026`: day and month without leading zeros, as ČSOB prints its period."""
    return f"{day.day}. {day.month}. {day.year}"


def _party(t: Txn) -> tuple[str, str]:
    """The counterparty's name and the message, from the `name|message` template."""
    parts = [narrate(p, t.day) for p in segments(t)]
    return (parts[0], " ".join(parts[1:])) if len(parts) > 1 else ("", parts[0])


def _account(t: Txn) -> str:
    if t.kind in ("fee", "interest", *CARDS, "atm"):
        return ""
    return f"{serial(t, 10)}/{CODES[int(digits(t, 1)) % len(CODES)]}"


def _symbols(t: Txn) -> tuple[str, str]:
    """Variable and constant symbol: payments to firms carry them, card spends do not."""
    if t.kind in ("utility", "salary", "rent", "loan"):
        return digits(t, 7), "0308"
    return "", ""


def _csob(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> None:
    acc, number = st.accounts[0], count(rng.randint(2, 40))
    money = _czk
    figures(
        flow,
        [
            ("Počáteční zůstatek:", money(acc.opening)),
            ("Konečný zůstatek:", money(acc.closing)),
            ("Celkové příjmy:", money(acc.total_credits)),
            ("Celkové výdaje:", money(-acc.total_debits)),
        ],
        0.45,
    )
    heading(flow, f"Přehled pohybů na účtu od {_short(st.start)} do {_short(st.end)}")

    def cells(t: Txn) -> dict[str, str]:
        kind = CZ_TYPES.get(t.kind, OTHER)[0]
        name, message = _party(t)
        if t.kind in CARDS:
            spent = fmt_date(shift(t.day, int(digits(t, 1)) % 3), "DD.MM.YYYY")
            lines = [kind, card, f"Místo: {name} {message}"]
            lines.append(f"Částka: {abs(t.amount):.2f} CZK {spent}")
            name = ""
        else:
            lines = [kind, _account(t) or message] if _account(t) or message else [kind]
        vs, ks = _symbols(t)
        return {
            "date": f"{fmt_date(t.day, 'DD.MM.')}\n{fmt_date(t.value_day, 'DD.MM.')}",
            "kind": "\n".join(lines),
            "name": name,
            "vs": f"{vs}\n{ks}" if vs else "",
            "id": str(next(number)),
            "amt": money(t.amount),
            "bal": money(t.balance),
        }

    columns = [
        Column("date", "Datum\nValuta"),
        Column("kind", "Označení platby\nProtiúčet nebo poznámka", wrap=True, truth=DESC),
        Column("name", "Název protiúčtu", wrap=True, truth=DESC),
        Column("vs", "VS\nKS SS"),
        Column("id", "Identifikace", "r"),
        Column("amt", "Částka", "r"),
        Column("bal", "Zůstatek", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (120, 190))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _foreign(t: Txn) -> str:
    """A spend in euros: the amount in EUR and the rate the bank applied."""
    rate = Decimal(24) + Decimal(int(digits(t, 3))) / 500
    return f"EUR {(abs(t.amount) / rate):.2f} kurz EUR {rate:.3f}"


def _ceska(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("Počáteční zůstatek", signed(FR, acc.opening)),
            ("Příjmy", signed(FR, acc.total_credits)),
            ("Výdaje", signed(FR, -acc.total_debits)),
            ("Konečný zůstatek", signed(FR, acc.closing)),
        ],
        0.4,
    )
    heading(flow, "PŘEHLED POHYBŮ NA ÚČTU")

    def cells(t: Txn) -> dict[str, str]:
        name, message = _party(t)
        if t.kind in CARDS:
            spent = fmt_date(shift(t.day, int(digits(t, 1)) % 3), "DD.MM.YYYY")
            message = f"{card} d.tran.{spent} CZ {message} {name}"
            if int(digits(t, 1)) < 2:
                message = f"{message}\n{_foreign(t)}"
            name = ""
        vs, ks = _symbols(t)
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "kind": CZ_TYPES.get(t.kind, OTHER)[1],
            "acct": _account(t),
            "name": name,
            "vs": "\n".join(v for v in (vs, ks) if v),
            "amt": signed(FR, t.amount),
            "desc": message,
        }

    columns = [
        Column("date", "Zaúčtováno"),
        Column("kind", "Položka", wrap=True, truth=DESC),
        Column("acct", "Číslo protiúčtu"),
        Column("name", "Název protiúčtu", wrap=True, truth=DESC),
        Column("vs", "VS / KS / SS"),
        Column("amt", "Částka", "r"),
        Column("desc", "Popis", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("rows", "header")), (110, 170))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))


def _airbank(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("Počáteční zůstatek", _czk(acc.opening)),
            ("Připsáno na účet", _czk(acc.total_credits)),
            ("Odepsáno z účtu", _czk(-acc.total_debits)),
            ("Konečný zůstatek", _czk(acc.closing)),
        ],
        0.4,
    )

    def cells(t: Txn) -> dict[str, str]:
        name, message = _party(t)
        if t.kind in CARDS:
            name, message = st.holder.name, f"{name}, {message}"
        vs, ks = _symbols(t)
        inline = f"VS{vs} / KS{ks}" if vs else ""
        made = shift(t.day, int(digits(t, 1)) % 2)
        return {
            "date": f"{fmt_date(t.day, 'DD.MM.YYYY')}\n{fmt_date(made, 'DD.MM.YYYY')}",
            "kind": CZ_TYPES.get(t.kind, OTHER)[2],
            "name": name,
            "detail": " ".join(p for p in (_account(t), message, inline) if p),
            "amt": signed(FR, t.amount),
            "fees": "0,00",
        }

    columns = [
        Column("date", "Zaúčtování\nProvedení"),
        Column("kind", "Typ", wrap=True, truth=KIND),
        Column("name", "Název", wrap=True, truth=DESC),
        Column("detail", "Detaily", wrap=True, truth=DESC),
        Column("amt", "Částka CZK", "r"),
        Column("fees", "Poplatky CZK", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (110, 170))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))


CZ_TABLES = {"csob": _csob, "ceska": _ceska, "airbank": _airbank}


def cz_vypis(rng: Random) -> Built:
    variant = rng.choice(sorted(CZ_TABLES))
    code = {"csob": "0300", "ceska": "0800", "airbank": "3030"}[variant]
    mask = f"{rng.randint(100000, 999999)}{{last4}}/{code}"
    plan = Plan("Běžný účet", rng.randint(20, 44), (300, 3000), cheques=False, mask=mask)
    names = (rng.choice(CZ_BANKS), CZ_TOWNS, rng.choice(CZ_HOLDERS))
    span = months_period(rng, 1)
    st = local_statement(rng, CZECHIA, names, [plan], span, CZ_STREETS)
    acc = st.accounts[0]
    details = [
        ("Období:", f"{_short(st.start)} - {_short(st.end)}"),
        ("Účet:", acc.masked),
        ("Název účtu:", st.holder.name),
        ("Rok/č. výpisu:", f"{st.end.year}/{st.end.month}"),
        ("BIC:", rng.choice(("VLTKCZPP", "MORSCZPP", "LABECZPP"))),
        ("Měna:", "CZK"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5)),
        ("VÝPIS Z ÚČTU", details),
        rng.choice(("Strana: {n}/{total}", "Strana {n} z {total}")),
        "Prosíme Vás o včasné překontrolování uvedených údajů.",
        f"Výpis z účtu {acc.masked}",
    )
    if variant != "csob":
        page_note(flow, f"Vklad na tomto účtu je pojištěn. {st.bank.name}, IČO 4{acc.masked[:7]}")
    card = CZECHIA.card.replace("{last4}", digits(acc.txns[0], 4))
    log = TruthLog()
    CZ_TABLES[variant](flow, rng, st, log, card)
    return Built(flow, st, log, FR)


LAYOUTS = (
    Layout(
        "cz_vypis",
        "Czech výpis z účtu (ČSOB / Česká spořitelna / Air Bank style): Czech diacritics, "
        "1 234,56 with space groups and signed amounts, year-less `05.06.` over the value date, "
        "the payment type over the counter-account `1111111111/0800`, VS / KS symbols, a "
        "sequence number right before the amount (`11 5 000,00`), card rows with Místo and "
        "Částka lines, Souhrnné informace; or no balance column, Položka and Popis with d.tran. "
        "and EUR rates; or date over execution date, Detaily with inline VS and a Poplatky column",
        cz_vypis,
    ),
)
