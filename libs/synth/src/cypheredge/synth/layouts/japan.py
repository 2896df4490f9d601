"""Family from Japan: yen statements of SBI Shinsei, SMBC and Rakuten Bank.

Held out in the second split; tuned on since that split was scored.

Modelled on the statement exports that justuswilhelm/convert-statement parses (parser/shinsei.py,
parser/smbc.py, parser/rakuten.py) and that rlan/beancount-multitool documents for Rakuten Bank:
yen without a minor unit (`12,345`), YYYY/MM/DD dates; Shinsei's English print with Value Date /
Description / Debit / Credit / Balance (the two amount columns in either order); SMBC's
年月日 / お引出し / お預入れ / お取り扱い内容 / 残高, that is withdrawal and deposit
before the description and the balance after it; Rakuten's 取引日 / 入出金(円) /
取引後残高(円) / 入出金内容, one signed amount, the balance after it and the description
last. The embedded font has no CJK glyphs, so the labels are the English ones these banks print
on their English pages (or a transliteration) and the descriptions are romaji (FURIKOMI, KOUZA
FURIKAE, V DEBIT) or Shinsei's English.
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from cypheredge.synth.formats import fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, rows, start, totals
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, months_period, segments
from cypheredge.synth.layouts.local_print import Whole, coarsen, side
from cypheredge.synth.layouts.local_regions_asia import JAPAN, JAPAN_EN
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

YEN = Whole(",", ".")
DESC = "description"
JP_BANKS = ("Sakura Trust Bank, Ltd.", "Kanto Shinkin Bank", "Mizuumi Bank, Ltd.")
JP_TOWNS = ("Minato-ku, Tokyo 105-0001", "Kita-ku, Osaka 530-0001", "Naka-ku, Nagoya 460-0008")
JP_STREETS = ("{n}-2-1 Shiba", "{n}-4-3 Umeda", "{n}-1-10 Sakae", "Room {n}, 3-5-2 Shibuya")
JP_HOLDERS = ("YAMADA TARO", "SATO HANAKO", "SUZUKI ICHIRO", "TANAKA YUKI")
BRANCHES = ("Tokyo Main Office (100)", "Shinjuku Branch (221)", "Umeda Branch (408)")


def _yen_step(kind: str) -> Decimal:
    """Cash machines pay out thousands; everything else is to the yen."""
    return Decimal(1000) if kind == "atm" else Decimal(1)


def _shinsei(flow: Flow, rng: Random, st: Statement, log: TruthLog, day: str) -> None:
    acc, lines = st.accounts[0], rng.random() < 0.5
    withdrawals_first = rng.random() < 0.7

    def cells(t: Txn) -> dict[str, str]:
        text = ("\n" if lines else " ").join(segments(t))
        return {"date": fmt_date(t.day, day), "desc": text, "bal": YEN.magnitude(t.balance)} | side(
            YEN, t
        )

    amounts = [Column("out", "Debit", "r"), Column("in", "Credit", "r")]
    columns = [
        Column("date", "Value Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        *(amounts if withdrawals_first else amounts[::-1]),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "Balance Brought Forward", "bal": YEN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


def _smbc(flow: Flow, rng: Random, st: Statement, log: TruthLog, day: str) -> None:
    """Withdrawal and deposit before the description, as the passbook prints them."""
    acc = st.accounts[0]
    labels = ("Previous Balance", "Total Deposits", "Total Withdrawals", "Current Balance")
    totals(flow, acc, "Summary", labels, lambda v: f"\u00a5{YEN.magnitude(v)}", 0.4)

    def cells(t: Txn) -> dict[str, str]:
        text = {"date": fmt_date(t.day, day), "desc": " ".join(segments(t))}
        return text | side(YEN, t) | {"bal": YEN.magnitude(t.balance)}

    columns = [
        Column("date", "Date"),
        Column("out", "Withdrawals (Yen)", "r"),
        Column("in", "Deposits (Yen)", "r"),
        Column("desc", "Transaction Details", wrap=True, truth=DESC),
        Column("bal", "Balance (Yen)", "r"),
    ]
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _rakuten(flow: Flow, rng: Random, st: Statement, log: TruthLog, day: str) -> None:
    """One signed amount, the balance after it, the description last."""
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "amt": signed(YEN, t.amount),
            "bal": YEN.magnitude(t.balance),
            "desc": " ".join(segments(t)),
        }

    columns = [
        Column("date", "Transaction Date"),
        Column("amt", "Amount (JPY)", "r"),
        Column("bal", "Balance after (JPY)", "r"),
        Column("desc", "Details", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none", "header")), (200, 320))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    flow.y -= flow.spec.size
    totals(
        flow,
        acc,
        "Period totals",
        ("Opening balance", "Deposits", "Withdrawals", "Closing balance"),
        lambda v: f"{YEN.magnitude(v)} JPY",
        0.4,
    )


JP_TABLES = {"shinsei": _shinsei, "smbc": _smbc, "rakuten": _rakuten}


def jp_yen(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(JP_TABLES)), rng.choice(JP_BANKS)
    plan = Plan("Ordinary Deposit", rng.randint(18, 45), (300, 4000), cheques=False)
    names = (bank, JP_TOWNS, rng.choice(JP_HOLDERS))
    region = JAPAN_EN if variant == "shinsei" else JAPAN
    span = months_period(rng, rng.choice((1, 1, 2)))
    st = coarsen(local_statement(rng, region, names, [plan], span, JP_STREETS), _yen_step)
    acc = st.accounts[0]
    day = rng.choice(("YYYY/MM/DD", "YYYY/MM/DD", "YYYY.MM.DD"))
    details = [
        ("Branch", rng.choice(BRANCHES)),
        ("Account No.", f"Ordinary {rng.randint(100, 999)}{acc.masked[-4:]}"),
        ("Period", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
        ("Currency", "JPY"),
    ]
    title = {"shinsei": "Account Statement", "smbc": "Statement of Deposits and Withdrawals"}
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(7.0, 8.5)),
        (title.get(variant, "Transaction History"), details),
        rng.choice(("{n} / {total}", "Page {n} of {total}")),
        f"{bank}  Registered Financial Institution, Kanto Local Finance Bureau",
        f"Ordinary Deposit {acc.masked}",
    )
    log = TruthLog()
    JP_TABLES[variant](flow, rng, st, log, day)
    return Built(flow, st, log, YEN)


LAYOUTS = (
    Layout(
        "jp_yen",
        "Japanese yen statements (SBI Shinsei / SMBC / Rakuten Bank style): amounts without "
        "decimals (12,345), YYYY/MM/DD or YYYY.MM.DD dates, romaji or English descriptions; "
        "Value Date / Description / Debit / Credit / Balance; or withdrawal and deposit "
        "columns before the description and the balance after it; or one signed amount, the "
        "balance after it and the description last, with period totals below",
        jp_yen,
    ),
)
