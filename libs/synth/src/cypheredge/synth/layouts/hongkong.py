"""Family from Hong Kong: HSBC's integrated account statement and a BOCHK / Hang Seng
style savings statement.

Held out in the third split; tuned on since that split was scored.

HSBC follows sinopsysHK/HsbcHkPdfScraper (hsbcpdf/hsbchk/statements.py and
hsbcpdf/helpers/accountstatement.py): a statement date as `15 March 2024`, a Portfolio Summary
(account type, currency, balance, DR, HKD equivalent, a Total line) before the "Account
Transaction History", one section per account (HKD Savings, HKD Current) whose first row is
`B/F BALANCE`, dates `05 Mar` without a year (a date later than the statement date belongs to the
year before) printed on a day's first row only, details over several lines with the amounts on
their last line, Deposit BEFORE Withdrawal, the balance with a DR marker in a column of its own
on an overdrawn current account, and "Total Relationship Balance" after the sections. The BOCHK /
Hang Seng style print follows the column order public bank profiles give for Hang Seng (date,
description, withdrawal, deposit, balance, with a reference column) and account numbers
`123-456789-001`, with a balance from the previous statement and a closing balance row.
Narrations are the upper-case English of these banks (FPS, EPS, PPS, OCTOPUS AAVS, JETCO ATM).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    Days,
    LinedTable,
    digits,
    local_statement,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_regions_east import HONG_KONG
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading, note
from cypheredge.synth.render.flow import HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

DESC = "description"
HK_BANKS = ("Victoria Harbour Banking Corporation", "Kowloon Commercial Bank Limited")
HK_TOWNS = ("Central, Hong Kong", "Mong Kok, Kowloon", "Sha Tin, New Territories")
HK_STREETS = ("Flat {n}B, 18 Nathan Road", "Room {n}, Block C, Taikoo Shing", "{n} Queen's Road")
HK_HOLDERS = ("MR CHAN TAI MAN", "MS WONG MEI LING", "MR LEUNG KA WAI", "MS LAU SIU FUNG")
NOTICE = (
    "Important Notice: Please examine this statement and notify us of any discrepancy within 90 "
    "days from the statement date, after which the statement will be deemed correct."
)


def _dr(value: Decimal) -> str:
    return "DR" if value < 0 else ""


def _hsbc_section(
    flow: Flow, rng: Random, acc: Account, index: int, log: TruthLog, style: Style
) -> None:
    heading(flow, acc.name, underline=False)
    days = Days.of(acc)

    def cells(t: Txn) -> dict[str, str]:
        closes = days.closes(t)
        return {
            "date": fmt_date(t.day, "DD MON") if days.opens(t) else "",
            "desc": "\n".join(segments(t)),
            "in" if t.amount >= 0 else "out": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance) if closes else "",
            "dr": _dr(t.balance) if closes else "",
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Transaction Details", wrap=True, truth=DESC),
        Column("in", "Deposit", "r"),
        Column("out", "Withdrawal", "r"),
        Column("bal", "Balance", "r"),
        Column("dr", ""),
    ]
    opening = {"desc": "B/F BALANCE", "bal": EN.magnitude(acc.opening), "dr": _dr(acc.opening)}
    body = framed(
        opening, rows(acc, index, log, cells, balance=days.closes), balance=acc.opening, bold=False
    )
    # the date stays on a transaction's first line, the amounts drop to its last
    LinedTable(flow, columns, style, top=frozenset({"date"})).draw(body)


def _summary(flow: Flow, st: Statement) -> None:
    columns = [
        Column("acc", "Account"),
        Column("ccy", "Currency"),
        Column("bal", "Balance", "r"),
        Column("dr", ""),
        Column("hkd", "HKD Equivalent", "r"),
        Column("hdr", ""),
    ]
    lines = [
        Row(
            {
                "acc": acc.name,
                "ccy": "HKD",
                "bal": EN.magnitude(acc.closing),
                "dr": _dr(acc.closing),
                "hkd": EN.magnitude(acc.closing),
                "hdr": _dr(acc.closing),
            }
        )
        for acc in st.accounts
    ]
    total = sum((acc.closing for acc in st.accounts), Decimal(0))
    lines.append(Row({"acc": "Total", "hkd": EN.magnitude(total), "hdr": _dr(total)}, bold=True))
    heading(flow, "Portfolio Summary")
    Table(flow, columns, Style(rules="rows", header_fill=0.9)).draw(lines)


def _hsbc(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    _summary(flow, st)
    heading(flow, "Premier Account Transaction History")
    style = replace(Style.vary(rng, rng.choice(("none", "header")), (170, 260)), bottom_align=True)
    for index, acc in enumerate(st.accounts):
        _hsbc_section(flow, rng, acc, index, log, style)
    total = sum((acc.closing for acc in st.accounts), Decimal(0))
    flow.y -= flow.spec.size
    page_note(
        flow, f"Total Relationship Balance   HKD {EN.magnitude(total)} {_dr(total)}", gray=0.0
    )
    note(flow, NOTICE)


def _bochk(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    day = rng.choice(("DD/MM/YYYY", "DD MON YYYY"))

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day).upper(),
            "desc": " ".join(segments(t)),
            "ref": f"{t.kind[:1].upper()}{digits(t, 6)}",
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Transaction Details", wrap=True, truth=DESC),
        Column("ref", "Ref. No."),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "BALANCE FROM PREVIOUS STATEMENT", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "CLOSING BALANCE", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


def _plans(rng: Random, variant: str, number: str) -> list[Plan]:
    # HSBC's savings account sees several postings a day, so dates stand on a day's first row
    savings = Plan("HKD Savings", rng.randint(30, 56), (300, 3000), cheques=False, mask=number)
    if variant == "bochk":
        return [replace(savings, name="Statement Savings", count=rng.randint(22, 44))]
    current = Plan("HKD Current", rng.randint(10, 24), (50, 800), overdraft=True, mask=number)
    return [savings, current]


def hk_statement(rng: Random) -> Built:
    variant = rng.choice(("bochk", "hsbc"))
    number = f"{rng.randint(100, 999)}-{rng.randint(100000, 999999)}-{{last4}}"
    span = period(rng, rollover=rng.random() < 0.3)
    names = (rng.choice(HK_BANKS), HK_TOWNS, rng.choice(HK_HOLDERS))
    plans = _plans(rng, variant, number)
    st = local_statement(rng, HONG_KONG, names, plans, span, HK_STREETS)
    details = [
        ("Account Number", st.accounts[0].masked),
        ("Statement Date", fmt_date(st.end, "DD MONTH YYYY")),
        ("Branch", rng.choice(("Mong Kok", "Central", "Tsim Sha Tsui"))),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0)),
        ("Statement" if variant == "hsbc" else "Savings Account Statement", details),
        rng.choice(("Page {n} of {total}", "{n}/{total}")),
        f"{st.bank.name}  Deposit Protection Scheme member",
        f"Statement {st.accounts[0].masked}",
    )
    log = TruthLog()
    (_hsbc if variant == "hsbc" else _bochk)(flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "hk_statement",
        "Hong Kong statements (HSBC integrated account / BOCHK / Hang Seng style): a Portfolio "
        "Summary before per-account sections (HKD Savings, HKD Current) that each start with "
        "B/F BALANCE, year-less `05 Mar` dates on a day's first row only, wrapped details with "
        "the amounts on their last line, Deposit before Withdrawal, day-end balances with DR in a "
        "column of its own; or one account with a reference column, Withdrawal before Deposit "
        "and BALANCE FROM PREVIOUS STATEMENT / CLOSING BALANCE rows",
        hk_statement,
    ),
)
