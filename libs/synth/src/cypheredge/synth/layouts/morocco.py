"""Family from Morocco: the relevés de compte of Attijariwafa bank, BMCE Bank of Africa
and CIH Bank, in French and dirhams.

Held out in the fifth split; tuned on since that split was scored.

Moroccan relevés print no running balance: the opening and closing soldes and the movements'
totals frame debit and credit columns, amounts in the French style (`1 234,56`). Attijariwafa
follows the parsing rules of two public Moroccan statement tools (an AttijariwafaParsingConfig
and an AWB parser, written on AWB's PDFs) and imadarchid/openbk (templates/awb.json,
utils/categories.py): RELEVE DE COMPTE BANCAIRE, a 24-digit RIB (bank 007, town, account, key),
rows CODE / DATE / LIBELLE / VALEUR / DEBIT / CREDIT with an operation code such as `0016BK01`,
the operation date as `28 06` and the value date as `28 06 2024` (digits separated by spaces),
`SOLDE DEPART AU 31 12 2024 2 311,61 CREDITEUR` before the rows and TOTAL MOUVEMENTS and SOLDE
FINAL AU after them; narrations VIR.EMIS WEB VERS, VIR.WEB RECU DE, AWBGAB, PAIMENT/CB,
FRAIS/RETRAIT ESP GAB. BMCE Bank of Africa follows a public parser calibrated on two of its
statements (parsers/bmce.py): rows `JJ MM libellé JJ MM montant`, operation and value dates
without a year (the year from the period printed at the top of the first page), debit and credit
told apart only by their column, a RIB starting `011 780`. CIH follows openbk's CIH extractor and
a public CIH parser (parsers/cih.py): the operation and value dates (`06/05`, `06/05`) set so
close that the text layer glues them (`06/0506/05`), SOLDE DEPART AU : 31/12/2025 with the
opening balance in the CREDIT column, REPORT lines carrying the columns' running totals across
page breaks, and TOTAL and SOLDE lines at the end; narrations VIREMENT RECU DE, VIREMENT EMIS EN
FAVEUR DE, PAIEMENT PAR CARTE 1234 ..., RETRAIT CARTE, PAIEMENT INTERNET NATIONAL, FRAIS RETRAIT
GAB CONFRERE. Banks post TVA (10% in Morocco on banking commissions) as its own row after each
fee.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import FR, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged, rate
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_regions_africa import (
    MOROCCO_AWB,
    MOROCCO_BMCE,
    MOROCCO_CIH,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Row, Style

DESC = "description"
MA_BANKS = ("Banque de l'Atlas SA", "Banque du Souss", "Crédit Chérifien SA")
MA_TOWNS = ("20250 Casablanca", "10090 Rabat", "40000 Marrakech", "90000 Tanger", "30000 Fès")
MA_STREETS = (
    "{n}, Bd Mohammed V",
    "{n}, Avenue Hassan II",
    "{n}, Rue Ibn Batouta",
    "Lot {n}, Hay Riad",
)
MA_HOLDERS = ("M. YOUSSEF ALAOUI", "MME NADIA CHRAIBI", "M. HAMID BENJELLOUN", "MME SAMIRA FASSI")
AGENCIES = ("CASA ANFA", "RABAT AGDAL", "MARRAKECH GUELIZ", "TANGER IBERIA", "FES SAISS")
# AWB's operation codes: four digits, a two-letter family, two digits
CODES = {"card": "CB", "grocery": "CB", "atm": "GA", "fee": "FR", "levy": "FR", "salary": "VR"}
LEGAL = "Etablissement de crédit agréé par Bank Al-Maghrib. Capital social 2 035 272 260 DH."


def _spaced(day: date) -> str:
    """AWB's dates: `28 06 2024`."""
    return fmt_date(day, "DD MM YYYY")


def _code(t: Txn) -> str:
    family = CODES.get(t.kind, "BK" if t.amount < 0 else "VR")
    return f"{digits(t, 4)}{family}{int(digits(t, 2)) % 12 + 1:02d}"


def _awb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "code": _code(t),
            "date": fmt_date(t.day, "DD MM"),
            "desc": " ".join(parts(t)),
            "value": _spaced(t.value_day),
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
        }

    columns = [
        Column("code", "CODE"),
        Column("date", "DATE"),
        Column("desc", "LIBELLE", wrap=True, truth=DESC),
        Column("value", "VALEUR"),
        Column("out", "DEBIT", "r"),
        Column("in", "CREDIT", "r"),
    ]
    before = st.start - timedelta(days=1)
    body = framed(
        {
            "desc": f"SOLDE DEPART AU {_spaced(before)}",
            "in": f"{FR.magnitude(acc.opening)} CREDITEUR",
        },
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "TOTAL MOUVEMENTS",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {
            "desc": f"SOLDE FINAL AU {_spaced(st.end)}",
            "in": f"{FR.magnitude(acc.closing)} CREDITEUR",
        },
    )
    style = Style.vary(rng, rng.choice(("header", "rows", "none")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


def _bmce(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"PERIODE  {_spaced(st.start)}  {_spaced(st.end)}", size=flow.spec.size)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD MM"),
            "desc": "\n".join(parts(t)),
            "value": fmt_date(t.value_day, "DD MM"),
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
        }

    columns = [
        Column("date", "DATE\nOPERATION"),
        Column("desc", "LIBELLE", wrap=True, truth=DESC),
        Column("value", "DATE\nVALEUR"),
        Column("out", "DEBIT", "r"),
        Column("in", "CREDIT", "r"),
    ]
    body = framed(
        {"desc": "SOLDE PRECEDENT", "in": FR.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "TOTAL DES MOUVEMENTS",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {"desc": f"NOUVEAU SOLDE AU {_spaced(st.end)}", "in": FR.magnitude(acc.closing)},
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("none", "header")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


@dataclass
class ReportTable(LinedTable):
    """CIH's page breaks: the debit and credit columns' running totals are carried, `A
    REPORTER` at the foot of a page and `REPORT` at the head of the next, and no balance."""

    debits: Decimal = Decimal(0)
    credits: Decimal = Decimal(0)
    widest: dict[str, str] = field(default_factory=dict)
    wide: float = 0.0  # extra width of each amount column, taken from the narration

    def __post_init__(self) -> None:
        self.carry = Carry(carried=lambda b: self.widest, brought=lambda b: self.widest)

    def measure(self, rows: Sequence[Row]) -> None:
        super().measure(rows)
        keys = [c.key for c in self.columns]
        for key in ("out", "in"):
            self.widths[keys.index(key)] += self.wide
        self.widths[keys.index("desc")] -= 2 * self.wide

    def _row(self, row: Row, shade: bool = False) -> None:
        super()._row(row, shade)
        if row.truth is not None:
            self.debits += Decimal(row.truth["debit"] or 0)
            self.credits += Decimal(row.truth["credit"] or 0)

    def _sums(self, label: str) -> Row:
        cells = {"desc": label, "out": FR.magnitude(self.debits), "in": FR.magnitude(self.credits)}
        return Row(cells, bold=True)

    def _page_break(self, balance: Decimal | None) -> None:
        self._row(self._sums("A REPORTER"))
        self.flow.new_page()
        self._header()
        self._row(self._sums("REPORT"))


def _cih(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM"),
            "value": fmt_date(t.value_day, "DD/MM"),
            "desc": " ".join(parts(t)),
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
        }

    columns = [
        Column("date", "DATE\nOPE"),
        Column("value", "DATE\nVAL"),
        Column("desc", "LIBELLE", wrap=True, truth=DESC),
        Column("out", "DEBIT", "r"),
        Column("in", "CREDIT", "r"),
    ]
    before = fmt_date(st.start - timedelta(days=1), "DD/MM/YYYY")
    body = framed(
        {"desc": f"SOLDE DEPART AU : {before}", "in": FR.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "TOTAL MOUVEMENTS",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {
            "desc": f"SOLDE FINAL AU : {fmt_date(st.end, 'DD/MM/YYYY')}",
            "in": FR.magnitude(acc.closing),
        },
    )
    # the dates stand shoulder to shoulder (a tight gutter, the narration taking the spare
    # width), so the text layer runs them together as on CIH's print
    style = replace(Style.vary(rng, rng.choice(("none", "header"))), pad=1.2)
    table = ReportTable(flow, columns, style, wide=flow.spec.size * 2.5)
    widest = {"out": FR.magnitude(acc.total_debits), "in": FR.magnitude(acc.total_credits)}
    table.widest = {"desc": "A REPORTER", **widest}
    table.draw(body)


MA_TABLES = {"attijariwafa": _awb, "bmce": _bmce, "cih": _cih}
MA_REGIONS: dict[str, Region] = {
    "attijariwafa": MOROCCO_AWB,
    "bmce": MOROCCO_BMCE,
    "cih": MOROCCO_CIH,
}
MA_TITLES = {
    "attijariwafa": "RELEVE DE COMPTE BANCAIRE",
    "bmce": "RELEVE CLIENT",
    "cih": "RELEVE DE COMPTE",
}
BANK_CODES = {"attijariwafa": "007", "bmce": "011", "cih": "230"}
VAT_TEXT = {
    "attijariwafa": "TVA SUR COMMISSIONS",
    "bmce": "T.V.A. 10% SUR FRAIS",
    "cih": "TVA SUR FRAIS",
}


def _details(rng: Random, st: Statement, variant: str) -> list[tuple[str, str]]:
    acc = st.accounts[0]
    if variant == "cih":
        return [
            ("TITULAIRE", st.holder.name),
            ("N° DE COMPTE", acc.masked),
            ("DEVISE", "MAD"),
            ("DU", fmt_date(st.start, "DD/MM/YYYY")),
            ("AU", fmt_date(st.end, "DD/MM/YYYY")),
        ]
    if variant == "bmce":
        return [
            ("RIB", acc.masked),
            ("DEVISE", "DIRHAM"),
            ("AGENCE", rng.choice(AGENCIES)),
            ("NATURE", "COMPTE CHEQUE"),
        ]
    return [
        ("COMPTE", acc.masked),
        ("DEVISE", "MAD"),
        ("AGENCE", rng.choice(AGENCIES)),
        ("PERIODE", f"DU {_spaced(st.start)} AU {_spaced(st.end)}"),
    ]


def _taxed(st: Statement, text: str) -> Statement:
    return charged(st, rate("0.10", lambda t: t.kind == "fee"), lambda t: text)


def ma_releve(rng: Random) -> Built:
    variant = rng.choice(sorted(MA_TABLES))
    town, account, key = rng.randint(100, 899), rng.randint(10**11, 10**12 - 1), rng.randint(10, 97)
    mask = f"{BANK_CODES[variant]} {town} {account}{{last4}} {key}"
    count = rng.randint(20, 44)
    pool = (*EVERYDAY, "card", "grocery", "transfer_out")
    plan = Plan("Compte chèque", count, (300, 3500), pool=pool, cheques=False, mask=mask)
    names = (rng.choice(MA_BANKS), MA_TOWNS, rng.choice(MA_HOLDERS))
    st = local_statement(rng, MA_REGIONS[variant], names, [plan], period(rng), MA_STREETS)
    st = _taxed(st, VAT_TEXT[variant])
    acc: Account = st.accounts[0]
    fonts = (HELVETICA, DEJAVU) if variant != "cih" else (DEJAVU,)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=fonts, size=(6.5, 8.0)),
        (MA_TITLES[variant], _details(rng, st, variant)),
        rng.choice(("PAGE {n}/{total}", "Page {n} / {total}")),
        LEGAL,
        f"{MA_TITLES[variant]} {acc.masked}",
    )
    log = TruthLog()
    MA_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, FR)


LAYOUTS = (
    Layout(
        "ma_releve",
        "Moroccan relevés de compte in French (Attijariwafa / BMCE Bank of Africa / CIH style): "
        "MAD, 1 234,56 with space groups, no running balance, opening and closing soldes and "
        "the movements' totals around DEBIT / CREDIT columns, TVA posted after each fee; an "
        "operation code column, `28 06` operation and `28 06 2024` value dates and SOLDE DEPART "
        "AU ... CREDITEUR; or year-less `JJ MM` operation and value dates either side of a "
        "multi-line libellé; or DD/MM dates set shoulder to shoulder, the opening balance in the "
        "credit column and A REPORTER / REPORT lines carrying the columns' totals across pages",
        ma_releve,
    ),
)
