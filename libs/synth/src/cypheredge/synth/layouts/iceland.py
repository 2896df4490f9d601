"""Family from Iceland: the reikningsyfirlit of Landsbankinn, Arion banki and
Íslandsbanki, in Icelandic and whole krónur.

Held out in the eighth split; tuned on since that split was scored.

The króna has had no minor unit in use since 2003: amounts and balances print without decimals,
grouped with dots (`1.234.567`), dates as `DD.MM.YYYY`. Public sources on Icelandic statement
PDFs are thin: the family follows Icelandic accounting-software help pages on bank statement
lines (Advania's NAV help on the value date, vaxtadagur, of a statement line; wise.is's
Bankasamskiptakerfi pages naming Staða and Upphæð), the Icelandic glossary of a statement
(investorswiki's reikningsyfirlit: upphafsstaða, innborganir, úttektir, lokastaða), a public
Íslandsbanki statement converter (egillanton/journal-generator: European number and date
formats) and the kennitala Icelandic banks print beside a counterparty; said so here.

Landsbankinn: Dags. / Vaxtad. / Tilvísun / Texti / Upphæð (one signed amount) / Staða between
the balances at the start and the end of the period. Arion: Dagsetning / Texti over two lines /
Tilvísun / Út / Inn / Staða, carried over page breaks (Flutt af fyrri síðu). Íslandsbanki: the
newest movement first, `DD.MM.YY`, the counterparty's kennitala, one signed amount, no running
balance and the period's figures in a box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen, serial, side, steps
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import ICELAND
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
KRONUR = Whole(".", ",")
IS_BANKS = {
    "landsbanki": ("Landsbanki Norðursins",),
    "arion": ("Arion Sparisjóður hf.",),
    "islandsbanki": ("Eyjabanki hf.",),
}
IS_TOWNS = ("101 Reykjavík", "200 Kópavogur", "220 Hafnarfjörður", "600 Akureyri")
IS_STREETS = ("Laugavegur {n}", "Hafnarstræti {n}", "Suðurgata {n}", "Þórunnartún {n}")
IS_HOLDERS = ("JÓN GUÐMUNDSSON", "SIGRÍÐUR ÞÓRSDÓTTIR", "GUÐRÚN ÓLAFSDÓTTIR", "ÞÓRÐUR HALLDÓRSSON")
LEGAL = "Innstæður eru tryggðar af Tryggingarsjóði vegna fjármálafyrirtækja."


def kennitala(t: Txn) -> str:
    """A counterparty's ten-digit national ID, DDMMYY-NNNN, derived from the posting."""
    digits = serial(t, 8)
    day, month = 1 + int(digits[:2]) % 28, 1 + int(digits[2:4]) % 12
    return f"{day:02d}{month:02d}{digits[4:6]}-{digits[6:8]}{int(digits[:2]) % 10}9"


def _kr(value: Decimal) -> str:
    return signed(KRONUR, value)


def _landsbanki(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "ref": serial(t, 6),
            "desc": " ".join(segments(t)),
            "amt": _kr(t.amount),
            "bal": _kr(t.balance),
        }

    columns = [
        Column("date", "Dags."),
        Column("value", "Vaxtad."),
        Column("ref", "Tilvísun"),
        Column("desc", "Texti", wrap=True, truth=DESC),
        Column("amt", "Upphæð", "r"),
        Column("bal", "Staða", "r"),
    ]
    body = framed(
        {"desc": "Staða í upphafi tímabils", "bal": _kr(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Staða í lok tímabils", "bal": _kr(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


def _arion(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": "\n".join(segments(t)),
            "ref": serial(t, 7),
            **side(KRONUR, t),
            "bal": _kr(t.balance),
        }

    columns = [
        Column("date", "Dagsetning"),
        Column("desc", "Texti", wrap=True, truth=DESC),
        Column("ref", "Tilvísun"),
        Column("out", "Út", "r"),
        Column("in", "Inn", "r"),
        Column("bal", "Staða", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Flutt á næstu síðu", "bal": _kr(b)},
        brought=lambda b: {"desc": "Flutt af fyrri síðu", "bal": _kr(b)},
    )
    body = framed(
        {"desc": "Upphafsstaða", "bal": _kr(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _islandsbanki(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Upphafsstaða", "Innborganir", "Úttektir", "Lokastaða")
    totals(flow, acc, "Yfirlit tímabils (ISK)", labels, KRONUR.magnitude)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YY"),
            "desc": " ".join(segments(t)),
            "kt": kennitala(t),
            "amt": _kr(t.amount),
        }

    columns = [
        Column("date", "Dags."),
        Column("desc", "Skýring", wrap=True, truth=DESC),
        Column("kt", "Kennitala"),
        Column("amt", "Upphæð kr.", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("rows", "header", "grid")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells, balance=lambda t: False))


IS_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "landsbanki": _landsbanki,
    "arion": _arion,
    "islandsbanki": _islandsbanki,
}


def is_yfirlit(rng: Random) -> Built:
    variant = rng.choice(sorted(IS_TABLES))
    plan = Plan(
        "Veltureikningur",
        rng.randint(26, 60),
        (400, 4000),
        pool=(*EVERYDAY, "card", "card", "transfer_out"),
        cheques=False,
        mask=f"0{rng.randint(100, 999)}-26-{rng.randint(10, 99)}{{last4}}",
    )
    names = (rng.choice(IS_BANKS[variant]), IS_TOWNS, rng.choice(IS_HOLDERS))
    st = local_statement(rng, ICELAND, names, [plan], period(rng), IS_STREETS)
    st = coarsen(st, steps("1", "1000", ROUND_KINDS))  # whole krónur, round transfers
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [
        ("Reikningseigandi", st.holder.name),
        ("Reikningur", acc.masked),
        ("Mynt", "ISK"),
        ("Tímabil", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("REIKNINGSYFIRLIT", details),
        rng.choice(("Síða {n} af {total}", "Bls. {n}/{total}")),
        LEGAL,
        f"Reikningsyfirlit {acc.masked}",
    )
    log = TruthLog()
    IS_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, KRONUR)


LAYOUTS = (
    Layout(
        "is_yfirlit",
        "Icelandic reikningsyfirlit (Landsbankinn / Arion / Íslandsbanki style): ISK in whole "
        "krónur grouped with dots (1.234.567), Icelandic narrations with þ, ð and æ; posting and "
        "value dates (Vaxtad.), a reference, one signed Upphæð and Staða between the balances at "
        "the start and the end; or Út / Inn / Staða carried over page breaks; or the newest "
        "movement first, DD.MM.YY, the counterparty's kennitala, no running balance and the "
        "period's figures in a box",
        is_yfirlit,
    ),
)
