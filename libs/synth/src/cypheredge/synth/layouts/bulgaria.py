"""Family from Bulgaria: the извлечения по сметка of Банка ДСК, УниКредит Булбанк and
ОББ (United Bulgarian Bank), in Bulgarian Cyrillic and leva.

Held out in the fifth split; tuned on since that split was scored.

Modelled on public Bulgarian statement extractors. DSK follows a DSK PDF extractor
(extract_dsk_statement.py, written on a real DSK statement and its 21 rows): ТИТУЛЯР, ЕГН/ЕИК,
IBAN BG..STSA.., the period as `от: 01.01.2026 ДО: 31.01.2026`, НАЧАЛНО САЛДО, and rows with the
posting and value dates, the counterparty and its IBAN, a document number, the debit or the
credit and the balance, amounts as `1 472,64`, narrations such as `ФРА 847040558 ПЛАЩАНЕ ПО
Ф-РА` or `ВНОСКА`. UniCredit Bulbank follows the same project's multi-bank extractor (rows
`DD.MM.YYYY DD.MM.YYYY description amount Дебит|Кредит`: an unsigned amount and the direction as
a word after it) and a public bankParsers.ts whose UniCredit CSV has Дата / Операция / Сума /
Валута / Описание, the operation type apart from the description. ОББ follows a UBB PDF
extractor (UBBStatementExtractor): `Титуляр на сметката`, `IBAN:`, `Валута`, `Период на
извлечението: ОТ 01 ЯНУ 2026 ДО 31 ЯНУ 2026` with Bulgarian month abbreviations, `Пореден номер /
Дата`, Начално / Крайно салдо, rows that open with the posting date `05/01/26` and the value date
`05/01`, descriptions over several lines (the type, СЕПА ПОЛУЧЕН or КАРТОВА ТРАНЗАКЦИЯ, then the
party, its IBAN and `ОТ БАНКА:`, or the POS code and a `MERCHANT-CITY-BG` terminal name), one
signed amount in `1,240.25` style, and the period's and the year's turnovers (Обороти /
Натрупани обороти) on the last page. UBB's 2026 statements print every figure in euros and leva
side by side; periods here fall before the euro, so leva alone.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, FR, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import figures, serial
from cypheredge.synth.layouts.local_regions_europe import (
    BULGARIA_DSK,
    BULGARIA_UBB,
    BULGARIA_UNICREDIT,
)
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
# A column titled as the operation is the row's type, as the real samples' truth keeps it.
KIND = "type"
BG_BANKS = ("Балканска Търговска Банка АД", "Банка Родопи ЕАД", "Първа Дунавска Банка АД")
BG_TOWNS = ("1000 София", "4000 Пловдив", "9000 Варна", "8000 Бургас", "5800 Плевен")
BG_STREETS = ("бул. Витоша № {n}", "ул. Граф Игнатиев № {n}", "бул. Мария Луиза № {n}")
BG_HOLDERS = ("ПЕТЪР ИВАНОВ СТОЯНОВ", "ДЕСИСЛАВА ГЕОРГИЕВА", "НИКОЛАЙ ДИМИТРОВ", "ВЕСЕЛИНА КОЛЕВА")
BG_MONTHS = ("ЯНУ", "ФЕВ", "МАР", "АПР", "МАЙ", "ЮНИ", "ЮЛИ", "АВГ", "СЕП", "ОКТ", "НОЕ", "ДЕК")
BICS = {"dsk": "STSA", "unicredit": "UNCR", "ubb": "UBBS"}
TRANSFERS = ("salary", "rent", "utility", "transfer_out", "transfer_in", "loan")
LEGAL = "Депозитите са гарантирани от Фонда за гарантиране на влоговете в банките до 196 000 лв."


def bg_date(day: date) -> str:
    """UBB's `01 ЯНУ 2026`."""
    return f"{day.day:02d} {BG_MONTHS[day.month - 1]} {day.year}"


def _split(t: Txn) -> tuple[str, str]:
    party, _, rest = t.description.partition("|")
    return party.strip(), rest.strip()


def _iban(t: Txn, bic: str) -> str:
    return f"BG{serial(t, 2)}{bic}{serial(t, 16)[2:]}"


def _dsk(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    first, last = fmt_date(st.start, "DD.MM.YYYY"), fmt_date(st.end, "DD.MM.YYYY")
    page_note(flow, f"за периода от: {first} ДО: {last}", size=flow.spec.size, gray=0.0)
    banks = ("UNCR", "UBBS", "BPBI", "FINV", "STSA")

    def cells(t: Txn) -> dict[str, str]:
        party, reason = _split(t)
        party = party or st.bank.name.upper()
        iban = _iban(t, banks[int(digits(t, 1)) % len(banks)]) if t.kind in TRANSFERS else ""
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "party": f"{party}\n{iban}" if iban else party,
            "doc": serial(t, 10 if t.kind in TRANSFERS else 5),
            "desc": reason,
            "out" if t.amount < 0 else "in": FR.magnitude(t.amount),
            "bal": signed(FR, t.balance),
        }

    columns = [
        Column("date", "Дата"),
        Column("value", "Вальор"),
        Column("party", "Контрагент / IBAN", wrap=True),
        Column("doc", "Документ"),
        Column("desc", "Основание", wrap=True, truth=DESC),
        Column("out", "Дебит", "r"),
        Column("in", "Кредит", "r"),
        Column("bal", "Салдо", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "САЛДО ЗА ПРЕНАСЯНЕ", "bal": signed(FR, b)},
        brought=lambda b: {"desc": "ПРЕНЕСЕНО САЛДО", "bal": signed(FR, b)},
    )
    body = framed(
        {"desc": "НАЧАЛНО САЛДО", "bal": signed(FR, acc.opening)},
        rows(acc, 0, log, cells),
        {
            "desc": "ОБОРОТИ",
            "out": FR.magnitude(acc.total_debits),
            "in": FR.magnitude(acc.total_credits),
        },
        {"desc": "КРАЙНО САЛДО", "bal": signed(FR, acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (120, 170))
    LinedTable(flow, columns, style, carry).draw(body)


def _unicredit(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"Начално салдо: {signed(FR, acc.opening)} BGN", size=flow.spec.size, gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        operation, text = _split(t)
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "value": fmt_date(t.value_day, "DD.MM.YYYY"),
            "kind": operation,
            "desc": text,
            "amt": FR.magnitude(t.amount),
            "side": "Дебит" if t.amount < 0 else "Кредит",
        }

    columns = [
        Column("date", "Дата"),
        Column("value", "Вальор"),
        Column("kind", "Операция", wrap=True, truth=KIND),
        Column("desc", "Описание", wrap=True, truth=DESC),
        Column("amt", "Сума", "r"),
        Column("side", "Дебит /\nКредит"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "header", "none")), (140, 220))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    figures(
        flow,
        [
            ("Дебитни обороти:", FR.magnitude(acc.total_debits)),
            ("Кредитни обороти:", FR.magnitude(acc.total_credits)),
            ("Крайно салдо:", f"{signed(FR, acc.closing)} BGN"),
        ],
        0.45,
    )


def _ubb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    number = rng.randint(1, 12)
    for line in (
        f"Период на извлечението: ОТ {bg_date(st.start)} ДО {bg_date(st.end)}",
        f"Пореден номер / Дата: {number} / {bg_date(st.end)}",
        f"Начално салдо: {signed(EN, acc.opening)} BGN",
    ):
        page_note(flow, line, size=flow.spec.size, gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "value": fmt_date(t.value_day, "DD/MM"),
            "desc": "\n".join(parts(t)),
            "amt": f"{signed(EN, t.amount)} BGN",
        }

    columns = [
        Column("date", "Дата"),
        Column("value", "Вальор"),
        Column("desc", "Описание на операцията", wrap=True, truth=DESC),
        Column("amt", "Сума", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (220, 320))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    _turnovers(flow, rng, acc)


def _turnovers(flow: Flow, rng: Random, acc: Account) -> None:
    """The period's turnovers beside the year's so far (the earlier months' are larger)."""
    before = Decimal(rng.randint(2, 9)) * (acc.total_debits + acc.total_credits) / 2
    debits, credits = acc.total_debits, acc.total_credits
    year_debits = (debits + before).quantize(Decimal("0.01"))
    year_credits = (credits + before * Decimal("1.02")).quantize(Decimal("0.01"))
    figures(
        flow,
        [
            ("Обороти:", "", "Натрупани обороти:"),
            (f"Дебит: {EN.magnitude(debits)} BGN", "", f"Дебит: {EN.magnitude(year_debits)} BGN"),
            (
                f"Кредит: {EN.magnitude(credits)} BGN",
                "",
                f"Кредит: {EN.magnitude(year_credits)} BGN",
            ),
            (f"Крайно салдо: {signed(EN, acc.closing)} BGN", ""),
        ],
        0.4,
    )


BG_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "dsk": _dsk,
    "unicredit": _unicredit,
    "ubb": _ubb,
}
BG_REGIONS: dict[str, Region] = {
    "dsk": BULGARIA_DSK,
    "unicredit": BULGARIA_UNICREDIT,
    "ubb": BULGARIA_UBB,
}
BG_NUMBERS: dict[str, NumberStyle] = {"dsk": FR, "unicredit": FR, "ubb": EN}


def bg_izvlechenie(rng: Random) -> Built:
    variant = rng.choice(sorted(BG_TABLES))
    branch, kind = rng.randint(1000, 9999), rng.choice(("10", "40", "00"))
    mask = f"BG{rng.randint(10, 99)}{BICS[variant]}{branch}{kind}{rng.randint(1000, 9999)}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery", "transfer_out")
    plan = Plan(
        "Разплащателна сметка",
        rng.randint(20, 42),
        (300, 3500),
        pool=pool,
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(BG_BANKS), BG_TOWNS, rng.choice(BG_HOLDERS))
    st = local_statement(rng, BG_REGIONS[variant], names, [plan], period(rng), BG_STREETS)
    acc = st.accounts[0]
    if variant == "ubb":
        details = [
            ("Титуляр на сметката", f"{rng.randint(10**5, 10**6 - 1)} {st.holder.name}"),
            ("IBAN:", acc.masked),
            ("Валута", "BGN"),
        ]
    else:
        details = [
            ("ТИТУЛЯР:", st.holder.name),
            ("ЕГН/ЕИК:", f"{rng.randint(10**9, 10**10 - 1)}"),
            ("IBAN:", acc.masked),
            ("ВАЛУТА:", "BGN"),
        ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5)),
        ("ИЗВЛЕЧЕНИЕ ПО СМЕТКА", details),
        rng.choice(("Страница {n} от {total}", "стр. {n}/{total}")),
        LEGAL,
        f"Извлечение по сметка {acc.masked}",
    )
    log = TruthLog()
    BG_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, BG_NUMBERS[variant])


LAYOUTS = (
    Layout(
        "bg_izvlechenie",
        "Bulgarian извлечения по сметка (DSK / UniCredit Bulbank / UBB style): Cyrillic "
        "titles and narrations, BGN; DD.MM.YYYY posting and value dates, the counterparty "
        "and its IBAN in a column of their own, document numbers, Основание, Дебит / Кредит "
        "/ Салдо in 1 472,64 style between НАЧАЛНО and КРАЙНО САЛДО rows with carried "
        "balances at page breaks; or an Операция column (the row's type) beside the Описание, "
        "unsigned amounts with the direction as Дебит or Кредит after them and no balance; "
        "or DD/MM/YY and DD/MM dates, the period with Bulgarian month abbreviations (01 ЯНУ "
        "2024), multi-line descriptions (СЕПА ПОЛУЧЕН, КАРТОВА ТРАНЗАКЦИЯ), one signed amount "
        "in 1,240.25 style and the period's and year's turnovers",
        bg_izvlechenie,
    ),
)
