"""Family from Jordan: the statements of Arab Bank (and its digital account, Reflect)
and the Housing Bank for Trade and Finance, in English with Arabic labels, in dinars with three
decimals.

Held out in the fifth split; tuned on since that split was scored.

The Jordanian dinar has a three-digit minor unit (1 JOD = 1000 fils), so amounts, balances and
the truth have three decimals (`1,234.567`; `12.500` for twelve and a half). Public sources on
Jordanian statement PDFs are thin: the family follows what a public Jordanian SMS parser shows of
these banks' wording (Housing Bank's `JOD 25.000 has been transferred by CliQ ...`, ATM
withdrawals `with authorization number`, eFAWATEERcom bill payments to JEPCO, Miyahuna, Orange,
Zain and Umniah, Reflect's `credited to your reflect account`, Orange Money and Zain Cash
wallets), the public IBAN format (JO + 2 check digits + the 4-letter bank code + 4-digit branch +
18-digit account), and the bilingual English / Arabic labels Gulf and Levant banks print (as on
the Egyptian and Saudi families). Arab Bank: Statement of Account with Posting Date / Value Date
/ Description / Debit / Credit / Balance, English titles over their Arabic ones, Opening and
Closing Balance rows. Housing Bank: Arabic titles over English ones, DD-MM-YYYY dates, multi-line
transaction details, a reference column and one signed amount beside the balance, brought and
carried forward at page breaks. Reflect: the newest movement first, date and time together,
amounts signed `+12.500 JOD` / `-3.250 JOD`, and no running balance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import NumberStyle, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.emirates_philippines import AR as GULF
from cypheredge.synth.layouts.local_kit import LinedTable, clock, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import serial
from cypheredge.synth.layouts.local_regions_global import JORDAN
from cypheredge.synth.layouts.saudi import AR
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
MILL = Decimal("0.001")
# المرجع (the reference), in presentation forms and visual order like the labels in saudi.AR
REFERENCE = "\ufeca\ufe9f\ufeae\ufee4\ufedf\ufe8d"
JO_BANKS = {
    "arab": ("Levant Arab Bank", "Jordan Valley Bank"),
    "housing": ("Petra Housing Bank", "Housing Bank of the Valley"),
    "reflect": ("Levant Arab Bank",),
}
JO_TOWNS = ("Amman 11118", "Amman 11953", "Irbid 21110", "Zarqa 13110", "Aqaba 77110")
JO_STREETS = ("{n} Zahran Street", "{n} Mecca Street", "Building {n}, Wasfi Al-Tal Street")
JO_HOLDERS = (
    "MOHAMMAD AHMAD ALZOUBI",
    "DANA KHALED HADDAD",
    "YAZAN SAMI ALMAJALI",
    "NOUR ALI AZZAM",
)
BICS = {"arab": "ARAB", "housing": "HBHO", "reflect": "ARAB"}
# postings at a shop, a biller or the bank's own: fils; salaries, transfers and cash: round
FINE = ("card", "grocery", "utility", "fee", "interest", "refund")
LEGAL = (
    "Licensed by the Central Bank of Jordan. Deposits insured by the Jordan Deposit Insurance Corp."
)


@dataclass(frozen=True)
class Fils(NumberStyle):
    """A currency with a three-digit minor unit: `1,234.567`."""

    def magnitude(self, value: Decimal) -> str:
        units, fils = f"{abs(value).quantize(MILL, ROUND_HALF_UP):f}".split(".")
        return f"{self._group(units)}{self.decimal}{fils}"


MILLS = Fils(",", ".")


def _signed(value: Decimal, plus: bool = False) -> str:
    body = MILLS.magnitude(value)
    if value < 0:
        return f"-{body}"
    return f"+{body}" if plus else body


def fils(st: Statement) -> Statement:
    """Give shop, bill and fee amounts their fils (a digit of the third decimal, from the
    posting's reference) and chain the balances again; round sums stay round. Debits only get
    smaller, so no balance falls below where the ledger put it."""
    return replace(st, accounts=tuple(_fils(acc) for acc in st.accounts))


def _fils(acc: Account) -> Account:
    opening = acc.opening + Decimal(int(digits(acc.txns[0], 1)) if acc.txns else 0) * MILL
    balance, txns = opening, []
    for t in acc.txns:
        amount = t.amount
        if t.kind in FINE:
            amount += Decimal(int(digits(t, 2)) % 10) * MILL
        balance += amount
        txns.append(replace(t, amount=amount, balance=balance))
    return replace(acc, opening=opening, txns=tuple(txns))


def _arab(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "desc": " ".join(parts(t)),
            "out" if t.amount < 0 else "in": MILLS.magnitude(t.amount),
            "bal": _signed(t.balance),
        }

    columns = [
        Column("date", f"Posting Date\n{AR['date']}"),
        Column("value", "Value Date"),
        Column("desc", f"Description\n{AR['desc']}", wrap=True, truth=DESC),
        Column("out", f"Debit\n{AR['out']}", "r"),
        Column("in", f"Credit\n{AR['in']}", "r"),
        Column("bal", f"Balance\n{AR['bal']}", "r"),
    ]
    body = framed(
        {"desc": "Opening Balance", "bal": _signed(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "Closing Balance", "bal": _signed(acc.closing)},
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


def _housing(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "desc": "\n".join(parts(t)),
            "ref": f"{serial(t, 10)}",
            "amt": _signed(t.amount),
            "bal": _signed(t.balance),
        }

    columns = [
        Column("date", f"{AR['date']}\nDate"),
        Column("desc", f"{AR['desc']}\nTransaction Details", wrap=True, truth=DESC),
        Column("ref", f"{REFERENCE}\nReference"),
        Column("amt", f"{AR['amt']}\nAmount", "r"),
        Column("bal", f"{AR['bal']}\nBalance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance Carried Forward", "bal": _signed(b)},
        brought=lambda b: {"desc": "Balance Brought Forward", "bal": _signed(b)},
    )
    body = framed(
        {
            "date": fmt_date(st.start, "DD-MM-YYYY"),
            "desc": "Balance Brought Forward",
            "bal": _signed(acc.opening),
        },
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "rows")), (180, 270))
    LinedTable(flow, columns, style, carry).draw(body)


def _reflect(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    page_note(flow, f"Available Balance: {_signed(acc.closing)} JOD", size=flow.spec.size, gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": f"{fmt_date(t.day, 'DD MON YYYY')} {clock(t)}",
            "desc": " ".join(parts(t)),
            "amt": f"{_signed(t.amount, plus=True)} JOD",
        }

    columns = [
        Column("date", "Date & Time"),
        Column("desc", "Transaction", wrap=True, truth=DESC),
        Column("amt", "Amount", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("rows", "none")), (240, 330))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells, balance=lambda t: False))
    page_note(flow, f"Opening Balance: {_signed(acc.opening)} JOD", size=flow.spec.size, gray=0.0)


JO_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "arab": _arab,
    "housing": _housing,
    "reflect": _reflect,
}
JO_TITLES = {
    "arab": f"Statement of Account {AR['title']}",
    "housing": f"{AR['title']} Account Statement",
    "reflect": "Account Statement",
}


def jo_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(JO_TABLES))
    branch = rng.randint(1, 9999)
    account = rng.randint(10**13, 10**14 - 1)
    mask = f"JO{rng.randint(10, 99)}{BICS[variant]}{branch:04d}{account}{{last4}}"
    pool = (*EVERYDAY, "card", "grocery", "transfer_out")
    plan = Plan(
        "Current Account", rng.randint(22, 44), (300, 3500), pool=pool, cheques=False, mask=mask
    )
    names = (rng.choice(JO_BANKS[variant]), JO_TOWNS, rng.choice(JO_HOLDERS))
    st = fils(local_statement(rng, JORDAN, names, [plan], period(rng), JO_STREETS))
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Customer Name", st.holder.name),
        (f"IBAN {GULF['iban']}" if variant != "reflect" else "IBAN", acc.masked),
        (f"Currency {AR['currency']}", "JOD"),
        ("Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (JO_TITLES[variant], details),
        rng.choice(("Page {n} of {total}", "{n} / {total}")),
        LEGAL,
        f"Account Statement {acc.masked}",
    )
    log = TruthLog()
    JO_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, MILLS)


LAYOUTS = (
    Layout(
        "jo_statement",
        "Jordanian statements in English with Arabic labels (Arab Bank / Housing Bank / "
        "Reflect style): JOD with three decimals (1,234.567), CliQ, eFAWATEERcom and wallet "
        "narrations; posting and value dates, English titles over Arabic ones, Debit / Credit "
        "/ Balance between opening and closing rows; or Arabic titles over English ones, "
        "DD-MM-YYYY dates, multi-line details, a reference and one signed amount beside the "
        "balance, carried forward at page breaks; or the newest movement first with date and "
        "time, +12.500 JOD / -3.250 JOD and no running balance",
        jo_statement,
    ),
)
