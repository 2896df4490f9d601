"""German Kontoauszüge: Sparkasse, Volksbank/Raiffeisen, Commerzbank, Deutsche Bank, ING prints.

Taken from the real prints (and the text dumps in Portfolio Performance's and ofxstatement's
fixtures): a Buchungstag and a Wert date, `dd.mm.` without a year on VR-Bank and Deutsche Bank
(`19.01. 19.01. DAUERAUFTRAG PN:3000`), the booking text on the first line and the
Verwendungszweck under it over two to four lines (Auftraggeber/Empfänger, purpose, IBAN/BIC,
Mandatsreferenz and Gläubiger-ID or the SEPA EREF/MREF/CRED keys), amounts as `1.234,56` with a
trailing `-`, a `S`/`H` (Soll/Haben) marker, separate Soll and Haben columns or a leading minus,
ING's Buchung/Valuta dates stacked in one cell, and `alter Kontostand` / `neuer Kontostand`
(Sparkasse: `Kontostand am ...`) rows that are not transactions. No running balance column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, statement
from cypheredge.synth.layouts.postings import relocate, reword
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_world import GERMANY
from cypheredge.synth.render.blocks import notices_page
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Style, Table

Money = Callable[[Decimal], dict[str, str]]
DESC = Column("desc", "Vorgang / Verwendungszweck", wrap=True, truth="description")
# Booking texts per ledger kind, as Sparkassen and VR-Banken print them.
VORGANG = {
    "salary": ("Lohn/Gehalt", "Gutschrift"),
    "rent": ("Dauerauftrag", "Überweisung"),
    "utility": ("Lastschrift", "Basislastschrift", "Folgelastschrift"),
    "grocery": ("Kartenzahlung", "Kartenzahlung girocard"),
    "card": ("Kartenzahlung", "Lastschrift"),
    "transfer_out": ("Überweisung", "Online-Überweisung", "Echtzeitüberweisung"),
    "transfer_in": ("Gutschrift", "Gutschr. Überweisung"),
    "atm": ("Bargeldauszahlung", "Auszahlung GA"),
    "fee": ("Entgelt", "Abschluss"),
    "interest": ("Abschluss", "Zinsen"),
    "refund": ("Gutschrift",),
    "loan": ("Lastschrift",),
    "cheque_in": ("Scheckeinreichung",),
    "cheque_return": ("Rückscheck",),
    "cheque_fee": ("Entgelt",),
    "check": ("Scheck",),
}
STREETS = ("Hauptstraße {n}", "Bahnhofstraße {n}", "Am Markt {n}", "Lindenallee {n}")
GLAEUBIGER = ("DE98ZZZ09999999999", "DE12ZZZ00000123456", "DE71ZZZ00002217421")


def _sum(v: Decimal) -> dict[str, str]:
    return {"out" if v < 0 else "in": DE.magnitude(v)}


def _sh(v: Decimal) -> dict[str, str]:
    return {"amount": f"{DE.magnitude(v)} {'S' if v < 0 else 'H'}"}


def _trailing(v: Decimal) -> dict[str, str]:
    return {"amount": signed(DE, v, negative="trailing")}


def _leading(v: Decimal) -> dict[str, str]:
    return {"amount": signed(DE, v)}


def _soll_haben(v: Decimal) -> dict[str, str]:
    return {"out": signed(DE, v)} if v < 0 else {"in": f"+{DE.magnitude(v)}"}


@dataclass(frozen=True)
class _Print:
    """One bank's print: columns, date spelling, amount spelling and balance rows."""

    banks: tuple[str, ...]
    columns: tuple[Column, ...]
    day: str
    money: Money
    opening: str  # {d} is the period start
    closing: str
    capitals: bool  # VR-Banken print the booking text in capitals with its Primanota number


PRINTS = (
    _Print(
        ("Sparkasse Musterstadt", "Kreissparkasse Nordheide"),
        (
            Column("date", "Datum"),
            Column("desc", "Erläuterung", wrap=True, truth="description"),
            Column("out", "Betrag Soll\nEUR", "r"),
            Column("in", "Betrag Haben\nEUR", "r"),
        ),
        "DD.MM.YYYY",
        _sum,
        "Kontostand am {d}, Auszug Nr. {n}",
        "Kontostand am {e} um 20:00 Uhr",
        False,
    ),
    _Print(
        ("Volksbank Mittelhessen eG", "Raiffeisenbank im Hochland eG"),
        (Column("date", "Bu-Tag"), Column("value", "Wert"), DESC, Column("amount", "", "r")),
        "DD.MM.",
        _sh,
        "alter Kontostand",
        "neuer Kontostand vom {e}",
        True,
    ),
    _Print(
        ("Hansebank AG", "Mainzer Handelsbank AG"),
        (
            Column("date", "Buchungstag"),
            DESC,
            Column("value", "Valuta"),
            Column("amount", "Betrag in EUR", "r"),
        ),
        "DD.MM.YYYY",
        _trailing,
        "Alter Kontostand vom {d}",
        "Neuer Kontostand vom {e}",
        False,
    ),
    _Print(
        ("Deutsche Handelsbank AG", "Bankhaus am Römer"),
        (
            Column("date", "Buchung"),
            Column("value", "Valuta"),
            DESC,
            Column("out", "Soll", "r"),
            Column("in", "Haben", "r"),
        ),
        "DD.MM.",
        _soll_haben,
        "Alter Saldo per {d}",
        "Neuer Saldo per {e}",
        False,
    ),
    _Print(
        ("Direktbank Frankfurt", "NetBank Nord"),
        (Column("dv", "Buchung\nValuta"), DESC, Column("amount", "Betrag (EUR)", "r")),
        "DD.MM.YYYY",
        _leading,
        "Alter Saldo",
        "Neuer Saldo",
        False,
    ),
)


def _iban(rng: Random) -> str:
    groups = " ".join(f"{rng.randrange(10**4):04d}" for _ in range(4))
    return f"DE{rng.randint(10, 99)} {groups} {rng.randrange(100):02d}"


PARTIES = {
    "salary": GERMANY.employers,
    "utility": GERMANY.utilities,
    "loan": GERMANY.lenders,
    "grocery": GERMANY.merchants,
    "card": GERMANY.merchants,
    "refund": GERMANY.merchants,
}
PURPOSES = {
    "salary": "Lohn/Gehalt {m}",
    "rent": "Miete {m} Whg. 2. OG links",
    "utility": "Abschlag {m} Kd-Nr. {ref}",
    "loan": "Darlehensrate {m} Vertrag {ref}",
    "refund": "Erstattung Auftrag {ref}",
    "transfer_in": "Rückzahlung {ref}",
    "transfer_out": "Rechnung {ref}",
}


def _zweck(rng: Random, t: Txn) -> list[str]:
    """The lines under the booking text: counterparty, purpose and SEPA references."""
    ref, month = t.reference, fmt_date(t.day, "MM/YYYY")
    if t.kind == "fee":
        return [rng.choice(("Kontoführungsentgelt", "Entgelt girocard")) + f" {month}"]
    if t.kind == "interest":
        return [rng.choice(("Habenzinsen", "Rechnungsabschluss")) + f" {month}"]
    if t.kind == "atm":
        return [f"GA NR{ref[:8]} BLZ {rng.randint(10000, 89999)}000", fmt_date(t.day, "DD.MM")]
    party = rng.choice(PARTIES.get(t.kind, GERMANY.people))
    if t.kind in ("grocery", "card"):
        stamp = f"{fmt_date(t.day, 'YYYY-MM-DD')}T{rng.randint(8, 21)}:{rng.randint(10, 59)}"
        return [f"{party}//{rng.choice(GERMANY.cities)}/DE", f"{stamp} Debitk.1 {ref[:4]}"]
    purpose = PURPOSES.get(t.kind, "Auftrag {ref}").format(m=month, ref=ref)
    if t.kind in ("utility", "loan"):
        glaeubiger = rng.choice(GLAEUBIGER)
        sepa = rng.choice(
            (
                f"Mandatsref. M{ref} Gläubiger-ID {glaeubiger}",
                f"EREF+{ref} MREF+M-{ref[:6]} CRED+{glaeubiger}",
            )
        )
        return [party, purpose, sepa][: rng.randint(2, 3)]
    bic = rng.choice(("COBADEFFXXX", "GENODEF1M06", "SSKMDEMMXXX"))
    return [party, purpose, f"IBAN {_iban(rng)} BIC {bic}"][: rng.randint(2, 3)]


def _describer(rng: Random, style: _Print) -> Callable[[Txn], str]:
    def describe(t: Txn) -> str:
        head = rng.choice(VORGANG.get(t.kind, ("Umsatz",)))
        if style.capitals:
            head = f"{head.upper()} PN:{rng.choice((801, 931, 3000, 5000))}"
        return "\n".join([head, *_zweck(rng, t)])

    return describe


def _flow(rng: Random, st: Statement, number: str) -> Flow:
    acc, day = st.accounts[0], "DD.MM.YYYY"
    details = [
        ("IBAN", acc.masked),
        ("Kontoauszug", number),
        ("Zeitraum", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
        ("Währung", "EUR"),
    ]
    court = f"Amtsgericht Frankfurt HRB {rng.randint(1000, 99999)}"
    legal = f"{st.bank.name} · {court} · USt-IdNr. DE{rng.randrange(10**9):09d}"
    return start(
        rng,
        st,
        PageSpec.vary(rng, size=(7.0, 8.5)),
        ("Kontoauszug", details),
        rng.choice(("Blatt {n} von {total}", "Seite {n} von {total}")),
        legal,
        f"Kontoauszug {number} · {acc.masked}",
    )


def _cells(style: _Print) -> Callable[[Txn], dict[str, str]]:
    def cells(t: Txn) -> dict[str, str]:
        day, value = fmt_date(t.day, style.day), fmt_date(t.value_day, style.day)
        return {"date": day, "value": value, "dv": f"{day}\n{value}", "desc": t.description}

    return lambda t: cells(t) | style.money(t.amount)


def de_sparkasse(rng: Random) -> Built:
    style = rng.choice(PRINTS)
    mask = "DE** **** **** **** **{last4}"
    plan = Plan("Girokonto", rng.randint(16, 36), (500, 4500), cheques=False, mask=mask)
    names = (rng.choice(style.banks), ("60311 Frankfurt", "04109 Leipzig", "28195 Bremen"))
    holder = rng.choice(("Herrn Max Mustermann", "Frau Erika Musterfrau", "Herrn Jonas Becker"))
    rollover = style.day == "DD.MM." and rng.random() < 0.4
    st = statement(rng, GERMANY, (*names, holder), [plan], rollover=rollover)
    acc: Account = reword(st.accounts[0], _describer(rng, style))
    st = replace(relocate(rng, st, STREETS, names[1]), accounts=(acc,))
    number = f"{rng.randint(1, 12)}/{st.end.year}"
    flow = _flow(rng, st, number)
    # The old balance is dated the day before the period, as on the real prints.
    d = fmt_date(st.start - timedelta(days=1), "DD.MM.YYYY")
    e = fmt_date(st.end, "DD.MM.YYYY")
    labels = (style.opening.format(d=d, n=number), style.closing.format(e=e))
    log = TruthLog()
    body = framed(
        {"desc": labels[0]} | style.money(acc.opening),
        rows(acc, 0, log, _cells(style), balance=lambda t: False),
        {"desc": labels[1]} | style.money(acc.closing),
        bold=rng.random() < 0.5,
    )
    Table(flow, style.columns, Style.vary(rng, rng.choice(("rows", "header", "none")))).draw(body)
    if rng.random() < 0.4:
        notices_page(flow, "Hinweise zum Rechnungsabschluss", HINWEISE)
    return Built(flow, st, log, DE)


HINWEISE = (
    "Bitte prüfen Sie Ihren Kontoauszug. Einwendungen gegen den Rechnungsabschluss sind "
    "innerhalb von sechs Wochen nach Zugang zu erheben. Sollzinssatz 11,25 % p. a.; "
    "Zinssatz für geduldete Überziehungen 14,75 % p. a. (Stand 01.01.2025).",
    "Guthaben sind als Einlagen nach Maßgabe des Einlagensicherungsgesetzes bis 100.000,00 "
    "EUR je Kunde geschützt. Entgelt für die Kontoführung monatlich 6,90 EUR.",
)

LAYOUTS = (
    Layout(
        "de_sparkasse",
        "German Kontoauszug (Sparkasse / Volksbank / Commerzbank / Deutsche Bank / ING): "
        "Buchungstag and Wert (dd.mm.yyyy or year-less dd.mm. with the year from the period, "
        "December->January in some), booking text plus 2-4 Verwendungszweck lines (party, IBAN, "
        "Mandatsreferenz / Gläubiger-ID or EREF/MREF/CRED), amounts 1.234,56 with trailing '-', "
        "S/H markers, Soll/Haben columns or a minus, ING's stacked Buchung/Valuta cell, alter / "
        "neuer Kontostand rows, no balance column",
        de_sparkasse,
    ),
)
