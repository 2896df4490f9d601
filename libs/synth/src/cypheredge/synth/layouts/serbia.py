"""Family from Serbia: the izvodi / изводи of Banca Intesa, UniCredit Bank Srbija and
Raiffeisen banka, in Serbian Latin or Cyrillic and dinars.

Held out in the sixth split; tuned on since that split was scored.

Public sources on Serbian prints are thin: what is public is payment-order generators and bank
file templates (an ERP's Banca Intesa domestic payment template, with its šifra plaćanja,
model and poziv na broj fields) and Montenegrin izvod parsers written on neighbouring banks'
PDFs (`IZVOD RACUNA - broj N`, rows numbered with fee sub-lines). The family keeps to those and
to the conventions every Serbian print shares: amounts `1.234,56`, DD.MM.YYYY dates, the
three-digit šifra plaćanja of the national payment order (221 goods and services, 240 wages,
289 citizens' transfers, 290 other), the model and poziv na broj (`97 12-3456`), and titles in
either script. Intesa: Latin titles Datum prometa / Opis / Zaduženje / Odobrenje / Stanje,
Prethodno and Novo stanje rows. UniCredit: Latin, one signed Iznos, a Šifra column and the
Datum valute, no running balance, the balances written above and below. Raiffeisen: Cyrillic
titles (Датум / Број налога / Опис / Дугује / Потражује / Стање), Cyrillic narrations and
Пренос rows across page breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_balkan_baltic import SERBIA_CYRILLIC, SERBIA_LATIN
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
RS_BANKS = ("Dunavska banka a.d.", "Banka Šumadija a.d.", "Vojvođanska štedna banka a.d.")
RS_BANKS_CYR = ("Дунавска банка а.д.", "Банка Шумадија а.д.", "Војвођанска штедна банка а.д.")
RS_TOWNS = ("11000 Beograd", "21000 Novi Sad", "18000 Niš", "34000 Kragujevac")
RS_TOWNS_CYR = ("11000 Београд", "21000 Нови Сад", "18000 Ниш", "34000 Крагујевац")
RS_STREETS = ("Knez Mihailova {n}", "Bulevar oslobođenja {n}", "Nemanjina {n}")
RS_STREETS_CYR = ("Кнез Михаилова {n}", "Булевар ослобођења {n}", "Немањина {n}")
RS_HOLDERS = ("PETAR JOVANOVIĆ", "MILICA STOJANOVIĆ", "DUŠAN ILIĆ", "JOVANA MARKOVIĆ")
RS_HOLDERS_CYR = ("ПЕТАР ЈОВАНОВИЋ", "МИЛИЦА СТОЈАНОВИЋ", "ДУШАН ИЛИЋ", "ЈОВАНА МАРКОВИЋ")
# the national payment order's šifra plaćanja per posting kind
CODES = {"salary": "240", "rent": "289", "utility": "221", "card": "221", "grocery": "221"}
LEGAL = "Depoziti su osigurani do iznosa od 50.000 evra (Agencija za osiguranje depozita)."
LEGAL_CYR = "Депозити су осигурани до износа од 50.000 евра (Агенција за осигурање депозита)."


def _dinars(value: Decimal) -> str:
    return signed(DE, value)


def _code(t: Txn) -> str:
    return CODES.get(t.kind, "289" if t.kind.startswith("transfer") else "290")


def _intesa(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": _dinars(t.balance),
        }

    columns = [
        Column("date", "Datum\nprometa"),
        Column("desc", "Opis", wrap=True, truth=DESC),
        Column("out", "Zaduženje", "r"),
        Column("in", "Odobrenje", "r"),
        Column("bal", "Stanje", "r"),
    ]
    body = framed(
        {"desc": "Prethodno stanje", "bal": _dinars(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Novo stanje", "bal": _dinars(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (200, 300))
    LinedTable(flow, columns, style).draw(body)


def _unicredit(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    figures(flow, [("Početno stanje", f"{_dinars(acc.opening)} RSD")], 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "code": _code(t),
            "desc": " ".join(segments(t)),
            "ref": f"97 {serial(t, 2)}-{serial(t, 10)[2:]}",
            "amt": _dinars(t.amount),
        }

    columns = [
        Column("date", "Datum"),
        Column("value", "Datum valute"),
        Column("code", "Šifra", "c"),
        Column("desc", "Svrha plaćanja", wrap=True, truth=DESC),
        Column("ref", "Poziv na broj"),
        Column("amt", "Iznos", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    figures(flow, [("Završno stanje", f"{_dinars(acc.closing)} RSD")], 0.45)


def _raiffeisen(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "no": serial(t, 9),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": DE.magnitude(t.amount),
            "bal": _dinars(t.balance),
        }

    columns = [
        Column("date", "Датум"),
        Column("no", "Број налога"),
        Column("desc", "Опис", wrap=True, truth=DESC),
        Column("out", "Дугује", "r"),
        Column("in", "Потражује", "r"),
        Column("bal", "Стање", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Пренос на следећу страну", "bal": _dinars(b)},
        brought=lambda b: {"desc": "Пренос са претходне стране", "bal": _dinars(b)},
    )
    body = framed(
        {"desc": "Претходно стање", "bal": _dinars(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Ново стање", "bal": _dinars(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style, carry).draw(body)
    page_note(flow, f"Број извода: {st.start.month}/{st.start.year}", gray=0.0)


RS_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "intesa": _intesa,
    "unicredit": _unicredit,
    "raiffeisen": _raiffeisen,
}


def rs_izvod(rng: Random) -> Built:
    variant = rng.choice(sorted(RS_TABLES))
    cyrillic = variant == "raiffeisen"
    code = {"intesa": "160", "unicredit": "170", "raiffeisen": "265"}[variant]
    mask = f"{code}-{rng.randint(10**8, 10**9 - 1)}{{last4}}-{rng.randint(10, 99)}"
    pool = (*EVERYDAY, "card", "grocery")
    name = "Текући рачун" if cyrillic else "Tekući račun"
    plan = Plan(name, rng.randint(24, 56), (300, 3200), pool=pool, cheques=False, mask=mask)
    if cyrillic:
        names = (rng.choice(RS_BANKS_CYR), RS_TOWNS_CYR, rng.choice(RS_HOLDERS_CYR))
        region, streets = SERBIA_CYRILLIC, RS_STREETS_CYR
    else:
        names = (rng.choice(RS_BANKS), RS_TOWNS, rng.choice(RS_HOLDERS))
        region, streets = SERBIA_LATIN, RS_STREETS
    st = local_statement(rng, region, names, [plan], period(rng), streets)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    labels = ("Власник", "Рачун", "Валута", "Период") if cyrillic else None
    labels = labels or ("Vlasnik računa", "Broj računa", "Valuta", "Period")
    details = list(zip(labels, (st.holder.name, acc.masked, "RSD", span), strict=True))
    title = "ИЗВОД СТАЊА И ПРОМЕНА" if cyrillic else "IZVOD STANJA I PROMENA"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (title, details),
        "Страна {n} од {total}" if cyrillic else "Strana {n} od {total}",
        LEGAL_CYR if cyrillic else LEGAL,
        f"{title} {acc.masked}",
    )
    log = TruthLog()
    RS_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "rs_izvod",
        "Serbian izvodi (Banca Intesa / UniCredit / Raiffeisen style): RSD, 1.234,56, "
        "DD.MM.YYYY; Latin titles Zaduženje / Odobrenje / Stanje between Prethodno and Novo "
        "stanje; or a value date, the payment order's three-digit šifra plaćanja, a model 97 "
        "poziv na broj, one signed Iznos and no running balance; or Cyrillic titles and "
        "narrations (Дугује / Потражује / Стање), order numbers and Пренос rows carrying the "
        "balance across page breaks",
        rs_izvod,
    ),
)
