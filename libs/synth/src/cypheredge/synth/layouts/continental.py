"""Continental Europe: comma decimals, dotted/spaced/apostrophe grouping, value dates."""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import CH, DE, FR, Negative, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import TruthLog, Txn
from cypheredge.synth.regions_world import FRANCE, GERMANY, SWISS
from cypheredge.synth.render.flow import PageSpec
from cypheredge.synth.render.table import Column, Style, Table

NEGATIVES: tuple[Negative, ...] = ("minus", "trailing")
DE_COLUMNS = (
    Column("date", "Buchung"),
    Column("value", "Wert"),
    Column("desc", "Vorgang / Verwendungszweck", wrap=True, truth="description"),
    Column("amount", "Betrag EUR", "r"),
)
FR_COLUMNS = (
    Column("date", "Date"),
    Column("desc", "Libellé", wrap=True, truth="description"),
    Column("value", "Valeur"),
    Column("out", "Débit (€)", "r"),
    Column("in", "Crédit (€)", "r"),
)
# The value date after the amounts and the balance last: an order extractors rarely expect.
CH_COLUMNS = (
    Column("date", "Datum"),
    Column("desc", "Text", wrap=True, truth="description"),
    Column("out", "Belastung", "r"),
    Column("in", "Gutschrift", "r"),
    Column("value", "Valuta"),
    Column("bal", "Saldo", "r"),
)


def _no_balance(t: Txn) -> bool:
    return False


def de_signed(rng: Random) -> Built:
    """One signed Betrag column (leading or trailing minus), no running balance."""
    bank = rng.choice(("Nordstadt Sparbank", "Rheintal Volksbank eG", "Bank am Elbufer AG"))
    towns = ("10117 Berlin", "80331 München", "50667 Köln", "20095 Hamburg")
    holder = rng.choice(("Max Mustermann", "Erika Weber"))
    plan = Plan("Girokonto", rng.randint(18, 40), (500, 4000), mask="DE** **** **** **** **{last4}")
    st = statement(rng, GERMANY, (bank, towns, holder), [plan])
    acc, day, number = st.accounts[0], "DD.MM.YYYY", f"{st.end.month}/{st.end.year}"
    negative, plus = rng.choice(NEGATIVES), rng.random() < 0.5
    period = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    details = [
        ("IBAN", acc.masked),
        ("BIC", "NOSPDE21XXX"),
        ("Zeitraum", period),
        ("Auszug Nr.", number),
        ("Währung", "EUR"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Kontoauszug", details),
        "Seite {n} von {total}",
        running=f"Kontoauszug {number}",
    )

    def money(value: Decimal) -> str:
        return signed(DE, value, negative=negative, plus=plus)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "value": fmt_date(t.value_day, day),
            "desc": t.description,
            "amount": money(t.amount),
        }

    log = TruthLog()
    body = framed(
        {"desc": f"Alter Kontostand vom {fmt_date(st.start, day)}", "amount": money(acc.opening)},
        rows(acc, 0, log, cells, balance=_no_balance),
        {"desc": f"Neuer Kontostand vom {fmt_date(st.end, day)}", "amount": money(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("rows", "header")), (200, 300))
    Table(flow, DE_COLUMNS, style).draw(body)
    return Built(flow, st, log, DE)


def fr_space(rng: Random) -> Built:
    """Débit / Crédit columns, `1 234,56`, previous/new balance rows inside the table."""
    bank = rng.choice(("Banque du Rhône", "Crédit Maritime de Bretagne", "Banque Lyonnaise"))
    towns = ("75008 Paris", "69002 Lyon", "13001 Marseille", "44000 Nantes")
    holder = rng.choice(("M. Jean Martin", "Mme Claire Petit"))
    plan = Plan("Compte courant", rng.randint(18, 40), (400, 3500), mask="***{last4}")
    st = statement(rng, FRANCE, (bank, towns, holder), [plan])
    acc, day = st.accounts[0], "DD/MM/YYYY"
    period = f"du {fmt_date(st.start, day)} au {fmt_date(st.end, day)}"
    details = [("N° de compte", acc.masked), ("Devise", "EUR"), ("Période", period)]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Relevé de compte", details),
        "Page {n} / {total}",
        running=f"Compte n° {acc.masked} (suite)",
    )

    def side(value: Decimal) -> dict[str, str]:
        return {"in" if value >= 0 else "out": FR.magnitude(value)}

    def cells(t: Txn) -> dict[str, str]:
        dates = {"date": fmt_date(t.day, day), "value": fmt_date(t.value_day, day)}
        return dates | {"desc": t.description} | side(t.amount)

    log = TruthLog()
    totals = {"out": FR.magnitude(acc.total_debits), "in": FR.magnitude(acc.total_credits)}
    body = framed(
        {"desc": f"SOLDE PRÉCÉDENT AU {fmt_date(st.start, day)}"} | side(acc.opening),
        rows(acc, 0, log, cells, balance=_no_balance),
        {"desc": "TOTAL DES OPÉRATIONS"} | totals,
        {"desc": f"NOUVEAU SOLDE AU {fmt_date(st.end, day)}"} | side(acc.closing),
    )
    Table(flow, FR_COLUMNS, Style.vary(rng, "grid", (200, 300))).draw(body)
    return Built(flow, st, log, FR)


def ch_apostrophe(rng: Random) -> Built:
    """Swiss: 1'234.56, two-digit years, value date after the amounts, balance last."""
    bank = rng.choice(("Bank Alpenrose AG", "Zürichsee Kantonalbank"))
    towns = ("8001 Zürich", "4051 Basel", "3011 Bern")
    holder = rng.choice(("Herr Luca Keller", "Frau Anna Meier"))
    plan = Plan("Privatkonto", rng.randint(18, 38), (900, 6000), mask="CH** 0070 0110 **** {last4}")
    st = statement(rng, SWISS, (bank, towns, holder), [plan])
    acc, day = st.accounts[0], "DD.MM.YY"
    period = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [("Konto", acc.masked), ("Währung", "CHF"), ("Periode", period)]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("Kontoauszug Privatkonto", details),
        "Seite {n}/{total}",
        running=f"Privatkonto {acc.masked}",
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "desc": t.description,
            "value": fmt_date(t.value_day, day),
            "bal": signed(CH, t.balance),
            "out" if t.amount < 0 else "in": CH.magnitude(t.amount),
        }

    log = TruthLog()
    body = framed(
        {"desc": "Saldovortrag", "bal": signed(CH, acc.opening)},
        rows(acc, 0, log, cells),
        {
            "desc": "Total Umsatz",
            "out": CH.magnitude(acc.total_debits),
            "in": CH.magnitude(acc.total_credits),
        },
        {"date": fmt_date(st.end, day), "desc": "Schlusssaldo", "bal": signed(CH, acc.closing)},
    )
    Table(flow, CH_COLUMNS, Style.vary(rng, rng.choice(("rows", "none")), (180, 280))).draw(body)
    return Built(flow, st, log, CH)


LAYOUTS = (
    Layout(
        "de_signed",
        "German: 03.01.2025 dates, value date column, one signed amount with 1.234,56 grouping "
        "and a leading or trailing minus (sometimes +), no balance column, Alter/Neuer "
        "Kontostand rows that are not transactions",
        de_signed,
    ),
    Layout(
        "fr_space",
        "French: 1 234,56 grouping, DD/MM/YYYY, Débit/Crédit columns, value date, ruled grid, "
        "no balance column, solde précédent / total / nouveau solde rows",
        fr_space,
    ),
    Layout(
        "ch_apostrophe",
        "Swiss: 1'234.56 grouping, DD.MM.YY dates, value date after the amount columns and the "
        "balance last; Saldovortrag / Total Umsatz / Schlusssaldo rows",
        ch_apostrophe,
    ),
)
