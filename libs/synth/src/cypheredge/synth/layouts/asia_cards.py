"""Singapore and Malaysian credit card statements: DBS, UOB, OCBC, Maybank, CIMB, Public Bank.

From the real prints and the parsers written for them (monopoly's bank configs and patterns):
year-less dates (`04 SEP` on DBS/UOB, `04/09` on OCBC and the Malaysian banks), a single
transaction date (DBS, OCBC) or posting + transaction dates (UOB, Maybank, CIMB; Public Bank puts
the transaction date first), PREVIOUS BALANCE / LAST MONTH'S BALANCE / YOUR PREVIOUS STATEMENT
BALANCE lines, credits marked `CR` (glued on as `1,234.56CR` on Maybank) or in parentheses
(OCBC), `NEW TRANSACTIONS <card> <number>` sections per principal and supplementary card with
their SUB-TOTAL, a TOTAL and GRAND TOTAL, foreign-currency lines under the merchant
(`U. S. DOLLAR 25.99`), payment references, bilingual Malay/English headings, a minimum payment
box where `$` means SGD, and payment instructions with other account numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.cardbook import CardMonth, Vocab, card_month, swap_dates
from cypheredge.synth.layouts.common import Built, Layout, parties, period, rows
from cypheredge.synth.layouts.postings import relocate
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import continuation, footer, letterhead, note, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table


def _cr(space: str) -> Callable[[Decimal], str]:
    return lambda v: f"{EN.magnitude(v)}{space}CR"


def _parens(v: Decimal) -> str:
    return f"({EN.magnitude(v)})"


@dataclass(frozen=True)
class _Print:
    """One bank's card statement: columns (date keys "post"/"trans"), words and markers."""

    banks: tuple[str, ...]
    cards: tuple[str, ...]  # card products
    columns: tuple[Column, ...]
    day: str
    credit: Callable[[Decimal], str]
    previous: str
    section: str  # {card} {number} {holder}
    subtotal: str
    total: str
    grand: str | None
    payment: str  # how this bank words a payment received
    sums: tuple[str, str] | None = None  # month's total credit and debit rows (Maybank)


def _desc(title: str) -> Column:
    return Column("desc", title, wrap=True, truth="description")


SG = (
    _Print(
        ("Lion City Bank", "Merlion Development Bank"),
        ("SKYLINE VISA SIGNATURE CARD", "FRESH START CARD", "LADIES WORLD MASTERCARD"),
        (Column("trans", "DATE"), _desc("DESCRIPTION"), Column("amount", "AMOUNT (S$)", "r")),
        "DD MON",
        _cr(" "),
        "PREVIOUS BALANCE",
        "NEW TRANSACTIONS {holder}\n{card} NO.: {number}",
        "SUB-TOTAL:",
        "TOTAL:",
        "GRAND TOTAL FOR ALL CARD ACCOUNTS:",
        "PAYMENT - LCB INTERNET/WIRELESS",
    ),
    _Print(
        ("United Straits Bank", "Orchard Overseas Bank"),
        ("VOYAGE MILES WORLD MASTERCARD", "ONE REBATE CARD", "LADY'S CARD"),
        (
            Column("post", "Post\nDate"),
            Column("trans", "Trans\nDate"),
            _desc("Description of Transaction"),
            Column("amount", "Transaction Amount\nSGD", "r"),
        ),
        "DD MON",
        _cr(" "),
        "PREVIOUS BALANCE",
        "{card} {number}\n{holder}",
        "SUB TOTAL",
        "TOTAL BALANCE FOR {card}",
        None,
        "PAYMT THRU E-BANK/HOMEB/CYBERB (EP06)",
    ),
    _Print(
        ("Oversea Straits Banking Corp", "Harbourfront Chinese Bank"),
        ("DAILY REBATE CARD", "NORTHBOUND VISA CARD", "YOUTH CREDIT CARD"),
        (
            Column("trans", "TRANSACTION\nDATE"),
            _desc("DESCRIPTION"),
            Column("amount", "AMOUNT (SGD)", "r"),
        ),
        "DD/MM",
        _parens,
        "LAST MONTH'S BALANCE",
        "{card} {number}",
        "SUBTOTAL",
        "TOTAL AMOUNT DUE",
        None,
        "PAYMENT BY INTERNET",
    ),
)
MY = (
    _Print(
        ("Malayan Tiger Bank Berhad", "Bank Harimau Berhad"),
        ("VISA PLATINUM", "DUO CARD VISA", "SYARIAH MASTERCARD"),
        (
            Column("post", "Posting Date\nTarikh Pos"),
            Column("trans", "Transaction Date\nTarikh Transaksi"),
            _desc("Transaction Description\nButiran Transaksi"),
            Column("amount", "Amount (RM)\nAmaun (RM)", "r"),
        ),
        "DD/MM",
        _cr(""),
        "YOUR PREVIOUS STATEMENT BALANCE",
        "{holder}\n{card} {number}",
        "SUB TOTAL/JUMLAH",
        "TOTAL BALANCE (JUMLAH BAKI)",
        None,
        "PAYMENT VIA M2U",
        ("TOTAL CREDIT THIS MONTH (JUMLAH KREDIT)", "TOTAL DEBIT THIS MONTH (JUMLAH DEBIT)"),
    ),
    _Print(
        ("Commerce Islamic Malaysia Berhad", "Bank Niaga Nusantara"),
        ("FUEL REWARDS PLATINUM", "CASH REBATE VISA", "WORLD MASTERCARD"),
        (
            Column("post", "POSTING DATE /\nTARIKH POS"),
            Column("trans", "TRANSACTION DATE /\nTARIKH TRANSAKSI"),
            _desc("DESCRIPTION /\nKETERANGAN"),
            Column("amount", "AMOUNT (RM) /\nAMAUN (RM)", "r"),
        ),
        "DD/MM",
        _cr(" "),
        "PREVIOUS BALANCE / BAKI TERDAHULU",
        "{card} {number} {holder}",
        "SUB TOTAL / JUMLAH KECIL",
        "TOTAL / JUMLAH",
        None,
        "PAYMENT - THANK YOU",
    ),
    _Print(
        ("Bank Rakyat Awam Berhad", "Public Straits Bank Berhad"),
        ("CONTACTLESS VISA", "VISA GOLD"),
        (
            Column("trans", "Tarikh Transaksi\nTransaction Date"),
            Column("post", "Tarikh Pos\nPosting Date"),
            _desc("Butiran Transaksi\nTransaction Description"),
            Column("amount", "Amaun / Amount\n(RM)", "r"),
        ),
        "DD/MM",
        _cr(" "),
        "BAKI PENYATA TERDAHULU / PREVIOUS STATEMENT BALANCE",
        "{card} {number}",
        "JUMLAH / SUB TOTAL",
        "BAKI BARU / NEW BALANCE",
        None,
        "JomPAY PAYMENT RECEIVED",
    ),
)


def _owed(style: _Print, value: Decimal) -> str:
    """A card balance as printed: owed as a plain figure, a balance in credit marked."""
    return style.credit(value) if value > 0 else EN.magnitude(value)


def _cells(style: _Print) -> Callable[[Txn], dict[str, str]]:
    """After swap_dates (first column = transaction date) `day` is always the first column."""
    first = next(c.key for c in style.columns if c.key in ("post", "trans"))
    other = "trans" if first == "post" else "post"

    def cells(t: Txn) -> dict[str, str]:
        amount = style.credit(t.amount) if t.amount > 0 else EN.magnitude(t.amount)
        return {
            first: fmt_date(t.day, style.day).upper(),
            other: fmt_date(t.value_day, style.day).upper(),
            "desc": t.description,
            "amount": amount,
        }

    return cells


def _body(
    style: _Print, month: CardMonth, numbers: list[str], holders: list[str]
) -> tuple[list[Row], TruthLog]:
    acc, log = month.account, TruthLog()
    if style.columns[0].key == "trans":
        acc = swap_dates(acc)
    cells = _cells(style)
    txns = list(zip(acc.txns, month.owners, strict=True))

    def block(picked: list[Txn]) -> list[Row]:
        return rows(replace(acc, txns=tuple(picked)), 0, log, cells, balance=lambda t: False)

    body = [Row({"desc": style.previous, "amount": EN.magnitude(month.previous)}, bold=True)]
    body += block([t for t, _ in txns if t.kind == "payment"])
    for owner, number in enumerate(numbers):
        mine = [t for t, o in txns if o == owner and t.kind != "payment"]
        if not mine:
            continue
        card = style.cards[0]
        head = style.section.format(card=card, number=number, holder=holders[owner])
        body.append(Row({"desc": head}, bold=True))
        body += block(mine)
        net = sum((t.amount for t in mine), Decimal(0))
        body.append(Row({"desc": style.subtotal, "amount": _owed(style, net)}, bold=True))
    if style.sums:
        body.append(Row({"desc": style.sums[0], "amount": style.credit(acc.total_credits)}))
        body.append(Row({"desc": style.sums[1], "amount": EN.magnitude(acc.total_debits)}))
    total = style.total.format(card=style.cards[0])
    body.append(Row({"desc": total, "amount": _owed(style, acc.closing)}, bold=True))
    if style.grand:
        body.append(Row({"desc": style.grand, "amount": _owed(style, acc.closing)}, bold=True))
    return body, log


def _numbers(rng: Random, count: int) -> list[str]:
    bin_ = rng.choice(("4119 1100", "5420 3300", "4628 4500", "5521 8800"))
    return [f"{bin_} {rng.randrange(10**4):04d} {rng.randrange(10**4):04d}" for _ in range(count)]


def _box(flow: Flow, rng: Random, st: Statement, owed: Decimal, symbol: str) -> None:
    """The statement box above the transactions: due date, limit and minimum payment."""
    new = max(-owed, Decimal(0))
    minimum = min(new, max(Decimal(50), (new * Decimal("0.03")).quantize(Decimal("0.01"))))
    limit = Decimal(rng.choice((8000, 12000, 15000, 25000)))
    pairs = [
        ("Statement Date", fmt_date(st.end, "DD MON YYYY")),
        ("Credit Limit", f"{symbol}{EN.magnitude(limit)}"),
        ("New Balance", f"{symbol}{EN.magnitude(owed)}{' CR' if owed > 0 else ''}"),
        ("Minimum Payment", f"{symbol}{EN.magnitude(minimum)}"),
        ("Payment Due Date", fmt_date(st.end + timedelta(days=25), "DD MON YYYY")),
    ]
    summary_box(flow, "STATEMENT SUMMARY", pairs, 0.5)


def _card(
    rng: Random,
    prints: tuple[_Print, ...],
    vocab: Vocab,
    towns: tuple[tuple[str, ...], tuple[str, ...]],
    words: tuple[str, str],
) -> Built:
    style = rng.choice(prints)
    rollover = style.day == "DD MON" and rng.random() < 0.35
    start_day, end_day = period(rng, rollover)
    cards = rng.choice((1, 1, 2))
    month = card_month(rng, replace(vocab, payments=(style.payment,)), (start_day, end_day), cards)
    holders = [rng.choice(HOLDERS[vocab.currency]) for _ in range(cards)]
    numbers = _numbers(rng, cards)
    masked = numbers[0][:4] + " XXXX XXXX " + numbers[0][-4:]
    account = replace(month.account, name=style.cards[0], masked=masked)
    bank, holder = parties(rng, rng.choice(style.banks), towns[1], holders[0])
    st = relocate(rng, Statement(bank, holder, start_day, end_day, (account,)), *towns)
    spec = PageSpec.vary(rng, size=(7.0, 8.5))
    flow = Flow(spec, footer(words[0]), words[1], continuation(bank.name, f"Card No. {masked}"))
    details = [
        ("Card Number", masked),
        ("Statement Date", fmt_date(end_day, "DD MON YYYY")),
        ("Currency", vocab.currency),
    ]
    letterhead(flow, rng, st, "CREDIT CARD STATEMENT", details)
    _box(flow, rng, st, account.closing, "$" if vocab.currency == "SGD" else "RM")
    body, log = _body(style, replace(month, account=account), numbers, holders)
    Table(flow, style.columns, Style.vary(rng, rng.choice(("none", "header")), (200, 320))).draw(
        body
    )
    note(flow, SLIPS[vocab.currency].format(number=numbers[0], ref=rng.randrange(10**9)))
    return Built(flow, st, log, EN)


HOLDERS = {
    "SGD": ("TAN WEI MING", "LIM HUI LING", "RAJESH S/O KUMAR", "NUR AISYAH BTE AHMAD"),
    "MYR": ("AHMAD FAIZAL BIN ISMAIL", "LEE CHOON KIT", "SITI NURHALIZA BINTI OMAR"),
}
SLIPS = {
    "SGD": (
        "PAYMENT SLIP. Pay by GIRO, internet banking (bill reference = card number {number}) or "
        "PayNow to UEN 19680{ref}E. Cheques payable to the bank, with the card number on the back."
    ),
    "MYR": (
        "SLIP BAYARAN / PAYMENT SLIP. Bayar melalui JomPAY Biller Code 4{ref} Ref-1 {number} "
        "atau IBG ke akaun 5140 1234 {ref}. Minimum payment must reach us by the due date."
    ),
}
SG_VOCAB = Vocab(
    "SGD",
    Decimal("1.35"),
    (
        "GRAB* A-5XKQ2LMN SINGAPORE SG",
        "NTUC FP-CLEMENTI SINGAPORE SG",
        "SHENG SIONG-BEDOK SINGAPORE SG",
        "BUS/MRT 312456789 SINGAPORE SG",
        "SHOPEE SINGAPORE MP SINGAPORE SG",
        "KOPITIAM-TAMPINES 1 SINGAPORE SG",
        "COLD STORAGE-NOVENA SINGAPORE SG",
        "SINGTEL-BILL PAYMENT SINGAPORE SG",
    ),
    (
        ("AMAZON MKTPLACE PMTS AMZN.COM/BILLWA", "U. S. DOLLAR", Decimal("1.3512")),
        ("AIRBNB * HMQX42ZA LONDON GB", "POUND STERLING", Decimal("1.7105")),
        ("AGODA.COM BANGKOK TH", "THAI BAHT", Decimal("0.0381")),
    ),
    (
        "PAYMENT RECEIVED",  # each print words its own (see _Print.payment)
    ),
    ("LATE CHARGE", "FINANCE CHARGES", "ANNUAL FEE"),
    ("CASH REBATE", "CASHBACK AWARDED"),
    "REFUND - {merchant}",
)
MY_VOCAB = Vocab(
    "MYR",
    Decimal("4.5"),
    (
        "GRAB* A-7BCDXY2 KUALA LUMPUR MY",
        "TNG EWALLET RELOAD KUALA LUMPUR MY",
        "SHELL-JALAN AMPANG KUALA LUMPUR MY",
        "99 SPEEDMART-2134 SHAH ALAM MY",
        "AEON BIG MID VALLEY KUALA LUMPUR MY",
        "LAZADA MALAYSIA KUALA LUMPUR MY",
        "MYDIN MALL-SUBANG SUBANG JAYA MY",
    ),
    (
        ("NETFLIX.COM LOS GATOS US", "USD", Decimal("4.6821")),
        ("SHOPEE SINGAPORE SG", "SGD", Decimal("3.4510")),
    ),
    ("PAYMENT RECEIVED",),  # each print words its own (see _Print.payment)
    ("LATE PAYMENT CHARGE", "FINANCE CHARGES", "SERVICE TAX RM25 (ST)"),
    ("CASHBACK", "CASH REBATE"),
    "REFUND {merchant}",
)
SG_TOWNS = (
    ("{n} Orchard Road #05-12", "Blk {n} Tampines St 21 #08-141"),
    ("Singapore 238839", "Singapore 521201"),
)
MY_TOWNS = (
    ("No. {n}, Jalan SS 2/24", "{n} Jalan Ampang"),
    ("47300 Petaling Jaya, Selangor", "50450 Kuala Lumpur"),
)


def sg_card(rng: Random) -> Built:
    return _card(rng, SG, SG_VOCAB, SG_TOWNS, ("Page {n} of {total}", "Co. Reg. No. 199901234K"))


def my_card(rng: Random) -> Built:
    return _card(
        rng, MY, MY_VOCAB, MY_TOWNS, ("Muka Surat / Page {n} of {total}", "Dilindungi oleh PIDM")
    )


LAYOUTS = (
    Layout(
        "sg_card",
        "Singapore card statement (DBS / UOB / OCBC): year-less 'DD MON' or dd/mm dates, one "
        "transaction date or post + trans dates, PREVIOUS BALANCE / LAST MONTH'S BALANCE, credits "
        "with CR or in parentheses, NEW TRANSACTIONS <card> <number> sections for principal and "
        "supplementary cards with SUB-TOTAL, TOTAL and GRAND TOTAL rows, foreign currency lines "
        "under merchants, payment REF NO lines, minimum payment box with '$' meaning SGD",
        sg_card,
    ),
    Layout(
        "my_card",
        "Malaysian card statement (Maybank / CIMB / Public Bank): bilingual Malay/English "
        "headings, Posting Date + Transaction Date dd/mm (Public Bank: transaction date first), "
        "YOUR PREVIOUS STATEMENT BALANCE, credits with CR (glued on as 1,234.56CR on Maybank), "
        "SUB TOTAL/JUMLAH per card, foreign currency lines, RM, JomPAY payment slip numbers",
        my_card,
    ),
)
