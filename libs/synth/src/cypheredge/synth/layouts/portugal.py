"""Family from Portugal: the extratos of Millennium bcp, BPI and Caixa Geral de Depósitos.

Held out in the fourth split; tuned on since that split was scored.

Millennium bcp follows a public Millennium BCP bank profile (bcpPtProfile: `Extrato de conta`,
IBAN PT50 and NIB lines, dates DD/MM/YYYY, amounts `1.234,56` with the euro sign after them,
debit and credit columns before the balance, `Saldo anterior` and `Saldo atual` rows, descriptions
over at most two lines). BPI follows the statement lines of a public condominium-accounts project
(analyze_full_statement.py of vmsebas/gestor-condominos, a BPI extract of 2021-2025): upper-case
narrations without accents such as `TRF CR SEPA+ 0000030 DE ...`, `TRF CR INTRAB 492 DE ...`,
`DD SU ELETRICIDADE, S.A. 100000862991`, `MANUTENCAO DE CONTA VALOR NEGOCIOS OUT 2025` with the
month as Portuguese banks abbreviate it, one signed amount (`-7,99`), and the stamp duty on each
bank charge posted as a row of its own right after it (`IMPOSTO DE SELO OUT 2025`, 4%: 0,32 on
7,99). Caixa Geral de Depósitos is modelled on the same Portuguese conventions (Data mov. and Data
valor, Descritivo, Débito / Crédito, the book balance), with thinner public sources.
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, page_note, segments
from cypheredge.synth.layouts.local_levies import levied
from cypheredge.synth.layouts.local_print import narrate, side
from cypheredge.synth.layouts.local_regions_north import PORTUGAL
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
PT_BANKS = ("Banco Atlantico Portugues, S.A.", "Caixa do Douro, S.A.", "Banco Lusitano, S.A.")
PT_TOWNS = ("1250-096 Lisboa", "4000-322 Porto", "4710-228 Braga", "3000-150 Coimbra")
PT_STREETS = ("Av. da Liberdade, {n}", "Rua de Santa Catarina, {n}", "Praça do Comércio, {n}")
PT_HOLDERS = ("RITA ALEXANDRA MARQUES", "NUNO MIGUEL PEREIRA", "HELENA SOFIA CARVALHO")
PT_MONTHS = ("JAN", "FEV", "MAR", "ABR", "MAI", "JUN", "JUL", "AGO", "SET", "OUT", "NOV", "DEZ")
STAMP = Decimal("0.04")
LEGAL = "Depósitos garantidos pelo Fundo de Garantia de Depósitos até 100.000 € por depositante."


def _lines(t: Txn) -> list[str]:
    month = f"{PT_MONTHS[t.day.month - 1]} {t.day.year}"
    return [narrate(p, t.day).replace("@PTMON", month) for p in segments(t)]


def _euro(value: Decimal) -> str:
    return f"{signed(DE, value)} €"


def _millennium(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Saldo anterior", "Total a crédito", "Total a débito", "Saldo atual")
    totals(flow, acc, "Resumo", labels, _euro, 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": "\n".join(_lines(t)[:2]),
            "bal": signed(DE, t.balance),
        } | side(DE, t)

    columns = [
        Column("date", "Data Lanc."),
        Column("value", "Data Valor"),
        Column("desc", "Descrição", wrap=True, truth=DESC),
        Column("out", "Débito", "r"),
        Column("in", "Crédito", "r"),
        Column("bal", "Saldo", "r"),
    ]
    body = framed(
        {"desc": "SALDO ANTERIOR", "bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "SALDO ATUAL", "bal": signed(DE, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("rows", "header")), (180, 270))
    LinedTable(flow, columns, style).draw(body)


def _bpi(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"Saldo inicial: {signed(DE, acc.opening)} EUR", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "value": fmt_date(t.value_day, "DD-MM-YYYY"),
            "desc": " ".join(_lines(t)),
            "amt": signed(DE, t.amount),
            "bal": signed(DE, t.balance),
        }

    columns = [
        Column("date", "Data Mov."),
        Column("value", "Data Valor"),
        Column("desc", "Descrição do Movimento", wrap=True, truth=DESC),
        Column("amt", "Montante", "r"),
        Column("bal", "Saldo", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    page_note(flow, f"Saldo final: {signed(DE, acc.closing)} EUR", gray=0.0)


def _cgd(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "value": fmt_date(t.value_day, "DD-MM-YYYY"),
            "desc": "\n".join(_lines(t)),
            "bal": signed(DE, t.balance),
        } | side(DE, t)

    columns = [
        Column("date", "Data mov."),
        Column("value", "Data valor"),
        Column("desc", "Descritivo", wrap=True, truth=DESC),
        Column("out", "Débito", "r"),
        Column("in", "Crédito", "r"),
        Column("bal", "Saldo\ncontabilístico", "r"),
    ]
    body = framed(
        {"date": fmt_date(st.start, "DD-MM-YYYY"), "desc": "SALDO INICIAL"}
        | {"bal": signed(DE, acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 250))
    LinedTable(flow, columns, style).draw(body)
    _cgd_totals(flow, acc)


def _cgd_totals(flow: Flow, acc: Account) -> None:
    for line in (
        f"Total de movimentos a débito: {DE.magnitude(acc.total_debits)}",
        f"Total de movimentos a crédito: {DE.magnitude(acc.total_credits)}",
        f"Saldo final: {signed(DE, acc.closing)}",
    ):
        page_note(flow, line, size=flow.spec.size, gray=0.0)


PT_TABLES = {"millennium": _millennium, "bpi": _bpi, "cgd": _cgd}


def _iban(rng: Random, masked: str) -> str:
    digits = f"0033{rng.randint(1000, 9999)}{masked.replace(' ', '')}{rng.randint(10, 99)}"
    plain = f"PT50{digits}"
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def pt_extrato(rng: Random) -> Built:
    variant = rng.choice(sorted(PT_TABLES))
    mask = f"{rng.randint(10**6, 10**7 - 1)}{{last4}}"
    count = rng.randint(22, 46)
    pool = (*EVERYDAY, "card", "grocery")
    plan = Plan("Conta à Ordem", count, (300, 3000), pool=pool, cheques=False, mask=mask)
    names = (rng.choice(PT_BANKS), PT_TOWNS, rng.choice(PT_HOLDERS))
    st = local_statement(rng, PORTUGAL, names, [plan], period(rng), PT_STREETS)
    st = levied(st, lambda t: t.kind == "fee", STAMP, "IMPOSTO DE SELO @PTMON")
    acc = st.accounts[0]
    iban = _iban(rng, acc.masked)
    span = f"De {fmt_date(st.start, 'DD/MM/YYYY')} a {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [("Conta", acc.masked), ("IBAN", iban), ("Moeda", "EUR"), ("Período", span)]
    if variant == "millennium":
        details.insert(2, ("NIB", iban[5:].replace(" ", "")))
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("EXTRATO DE CONTA" if variant != "cgd" else "EXTRATO INTEGRADO", details),
        rng.choice(("Página {n} de {total}", "Pág. {n}/{total}")),
        LEGAL,
        f"Extrato {acc.masked}",
    )
    log = TruthLog()
    PT_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "pt_extrato",
        "Portuguese extratos (Millennium bcp / BPI / CGD style): Portuguese headers, 1.234,56 "
        "and the euro after the figure; Data Lanc. / Data Valor, descriptions over at most two "
        "lines, Débito / Crédito and Saldo between SALDO ANTERIOR and SALDO ATUAL rows with a "
        "summary box; or upper-case BPI narrations (TRF CR SEPA+, DD ..., MANUTENCAO DE CONTA "
        "OUT 2025) with one signed Montante; or a book balance titled Saldo contabilístico and "
        "totals after the table; the 4% stamp duty (IMPOSTO DE SELO) posted after each charge",
        pt_extrato,
    ),
)
