"""Family from Estonia: the kontoväljavõtted of Swedbank, SEB and LHV, in Estonian and
euros.

Held out in the sixth split; tuned on since that split was scored.

Modelled on public importers of Estonian bank exports (a budgeting app's Swedbank, SEB and LHV
importers and their tests, an accounting tool's LHV column map, a Rust importer that reads
Swedbank's Baltic exports): Swedbank's columns Kuupäev / Saaja/Maksja / Selgitus / Summa /
Deebet/Kreedit with `D` or `K` beside an unsigned amount and a comma decimal; SEB's `Deebet/
Kreedit (D/C)` with `1 234,56`; LHV's English-style export (`Saaja/maksja nimi`, `Saaja/maksja
konto`, `Viitenumber`, `Arhiveerimistunnus`) with ISO dates and a dot decimal. Public PDF
specimens are thin, so the furniture around the tables uses the Estonian terms an Estonian
ledger's notes spell out (Algsaldo, Lõppsaldo, Käive, Deebet / Kreedit, KOKKU). Swedbank: D/K
column, no running balance, Algsaldo and Lõppsaldo rows and the turnovers after. SEB: Deebet /
Kreedit columns and a Saldo after each row, with KOKKU totals. LHV: one signed Summa without
grouping (`-1234.56`), the counterparty's account and the archive code per row, the balances
written above the table.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import FR, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_balkan_baltic import ESTONIA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
EE_BANKS = ("AS Toompea Pank", "AS Emajõe Pank", "AS Läänemere Pank")
EE_TOWNS = ("10111 Tallinn", "51003 Tartu", "80010 Pärnu", "20308 Narva")
EE_STREETS = ("Narva mnt {n}", "Pärnu mnt {n}", "Tartu mnt {n}", "Liivalaia {n}")
EE_HOLDERS = ("MARI TAMM", "JAAN KASK", "KADRI MÄND", "TOOMAS SEPP")
# LHV prints amounts ungrouped with a dot decimal, as its export does
DOT = NumberStyle("", ".")
NUMBERS = {"swedbank": FR, "seb": FR, "lhv": DOT}
TRANSFERS = ("salary", "rent", "utility", "transfer_out", "transfer_in", "loan")
LEGAL = "Hoiuseid tagab Tagatisfond kuni 100 000 euro ulatuses."


def _split(t: Txn) -> tuple[str, str]:
    """The template's `party|explanation` (no party for the bank's own postings)."""
    party, _, text = t.description.partition("|")
    return party.strip(), text.strip()


def _turnover(flow: Flow, acc: Account) -> None:
    figures(
        flow,
        [
            ("Deebetkäive", f"{FR.magnitude(acc.total_debits)} EUR"),
            ("Kreeditkäive", f"{FR.magnitude(acc.total_credits)} EUR"),
        ],
        0.45,
    )


def _swedbank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        party, text = _split(t)
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "party": party,
            "desc": text,
            "amt": FR.magnitude(t.amount),
            "dk": "D" if t.amount < 0 else "K",
        }

    columns = [
        Column("date", "Kuupäev"),
        Column("party", "Saaja/Maksja", wrap=True),
        Column("desc", "Selgitus", wrap=True, truth=DESC),
        Column("amt", "Summa", "r"),
        Column("dk", "D/K", "c"),
    ]
    body = framed(
        {"desc": "Algsaldo", "amt": FR.magnitude(acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {"desc": "Lõppsaldo", "amt": FR.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("rows", "grid", "none")), (130, 210))
    LinedTable(flow, columns, style).draw(body)
    _turnover(flow, acc)


def _seb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        party, text = _split(t)
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "desc": f"{party}\n{text}" if party else text,
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
            "bal": signed(FR, t.balance),
        }

    columns = [
        Column("date", "Kuupäev"),
        Column("desc", "Selgitus", wrap=True, truth=DESC),
        Column("out", "Deebet", "r"),
        Column("in", "Kreedit", "r"),
        Column("bal", "Saldo", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Saldo järgmisele lehele", "bal": signed(FR, b)},
        brought=lambda b: {"desc": "Saldo eelmiselt lehelt", "bal": signed(FR, b)},
    )
    body = framed(
        {"desc": "Algsaldo", "bal": signed(FR, acc.opening)},
        rows(acc, 0, log, cells),
        {
            "desc": "KOKKU",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {"desc": "Lõppsaldo", "bal": signed(FR, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "header")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _lhv(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("Algsaldo", f"{signed(DOT, acc.opening)} EUR"),
            ("Lõppsaldo", f"{signed(DOT, acc.closing)} EUR"),
        ],
        0.4,
    )

    def cells(t: Txn) -> dict[str, str]:
        party, text = _split(t)
        return {
            "date": fmt_date(t.day, "YYYY-MM-DD"),
            "party": party,
            "iban": f"EE{serial(t, 18)}" if t.kind in TRANSFERS else "",
            "desc": text,
            "ref": serial(t, 7) if t.kind == "utility" else "",
            "amt": signed(DOT, t.amount),
            "arch": f"{fmt_date(t.day, 'YYYYMMDD')}{serial(t, 8)}",
        }

    columns = [
        Column("date", "Kuupäev"),
        Column("party", "Saaja/maksja nimi", wrap=True),
        Column("iban", "Saaja/maksja konto"),
        Column("desc", "Selgitus", wrap=True, truth=DESC),
        Column("ref", "Viitenumber"),
        Column("amt", "Summa", "r"),
        Column("arch", "Arhiveerimistunnus"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (90, 150))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))


EE_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "swedbank": _swedbank,
    "seb": _seb,
    "lhv": _lhv,
}


def ee_valjavote(rng: Random) -> Built:
    variant = rng.choice(sorted(EE_TABLES))
    code = {"swedbank": "22", "seb": "10", "lhv": "77"}[variant]
    mask = f"EE{rng.randint(10, 99)}{code}00{rng.randint(10**7, 10**8 - 1)}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery")
    plan = Plan(
        "Arvelduskonto", rng.randint(24, 56), (300, 3200), pool=pool, cheques=False, mask=mask
    )
    names = (rng.choice(EE_BANKS), EE_TOWNS, rng.choice(EE_HOLDERS))
    st = local_statement(rng, ESTONIA, names, [plan], period(rng), EE_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD.MM.YYYY')} - {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [
        ("Konto omanik", st.holder.name),
        ("Konto", acc.masked),
        ("Valuuta", "EUR"),
        ("Periood", span),
    ]
    fonts = (DEJAVU,) if variant != "lhv" else (DEJAVU, HELVETICA)
    paper = PageSpec.vary(rng, fonts=fonts, size=(6.0, 7.5))
    flow = start(
        rng,
        st,
        paper,
        ("KONTOVÄLJAVÕTE", details),
        rng.choice(("Lehekülg {n}/{total}", "{n} / {total}")),
        LEGAL,
        f"Kontoväljavõte {acc.masked}",
    )
    log = TruthLog()
    EE_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "ee_valjavote",
        "Estonian kontoväljavõtted (Swedbank / SEB / LHV style): EUR, Estonian titles with õ, "
        "ä, ö and ü; DD.MM.YYYY dates, the Saaja/Maksja beside the Selgitus, an unsigned Summa "
        "with a D/K column, no running balance between Algsaldo and Lõppsaldo rows, 1 234,56; "
        "or Deebet / Kreedit / Saldo with KOKKU totals and balances carried across pages; or "
        "ISO dates, one signed Summa ungrouped with a dot decimal (-1234.56), the "
        "counterparty's account, Viitenumber and Arhiveerimistunnus columns",
        ee_valjavote,
    ),
)
