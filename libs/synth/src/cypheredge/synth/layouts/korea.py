"""Family from South Korea: transaction histories of Woori, KB Kookmin and Toss Bank.

Held out in the second split; tuned on since that split was scored.

Modelled on the per-bank PDF rules of a Korean statement importer found on GitHub (a TypeScript
`BankParsingRule` table with WOORI_BANK_RULE, KOOKMIN_BANK_RULE, TOSS_BANK_RULE and their sample
text). Woori: No. / 거래일시 (YYYY.MM.DD HH:MM) / 적요 (type: 모바일, 타행건별, F/B) /
기재내용 (the counterparty) / 찾으신금액 / 맡기신금액 / 거래후잔액 / 취급기관, a 0 printed in
the empty amount column and balances that go negative on an overdraft ("minus") account. KB
Kookmin's web print: the date and time in a cell so narrow that `2024-03-` sits over `14` over
`09:31:23`, the type and the counterparty cut over several short lines, withdrawal 8,100 beside a
deposit of 0, the balance and the branch. Toss Bank: 거래일자 with the time, 구분 (deposit or
withdrawal), one signed 거래금액, 거래 후 잔액 and 거래내용. Won without decimals. The embedded
font has no Hangul glyphs, so labels are the English ones of these banks' English pages and
texts are romanised.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count
from random import Random

from cypheredge.synth.formats import fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    local_statement,
    segments,
)
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen
from cypheredge.synth.layouts.local_regions_asia import KOREA
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

WON = Whole(",", ".")
DESC = "description"
# The type cell is the row's type, as the real samples' ground truth keeps it (HSBC's `type`).
KIND = "type"
KR_BANKS = ("Hangang Bank", "Namsan Savings Bank", "Jeju Commercial Bank")
KR_TOWNS = ("Jung-gu, Seoul 04524", "Gangnam-gu, Seoul 06236", "Haeundae-gu, Busan 48094")
KR_STREETS = ("{n} Sejong-daero", "{n} Teheran-ro", "{n} Haeundae-ro, Apt 101-{n}")
KR_HOLDERS = ("KIM MINJUN", "LEE SEOYEON", "PARK JIHO", "CHOI YUNA")
BRANCHES = ("Jamsil Center", "Yeokchon-dong", "KB CARD", "Online", "Headquarters")


def _won_step(kind: str) -> Decimal:
    """Cash comes in ten-thousands of won and transfers in thousands; card spends to the won."""
    if kind == "atm":
        return Decimal(10000)
    return Decimal(1000) if kind in ROUND_KINDS else Decimal(1)


def _parts(t: Txn) -> tuple[str, str]:
    parts = segments(t)
    return parts[0], " ".join(parts[1:])


def _zero_sides(t: Txn) -> dict[str, str]:
    """Both amount columns filled: the empty one reads 0."""
    money = WON.magnitude(t.amount)
    return {"out": money, "in": "0"} if t.amount < 0 else {"out": "0", "in": money}


def _woori(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, number = st.accounts[0], count(1)

    def cells(t: Txn) -> dict[str, str]:
        kind, detail = _parts(t)
        return {
            "no": str(next(number)),
            "date": f"{fmt_date(t.day, 'YYYY.MM.DD')} {clock(t)}",
            "kind": kind,
            "detail": detail,
            "bal": signed(WON, t.balance),
            "branch": BRANCHES[int(digits(t, 1)) % len(BRANCHES)],
        } | _zero_sides(t)

    columns = [
        Column("no", "No."),
        Column("date", "Date/Time"),
        Column("kind", "Summary", wrap=True, truth=KIND),
        Column("detail", "Details", wrap=True, truth=DESC),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
        Column("branch", "Branch"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "grid")), (70, 130))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _kookmin(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    """A web page printed to PDF: cells too narrow for the date, the type or the name."""
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        kind, detail = _parts(t)
        seconds = int(digits(t, 2)) % 60
        day = fmt_date(t.day, "YYYY-MM-\nDD")
        return {
            "date": f"{day}\n{clock(t)}:{seconds:02d}",
            "kind": kind,
            "detail": detail,
            "bal": signed(WON, t.balance),
            "branch": BRANCHES[int(digits(t, 1)) % len(BRANCHES)],
        } | _zero_sides(t)

    columns = [
        Column("date", "Date/\nTime"),
        Column("kind", "Type", wrap=True, truth=KIND),
        Column("detail", "From/\nTo", wrap=True, truth=DESC),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
        Column("branch", "Branch"),
    ]
    style = Style.vary(rng, "grid", (42, 60))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _toss(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    labels = ("Opening balance", "Total deposits", "Total withdrawals", "Closing balance")
    totals(flow, acc, "Summary", labels, lambda v: f"{signed(WON, v)} KRW", 0.4)

    def cells(t: Txn) -> dict[str, str]:
        seconds = int(digits(t, 2)) % 60
        return {
            "date": f"{fmt_date(t.day, 'YYYY-MM-DD')} {clock(t)}:{seconds:02d}",
            "kind": "Withdrawal" if t.amount < 0 else "Deposit",
            "amt": signed(WON, t.amount),
            "bal": signed(WON, t.balance),
            "desc": " ".join(segments(t)[1:]),
        }

    columns = [
        Column("date", "Transaction date"),
        Column("kind", "Type"),
        Column("amt", "Amount", "r"),
        Column("bal", "Balance after", "r"),
        Column("desc", "Details", wrap=True, truth=DESC),
    ]
    style = Style.vary(rng, rng.choice(("none", "header")), (150, 240))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


KR_TABLES = {"woori": _woori, "kookmin": _kookmin, "toss": _toss}


def kr_won(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(KR_TABLES)), rng.choice(KR_BANKS)
    minus = variant == "woori" and rng.random() < 0.5  # an overdraft ("minus") account
    mask = f"{rng.randint(1000, 1999)}-{rng.randint(100, 999)}-{rng.randint(10, 99)}{{last4}}"
    plan = Plan("Savings", rng.randint(20, 48), (200, 3000), minus, cheques=False, mask=mask)
    names = (bank, KR_TOWNS, rng.choice(KR_HOLDERS))
    st = coarsen(local_statement(rng, KOREA, names, [plan], period(rng), KR_STREETS), _won_step)
    acc, day = st.accounts[0], "YYYY.MM.DD" if variant == "woori" else "YYYY-MM-DD"
    details = [
        ("Account number", acc.masked),
        ("Account holder", st.holder.name),
        ("Inquiry period", f"{fmt_date(st.start, day)} ~ {fmt_date(st.end, day)}"),
        ("Currency", "KRW"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.5, 8.0)),
        ("Transaction History", details),
        rng.choice(("{n} / {total}", "Page {n} of {total}")),
        f"{bank}  Deposits are protected by the KDIC up to KRW 100 million per depositor.",
        f"Transaction History {acc.masked}",
    )
    log = TruthLog()
    KR_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, WON)


LAYOUTS = (
    Layout(
        "kr_won",
        "Korean transaction histories (Woori / KB Kookmin / Toss Bank style): won without "
        "decimals, date and time together (2024.03.14 09:31, or 2024-03- over 14 over 09:31:23 "
        "in a narrow cell), a type column (the row's type) and a counterparty column (its "
        "description) that wrap into short lines, 0 printed in the empty amount column, negative "
        "balances on a minus account; or a Deposit/Withdrawal type column and a signed amount",
        kr_won,
    ),
)
