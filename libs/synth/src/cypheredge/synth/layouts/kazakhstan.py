"""Family from Kazakhstan: the выписки of Kaspi Bank and Halyk Bank, in Russian.

Held out in the fourth split; tuned on since that split was scored.

Kaspi follows two public Kaspi parsers written on its PDF statements (a Python
kaspi_statement_parser.py and a Java KaspiBankStatementParserService): the card statement prints
rows `Дата Сумма Операция Детали` with dates `05.11.25`, amounts with the tenge sign and a sign
in front, parted from the figure by a space (`- 299,00 ₸`, `+ 1 000,50 ₸`, groups of three parted
by spaces), operation types such as Покупка, Перевод, Пополнение, Снятие and Разное, the details
after them, a `Краткое содержание операций` summary, the card as `*1234` and the account as
`KZ...`; the app lists the newest operation first. Halyk follows a public Halyk Bank parser for
individual statements (parser.py of a "type B" Halyk reader: `АО "Народный Банк Казахстана"` in
the header and the columns Дата проведения операции, Дата обработки операции, Описание
операции, Сумма операции, Валюта операции, Приход в валюте счета, Расход в валюте счета,
Комиссия and № карточки/счета, dates `10.03.2024`, totals in a footer) and a Halyk business
statement parser (halyk_transactions_parser.py: Дата, Номер документа, Дебет, Кредит, the
counterparty's name with its 12-digit ИИН/БИН, Детали платежа). Kazakh names and towns (Қарағанды,
Айгерім) carry the letters of the Kazakh Cyrillic alphabet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from random import Random

from reportlab.lib.pagesizes import A4, landscape

from cypheredge.synth.formats import FR, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_north import KAZAKHSTAN
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
KZ_BANKS = ('АО "Дала Банк"', 'АО "Тұран Банк"', 'АО "Алтын Банк"')
KZ_TOWNS = ("050000, г. Алматы", "010000, г. Астана", "160000, г. Шымкент", "100000, г. Қарағанды")
KZ_STREETS = ("пр. Абая, {n}", "ул. Сәтпаева, {n}", "пр. Достык, {n}", "ул. Кенесары, {n}")
KZ_HOLDERS = ("Жанибеков Ерлан Серікұлы", "Ахметова Айгерім", "Ким Дмитрий Олегович")
KINDS = ("Пополнения", "Переводы", "Покупки", "Снятия", "Разное")
# operation type -> the summary line it counts in
SUMMARY = {"Пополнение": 0, "Перевод": 1, "Покупка": 2, "Возврат": 2, "Снятие": 3, "Разное": 4}
# operations whose details name the counterparty (the rest go through the bank itself)
PARTIES = ("Перевод", "Пополнение", "Покупка", "Возврат")
ABROAD = ("APPLE.COM/BILL", "AliExpress", "Booking.com", "Trip.com")
LEGAL = "Депозиты физических лиц гарантируются АО «Казахстанский фонд гарантирования депозитов»."


def _tenge(value: Decimal) -> str:
    """Kaspi's `- 5 000,00 ₸` / `+ 10 000,00 ₸`."""
    return f"{'-' if value < 0 else '+'} {FR.magnitude(value)} ₸"


def _split(t: Txn) -> tuple[str, str]:
    lines = parts(t)
    return lines[0], " ".join(lines[1:])


def _summary(acc: Account) -> list[tuple[str, str]]:
    sums = [Decimal(0)] * len(KINDS)
    for t in acc.txns:
        sums[SUMMARY.get(_split(t)[0], 4)] += t.amount
    return [(label, _tenge(value)) for label, value in zip(KINDS, sums, strict=True)]


def _kaspi(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    first, last = fmt_date(st.start, "DD.MM.YY"), fmt_date(st.end, "DD.MM.YY")
    heading(flow, "Краткое содержание операций по карте:", underline=False)
    lines = [(f"Доступно на {first}", _tenge(acc.opening)), *_summary(acc)]
    figures(flow, [*lines, (f"Доступно на {last}", _tenge(acc.closing))], 0.4)

    def cells(t: Txn) -> dict[str, str]:
        kind, details = _split(t)
        return {"date": fmt_date(t.day, "DD.MM.YY"), "amt": _tenge(t.amount)} | {
            "kind": kind,
            "desc": details,
        }

    columns = [
        Column("date", "Дата"),
        Column("amt", "Сумма", "r"),
        # `Операция` names the kind of payment (`Покупка`, `Перевод`): the row's type, as
        # Bulgarian banks' `Операция` column and every `Type` column is.
        Column("kind", "Операция", truth="type"),
        Column("desc", "Детали", wrap=True, truth=DESC),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("none", "rows")), (220, 320))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells, balance=lambda t: False))


def _halyk(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, rate = st.accounts[0], Decimal(rng.randint(44000, 52000)) / 100
    page_note(flow, f"Входящий остаток: {FR.magnitude(acc.opening)} KZT", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        kind, details = _split(t)
        abroad = kind == "Покупка" and int(digits(t, 1)) < 3
        shown = ABROAD[int(digits(t, 2)) % len(ABROAD)] if abroad else details
        day = fmt_date(t.day, "DD.MM.YYYY")
        return {
            "date": day,
            "done": fmt_date(t.value_day, "DD.MM.YYYY"),
            "desc": f"{kind}. {shown}" if shown else kind,
            "sum": FR.magnitude(t.amount / rate if abroad else t.amount),
            "cur": "USD" if abroad else "KZT",
            "in" if t.amount >= 0 else "out": FR.magnitude(t.amount),
            "fee": "0,00",
            "card": f"{acc.masked[:6]}...{acc.masked[-4:]}" if kind == "Покупка" else acc.masked,
        }

    columns = [
        Column("date", "Дата\nпроведения\nоперации"),
        Column("done", "Дата\nобработки\nоперации"),
        Column("desc", "Описание операции", wrap=True, truth=DESC),
        Column("sum", "Сумма\nоперации", "r"),
        Column("cur", "Валюта\nоперации"),
        Column("in", "Приход в\nвалюте счета", "r"),
        Column("out", "Расход в\nвалюте счета", "r"),
        Column("fee", "Комиссия", "r"),
        Column("card", "№ карточки/счета"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    _footer(flow, acc, ("Итого приход:", "Итого расход:", "Исходящий остаток:"))


def _footer(flow: Flow, acc: Account, labels: Sequence[str]) -> None:
    values = (acc.total_credits, acc.total_debits, acc.closing)
    figures(flow, [(k, FR.magnitude(v)) for k, v in zip(labels, values, strict=True)], 0.4)


def _bin(t: Txn) -> str:
    return serial(t, 12)


def _business(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"Входящий остаток: {FR.magnitude(acc.opening)}", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        kind, details = _split(t)
        party = details.removeprefix("Заработная плата ") if kind in PARTIES else st.bank.name
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "doc": digits(t, 4).lstrip("0") or "1",
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
            "party": f"{party}\nИИН/БИН {_bin(t)}",
            "desc": f"{kind}: {details}" if details else kind,
        }

    columns = [
        Column("date", "Дата"),
        Column("doc", "Номер\nдокумента", "r"),
        Column("out", "Дебет", "r"),
        Column("in", "Кредит", "r"),
        Column("party", "Контрагент\n(наименование, ИИН/БИН)", wrap=True, truth=DESC),
        Column("desc", "Детали платежа", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("grid", "header")), (140, 220))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    _footer(flow, acc, ("Обороты по кредиту:", "Обороты по дебету:", "Исходящий остаток:"))


KZ_TABLES = {"kaspi": _kaspi, "halyk": _halyk, "business": _business}
PAPERS = {"kaspi": (A4,), "halyk": (landscape(A4),), "business": (A4,)}


def _details(rng: Random, st: Statement, variant: str) -> list[tuple[str, str]]:
    acc = st.accounts[0]
    if variant == "kaspi":
        card = f"*{digits(acc.txns[0], 4)}"
        return [
            ("Номер карты:", card),
            ("Номер счета:", acc.masked),
            ("Валюта счета:", "тенге"),
            (f"Доступно на {fmt_date(st.end, 'DD.MM.YY')}:", _tenge(acc.closing)),
        ]
    span = f"с {fmt_date(st.start, 'DD.MM.YYYY')} по {fmt_date(st.end, 'DD.MM.YYYY')}"
    return [
        ("ИИН/БИН:", f"{rng.randint(10**11, 10**12 - 1)}"),
        ("Счет:", acc.masked),
        ("Валюта счета:", "KZT"),
        ("Период:", span),
    ]


def kz_vypiska(rng: Random) -> Built:
    variant = rng.choice(sorted(KZ_TABLES))
    bank, account = rng.choice(("722", "601", "998")), rng.randint(10**7, 10**8 - 1)
    mask = f"KZ{rng.randint(10, 99)}{bank}C{account}{{last4}}"
    plan = Plan(
        "Текущий счет",
        rng.randint(22, 46),
        (200, 2500),
        pool=(*EVERYDAY, "card", "grocery", "transfer_out"),
        cheques=False,
        mask=mask,
    )
    holder = rng.choice(KZ_HOLDERS)
    names = (rng.choice(KZ_BANKS), KZ_TOWNS, f"ИП {holder}" if variant == "business" else holder)
    st = local_statement(rng, KAZAKHSTAN, names, [plan], period(rng), KZ_STREETS)
    span = f"с {fmt_date(st.start, 'DD.MM.YY')} по {fmt_date(st.end, 'DD.MM.YY')}"
    title = "ВЫПИСКА" if variant == "kaspi" else "ВЫПИСКА ПО СЧЕТУ"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5), paper=PAPERS[variant]),
        (title, _details(rng, st, variant)),
        rng.choice(("Страница {n} из {total}", "{n}/{total}")),
        LEGAL,
        f"Выписка {st.accounts[0].masked}",
    )
    if variant == "kaspi":
        page_note(flow, f"по карте Gold за период {span}", size=flow.spec.size * 1.2, gray=0.0)
    log = TruthLog()
    KZ_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, FR)


LAYOUTS = (
    Layout(
        "kz_vypiska",
        "Kazakh выписки in Russian (Kaspi / Halyk style): Cyrillic with Kazakh letters, "
        "1 234,56 amounts and the tenge; rows newest first as Дата / Сумма / Операция / Детали "
        "with `- 5 000,00 ₸` and `+ 10 000,00 ₸`, two-digit years and a summary by operation "
        "type; or nine columns with the processing date, the operation's own amount and "
        "currency, Приход / Расход in the account's currency, a commission and the card or "
        "account; or a business statement with document numbers, Дебет / Кредит and the "
        "counterparty's ИИН/БИН",
        kz_vypiska,
    ),
)
