"""br_extrato: a Brazilian current-account extrato (Itaú / Bradesco / Banco do Brasil style), BRL.

Modelled on the text of real extratos that Brazilian parsers in public repositories read
(a Banco do Brasil "Consultas - Extrato de conta corrente" dump with "Dt. balancete",
"Histórico", "Documento", "Valor R$", "Saldo", amounts marked "150,00 C" / "720,00 D", dotted
document numbers such as "11.416.027.758.012", a "Saldo Anterior" row and Pix details on the
line under the history; Itaú's "data / lançamentos / valor (R$) / saldo (R$)" with "SALDO
ANTERIOR" and "SALDO DO DIA" lines that carry the balance while the transactions carry none,
debits with a leading "-" or a trailing "-" ("500,00-"); Bradesco's "Data / Histórico / Docto. /
Crédito (R$) / Débito (R$) / Saldo (R$)" with the date only on a day's first row, the history
over two lines and a Total line). Numbers are 1.234,56; dates dd/mm (Itaú) or dd/mm/aaaa.

Truth: the transactions in printed order; SALDO ANTERIOR, SALDO DO DIA, S A L D O and Total
lines are not transactions; the description is the history with its second line joined by one
space; the balance is the one printed on the row (None on Itaú's transaction rows, which print
none, and on Bradesco/BB rows other than a day's last).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date
from cypheredge.synth.layouts.americas_table import ReadingTable, broken, joined, pairs_block
from cypheredge.synth.layouts.common import Built, rows, statement
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions_americas import BRAZIL
from cypheredge.synth.render.blocks import continuation, footer, heading, note
from cypheredge.synth.render.flow import COURIER, DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style

TOWNS = ("São Paulo - SP 01310-100", "Rio de Janeiro - RJ 20040-002", "Curitiba - PR 80020-000")
HOLDERS = ("MARIA APARECIDA SOUZA", "JOSÉ CARLOS PEREIRA", "ANA BEATRIZ LIMA", "LUCAS ALMEIDA")
NOTES = (
    "Os saldos acima não incluem lançamentos futuros. Limite da conta (cheque especial) "
    "R$ 2.000,00 com taxa de 7,90% a.m.; IOF de 0,38% sobre o valor utilizado.",
    "SAC 0800 728 0728 - Ouvidoria 0800 570 0011 - Atendimento 24 horas 4004 4828.",
)


def _minus(value: Decimal) -> str:
    return f"-{DE.magnitude(value)}" if value < 0 else DE.magnitude(value)


def _trailing(value: Decimal) -> str:
    return f"{DE.magnitude(value)}-" if value < 0 else DE.magnitude(value)


def _cd(value: Decimal) -> str:
    return f"{DE.magnitude(value)} {'D' if value < 0 else 'C'}"


@dataclass(frozen=True)
class Bank:
    key: str
    names: tuple[str, ...]
    day: str  # fmt_date pattern
    money: Callable[[Decimal], str]  # a signed amount or balance as printed


BANKS = (
    Bank("itau", ("Banco Itaperuna S.A.", "Banco Paulista Unido"), "DD/MM", _minus),
    Bank("itau", ("Banco Itaperuna S.A.", "Banco Paulista Unido"), "DD/MM", _trailing),
    Bank("bradesco", ("Banco Bandeirante S.A.", "Banco Bradeirão"), "DD/MM/YYYY", _minus),
    Bank("bb", ("Banco do Planalto S.A.", "Banco Federal do Brasil"), "DD/MM/YYYY", _cd),
)


def br_extrato(rng: Random) -> Built:
    bank = rng.choice(BANKS)
    plan = Plan(
        "Conta Corrente",
        rng.randint(30, 55),
        (200, 3000),
        overdraft=rng.random() < 0.4,
        mask=f"{rng.randint(1000, 9999)} / {{last4}}{rng.randint(0, 9)}-{rng.randint(0, 9)}",
    )
    names = (rng.choice(bank.names), TOWNS, rng.choice(HOLDERS))
    st = statement(rng, BRAZIL, names, [plan], rollover=rng.random() < 0.3)
    acc = st.accounts[0]
    fonts = (HELVETICA, TIMES, DEJAVU) if bank.key != "bb" else (COURIER, HELVETICA)
    spec = PageSpec.vary(rng, fonts=fonts, size=(7.0, 8.5))
    running = f"Agência / Conta {acc.masked}  -  {st.holder.name}"
    flow = Flow(spec, footer("Página {n} de {total}"), "", continuation(st.bank.name, running))
    _header(flow, rng, bank, st)
    log = TruthLog()
    style = Style.vary(rng, rng.choice(("none", "header", "rows")), desc=(170, 290))
    if bank.key == "itau":
        _itau(flow, style, bank, st, log)
    elif bank.key == "bradesco":
        _bradesco(flow, rng, style, bank, st, log)
    else:
        _bb(flow, rng, style, bank, st, log)
    flow.y -= flow.spec.size
    for text in NOTES:
        note(flow, text)
    return Built(flow, st, log, DE)


def _header(flow: Flow, rng: Random, bank: Bank, st: Statement) -> None:
    size, acc = flow.spec.size, st.accounts[0]
    title = {
        "itau": "Extrato conta corrente",
        "bradesco": "Extrato Mensal / Por Período",
        "bb": "Consultas - Extrato de conta corrente",
    }[bank.key]
    flow.text(flow.left, flow.y - size * 1.6, st.bank.name, bold=True, size=size * 1.6)
    flow.text(flow.right, flow.y - size * 1.6, title, bold=True, size=size * 1.2, align="r")
    flow.y -= size * 3.5
    first, last = fmt_date(st.start, "DD/MM/YYYY"), fmt_date(st.end, "DD/MM/YYYY")
    pairs = [
        ("Cliente", st.holder.name),
        ("Agência / Conta", acc.masked),
        ("Período", f"{first} a {last}"),
        (
            "Emitido em",
            f"{fmt_date(st.end + timedelta(days=rng.randint(1, 9)), 'DD/MM/YYYY')}"
            f" {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}",
        ),
    ]
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width * 0.6, pairs)
    flow.y -= size
    heading(flow, "Lançamentos" if bank.key != "bradesco" else "Movimentação")


def _day_marks(acc: Account) -> tuple[set[int], set[int]]:
    """Indexes of each day's first and last transaction."""
    firsts = {t.day: i for i, t in reversed(list(enumerate(acc.txns)))}
    lasts = {t.day: i for i, t in enumerate(acc.txns)}
    return set(firsts.values()), set(lasts.values())


def _before(st: Statement) -> date:
    return st.start - timedelta(days=1)


def _itau(flow: Flow, style: Style, bank: Bank, st: Statement, log: TruthLog) -> None:
    """Transactions without balances, a SALDO DO DIA line after each day's last."""
    acc = st.accounts[0]
    _, lasts = _day_marks(acc)
    columns = [
        Column("date", "data"),
        Column("desc", "lançamentos", wrap=True, truth="description"),
        Column("amount", "valor (R$)", "r"),
        Column("bal", "saldo (R$)", "r"),
    ]
    body = [
        Row(
            {
                "date": fmt_date(_before(st), bank.day),
                "desc": "SALDO ANTERIOR",
                "bal": bank.money(acc.opening),
            },
            bold=True,
        )
    ]
    for i, txn in enumerate(acc.txns):
        truth = log.row(txn, 0, "BRL", balance=False)
        cells = {
            "date": fmt_date(txn.day, bank.day),
            "desc": joined(txn.description),
            "amount": bank.money(txn.amount),
        }
        body.append(Row(cells, truth=truth))
        if i in lasts:
            body.append(
                Row(
                    {
                        "date": fmt_date(txn.day, bank.day),
                        "desc": "SALDO DO DIA",
                        "bal": bank.money(txn.balance),
                    },
                    bold=True,
                )
            )
    ReadingTable(flow, columns, style).draw(body)


BRADESCO_COLUMNS = (
    Column("date", "Data"),
    Column("desc", "Histórico", wrap=True, truth="description"),
    Column("doc", "Docto."),
    Column("in", "Crédito (R$)", "r"),
    Column("out", "Débito (R$)", "r"),
    Column("bal", "Saldo (R$)", "r"),
)
BB_COLUMNS = (
    Column("date", "Dt. balancete"),
    Column("lote", "Lote"),
    Column("desc", "Histórico", wrap=True, truth="description"),
    Column("doc", "Documento", "r"),
    Column("amount", "Valor R$", "r"),
    Column("bal", "Saldo", "r"),
)


def _bradesco(
    flow: Flow, rng: Random, style: Style, bank: Bank, st: Statement, log: TruthLog
) -> None:
    """Date on a day's first row, two-line history, separate credit and debit columns."""
    acc = st.accounts[0]
    firsts, lasts = _day_marks(acc)
    index = {id(t): i for i, t in enumerate(acc.txns)}

    def cells(t: Txn) -> dict[str, str]:
        i = index[id(t)]
        out = {"desc": broken(t.description), "doc": f"{rng.randrange(10**7):07d}"}
        out |= {"in": DE.magnitude(t.amount)} if t.amount >= 0 else {"out": _minus(t.amount)}
        out |= {"date": fmt_date(t.day, bank.day)} if i in firsts else {}
        return out | ({"bal": _minus(t.balance)} if i in lasts else {})

    opening = {"date": fmt_date(_before(st), bank.day), "desc": "SALDO ANTERIOR"}
    body = [Row(opening | {"bal": _minus(acc.opening)}, bold=True)]
    body += rows(acc, 0, log, cells, balance=lambda t: index[id(t)] in lasts)
    total = {
        "desc": "Total",
        "in": DE.magnitude(acc.total_credits),
        "out": _minus(-acc.total_debits),
        "bal": _minus(acc.closing),
    }
    body.append(Row(total, bold=True))
    ReadingTable(flow, BRADESCO_COLUMNS, style).draw(body)


def _bb_cells(rng: Random, bank: Bank, t: Txn, balance: bool) -> dict[str, str]:
    """A Banco do Brasil row: Pix details (date, time, CPF) under the history."""
    text = broken(t.description)
    if "PIX" in t.description:
        clock = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
        text += f"\n{fmt_date(t.day, 'DD/MM')} {clock} {rng.randrange(10**11):011d}"
    doc = DE.magnitude(Decimal(rng.randrange(10**9, 10**15))).split(",")[0]
    out = {
        "date": fmt_date(t.day, bank.day),
        "lote": f"{rng.randrange(10**5):05d}",
        "desc": text,
        "doc": doc,
        "amount": _cd(t.amount),
    }
    return out | ({"bal": _cd(t.balance)} if balance else {})


def _bb(flow: Flow, rng: Random, style: Style, bank: Bank, st: Statement, log: TruthLog) -> None:
    """Amounts and balances marked C/D, dotted document numbers, Pix details on line two."""
    acc = st.accounts[0]
    _, lasts = _day_marks(acc)
    index = {id(t): i for i, t in enumerate(acc.txns)}

    def shown(t: Txn) -> bool:
        return index[id(t)] in lasts

    opening = {"date": fmt_date(_before(st), bank.day), "desc": "Saldo Anterior"}
    body = [Row(opening | {"bal": _cd(acc.opening)}, bold=True)]
    body += rows(acc, 0, log, lambda t: _bb_cells(rng, bank, t, shown(t)), balance=shown)
    closing = {"date": fmt_date(st.end, bank.day), "desc": "S A L D O", "bal": _cd(acc.closing)}
    body.append(Row(closing, bold=True))
    ReadingTable(flow, BB_COLUMNS, style).draw(body)
