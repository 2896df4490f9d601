"""Family from Vietnam: the "sao kê tài khoản" of Vietcombank and BIDV.

Held out in the second split; tuned on since that split was scored.

Modelled on haiyen2002/bank_statement, which reproduces both banks' statement pages
(app/tcb/components/Template and app/tcb/assets/data.ts for Vietcombank, app/bidv/... for BIDV).
Vietcombank: SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT with bilingual labels, STT/No, the transaction
date with the document number under it (`31/10/2023` over `5243.65937`), Debit / Credit /
Balance before the description (Transactions in detail), dong without decimals grouped by dots
(17.099.881), an Opening balance row, Total Volume and Ending balance rows, narrations such as
`MBVCB.4525077405.9P0019630833 CT tu 0351000646393 NGUYEN THE HUNG toi ...` and
`POS79900019.881867.20231101...GD:ZALOPAY`. BIDV: eleven columns on the page (STT, Trans.Date,
EFD.Date, Trans.Code, Debit amount, Credit amount, Balance, SEQ No., Teller ID, Branch, Txn.
Description) with 2-decimal amounts, Opening balance / Total Amount / Closing balance rows and
"Trang/Page No x of y". The embedded font has no Vietnamese tone marks, so the Vietnamese half of
each label is printed unaccented, as the banks print their narrations.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count
from random import Random

from reportlab.lib.pagesizes import A4, landscape

from cypheredge.synth.formats import EN, NumberStyle, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    local_statement,
    segments,
)
from cypheredge.synth.layouts.local_print import (
    ROUND_KINDS,
    Whole,
    coarsen,
    narrate,
    serial,
    side,
)
from cypheredge.synth.layouts.local_regions_asia import VIETNAM
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DONG = Whole(".", ",")
DESC = "description"
VN_BANKS = ("Ngan hang TMCP Song Hong", "Ngan hang TMCP Phuong Nam", "Ngan hang TMCP Lac Viet")
VN_TOWNS = ("Q. BA DINH, TP. HA NOI", "Q.1, TP. HO CHI MINH", "Q. HAI CHAU, TP. DA NANG")
VN_STREETS = ("{n} TRAN QUANG KHAI", "{n}G4C TT THANH CONG", "{n} LE LOI, P. BEN NGHE")
VN_HOLDERS = ("NGUYEN THE HUNG", "LE THI MINH", "TRAN VAN NAM", "PHAM THU HA")


def _dong_step(kind: str) -> Decimal:
    """Transfers and salaries are round thousands of dong; the rest is to ten dong."""
    return Decimal(1000) if kind in ROUND_KINDS else Decimal(10)


def _text(t: Txn) -> str:
    return " ".join(narrate(part, t.day) for part in segments(t))


def _vcb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> NumberStyle:
    acc, number = st.accounts[0], count(1)

    def cells(t: Txn) -> dict[str, str]:
        doc = f"{serial(t, 4)}.{serial(t, 9)[4:]}"
        return {
            "no": str(next(number)),
            "date": f"{fmt_date(t.day, 'DD/MM/YYYY')}\n{doc}",
            "desc": _text(t),
            "bal": DONG.magnitude(t.balance),
        } | side(DONG, t)

    columns = [
        Column("no", "STT\nNo", "c"),
        Column("date", "Ngay GD/\nTNX Date\nSo CT/ Doc No"),
        Column("out", "So tien ghi no/\nDebit", "r"),
        Column("in", "So tien ghi co/\nCredit", "r"),
        Column("bal", "So du/\nBalance", "r"),
        Column("desc", "Noi dung chi tiet/\nTransactions in detail", wrap=True, truth=DESC),
    ]
    volume = {"desc": "Cong doanh so/Total Volume", "out": DONG.magnitude(acc.total_debits)}
    volume["in"] = DONG.magnitude(acc.total_credits)
    body = framed(
        {"desc": "So du dau ky/Opening balance", "bal": DONG.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        volume,
        {"desc": "So du cuoi ky/Ending balance", "bal": DONG.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, "grid", (150, 230))
    LinedTable(flow, columns, style).draw(body)
    return DONG


def _bidv(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> NumberStyle:
    acc, number = st.accounts[0], count(1)
    branch, teller = f"{rng.randint(100, 999)}", f"{rng.randint(100000, 999999)}"

    def cells(t: Txn) -> dict[str, str]:
        seconds = int(digits(t, 2)) % 60
        return {
            "no": str(next(number)),
            "date": f"{fmt_date(t.day, 'DD/MM/YYYY')}\n{clock(t)}:{seconds:02d}",
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "code": f"{t.kind[:2].upper()}{digits(t, 2)}",
            "bal": EN.magnitude(t.balance),
            "seq": serial(t, 6),
            "teller": teller,
            "branch": branch,
            "desc": _text(t),
        } | side(EN, t)

    columns = [
        Column("no", "STT\n(No)", "c"),
        Column("date", "Ngay giao dich\n(Trans.Date)"),
        Column("value", "Ngay hieu luc\n(EFD.Date)"),
        Column("code", "Ma giao dich\n(Trans.Code)"),
        Column("out", "Phat sinh no\n(Debit amount)", "r"),
        Column("in", "Phat sinh co\n(Credit amount)", "r"),
        Column("bal", "So du\n(Balance)", "r"),
        Column("seq", "So chung tu\nSEQ No."),
        Column("teller", "Ma GDV\nTeller ID"),
        Column("branch", "Ma CN\nBranch"),
        Column("desc", "Dien giai\n(Txn. Description)", wrap=True, truth=DESC),
    ]
    total = {"desc": "Cong phat sinh (Total Amount)", "out": EN.magnitude(acc.total_debits)}
    total["in"] = EN.magnitude(acc.total_credits)
    body = framed(
        {"desc": "So du dau ky (Opening balance)", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        total,
        {"desc": "So du cuoi ky (Closing balance)", "bal": EN.magnitude(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, "grid", (130, 200))
    LinedTable(flow, columns, style).draw(body)
    return EN


VN_TABLES = {"vcb": _vcb, "bidv": _bidv}


def vn_saoke(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(VN_TABLES)), rng.choice(VN_BANKS)
    mask = f"{rng.randint(10, 99)}{rng.randint(1000000, 9999999)}{{last4}}"
    plan = Plan("Tien gui thanh toan", rng.randint(20, 46), (150, 2500), cheques=False, mask=mask)
    names = (bank, VN_TOWNS, rng.choice(VN_HOLDERS))
    st = coarsen(local_statement(rng, VIETNAM, names, [plan], period(rng), VN_STREETS), _dong_step)
    acc, day = st.accounts[0], "DD/MM/YYYY"
    details = [
        ("Ten tai khoan/Account name", st.holder.name),
        ("So tai khoan/Account number", acc.masked),
        ("Loai tien/Currency", "VND"),
        ("Tu/From - Den/To", f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"),
        ("Chi nhanh/Branch", rng.choice(("HOI SO CHINH", "CN BA DINH", "CN BAC SAI GON"))),
    ]
    paper = (landscape(A4),) if variant == "bidv" else (A4,)
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.0, 7.5), paper=paper),
        ("SAO KE TAI KHOAN / ACCOUNT STATEMENT", details),
        "Trang/Page No {n} of {total}" if variant == "bidv" else "Page {n} of {total}",
        f"{bank} - Contact center: 1900.{rng.randint(10, 99)}.{rng.randint(10, 99)}.13",
        f"ACCOUNT STATEMENT {acc.masked}",
    )
    log = TruthLog()
    numbers = VN_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, numbers)


LAYOUTS = (
    Layout(
        "vn_saoke",
        "Vietnamese sao ke (Vietcombank / BIDV style): bilingual labels, dong without decimals "
        "grouped by dots (17.099.881), STT numbers, the date with the document number under "
        "it, Debit / Credit / Balance printed before the description, long unaccented "
        "narrations (MBVCB..., POS...GD:ZALOPAY), Opening balance / Total Volume / Ending "
        "balance rows; or eleven columns on a landscape page with 2-decimal amounts",
        vn_saoke,
    ),
)
