"""Family from Slovakia: the výpisy z účtu of Tatra banka, Slovenská sporiteľňa and
ČSOB, in Slovak and euros.

Held out in the seventh split; tuned on since that split was scored.

ČSOB follows a public ČSOB.sk PDF-to-JSON converter written on its výpisy (a movement opens with
its type, `Transakcia platobnou kartou`, `Odoslaná platba` or `Prijatá platba`, and its details
follow on lines of their own, `Miesto:` the place of a card payment); Slovenská sporiteľňa the
bank's published payment conditions (domestic and SEPA transfers, the variable, constant and
specific symbols every Slovak payment order carries) and its fee notices (account and SMS fees
posted as their own rows). Tatra banka is thin: it follows what Slovak and Czech výpisy share
(DD.MM.YYYY dates, `1 234,56` with a space grouping, Počiatočný / Konečný zostatok), said so here.
Tatra banka: Dátum zaúčtovania / Dátum valuty / Popis / Suma with the debits signed / Zostatok.
Slovenská sporiteľňa: year-less DD.MM. dates, Debet / Kredit and no running balance, the payee
and the symbols on lines of their own, the turnover totals as rows. ČSOB: ISO dates, one
Suma with a trailing EUR, brought and carried forward at page breaks (`Prenos`).
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import FR, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_regions_sk_tn_uy_et import SLOVAKIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
SK_BANKS = {
    "tatra": ("Tatranská banka, a.s.",),
    "slsp": ("Slovenská sporiteľná banka, a.s.", "Považská sporiteľňa, a.s."),
    "csob": ("Československá obchodná banka SK, a.s.",),
}
SK_TOWNS = ("811 01 Bratislava", "040 01 Košice", "010 01 Žilina", "949 01 Nitra")
SK_STREETS = ("Hodžovo námestie {n}", "Tomášikova {n}", "Hlavná {n}", "Štúrova {n}")
SK_HOLDERS = ("Ján Kováč", "Mária Horváthová", "Peter Varga", "Zuzana Tóthová")
CODES = {"tatra": "1100", "slsp": "0900", "csob": "7500"}
LEGAL = (
    "Banka podlieha dohľadu Národnej banky Slovenska. Vklady sú chránené Fondom ochrany vkladov."
)


def _eur(value: str) -> str:
    return f"{value} EUR"


def _tatra(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "desc": " ".join(segments(t)),
            "amt": signed(FR, t.amount),
            "bal": signed(FR, t.balance),
        }

    columns = [
        Column("date", "Dátum\nzaúčtovania"),
        Column("value", "Dátum\nvaluty"),
        Column("desc", "Popis transakcie", wrap=True, truth=DESC),
        Column("amt", "Suma", "r"),
        Column("bal", "Zostatok", "r"),
    ]
    body = framed(
        {"desc": "Počiatočný zostatok", "bal": signed(FR, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Konečný zostatok", "bal": signed(FR, acc.closing)},
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("rows", "grid")), (160, 250))).draw(body)


def _slsp(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM."),
            "value": fmt_date(t.value_day, "DD.MM."),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
        }

    columns = [
        Column("date", "Dátum"),
        Column("value", "Valuta"),
        Column("desc", "Popis / Protistrana / Symboly", wrap=True, truth=DESC),
        Column("out", "Debet", "r"),
        Column("in", "Kredit", "r"),
    ]
    body = framed(
        {"desc": "Počiatočný zostatok", "in": signed(FR, acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {
            "desc": "Obraty",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {"desc": "Konečný zostatok", "in": signed(FR, acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("header", "none")), (180, 280))
    LinedTable(flow, columns, style).draw(body)


def _csob(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY-MM-DD"),
            "desc": "\n".join(segments(t)),
            "amt": _eur(signed(FR, t.amount)),
            "bal": _eur(signed(FR, t.balance)),
        }

    columns = [
        Column("date", "Dátum"),
        Column("desc", "Transakcia", wrap=True, truth=DESC),
        Column("amt", "Suma", "r"),
        Column("bal", "Zostatok", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Prenos na ďalšiu stranu", "bal": _eur(signed(FR, b))},
        brought=lambda b: {"desc": "Prenos z predchádzajúcej strany", "bal": _eur(signed(FR, b))},
    )
    body = framed(
        {"desc": "Počiatočný zostatok", "bal": _eur(signed(FR, acc.opening))},
        rows(acc, 0, log, cells),
        {"desc": "Konečný zostatok", "bal": _eur(signed(FR, acc.closing))},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "none", "header")), (200, 300))
    LinedTable(flow, columns, style, carry).draw(body)


SK_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "tatra": _tatra,
    "slsp": _slsp,
    "csob": _csob,
}


def sk_vypis(rng: Random) -> Built:
    variant = rng.choice(sorted(SK_TABLES))
    iban = f"SK{rng.randint(10, 99)} {CODES[variant]} 0000 00{rng.randint(10, 99)} {{last4}}"
    plan = Plan(
        "Osobný účet",
        rng.randint(22, 48),
        (400, 3500),
        pool=(*EVERYDAY, "card", "transfer_out"),
        cheques=False,
        mask=f"{iban} {rng.randint(1000, 9999)}",
    )
    names = (rng.choice(SK_BANKS[variant]), SK_TOWNS, rng.choice(SK_HOLDERS))
    st = local_statement(rng, SLOVAKIA, names, [plan], period(rng), SK_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    number = rng.randint(1, 12)
    details = [
        ("Majiteľ účtu", st.holder.name),
        ("IBAN", acc.masked),
        ("Mena", "EUR"),
        ("Obdobie", span),
        ("Číslo výpisu", str(number)),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("VÝPIS Z ÚČTU", details),
        rng.choice(("Strana {n} z {total}", "Strana {n}/{total}")),
        LEGAL,
        f"Výpis z účtu č. {number} {acc.masked}",
    )
    log = TruthLog()
    SK_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, FR)


LAYOUTS = (
    Layout(
        "sk_vypis",
        "Slovak výpisy z účtu (Tatra banka / Slovenská sporiteľňa / ČSOB style): EUR with "
        "1 234,56 figures, VS / KS / SS payment symbols; booking and value dates DD.MM.YYYY, "
        "one signed Suma and Zostatok between Počiatočný and Konečný zostatok; or year-less "
        "DD.MM. dates, Debet / Kredit, no running balance and the turnover as a row; or ISO "
        "dates, a signed Suma with a trailing EUR, Prenos rows at page breaks",
        sk_vypis,
    ),
)
