"""Families from Italy and the Netherlands (held out in the first split, tuned on since).

it_estratto models the Italian "estratto conto" of Intesa Sanpaolo, UniCredit and BancoPosta as
Italian banks' guides and public parser fixtures describe them: Data contabile / Data valuta /
Descrizione operazioni / Addebiti / Accrediti with no running balance, SALDO INIZIALE and SALDO
FINALE rows inside the table (the amount in the Accrediti or Addebiti column by its sign), a
TOTALE row, 1.234,56 numbers, monthly or quarterly periods, POS narrations that repeat the amount
and the card date ("PAGAMENTO POS 25,40 EUR DEL 02.01.2024 ORE 12:31"), BancoPosta's order with the
amounts before the description, a "riassunto scalare" of value-dated balances after the table and
a legal footer with the bank's share capital.

nl_ing models Dutch prints: ING's overview (Datum / Naam / Omschrijving over several lines /
Rekening / Code / Af Bij / Bedrag (EUR) / Mutatiesoort, the direction in its own Af/Bij column,
Datum/Tijd and Valutadatum lines inside the description, optional Saldo na mutatie), Rabobank's
(dd-mm dates without a year, Type codes, Bedrag af / Bedrag bij, Saldo vorig afschrift / Nieuw
saldo rows) and ABN AMRO's (Boekdatum / Omschrijving / Bij / Af with credits left of debits, BEA
card lines and SEPA Overboeking blocks), from the column names of ING's and others' exports found
in public parsers and the banks' own descriptions.
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    local_statement,
    months_period,
    segments,
    shift,
)
from cypheredge.synth.layouts.local_regions import ITALY, NETHERLANDS
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

IT_BANKS = ("Banca del Lario S.p.A.", "Cassa di Risparmio del Tirreno", "Banca Adriatica Popolare")
IT_TOWNS = ("20121 MILANO MI", "00187 ROMA RM", "10121 TORINO TO", "40121 BOLOGNA BO")
IT_HOLDERS = ("ROSSI MARIO", "BIANCHI GIULIA", "ESPOSITO LUCA", "RICCI FRANCESCA")
IT_STREETS = (
    "Via Roma {n}",
    "Corso Vittorio Emanuele II {n}",
    "Via Garibaldi {n}",
    "Viale Monza {n}",
)
# (column order, titles): Intesa-like, UniCredit-like (two wordings), BancoPosta-like.
IT_PROFILES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("date", "value", "desc", "out", "in"),
        ("Data\ncontabile", "Data\nvaluta", "Descrizione operazioni", "Addebiti", "Accrediti"),
    ),
    (
        ("date", "value", "desc", "out", "in"),
        ("Data", "Valuta", "Descrizione", "Uscite", "Entrate"),
    ),
    (("date", "value", "desc", "out", "in"), ("Data", "Valuta", "Descrizione", "Dare", "Avere")),
    (
        ("date", "value", "out", "in", "desc"),
        (
            "DATA\nCONTABILE",
            "DATA\nVALUTA",
            "ADDEBITI",
            "ACCREDITI",
            "DESCRIZIONE DELLE OPERAZIONI",
        ),
    ),
)
CARD_KINDS = ("grocery", "card")


def _it_text(t: Txn, lines: bool) -> str:
    parts = segments(t)
    if t.kind in CARD_KINDS and parts[0].startswith("PAGAMENTO POS"):
        bought = fmt_date(shift(t.day, len(t.reference) % 3), "DD.MM.YYYY")
        parts[0] = f"PAGAMENTO POS {DE.magnitude(t.amount)} EUR DEL {bought} ORE {clock(t)}"
    return ("\n" if lines else " ").join(parts)


def _it_side(value: Decimal) -> dict[str, str]:
    return {"in" if value >= 0 else "out": DE.magnitude(value)}


def _scalare(flow: Flow, rng: Random, acc: Account, day: str) -> None:
    """Balances by value date: dates and amounts in a table that holds no transaction."""
    running, ends = acc.opening, {}
    for t in sorted(acc.txns, key=lambda t: t.value_day):
        running += t.amount
        ends[t.value_day] = running
    days = sorted(ends)
    body = [
        Row({"day": fmt_date(d, day), "bal": signed(DE, ends[d]), "n": str((nxt - d).days)})
        for d, nxt in zip(days, [*days[1:], days[-1]], strict=True)
    ]
    heading(flow, "RIASSUNTO SCALARE")
    columns = [
        Column("day", "Data valuta"),
        Column("bal", "Saldo per valuta", "r"),
        Column("n", "Giorni", "r"),
    ]
    table = Table(flow, columns, Style.vary(rng, "none"))
    table.measure(body)
    table.widths = [w * 0.5 for w in table.widths]
    table.draw(body)


def _it_table(flow: Flow, rng: Random, st: Statement, day: str) -> TruthLog:
    """SALDO INIZIALE, the movements, an optional TOTALE and SALDO FINALE, in one table."""
    acc, lines = st.accounts[0], rng.random() < 0.7
    order, titles = rng.choice(IT_PROFILES)

    def cells(t: Txn) -> dict[str, str]:
        dates = {"date": fmt_date(t.day, day), "value": fmt_date(t.value_day, day)}
        return dates | {"desc": _it_text(t, lines)} | _it_side(t.amount)

    log = TruthLog()
    total = {"desc": "TOTALE", "out": DE.magnitude(acc.total_debits)}
    total["in"] = DE.magnitude(acc.total_credits)
    body = framed(
        {"date": fmt_date(st.start, day), "desc": "SALDO INIZIALE"} | _it_side(acc.opening),
        rows(acc, 0, log, cells, balance=lambda t: False),
        *([total] if rng.random() < 0.6 else []),
        {"date": fmt_date(st.end, day), "desc": "SALDO FINALE"} | _it_side(acc.closing),
    )
    columns = [_it_column(key, title) for key, title in zip(order, titles, strict=True)]
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (200, 300))
    LinedTable(flow, columns, style).draw(body)
    return log


def it_estratto(rng: Random) -> Built:
    bank, months = rng.choice(IT_BANKS), rng.choice((1, 1, 3))
    count = rng.randint(16, 26) * months
    plan = Plan("Conto corrente", count, (600, 5000), mask="IT** X030 ***{last4}")
    names = (bank, IT_TOWNS, rng.choice(IT_HOLDERS))
    st = local_statement(rng, ITALY, names, [plan], months_period(rng, months), IT_STREETS)
    acc, day = st.accounts[0], rng.choice(("DD.MM.YYYY", "DD/MM/YYYY", "DD.MM.YY"))
    period = f"dal {fmt_date(st.start, 'DD/MM/YYYY')} al {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [("IBAN", acc.masked), ("Periodo", period), ("Valuta", "EUR"), ("Filiale", "00871")]
    abi = rng.randint(100, 999)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng),
        ("ESTRATTO CONTO", details),
        "Pagina {n} di {total}",
        f"{bank} - Capitale Sociale Euro 1.245.380.112,00 - Codice ABI 03{abi}",
        f"Estratto conto {period} - IBAN {acc.masked}",
    )
    labels = ("Saldo iniziale", "Totale accrediti", "Totale addebiti", "Saldo finale")
    totals(flow, acc, "RIEPILOGO CONTO CORRENTE", labels, lambda v: f"{signed(DE, v)} EUR", 0.45)
    log = _it_table(flow, rng, st, day)
    if rng.random() < 0.6:
        _scalare(flow, rng, acc, day)
    return Built(flow, st, log, DE)


def _it_column(key: str, title: str) -> Column:
    if key == "desc":
        return Column(key, title, wrap=True, truth="description")
    return Column(key, title, "r" if key in ("out", "in") else "l")


NL_BANKS = ("Polder Bank N.V.", "Coöperatieve Veenbank U.A.", "Grachten Bank N.V.")
NL_TOWNS = ("1012 AB Amsterdam", "3511 LN Utrecht", "3011 AD Rotterdam", "9711 LM Groningen")
NL_STREETS = ("Kerkstraat {n}", "Prinsengracht {n}", "Dorpsstraat {n}", "Stationsweg {n}")
NL_HOLDERS = ("Dhr. J. de Vries", "Mevr. A.M. Jansen", "Dhr. P. Bakker")
# kind -> (ING code, Mutatiesoort); Rabobank prints its own lower-case type codes.
NL_CODES = {
    "grocery": ("BA", "Betaalautomaat"),
    "card": ("BA", "Betaalautomaat"),
    "atm": ("GM", "Geldautomaat"),
    "utility": ("IC", "Incasso"),
    "loan": ("IC", "Incasso"),
    "salary": ("OV", "Overschrijving"),
    "transfer_in": ("OV", "Overschrijving"),
    "refund": ("OV", "Overschrijving"),
    "transfer_out": ("GT", "Online bankieren"),
    "rent": ("GT", "Online bankieren"),
}
RABO_TYPES = {"BA": "ba", "GM": "ga", "IC": "id", "OV": "tb", "GT": "bg", "DV": "db"}


def _nl_code(t: Txn) -> tuple[str, str]:
    return NL_CODES.get(t.kind, ("DV", "Diversen"))


def _nl_lines(t: Txn, valuta: bool) -> tuple[list[str], str]:
    """ING: the name, then Omschrijving / Datum/Tijd / Valutadatum lines; the IBAN moves to
    the Rekening column."""
    parts = segments(t)
    iban = next((p[6:] for p in parts if p.startswith("IBAN: ")), "")
    lines = [p for p in parts if not p.startswith("IBAN: ")]
    if t.kind in CARD_KINDS or t.kind == "atm":
        lines.append(f"Datum/Tijd: {fmt_date(t.day, 'DD-MM-YYYY')} {clock(t)}")
    if valuta:
        lines.append(f"Valutadatum: {fmt_date(t.value_day, 'DD-MM-YYYY')}")
    return lines, iban


def _abn_lines(t: Txn) -> list[str]:
    """ABN AMRO: BEA (card) and GEA (cash machine) lines with a dd.mm.yy/hh.mm stamp, SEPA
    blocks for transfers and direct debits, the bank's own charges as they are."""
    parts = segments(t)
    if t.kind in (*CARD_KINDS, "atm"):
        stamp = f"{fmt_date(t.day, 'DD.MM.YY')}/{clock(t).replace(':', '.')}"
        head = "GEA, Betaalpas" if t.kind == "atm" else "BEA, Betaalpas"
        return [head, f"{parts[0]},PAS{digits(t, 3)}", f"NR:{t.reference}, {stamp}"]
    if t.kind in ("fee", "interest"):
        return parts
    kind = (
        "SEPA Incasso algemeen doorlopend" if t.kind in ("utility", "loan") else "SEPA Overboeking"
    )
    return [kind, f"Naam: {parts[0]}", *parts[1:]]


NL_DAY = "DD-MM-YYYY"
ING_COLUMNS = (
    Column("date", "Datum"),
    Column("desc", "Naam / Omschrijving", wrap=True, truth="description"),
    Column("iban", "Rekening"),
    Column("code", "Code", "c"),
    Column("dir", "Af Bij", "c"),
    Column("amount", "Bedrag (EUR)", "r"),
    Column("kind", "Mutatiesoort"),
)
RABO_COLUMNS = (
    Column("date", "Datum"),
    Column("desc", "Naam tegenpartij / Omschrijving", wrap=True, truth="description"),
    Column("type", "Type", "c"),
    Column("out", "Bedrag af", "r"),
    Column("in", "Bedrag bij", "r"),
)
ABN_COLUMNS = (
    Column("date", "Boekdatum"),
    Column("desc", "Omschrijving", wrap=True, truth="description"),
    Column("in", "Bij", "r"),
    Column("out", "Af", "r"),
)


def _ing_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    valuta, saldo = rng.random() < 0.5, rng.random() < 0.4

    def cells(t: Txn) -> dict[str, str]:
        lines, iban = _nl_lines(t, valuta)
        code, kind = _nl_code(t)
        return {
            "date": fmt_date(t.day, NL_DAY),
            "desc": "\n".join(lines),
            "iban": iban,
            "code": code,
            "dir": "Bij" if t.amount >= 0 else "Af",
            "amount": DE.magnitude(t.amount),
            "kind": kind,
            "bal": signed(DE, t.balance),
        }

    columns = [*ING_COLUMNS, *([Column("bal", "Saldo na\nmutatie", "r")] if saldo else [])]
    body = rows(acc, 0, log, cells, balance=lambda t: saldo)
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("rows", "none")), (150, 230))).draw(body)


def _rabo_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    value = rng.random() < 0.5

    def cells(t: Txn) -> dict[str, str]:
        code, _ = _nl_code(t)
        text = "\n".join(segments(t))
        return {
            "date": fmt_date(t.day, "DD-MM"),
            "desc": text,
            "type": RABO_TYPES[code],
            "value": fmt_date(t.value_day, "DD-MM"),
        } | _it_side(t.amount)

    columns = [*RABO_COLUMNS, *([Column("value", "Rentedatum")] if value else [])]
    total = {
        "desc": "Totaal",
        "out": DE.magnitude(acc.total_debits),
        "in": DE.magnitude(acc.total_credits),
    }
    body = framed(
        {"desc": "Saldo vorig afschrift"} | _it_side(acc.opening),
        rows(acc, 0, log, cells, balance=lambda t: False),
        total,
        {"desc": "Nieuw saldo"} | _it_side(acc.closing),
    )
    LinedTable(flow, columns, Style.vary(rng, rng.choice(("header", "rows")), (200, 300))).draw(
        body
    )


def _abn_table(flow: Flow, rng: Random, acc: Account, log: TruthLog) -> None:
    def cells(t: Txn) -> dict[str, str]:
        return {"date": fmt_date(t.day, NL_DAY), "desc": "\n".join(_abn_lines(t))} | _it_side(
            t.amount
        )

    body = framed(
        {"desc": "Vorig saldo"} | _it_side(acc.opening),
        rows(acc, 0, log, cells, balance=lambda t: False),
        {"desc": "Nieuw saldo"} | _it_side(acc.closing),
        bold=rng.random() < 0.5,
    )
    LinedTable(flow, ABN_COLUMNS, Style.vary(rng, "none", (230, 320))).draw(body)


NL_TABLES = {"ing": _ing_table, "rabo": _rabo_table, "abn": _abn_table}


def nl_ing(rng: Random) -> Built:
    variant = rng.choice(sorted(NL_TABLES))
    bank = rng.choice(NL_BANKS)
    plan = Plan(
        "Betaalrekening",
        rng.randint(22, 45),
        (300, 3500),
        cheques=False,
        mask="NL** PBNK 0*** ***{last4}",
    )
    names = (bank, NL_TOWNS, rng.choice(NL_HOLDERS))
    st = local_statement(rng, NETHERLANDS, names, [plan], period(rng), NL_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, NL_DAY)} t/m {fmt_date(st.end, NL_DAY)}"
    details = [
        ("IBAN", acc.masked),
        ("Periode", span),
        ("Valuta", "EUR"),
        ("Afschrift", str(st.end.month)),
    ]
    # ING's overview is printed in landscape: eight columns side by side.
    paper = ((842.0, 595.0),) if variant == "ing" else ((595.2756, 841.8898),)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, size=(7.0, 8.5), paper=paper),
        ("Rekeningoverzicht" if variant == "ing" else "Rekeningafschrift", details),
        "Blad {n} van {total}",
        f"{bank} is geregistreerd bij De Nederlandsche Bank en de AFM. KvK 33031431",
        f"{acc.masked} {span}",
    )
    labels = ("Beginsaldo", "Totaal bij", "Totaal af", "Eindsaldo")
    totals(flow, acc, f"Overzicht {span}", labels, lambda v: f"EUR {signed(DE, v)}", 0.45)
    log = TruthLog()
    NL_TABLES[variant](flow, rng, acc, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "it_estratto",
        "Italian estratto conto (Intesa / UniCredit / BancoPosta style): Data contabile and Data "
        "valuta, Addebiti / Accrediti without a balance column, SALDO INIZIALE / TOTALE / SALDO "
        "FINALE rows, 1.234,56, monthly or quarterly, POS lines repeating amount and date, "
        "amounts left of the description in some, riassunto scalare, share capital in the footer",
        it_estratto,
    ),
    Layout(
        "nl_ing",
        "Dutch ING / Rabobank / ABN AMRO style: Naam / Omschrijving over several lines with "
        "Datum/Tijd and Valutadatum inside, a separate Af/Bij direction column and one Bedrag "
        "(EUR), Code and Mutatiesoort, landscape; or dd-mm dates without a year and type codes; "
        "or Bij left of Af with BEA / SEPA blocks; vorig / nieuw saldo rows",
        nl_ing,
    ),
)
