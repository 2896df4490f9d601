"""Family from Taiwan: the passbook and deposit statements of Chunghwa Post, Cathay United
Bank and E.SUN Bank, in English (the bundled fonts have no CJK glyphs), in New Taiwan dollars.

Held out in the eighth split; tuned on since that split was scored.

Taiwanese banks and the post office date rows in the Republic of China calendar (民國, year 1 =
1912): 2024-05-01 prints as `113/05/01`. Sources: the public beancount / ledger importers for
Chunghwa Post exports (the `TaiwanPost` parser in daniel0076/Cinderella and its forks) read the
first column as a ROC date with a time, `113/05/01 14:22:05`, adding 1911 to the year, and the
withdrawal and the deposit from two columns of their own; the same project's E.SUN parser reads
date, summary, withdrawal, deposit, balance and remarks in that order; a public accounting app's
import notes (howie/my-accounting-app, docs/integration/import-bank) give Cathay United's,
Taishin's, Fubon's and E.SUN's exports as 交易日期 / 交易說明 / 提款金額 / 存款金額 / 餘額 with
Gregorian `YYYY/MM/DD` dates and whole-dollar amounts beside a balance with `.00`; a public bank
front end's API fixtures (ctlaiMichael/web_resource) date rows `109-09-04`. Sources on the printed
PDF itself are thin, said so here. The NT$15 interbank transfer fee Taiwanese banks post as a row
of its own after an interbank transfer is modelled as such.

Chunghwa Post: ROC date and time, a summary code (摘要) and the remarks (備註) both read as the
description, Withdrawal / Deposit / Balance in whole dollars. Cathay: Gregorian dates, Withdrawal
Amount / Deposit Amount / Balance with `.00`, carried forward at page breaks and the totals in a
box. E.SUN: ROC dates with dashes (as the API fixtures print them) beside a ROC value date, a
summary code, Payout / Deposit in whole dollars, the balance, the memo last and an ending balance
row.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, NumberStyle, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, clock, digits, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen, side, steps
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import TAIWAN
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
KIND = "type"  # the kind column (`TRF`, `POS`) is the row's type, as Korean `Summary` is
DOLLARS = Whole(",", ".")
TW_BANKS = {
    "post": ("Formosa Postal Savings",),
    "cathay": ("Cathay Harbour Commercial Bank",),
    "esun": ("Jade Mountain Commercial Bank",),
}
TW_TOWNS = ("Taipei City 100", "New Taipei City 220", "Taichung City 403", "Kaohsiung City 802")
TW_STREETS = (
    "No. {n}, Sec. 1, Zhongxiao E. Rd.",
    "No. {n}, Minsheng Rd.",
    "No. {n}, Zhongshan Rd.",
)
TW_HOLDERS = ("CHEN MEI-LING", "LIN CHIH-HAO", "WANG SHU-FEN", "HUANG YU-TING")
NUMBERS: dict[str, NumberStyle] = {"post": DOLLARS, "cathay": EN, "esun": DOLLARS}
SUMMARY = {
    "salary": "SAL",
    "rent": "TRF",
    "utility": "AUTO",
    "grocery": "POS",
    "card": "POS",
    "transfer_out": "TRF",
    "transfer_in": "TRF",
    "atm": "ATM",
    "fee": "FEE",
    "transfer_fee": "FEE",
    "interest": "INT",
    "refund": "RFD",
    "loan": "LOAN",
}
TRANSFER_FEE = Decimal(15)
LEGAL = "Deposits are insured by the Central Deposit Insurance Corporation up to NT$3,000,000."


def roc_date(day: date, sep: str = "/") -> str:
    """The Republic of China calendar's date: the year less 1911, three digits (113/05/01)."""
    return f"{day.year - 1911:03d}{sep}{day.month:02d}{sep}{day.day:02d}"


def _interbank(t: Txn) -> bool:
    return t.kind == "transfer_out" and t.description.startswith("INTERBANK")


def _post(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        seconds = int(digits(t, 2)) % 60
        return {
            "date": f"{roc_date(t.day)} {clock(t)}:{seconds:02d}",
            "code": SUMMARY.get(t.kind, "OTHER"),
            **side(DOLLARS, t),
            "bal": DOLLARS.magnitude(t.balance),
            "desc": " ".join(segments(t)),
        }

    columns = [
        Column("date", "Date (ROC)"),
        Column("code", "Summary", truth=KIND),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
        Column("desc", "Remarks", wrap=True, truth=DESC),
    ]
    body = framed({"code": "B/F", "bal": DOLLARS.magnitude(acc.opening)}, rows(acc, 0, log, cells))
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (140, 220))
    LinedTable(flow, columns, style).draw(body)


def _cathay(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY/MM/DD"),
            "desc": "\n".join(segments(t)),
            **side(EN, t),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Withdrawal\nAmount", "r"),
        Column("in", "Deposit\nAmount", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "BALANCE C/F", "bal": EN.magnitude(b)},
        brought=lambda b: {"desc": "BALANCE B/F", "bal": EN.magnitude(b)},
    )
    body = framed(
        {"desc": "BEGINNING BALANCE", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)
    labels = ("Beginning Balance", "Total Deposits", "Total Withdrawals", "Ending Balance")
    totals(flow, acc, "Account Summary (TWD)", labels, EN.magnitude)


def _esun(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": roc_date(t.day, "-"),
            "value": roc_date(t.value_day, "-"),
            "code": SUMMARY.get(t.kind, "OTHER"),
            "desc": " ".join(segments(t)),
            **side(DOLLARS, t),
            "bal": DOLLARS.magnitude(t.balance),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("value", "Value Date"),
        Column("code", "Summary", truth=KIND),
        Column("out", "Payout", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
        Column("desc", "Memo", wrap=True, truth=DESC),
    ]
    body = framed(
        {"desc": "Previous Balance", "bal": DOLLARS.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Ending Balance", "bal": DOLLARS.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


TW_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "post": _post,
    "cathay": _cathay,
    "esun": _esun,
}
TW_TITLES = {
    "post": "PASSBOOK TRANSACTION DETAILS",
    "cathay": "STATEMENT OF DEPOSIT ACCOUNT",
    "esun": "ACCOUNT TRANSACTION STATEMENT",
}


def tw_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(TW_TABLES))
    plan = Plan(
        "Savings Deposit",
        rng.randint(22, 50),
        (500, 4000),
        pool=(*EVERYDAY, "card", "transfer_out", "transfer_out"),
        cheques=False,
        mask=f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(100, 999)}{{last4}}",
    )
    names = (rng.choice(TW_BANKS[variant]), TW_TOWNS, rng.choice(TW_HOLDERS))
    st = local_statement(rng, TAIWAN, names, [plan], period(rng), TW_STREETS)
    st = coarsen(st, steps("1", "100", ROUND_KINDS))  # whole dollars, round transfers
    st = charged(
        st,
        lambda t: TRANSFER_FEE if _interbank(t) else Decimal(0),
        lambda t: "INTERBANK TRANSFER FEE",
        kind="transfer_fee",
    )
    acc = st.accounts[0]
    if variant == "cathay":
        span = f"{fmt_date(st.start, 'YYYY/MM/DD')} - {fmt_date(st.end, 'YYYY/MM/DD')}"
    else:
        span = f"{roc_date(st.start)} - {roc_date(st.end)}"
    details = [
        ("Account Name", st.holder.name),
        ("Account No.", acc.masked),
        ("Currency", "TWD"),
        ("Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        (TW_TITLES[variant], details),
        rng.choice(("Page {n} of {total}", "{n}/{total}")),
        LEGAL,
        f"Account No. {acc.masked}",
    )
    log = TruthLog()
    TW_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "tw_statement",
        "Taiwanese statements in English (Chunghwa Post / Cathay United / E.SUN style): TWD in "
        "whole dollars, LINE Pay, JKOPAY, EasyCard and Taipower narrations, the NT$15 interbank "
        "transfer fee as a row of its own; Republic of China calendar dates with a time "
        "(113/05/01 14:22:05), a summary code and remarks, Withdrawal / Deposit / Balance; or "
        "Gregorian YYYY/MM/DD with .00 amounts, carried forward and the totals in a box; or ROC "
        "dates with dashes beside a ROC value date, Payout / Deposit and an ending balance row",
        tw_statement,
    ),
)
