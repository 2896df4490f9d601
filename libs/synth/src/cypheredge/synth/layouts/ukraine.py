"""Family from Ukraine: the виписки of PrivatBank, monobank and UKRSIBBANK.

Held out in the fourth split; tuned on since that split was scored.

Modelled on two public parsers of Ukrainian statements. PrivatBank follows a PrivatBank PDF parser
(PrivatBankPdfParser: `АТ КБ "..." , ЄДРПОУ 14360570` and `Клієнт ..., ЄДРПОУ ...` in the header,
`Поточний рахунок №UA...`, a balances row above a two-storey header, the document number, the
date with the time `DD.MM.YYYY HH:MM`, a signed amount with a decimal comma, the purpose of payment
and the counterparty's details split over lines with `ЄДРПОУ:` and `Рахунок: UA...`) and
AndrewMysliuk/finagent-sandbox (statement_parser/privatbank.ts: Номер документа, Дата та час
операції, Сума, Сума екв. грн. only on a foreign-currency account, Призначення платежу,
Реквізити контрагента, the table starting after `вихідний залишок`). monobank follows the same
project's monobank.ts: nine columns (date and time, details, counterparty details or `—`, the
amount in the operation's currency, the currency, its equivalent at the NBU rate, the rate, the
commission and the balance), a header row that starts with `Дата та час`. UKRSIBBANK follows its
ukrsibbank.ts: `Дата опер.`, Номер документа, separate Дебет and Кредит, Реквізити контрагента,
Призначення платежу and `Валюта: UAH` on the first page. Amounts are printed `1 234,56`.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import A4, landscape

from cypheredge.synth.formats import FR, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    local_statement,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_print import figures, narrate, serial
from cypheredge.synth.layouts.local_regions_north import UKRAINE
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
UA_BANKS = ('АТ КБ "ДНІПРОВСЬКИЙ"', 'АТ "БАНК КАРПАТІЯ"', 'АТ "ПОЛТАВА-КРЕДИТ БАНК"')
UA_TOWNS = ("01001, м. Київ", "79000, м. Львів", "65000, м. Одеса", "49000, м. Дніпро")
UA_STREETS = ("вул. Хрещатик, {n}", "вул. Січових Стрільців, {n}", "просп. Шевченка, {n}")
UA_HOLDERS = ("Мельник Оксана Петрівна", "Кравченко Сергій Іванович", "Олійник Юлія Василівна")
CARDS = ("grocery", "card", "refund", "atm")
ABROAD = ("Netflix.com", "AliExpress", "Steam", "Booking.com")
# monobank's nine columns need a landscape page.
PAPERS = {"privat": (A4,), "mono": (landscape(A4),), "ukrsib": (A4,)}
LEGAL = "Вклади фізичних осіб гарантуються Фондом гарантування вкладів фізичних осіб."


def _money(value: Decimal) -> str:
    return signed(FR, value)


def _parts(t: Txn) -> tuple[str, str]:
    """The purpose of payment and the counterparty (empty for card operations)."""
    lines = [narrate(p, t.day) for p in segments(t)]
    purpose = lines[0]
    if t.kind in ("grocery", "card"):
        purpose = f"Оплата товарів і послуг: {purpose}"
    return purpose, " ".join(lines[1:])


def _iban(t: Txn) -> str:
    return f"UA{digits(t, 2)}{serial(t, 6)}0000026{serial(t, 12)}"


def _party(t: Txn, name: str) -> str:
    """Реквізити контрагента: the name, its code and its account, each on a line of its own."""
    if not name:
        return ""
    code = "РНОКПП" if t.kind in ("transfer_out", "transfer_in", "rent") else "ЄДРПОУ"
    return f"{name}\n{code}: {serial(t, 8 if code == 'ЄДРПОУ' else 10)}\nРахунок: {_iban(t)}"


def _privat(flow: Flow, rng: Random, st: Statement, log: TruthLog, rate: Decimal) -> None:
    acc = st.accounts[0]
    foreign = acc.currency != "UAH"
    page_note(flow, f"Вхідний залишок: {_money(acc.opening)} {acc.currency}", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        purpose, name = _parts(t)
        return {
            "doc": "" if t.kind in CARDS else serial(t, 7),
            "date": f"{fmt_date(t.day, 'DD.MM.YYYY')}\n{clock(t)}",
            "amt": _money(t.amount),
            "uah": _money(t.amount * rate),
            "desc": purpose,
            "party": _party(t, name),
        }

    columns = [
        Column("doc", "Номер\nдокумента"),
        Column("date", "Дата та час\nоперації"),
        Column("amt", "Сума", "r"),
        *([Column("uah", "Сума екв.\nгрн.", "r")] if foreign else []),
        Column("desc", "Призначення платежу", wrap=True, truth=DESC),
        Column("party", "Реквізити контрагента", wrap=True),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (130, 200))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    page_note(flow, f"Вихідний залишок: {_money(acc.closing)} {acc.currency}", gray=0.0)
    _turnover(flow, acc, "Обороти: дебет", "кредит")


def _turnover(flow: Flow, acc: Account, debit: str, credit: str) -> None:
    line = f"{debit} {FR.magnitude(acc.total_debits)}, {credit} {FR.magnitude(acc.total_credits)}"
    page_note(flow, line, gray=0.0)


def _mono(flow: Flow, rng: Random, st: Statement, log: TruthLog, rate: Decimal) -> None:
    acc = st.accounts[0]
    figures(
        flow,
        [
            ("Залишок на початок періоду", FR.magnitude(acc.opening)),
            ("Надходження", FR.magnitude(acc.total_credits)),
            ("Витрати", FR.magnitude(acc.total_debits)),
            ("Залишок на кінець періоду", FR.magnitude(acc.closing)),
        ],
        0.45,
    )

    def cells(t: Txn) -> dict[str, str]:
        purpose, name = _parts(t)
        abroad = t.kind == "card" and int(digits(t, 1)) < 3
        seconds = f"{int(digits(t, 2)) % 60:02d}"
        out = {
            "date": f"{fmt_date(t.day, 'DD.MM.YYYY')} {clock(t)}:{seconds}",
            "desc": f"{ABROAD[int(digits(t, 1)) % len(ABROAD)]}" if abroad else purpose,
            "party": name or "—",
            "amt": _money(t.amount),
            "cur": "UAH",
            "nbu": "—",
            "rate": "—",
            "fee": "—",
            "bal": FR.magnitude(t.balance),
        }
        if abroad:
            out |= {"amt": _money(t.amount / rate), "cur": "USD", "nbu": _money(t.amount)}
            out["rate"] = f"{rate:.4f}".replace(".", ",")
        return out

    columns = [
        Column("date", "Дата та час\nоперації"),
        Column("desc", "Деталі операції", wrap=True, truth=DESC),
        Column("party", "Реквізити\nконтрагента"),
        Column("amt", "Сума\nоперації", "r"),
        Column("cur", "Валюта"),
        Column("nbu", "Еквівалент\nза курсом\nНБУ, грн", "r"),
        Column("rate", "Курс", "r"),
        Column("fee", "Комісія,\nгрн", "r"),
        Column("bal", "Залишок\nпісля\nоперації", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (110, 170))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _ukrsib(flow: Flow, rng: Random, st: Statement, log: TruthLog, rate: Decimal) -> None:
    acc = st.accounts[0]
    page_note(flow, f"Валюта: {acc.currency}", gray=0.0)
    page_note(flow, f"Вхідний залишок: {FR.magnitude(acc.opening)}", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        purpose, name = _parts(t)
        return {
            "date": f"{fmt_date(t.day, 'DD.MM.YYYY')}\n{clock(t)}",
            "doc": serial(t, 9) if name else "",
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
            "party": _party(t, name).replace("\n", " "),
            "desc": purpose,
        }

    columns = [
        Column("date", "Дата опер."),
        Column("doc", "Номер\nдокумента"),
        Column("out", "Дебет", "r"),
        Column("in", "Кредит", "r"),
        Column("party", "Реквізити контрагента", wrap=True),
        Column("desc", "Призначення платежу", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("grid", "header")), (140, 210))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    _turnover(flow, acc, "Обороти за період: Дебет", "Кредит")
    page_note(flow, f"Вихідний залишок: {FR.magnitude(acc.closing)}", gray=0.0)


UA_TABLES = {"privat": _privat, "mono": _mono, "ukrsib": _ukrsib}


def ua_vypyska(rng: Random) -> Built:
    variant = rng.choice(sorted(UA_TABLES))
    dollars = variant == "privat" and rng.random() < 0.4
    region = replace(UKRAINE, currency="USD", scale=Decimal(1)) if dollars else UKRAINE
    bank, account = rng.randint(300000, 399999), rng.randint(10**5, 10**6 - 1)
    mask = f"UA{rng.randint(10, 99)}{bank}00000260{account}{{last4}}"
    count = rng.randint(20, 44)
    plan = Plan(
        "Поточний рахунок", count, (300, 3000), pool=(*EVERYDAY, "card"), cheques=False, mask=mask
    )
    names = (rng.choice(UA_BANKS), UA_TOWNS, rng.choice(UA_HOLDERS))
    st = local_statement(rng, region, names, [plan], period(rng), UA_STREETS)
    acc = st.accounts[0]
    span = f"з {fmt_date(st.start, 'DD.MM.YYYY')} по {fmt_date(st.end, 'DD.MM.YYYY')}"
    details = [
        ("Клієнт:", st.holder.name),
        ("РНОКПП:", f"{rng.randint(10**9, 10**10 - 1)}"),
        ("Поточний рахунок №", acc.masked),
        ("Валюта:", acc.currency),
        ("Період:", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5), paper=PAPERS[variant]),
        ("ВИПИСКА З РАХУНКУ", details),
        rng.choice(("Сторінка {n} з {total}", "{n} / {total}")),
        LEGAL,
        f"Виписка {acc.masked}",
    )
    page_note(flow, f"{st.bank.name}, ЄДРПОУ {rng.randint(10**7, 10**8 - 1)}", gray=0.0)
    rate = Decimal(rng.randint(3950, 4250)) / 100
    log = TruthLog()
    UA_TABLES[variant](flow, rng, st, log, rate)
    return Built(flow, st, log, FR)


LAYOUTS = (
    Layout(
        "ua_vypyska",
        "Ukrainian виписки (PrivatBank / monobank / UKRSIBBANK style): Ukrainian Cyrillic "
        "headers and narrations, 1 234,56 amounts; the document number, the date over the time, "
        "one signed Сума (with Сума екв. грн. on a dollar account), the purpose and the "
        "counterparty's name, ЄДРПОУ / РНОКПП and IBAN over lines, opening and closing balances "
        "outside the table; or nine columns with the operation's currency, its NBU equivalent, "
        "the rate, the commission and the balance after each row; or separate Дебет / Кредит "
        "columns, the counterparty before the purpose and turnover lines",
        ua_vypyska,
    ),
)
