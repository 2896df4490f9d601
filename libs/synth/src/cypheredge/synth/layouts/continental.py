"""Continental Europe: comma decimals, dotted/spaced/apostrophe grouping, value dates."""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import CH, DE, FR, Negative, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import TruthLog, Txn
from cypheredge.synth.regions_world import FRANCE, GERMANY, SWISS
from cypheredge.synth.render.blocks import continuation, footer, letterhead
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

NEGATIVES: tuple[Negative, ...] = ("minus", "trailing")


def de_signed(rng: Random) -> Built:
    """One signed Betrag column (leading or trailing minus), no running balance."""
    bank = rng.choice(("Nordstadt Sparbank", "Rheintal Volksbank eG", "Bank am Elbufer AG"))
    towns = ("10117 Berlin", "80331 München", "50667 Köln", "20095 Hamburg")
    plan = Plan("Girokonto", rng.randint(18, 40), (500, 4000), mask="DE** **** **** **** **{last4}")
    st = statement(
        rng, GERMANY, (bank, towns, rng.choice(("Max Mustermann", "Erika Weber"))), [plan]
    )
    acc, day = st.accounts[0], "DD.MM.YYYY"
    negative = rng.choice(NEGATIVES)
    plus = rng.random() < 0.5
    flow = Flow(
        PageSpec.vary(rng),
        footer("Seite {n} von {total}"),
        "",
        continuation(bank, f"Kontoauszug {st.end.month}/{st.end.year}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Kontoauszug",
        [
            ("IBAN", acc.masked),
            ("BIC", "NOSPDE21XXX"),
            ("Zeitraum", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
            ("Auszug Nr.", f"{st.end.month}/{st.end.year}"),
            ("Währung", "EUR"),
        ],
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
    body = [
        Row(
            {
                "desc": f"Alter Kontostand vom {fmt_date(st.start, day)}",
                "amount": money(acc.opening),
            },
            bold=True,
        )
    ]
    body += rows(acc, 0, log, cells, balance=lambda t: False)
    body.append(
        Row(
            {"desc": f"Neuer Kontostand vom {fmt_date(st.end, day)}", "amount": money(acc.closing)},
            bold=True,
        )
    )
    columns = [
        Column("date", "Buchung"),
        Column("value", "Wert"),
        Column("desc", "Vorgang / Verwendungszweck", wrap=True, truth="description"),
        Column("amount", "Betrag EUR", "r"),
    ]
    Table(flow, columns, Style.vary(rng, rng.choice(("rows", "header")), (200, 300))).draw(body)
    return Built(flow, st, log, DE)


def fr_space(rng: Random) -> Built:
    """Débit / Crédit columns, `1 234,56`, previous/new balance rows inside the table."""
    bank = rng.choice(("Banque du Rhône", "Crédit Maritime de Bretagne", "Banque Lyonnaise"))
    towns = ("75008 Paris", "69002 Lyon", "13001 Marseille", "44000 Nantes")
    plan = Plan("Compte courant", rng.randint(18, 40), (400, 3500), mask="***{last4}")
    st = statement(
        rng, FRANCE, (bank, towns, rng.choice(("M. Jean Martin", "Mme Claire Petit"))), [plan]
    )
    acc, day = st.accounts[0], "DD/MM/YYYY"
    flow = Flow(
        PageSpec.vary(rng),
        footer("Page {n} / {total}"),
        "",
        continuation(bank, f"Compte n° {acc.masked} (suite)"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Relevé de compte",
        [
            ("N° de compte", acc.masked),
            ("Devise", "EUR"),
            ("Période", f"du {fmt_date(st.start, day)} au {fmt_date(st.end, day)}"),
        ],
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": t.description,
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
        }

    def balance_row(label: str, value: Decimal) -> Row:
        return Row({"desc": label, "in" if value >= 0 else "out": FR.magnitude(value)}, bold=True)

    log = TruthLog()
    body = [balance_row(f"SOLDE PRÉCÉDENT AU {fmt_date(st.start, day)}", acc.opening)]
    body += rows(acc, 0, log, cells, balance=lambda t: False)
    body.append(
        Row(
            {
                "desc": "TOTAL DES OPÉRATIONS",
                "out": FR.magnitude(acc.total_debits),
                "in": FR.magnitude(acc.total_credits),
            },
            bold=True,
        )
    )
    body.append(balance_row(f"NOUVEAU SOLDE AU {fmt_date(st.end, day)}", acc.closing))
    columns = [
        Column("date", "Date"),
        Column("desc", "Libellé", wrap=True, truth="description"),
        Column("value", "Valeur"),
        Column("out", "Débit (€)", "r"),
        Column("in", "Crédit (€)", "r"),
    ]
    Table(flow, columns, Style.vary(rng, "grid", (200, 300))).draw(body)
    return Built(flow, st, log, FR)


def ch_apostrophe(rng: Random) -> Built:
    """Swiss: 1'234.56, two-digit years, value date after the amounts, balance last."""
    bank = rng.choice(("Bank Alpenrose AG", "Zürichsee Kantonalbank"))
    towns = ("8001 Zürich", "4051 Basel", "3011 Bern")
    plan = Plan("Privatkonto", rng.randint(18, 38), (900, 6000), mask="CH** 0070 0110 **** {last4}")
    st = statement(
        rng, SWISS, (bank, towns, rng.choice(("Herr Luca Keller", "Frau Anna Meier"))), [plan]
    )
    acc, day = st.accounts[0], "DD.MM.YY"
    flow = Flow(
        PageSpec.vary(rng),
        footer("Seite {n}/{total}"),
        "",
        continuation(bank, f"Privatkonto {acc.masked}"),
    )
    letterhead(
        flow,
        rng,
        st,
        "Kontoauszug Privatkonto",
        [
            ("Konto", acc.masked),
            ("Währung", "CHF"),
            ("Periode", f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"),
        ],
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
    body = [Row({"desc": "Saldovortrag", "bal": signed(CH, acc.opening)}, bold=True)]
    body += rows(acc, 0, log, cells)
    body.append(
        Row(
            {
                "desc": "Total Umsatz",
                "out": CH.magnitude(acc.total_debits),
                "in": CH.magnitude(acc.total_credits),
            },
            bold=True,
        )
    )
    body.append(
        Row(
            {"date": fmt_date(st.end, day), "desc": "Schlusssaldo", "bal": signed(CH, acc.closing)},
            bold=True,
        )
    )
    columns = [
        Column("date", "Datum"),
        Column("desc", "Text", wrap=True, truth="description"),
        Column("out", "Belastung", "r"),
        Column("in", "Gutschrift", "r"),
        Column("value", "Valuta"),
        Column("bal", "Saldo", "r"),
    ]
    Table(flow, columns, Style.vary(rng, rng.choice(("rows", "none")), (180, 280))).draw(body)
    return Built(flow, st, log, CH)


LAYOUTS = (
    Layout(
        "de_signed",
        "German: 03.01.2025 dates, value date column, one signed amount with "
        "1.234,56 grouping and a leading or trailing minus (sometimes +), no balance column, "
        "Alter/Neuer Kontostand rows that are not transactions",
        de_signed,
    ),
    Layout(
        "fr_space",
        "French: 1 234,56 grouping, DD/MM/YYYY, Débit/Crédit columns, value date, "
        "ruled grid, no balance column, solde précédent / total / nouveau solde rows",
        fr_space,
    ),
    Layout(
        "ch_apostrophe",
        "Swiss: 1'234.56 grouping, DD.MM.YY dates, value date after the "
        "amount columns and balance last; Saldovortrag / Total / Schlusssaldo rows",
        ch_apostrophe,
    ),
)
