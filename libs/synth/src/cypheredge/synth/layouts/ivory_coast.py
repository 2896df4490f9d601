"""Family from Côte d'Ivoire: the relevés de compte of SGBCI, Ecobank Côte d'Ivoire and
the Société Ivoirienne de Banque, in French and in francs CFA (XOF).

Held out in the eighth split; tuned on since that split was scored.

The franc CFA of the UEMOA has no minor unit in use: amounts print without decimals, grouped with
spaces (`1 234 567`) or dots (`1.234.567`), often headed `FCFA`. Ivorian banks post the tax on
financial activities (taxe sur les activités financières, TAF, 10% of a bank's commissions and
fees) as a row of its own right after the fee it is due on. Public sources on Ivorian statement
PDFs are thin: the family follows the UEMOA banks' relevé vocabulary as French-speaking African
bank statements print it (date d'opération, date de valeur, libellé, débit, crédit, solde, solde
précédent, nouveau solde), public internship reports on SIB and SGBCI branches (memoireonline,
fr.scribd) for the banks' services and the FCFA spellings of their published accounts
(`FCFA 37.500.000`), an expatriate's guide to Ivorian banks (expat.com) and the Orange Money,
MTN MoMo, Moov and Wave wallets Ivorian accounts are topped up from; said so here.

SGBCI: Date opé. / Date valeur / Libellé / Débit / Crédit / Solde in space-grouped francs between
SOLDE PRECEDENT and SOLDE FINAL. Ecobank: DD-MM-YYYY, a reference, the libellé over two lines,
one amount with a D / C sens column and the balance, carried over page breaks (SOLDE A REPORTER
/ SOLDE REPORTE). SIB: DD.MM.YY with a DD.MM value date, dot-grouped francs, Débit / Crédit and no
running balance, a TOTAL DES MOUVEMENTS row and the new balance as a row.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import NumberStyle, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen, serial, side, steps
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import IVORY_COAST
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
SPACED = Whole(" ", ",")
DOTTED = Whole(".", ",")
CI_BANKS = {
    "sgbci": ("Société Générale des Lagunes",),
    "ecobank": ("Ecobanque Côte d'Ivoire",),
    "sib": ("Société Ivoirienne de Crédit",),
}
CI_TOWNS = ("01 BP 1355 Abidjan 01", "Cocody, Abidjan", "Plateau, Abidjan", "Bouaké")
CI_STREETS = ("{n}, Avenue Joseph Anoma", "{n}, Boulevard de la République", "Rue {n}, Marcory")
CI_HOLDERS = ("KOUASSI KONAN JEAN", "AYA TRAORE", "YAO N'GUESSAN PAUL", "AMINATA COULIBALY")
NUMBERS: dict[str, NumberStyle] = {"sgbci": SPACED, "ecobank": SPACED, "sib": DOTTED}
TAF = "TAF 10% SUR COMMISSIONS"
LEGAL = "Etablissement de crédit agréé par la Commission Bancaire de l'UMOA."


def taf(t: Txn) -> Decimal:
    """The 10% tax on financial activities due on a fee, in whole francs."""
    if t.kind != "fee":
        return Decimal(0)
    return (abs(t.amount) * Decimal("0.10")).quantize(Decimal(1), ROUND_HALF_UP)


def _sgbci(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            **side(SPACED, t),
            "bal": SPACED.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date opé."),
        Column("value", "Date valeur"),
        Column("desc", "Libellé", wrap=True, truth=DESC),
        Column("out", "Débit", "r"),
        Column("in", "Crédit", "r"),
        Column("bal", "Solde", "r"),
    ]
    body = framed(
        {"desc": "SOLDE PRECEDENT", "bal": SPACED.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SOLDE FINAL", "bal": SPACED.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


def _ecobank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "ref": f"FT{serial(t, 9)}",
            "desc": "\n".join(segments(t)),
            "amt": SPACED.magnitude(t.amount),
            "sens": "D" if t.amount < 0 else "C",
            "bal": SPACED.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("ref", "Référence"),
        Column("desc", "Libellé", wrap=True, truth=DESC),
        Column("amt", "Montant", "r"),
        Column("sens", "Sens", "c"),
        Column("bal", "Solde", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "SOLDE A REPORTER", "bal": SPACED.magnitude(b)},
        brought=lambda b: {"desc": "SOLDE REPORTE", "bal": SPACED.magnitude(b)},
    )
    body = framed(
        {"desc": "SOLDE D'OUVERTURE", "bal": SPACED.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _sib(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YY"),
            "desc": " ".join(segments(t)),
            "value": fmt_date(t.value_day, "DD.MM"),
            **side(DOTTED, t),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Libellé de l'opération", wrap=True, truth=DESC),
        Column("value", "Valeur"),
        Column("out", "Débit (FCFA)", "r"),
        Column("in", "Crédit (FCFA)", "r"),
    ]
    side_word = "CREDITEUR" if acc.closing >= 0 else "DEBITEUR"
    body = framed(
        {
            "desc": f"SOLDE AU {fmt_date(st.start, 'DD.MM.YYYY')}",
            "in": DOTTED.magnitude(acc.opening),
        },
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "TOTAL DES MOUVEMENTS",
            "out": DOTTED.magnitude(acc.total_debits),
            "in": DOTTED.magnitude(acc.total_credits),
        },
        {
            "desc": f"NOUVEAU SOLDE {side_word} AU {fmt_date(st.end, 'DD.MM.YYYY')}",
            "in": DOTTED.magnitude(acc.closing),
        },
    )
    style = Style.vary(rng, rng.choice(("grid", "header", "rows")), (180, 280))
    LinedTable(flow, columns, style).draw(body)


CI_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "sgbci": _sgbci,
    "ecobank": _ecobank,
    "sib": _sib,
}


def ci_releve(rng: Random) -> Built:
    variant = rng.choice(sorted(CI_TABLES))
    branch = f"CI{rng.randint(100, 999)} 01{rng.randint(100, 999)}"
    plan = Plan(
        "Compte chèque",
        rng.randint(22, 48),
        (400, 4000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        pool=(*EVERYDAY, "transfer_out", "transfer_out", "fee"),
        cheques=False,
        mask=f"{branch} {rng.randint(10**7, 10**8 - 1)}{{last4}}",
    )
    names = (rng.choice(CI_BANKS[variant]), CI_TOWNS, rng.choice(CI_HOLDERS))
    st = local_statement(rng, IVORY_COAST, names, [plan], period(rng), CI_STREETS)
    st = coarsen(st, steps("5", "1000", ROUND_KINDS))  # whole francs, round transfers
    st = charged(st, taf, lambda t: TAF, kind="taf")
    acc = st.accounts[0]
    span = f"du {fmt_date(st.start, 'DD/MM/YYYY')} au {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Titulaire", st.holder.name),
        ("N° de compte", acc.masked),
        ("Devise", "XOF (FCFA)"),
        ("Période", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("RELEVE DE COMPTE", details),
        rng.choice(("Page {n} / {total}", "Page {n} sur {total}")),
        LEGAL,
        f"Relevé de compte {acc.masked}",
    )
    log = TruthLog()
    CI_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "ci_releve",
        "Ivorian relevés de compte (SGBCI / Ecobank / SIB style): XOF in whole francs CFA, "
        "French narrations with Orange Money, Wave and MTN MoMo transfers and CIE / SODECI "
        "bills, the 10% TAF after each fee as a row of its own; Date opé. / Date valeur / "
        "Débit / Crédit / Solde in space-grouped francs between SOLDE PRECEDENT and SOLDE FINAL; "
        "or a reference, one amount with a D / C sens column, carried over page breaks; or "
        "dot-grouped francs, Débit / Crédit without a running balance, a TOTAL DES MOUVEMENTS "
        "row and the new balance as a row",
        ci_releve,
    ),
)
