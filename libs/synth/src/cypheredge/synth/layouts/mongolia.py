"""Family from Mongolia: the дансны хуулга of Khan Bank, Golomt Bank and the Trade and
Development Bank, in Mongolian Cyrillic (TDB in English) and tögrög.

Held out in the seventh split; tuned on since that split was scored.

Public sources on Mongolian statement PDFs are thin: no public parser or fixture turned up, so the
family follows what public Mongolian banking pages say of a statement (a дансны хуулга is what a
lender asks for, six months of it), the column names Mongolian internet banks give their exports
(Khan Bank's Гүйлгээний огноо, Салбар, Эхний үлдэгдэл, Дебит гүйлгээ, Кредит гүйлгээ, Эцсийн
үлдэгдэл, Гүйлгээний утга: a balance before and after every row), and the QPay, SocialPay and
biller narrations Mongolian accounts carry, said so here. Khan Bank: date and time
`YYYY/MM/DD HH:MM`, a branch code, the balance before and after each row, debits signed negative.
Golomt: `YYYY.MM.DD`, Орлого / Зарлага / Үлдэгдэл, the purpose over two lines, totals as rows.
TDB: English headers over Mongolian ones, DD/MM/YYYY, one signed amount and the balance,
brought and carried forward at page breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from cypheredge.synth.formats import EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, clock, digits, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, coarsen, steps
from cypheredge.synth.layouts.local_regions_kw_np_mn import MONGOLIA_GOLOMT, MONGOLIA_KHAN
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
MN_BANKS = {
    "khan": ("Хаан Тэнгэр банк",),
    "golomt": ("Голомт Тэнгэр банк",),
    "tdb": ("Trade and Development Bank of Orkhon",),
}
MN_TOWNS = ("Улаанбаатар 14200", "Улаанбаатар 15160", "Дархан 45000", "Эрдэнэт 61000")
MN_STREETS = ("Чингисийн өргөн чөлөө {n}", "Сөүлийн гудамж {n}", "Энхтайвны өргөн чөлөө {n}")
MN_HOLDERS = ("БАТ-ЭРДЭНЭ ДОРЖ", "ОЮУНЧИМЭГ БАТ", "ГАНБОЛД ЦЭРЭН", "САРАНТУЯА ДАВАА")
LEGAL = "Монголбанкнаас олгосон тусгай зөвшөөрлийн дагуу үйл ажиллагаа явуулна."


def _khan(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": f"{fmt_date(t.day, 'YYYY/MM/DD')} {clock(t)}",
            "branch": f"5{digits(t, 3)}",
            "before": EN.magnitude(t.balance - t.amount),
            "out": signed(EN, t.amount) if t.amount < 0 else "0.00",
            "in": EN.magnitude(t.amount) if t.amount >= 0 else "0.00",
            "bal": EN.magnitude(t.balance),
            "desc": " ".join(segments(t)),
        }

    columns = [
        Column("date", "Гүйлгээний\nогноо"),
        Column("branch", "Салбар"),
        Column("before", "Эхний\nүлдэгдэл", "r"),
        Column("out", "Дебит\nгүйлгээ", "r"),
        Column("in", "Кредит\nгүйлгээ", "r"),
        Column("bal", "Эцсийн\nүлдэгдэл", "r"),
        Column("desc", "Гүйлгээний утга", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (120, 200))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _golomt(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY.MM.DD"),
            "desc": "\n".join(segments(t)),
            "in" if t.amount >= 0 else "out": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Огноо"),
        Column("desc", "Гүйлгээний утга", wrap=True, truth=DESC),
        Column("in", "Орлого", "r"),
        Column("out", "Зарлага", "r"),
        Column("bal", "Үлдэгдэл", "r"),
    ]
    body = framed(
        {"desc": "Эхний үлдэгдэл", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {
            "desc": "Нийт гүйлгээ",
            "in": EN.magnitude(acc.total_credits),
            "out": EN.magnitude(acc.total_debits),
        },
        {"desc": "Эцсийн үлдэгдэл", "bal": EN.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("header", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


def _tdb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "amt": signed(EN, t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date\nОгноо"),
        Column("desc", "Description\nУтга", wrap=True, truth=DESC),
        Column("amt", "Amount\nДүн", "r"),
        Column("bal", "Balance\nҮлдэгдэл", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Carried forward", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "Brought forward", "bal": EN.magnitude(b)},
    )
    body = framed(
        {"desc": "Opening balance / Эхний үлдэгдэл", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing balance / Эцсийн үлдэгдэл", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "none")), (200, 300))
    LinedTable(flow, columns, style, carry).draw(body)


MN_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "khan": _khan,
    "golomt": _golomt,
    "tdb": _tdb,
}
MN_TITLES = {"khan": "ДАНСНЫ ХУУЛГА", "golomt": "ДАНСНЫ ХУУЛГА", "tdb": "ACCOUNT STATEMENT"}


def mn_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(MN_TABLES))
    plan = Plan(
        "Харилцах данс",
        rng.randint(22, 50),
        (300, 3000),
        pool=(*EVERYDAY, "card", "grocery", "transfer_out"),
        cheques=False,
        mask=f"5{rng.randint(100, 999)}{rng.randint(100, 999)}{{last4}}",
    )
    region = MONGOLIA_GOLOMT if variant == "golomt" else MONGOLIA_KHAN
    names = (rng.choice(MN_BANKS[variant]), MN_TOWNS, rng.choice(MN_HOLDERS))
    st = local_statement(rng, region, names, [plan], period(rng), MN_STREETS)
    st = coarsen(st, steps("1", "1000", ROUND_KINDS))  # whole tögrög, round transfers
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'YYYY.MM.DD')} - {fmt_date(st.end, 'YYYY.MM.DD')}"
    details = [
        ("Данс эзэмшигч", st.holder.name),
        ("Дансны дугаар", acc.masked),
        ("Валют", "MNT"),
        ("Хугацаа", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5)),
        (MN_TITLES[variant], details),
        rng.choice(("Хуудас {n}/{total}", "Page {n} of {total}")),
        LEGAL,
        f"Дансны хуулга {acc.masked}",
    )
    log = TruthLog()
    MN_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "mn_statement",
        "Mongolian дансны хуулга (Khan Bank / Golomt / TDB style): MNT in whole tögrög printed "
        "with .00, QPay, SocialPay and biller narrations in Mongolian Cyrillic; YYYY/MM/DD HH:MM "
        "dates, a branch code, the balance before and after every row, debits signed and the "
        "purpose last; or YYYY.MM.DD, Орлого / Зарлага / Үлдэгдэл with totals as rows; or "
        "English over Mongolian headers, one signed amount, carried forward at page breaks",
        mn_statement,
    ),
)
