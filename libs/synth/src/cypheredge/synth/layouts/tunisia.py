"""Family from Tunisia: the relevés de compte of BIAT, Attijari bank Tunisie and the STB,
in French and dinars with three decimals.

Held out in the seventh split; tuned on since that split was scored.

The Tunisian dinar has a three-digit minor unit (1 TND = 1000 millimes): amounts, balances and
the truth have three decimals. BIAT follows a public BIAT parser written on its PDF relevés
(lines `01 08 REGLEMENT CHEQUE 0001294 31072025 7.908,050`: the operation's day and month apart,
the libellé, a reference, the value date as DDMMYYYY, then the amount with a dot grouping and a
comma before the three decimals; `SOLDE AU 31 07 2025 1.177.437,649` lines; `ENG/SIGNATURE`
commissions as rows), Attijari a public converter of Attijari Tunisie's PDFs (Date opération /
Date valeur / Libellé / Débit / Crédit / Solde). STB is thin: it follows what Tunisian and other
Maghreb relevés share (space-grouped figures, Mouvements Débit / Crédit, totals carried to the
next page as `A REPORTER` / `REPORT`), said so here. Every bank posts the 19% TVA on its
commissions as a row of its own after the commission.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import DE, FR, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_mills import Mills, mills, share
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_sk_tn_uy_et import TUNISIA, TUNISIA_ATTIJARI
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import COURIER, DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
DOTTED = Mills(DE.group, DE.decimal)
SPACED = Mills(FR.group, FR.decimal)
NUMBERS = {"biat": DOTTED, "attijari": SPACED, "stb": SPACED}
TN_BANKS = {
    "biat": ("Banque Internationale de Carthage",),
    "attijari": ("Attijari Banque de Sousse", "Attijari Banque du Cap Bon"),
    "stb": ("Societe Tunisienne de Credit", "Banque du Sahel Tunisien"),
}
TN_TOWNS = ("1002 Tunis", "3000 Sfax", "4000 Sousse", "8000 Nabeul", "2080 Ariana")
TN_STREETS = ("{n} Avenue Habib Bourguiba", "{n} Rue de Marseille", "{n} Avenue de la Liberte")
TN_HOLDERS = ("M. MOHAMED BEN SALAH", "MME AMIRA TRABELSI", "M. SAMI JEBALI")
TVA = "TVA 19% SUR COMMISSIONS"
LEGAL = "Banque agréée par la Banque Centrale de Tunisie."


def _solde(label: str, day_: str, value: str, side: str) -> str:
    return f"{label} {day_} {value} {side}".strip()


def _side(acc: Account, closing: bool) -> str:
    value = acc.closing if closing else acc.opening
    return "CREDITEUR" if value >= 0 else "DEBITEUR"


def _biat(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    first = fmt_date(st.start, "DD MM YYYY")
    opening = _solde("SOLDE AU", first, DOTTED.magnitude(acc.opening), _side(acc, False))

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD MM"),
            "desc": " ".join(segments(t)),
            "ref": serial(t, 7),
            "value": fmt_date(t.value_day, "DDMMYYYY"),
            "out" if t.amount < 0 else "in": DOTTED.magnitude(t.amount),
        }

    columns = [
        Column("date", "DATE"),
        Column("desc", "LIBELLE", wrap=True, truth=DESC),
        Column("ref", "REFERENCE"),
        Column("value", "DATE VALEUR"),
        Column("out", "DEBIT", "r"),
        Column("in", "CREDIT", "r"),
    ]
    page_note(flow, opening, size=flow.spec.size, gray=0.0)
    style = Style.vary(rng, rng.choice(("none", "header")), (160, 250))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    last = fmt_date(st.end, "DD MM YYYY")
    figures(
        flow,
        [
            ("TOTAL MOUVEMENTS", DOTTED.magnitude(acc.total_debits)),
            ("", DOTTED.magnitude(acc.total_credits)),
            (_solde("SOLDE AU", last, "", ""), DOTTED.magnitude(acc.closing), _side(acc, True)),
        ],
    )


def _attijari(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": SPACED.magnitude(t.amount),
            "bal": SPACED.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date opération"),
        Column("value", "Date valeur"),
        Column("desc", "Libellé", wrap=True, truth=DESC),
        Column("out", "Débit", "r"),
        Column("in", "Crédit", "r"),
        Column("bal", "Solde", "r"),
    ]
    body = framed(
        {"desc": "SOLDE INITIAL", "bal": SPACED.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SOLDE FINAL", "bal": SPACED.magnitude(acc.closing)},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))).draw(body)


def _stb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "desc": " ".join(segments(t)),
            "value": fmt_date(t.value_day, "DD/MM/YY"),
            "out" if t.amount < 0 else "in": SPACED.magnitude(t.amount),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Nature de l'opération", wrap=True, truth=DESC),
        Column("value", "Valeur"),
        Column("out", "Mouvements Débit", "r"),
        Column("in", "Mouvements Crédit", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "A REPORTER", "in": SPACED.magnitude(b)},
        brought=lambda b: {"desc": "REPORT", "in": SPACED.magnitude(b)},
    )
    body = framed(
        {"desc": "SOLDE PRECEDENT", "in": SPACED.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "TOTAL DES MOUVEMENTS",
            "out": SPACED.magnitude(acc.total_debits),
            "in": SPACED.magnitude(acc.total_credits),
        },
        {"desc": "NOUVEAU SOLDE", "in": SPACED.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "header")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


TN_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "biat": _biat,
    "attijari": _attijari,
    "stb": _stb,
}


def tn_releve(rng: Random) -> Built:
    variant = rng.choice(sorted(TN_TABLES))
    rib = f"{rng.randint(1, 99):02d} {rng.randint(100, 999)} {rng.randint(10**12, 10**13 - 1)}"
    plan = Plan(
        "Compte courant",
        rng.randint(20, 44),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        pool=(*EVERYDAY, "card", "transfer_out"),
        cheques=False,
        mask=f"RIB {rib}{{last4}}",
    )
    region = TUNISIA_ATTIJARI if variant == "attijari" else TUNISIA
    names = (rng.choice(TN_BANKS[variant]), TN_TOWNS, rng.choice(TN_HOLDERS))
    st = mills(local_statement(rng, region, names, [plan], period(rng), TN_STREETS))
    st = charged(st, share("0.19", ("fee",)), lambda t: TVA, kind="vat")
    acc = st.accounts[0]
    span = f"du {fmt_date(st.start, 'DD/MM/YYYY')} au {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Titulaire", st.holder.name),
        ("Compte", acc.masked),
        ("Devise", "TND"),
        ("Période", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, COURIER, DEJAVU), size=(6.5, 8.0)),
        ("RELEVE DE COMPTE", details),
        rng.choice(("Page {n} / {total}", "Page {n} sur {total}")),
        LEGAL,
        f"Relevé de compte {acc.masked}",
    )
    log = TruthLog()
    TN_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "tn_releve",
        "Tunisian relevés in French (BIAT / Attijari / STB style): TND with three decimals, "
        "the 19% TVA after each commission as a row of its own; DD MM operation dates, a "
        "reference and a DDMMYYYY value date, 7.908,050 amounts in Débit / Crédit, no running "
        "balance and SOLDE AU lines; or Date opération / Date valeur / Libellé / Débit / "
        "Crédit / Solde with 1 234,567 figures; or DD/MM/YY, Mouvements Débit / Crédit, A "
        "REPORTER / REPORT at page breaks and the totals as rows",
        tn_releve,
    ),
)
