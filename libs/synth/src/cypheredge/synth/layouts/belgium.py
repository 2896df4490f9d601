"""Family from Belgium: the numbered extraits de compte / rekeninguittreksels of BNP
Paribas Fortis, KBC and Belfius, in French, Dutch or both, in euros.

Held out in the eighth split; tuned on since that split was scored.

Belgian banks number each statement in the year (`Extrait n° 5`, `Uittreksel nr. 5`) and each
movement in it, print a value date beside the booking date, and frame the movements with the old
and the new balance (ancien / nouveau solde, vorig / nieuw saldo) rather than printing a running
balance. Payments carry the structured communication, three, four and five digits between `+++`,
the last two a mod-97 check of the first ten. Sources: Febelfin's CODA standard (Extrait de
compte codifié 2.3, on docplayer.fr: the old balance record, movement records with a sequence
and detail number, the structured communication), hapytex/belgian-structured-communication
(the +++000/0000/00097+++ form and its checksum), a public bank-profile registry's BNP Paribas
Fortis and KBC entries (Date / Description / Debit / Credit / Balance, BE IBANs, DD/MM/YYYY and
DD-MM-YYYY); the PDF layouts themselves are thinly sourced, said so here.

Fortis (French): the movement number, the date, the description with its communication, the
value date as DD-MM and one amount signed + or -, no balance, between ancien and nouveau solde.
KBC (Dutch): Nr. / Datum / Omschrijving / Valuta / Bedrag with the sign after the figure
(`12,50-`, `1.250,00+`), the balance carried over page breaks though no row prints one.
Belfius: French and Dutch titles over each other, Débit / Crédit and a running Solde.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import serial, side
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import BELGIUM_FR, BELGIUM_NL
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
BE_BANKS = {
    "fortis": ("Banque Générale du Brabant",),
    "kbc": ("Kredietbank Vlaanderen",),
    "belfius": ("Belcrédit Banque / Bank",),
}
BE_TOWNS = ("1000 Bruxelles", "2000 Antwerpen", "9000 Gent", "4000 Liège", "5000 Namur")
BE_STREETS = ("Rue Royale {n}", "Meir {n}", "Kouter {n}", "Boulevard d'Avroy {n}")
BE_HOLDERS = ("JAN PEETERS", "MARIE DUBOIS", "LUC JANSSENS", "SOPHIE MAES")
# postings that carry a structured communication
COMMUNICATED = ("utility", "rent", "loan")
Table = Callable[[Flow, Random, Statement, TruthLog, int, int], None]


def ogm(t: Txn) -> str:
    """The posting's structured communication: ten digits and their mod-97 check."""
    digits = serial(t, 10)
    check = int(digits) % 97 or 97
    return f"+++{digits[:3]}/{digits[3:7]}/{digits[7:]}{check:02d}+++"


def _text(t: Txn, label: str) -> str:
    lines = segments(t)
    if t.kind in COMMUNICATED:
        lines.append(f"{label} {ogm(t)}")
    return "\n".join(lines)


def _numbered(first: int) -> Callable[[], str]:
    count = [first]

    def next_number() -> str:
        count[0] += 1
        return f"{count[0]:04d}"

    return next_number


def _fortis(
    flow: Flow, rng: Random, st: Statement, log: TruthLog, extract: int, first: int
) -> None:
    acc = st.accounts[0]
    number = _numbered(first)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "nr": number(),
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "desc": _text(t, "Communication :"),
            "value": fmt_date(t.value_day, "DD-MM"),
            "amt": signed(DE, t.amount, plus=True),
        }

    columns = [
        Column("nr", "N°"),
        Column("date", "Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("value", "Valeur"),
        Column("amt", "Montant EUR", "r"),
    ]
    body = framed(
        {
            "desc": f"Ancien solde au {fmt_date(st.start, 'DD-MM-YYYY')}",
            "amt": signed(DE, acc.opening),
        },
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": f"Nouveau solde au {fmt_date(st.end, 'DD-MM-YYYY')}",
            "amt": signed(DE, acc.closing),
        },
    )
    style = Style.vary(rng, rng.choice(("rows", "header", "none")), (200, 300))
    LinedTable(flow, columns, style).draw(body)


def _kbc_amount(value: Decimal) -> str:
    return f"{DE.magnitude(value)}{'-' if value < 0 else '+'}"


def _kbc(flow: Flow, rng: Random, st: Statement, log: TruthLog, extract: int, first: int) -> None:
    acc = st.accounts[0]
    number = _numbered(first)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "nr": number(),
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "desc": _text(t, "Mededeling:"),
            "value": fmt_date(t.value_day, "DD-MM-YYYY"),
            "amt": _kbc_amount(t.amount),
        }

    columns = [
        Column("nr", "Nr."),
        Column("date", "Datum"),
        Column("desc", "Omschrijving", wrap=True, truth=DESC),
        Column("value", "Valuta"),
        Column("amt", "Bedrag EUR", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Over te dragen saldo", "amt": _kbc_amount(b)},
        brought=lambda b: {"desc": "Overgedragen saldo", "amt": _kbc_amount(b)},
    )
    body = framed(
        {
            "desc": f"Vorig saldo {fmt_date(st.start, 'DD-MM-YYYY')}",
            "amt": _kbc_amount(acc.opening),
        },
        rows(acc, 0, log, cells, balance=lambda t: False),
        {"desc": f"Nieuw saldo {fmt_date(st.end, 'DD-MM-YYYY')}", "amt": _kbc_amount(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "rows", "none")), (200, 300))
    LinedTable(flow, columns, style, carry).draw(body)


def _belfius(
    flow: Flow, rng: Random, st: Statement, log: TruthLog, extract: int, first: int
) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": _text(t, "Communication / Mededeling:"),
            **side(DE, t),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Date\nDatum"),
        Column("desc", "Description\nOmschrijving", wrap=True, truth=DESC),
        Column("out", "Débit\nDebet", "r"),
        Column("in", "Crédit\nCredit", "r"),
        Column("bal", "Solde\nSaldo", "r"),
    ]
    body = framed(
        {"desc": "Ancien solde / Vorig saldo", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Nouveau solde / Nieuw saldo", "bal": signed(DE, acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


BE_TABLES: dict[str, Table] = {"fortis": _fortis, "kbc": _kbc, "belfius": _belfius}
BE_TITLES = {
    "fortis": "EXTRAIT DE COMPTE N° {n}",
    "kbc": "REKENINGUITTREKSEL NR. {n}",
    "belfius": "EXTRAIT / UITTREKSEL {n}",
}
BE_DETAILS = {
    "fortis": ("Titulaire", "IBAN", "Devise", "Période"),
    "kbc": ("Titularis", "IBAN", "Munt", "Periode"),
    "belfius": ("Titulaire / Titularis", "IBAN", "Devise / Munt", "Période / Periode"),
}


def be_extrait(rng: Random) -> Built:
    variant = rng.choice(sorted(BE_TABLES))
    if variant == "belfius":
        region = rng.choice((BELGIUM_FR, BELGIUM_NL))
    else:
        region = BELGIUM_NL if variant == "kbc" else BELGIUM_FR
    check, bank = rng.randint(10, 99), rng.randint(1000, 9999)
    plan = Plan(
        "Compte à vue" if region is BELGIUM_FR else "Zichtrekening",
        rng.randint(20, 46),
        (400, 4000),
        pool=(*EVERYDAY, "card", "transfer_out"),
        cheques=False,
        mask=f"BE{check} {bank} {rng.randint(1000, 9999)} {{last4}}",
    )
    names = (rng.choice(BE_BANKS[variant]), BE_TOWNS, rng.choice(BE_HOLDERS))
    st = local_statement(rng, region, names, [plan], period(rng), BE_STREETS)
    acc = st.accounts[0]
    extract = st.start.month + rng.choice((0, 0, 1))
    first = rng.randint(3, 30) * extract
    span = f"{fmt_date(st.start, 'DD-MM-YYYY')} - {fmt_date(st.end, 'DD-MM-YYYY')}"
    labels = BE_DETAILS[variant]
    details = list(zip(labels, (st.holder.name, acc.masked, "EUR", span), strict=True))
    title = BE_TITLES[variant].format(n=extract)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.5)),
        (title, details),
        rng.choice(("{n} / {total}", "Page {n} / {total}" if region is BELGIUM_FR else "Blad {n}")),
        "Protection des dépôts / Depositobescherming: 100.000 EUR par titulaire / per titularis.",
        f"{title} {acc.masked}",
    )
    log = TruthLog()
    BE_TABLES[variant](flow, rng, st, log, extract, first)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "be_extrait",
        "Belgian numbered extraits de compte / rekeninguittreksels (BNP Paribas Fortis / KBC / "
        "Belfius style): EUR in 1.234,56, French or Dutch narrations (domiciliation, "
        "domiciliëring, Payconiq) with the +++123/4567/89002+++ structured communication on a "
        "line of its own; each movement numbered, a DD-MM value date and one amount signed + "
        "or -, no running balance, between ancien and nouveau solde; or Dutch titles with the "
        "sign after the figure (12,50-), the balance carried over page breaks though no row "
        "prints one; or French over Dutch titles, Débit / Crédit and a running Solde",
        be_extrait,
    ),
)
