"""Family from Thailand: the English statements of KBank, Bangkok Bank and SCB.

Held out in the third split; tuned on since that split was scored.

Modelled on ninyawee/thanakan (packages/thanakan-statement/src/thanakan_statement/parser.py and
keywords.py), which reads all three banks' PDF statements. KBank: `Account Number` XXX-X-XXXXX-X,
`Period DD/MM/YYYY - DD/MM/YYYY`, a Beginning Balance row, rows `DD-MM-YY HH:MM` with the type in
Descriptions (Transfer Withdrawal, Transfer Deposit, Debit Card Spending, Payment, Direct Debit,
Annual Debit Card Fee, Interest), ONE unsigned amount whose direction only the type word and the
balance tell, the Outstanding Balance, the Channel (K PLUS, EDC/K SHOP, ATM, Automatic Transfer,
Online Direct Debit) and Details (`To SCB X5247 MR. SOMCHAI J++`), with Total Withdrawal / Total
Deposit / Ending Balance in a summary. Bangkok Bank: `0369 ... BRANCH`, `Account No.
369-4-58959-3`, `Statement Period`, a `B/F` first row, `DD/MM/YY` dates, Particulars that are
bank codes (TRF TO OTH BK, TRF FR OTH BK, PMT. PROMPTPAY, BILL PAY E-CHN, CASH DEP NBK,
SALARY), Chq.No., Withdrawal and Deposit columns, the Balance and `Via` (mPhone, Gtway,
BR0369 KUMPHAWAPI). SCB: `XXX-XXXXXX-X`, `BALANCE BROUGHT FORWARD`, rows `DD/MM/YY HH:MM`
with the code X1 (credit) or X2 (debit), the channel (ENET, ATM, EDC), one unsigned amount, the
balance and the description last.

Thai-language prints date in the Buddhist era (2567 for 2024, as Thai date parsers in public
import code expect: 25/04/2550, 25/4/50); a seeded share of Bangkok Bank statements prints its
period and row dates that way. The embedded font has no Thai glyphs, so labels and narrations are
the English ones these banks print on their English statements.
"""

from __future__ import annotations

from datetime import date
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, clock, digits, local_statement, segments
from cypheredge.synth.layouts.local_print import figures
from cypheredge.synth.layouts.local_regions_east import THAILAND
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
TH_BANKS = ("Bank of Chao Phraya PCL", "Siam Lotus Bank PCL", "Andaman Commercial Bank PCL")
TH_TOWNS = ("BANGKOK 10500", "CHIANG MAI 50200", "UDON THANI 41000", "KHON KAEN 40000")
TH_STREETS = ("{n} SILOM ROAD", "{n}/12 SUKHUMVIT SOI 31", "{n} MOO 4 MITTRAPHAP ROAD")
TH_HOLDERS = ("MR. NUTCHANON SRISUK", "MS. KANYARAT PHOLSRI", "MR. THANAKORN BOONMA")
BRANCHES = ("0369 KUMPHAWAPI BRANCH", "0112 SILOM BRANCH", "0841 CENTRAL WORLD BRANCH")
# kind -> (KBank channel, Bangkok Bank particulars, Bangkok Bank via, SCB channel)
TH_KINDS = {
    "salary": ("Automatic Transfer", "SALARY", "Auto", "BCMS"),
    "rent": ("K PLUS", "TRF TO OTH BK", "mPhone", "ENET"),
    "utility": ("Online Direct Debit", "BILL PAY E-CHN", "Gtway", "ENET"),
    "grocery": ("EDC/K SHOP", "PMT. PROMPTPAY", "mPhone", "EDC"),
    "card": ("EDC/K SHOP", "PMT. PROMPTPAY", "mPhone", "EDC"),
    "transfer_out": ("K PLUS", "TRF TO OTH BK", "mPhone", "ENET"),
    "transfer_in": ("K PLUS", "TRF FR OTH BK", "mPhone", "ENET"),
    "atm": ("ATM", "ATM WDL", "ATM", "ATM"),
    "fee": ("Counter", "FEE", "Auto", "BCMS"),
    "interest": ("Counter", "INTEREST", "Auto", "BCMS"),
    "refund": ("EDC/K SHOP", "TRF FR OTH BK", "Gtway", "EDC"),
    "loan": ("Online Direct Debit", "BILL PAY E-CHN", "Gtway", "ENET"),
}
OTHER = ("Counter", "TR FR/TO S/A", "Auto", "BCMS")


def buddhist(day: date, pattern: str) -> str:
    """A Buddhist-era date: the year is 543 more (2024 is 2567); YY gives its last two digits."""
    era = day.year + 543
    return fmt_date(day, pattern.replace("YYYY", str(era)).replace("YY", f"{era % 100:02d}"))


def _kbank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    out = sum(1 for t in acc.txns if t.amount < 0)
    figures(
        flow,
        [
            ("Beginning Balance", EN.magnitude(acc.opening)),
            ("Total Withdrawal", EN.magnitude(acc.total_debits), f"{out} Items"),
            ("Total Deposit", EN.magnitude(acc.total_credits), f"{len(acc.txns) - out} Items"),
            ("Ending Balance", EN.magnitude(acc.closing)),
        ],
        0.45,
    )

    def cells(t: Txn) -> dict[str, str]:
        parts = segments(t)
        return {
            "date": fmt_date(t.day, "DD-MM-YY"),
            "time": clock(t),
            "kind": parts[0],
            "amt": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
            "channel": TH_KINDS.get(t.kind, OTHER)[0],
            "detail": " ".join(parts[1:]),
        }

    columns = [
        Column("date", "Date"),
        Column("time", "Time/\nEff.Date"),
        Column("kind", "Descriptions", wrap=True, truth=DESC),
        Column("amt", "Withdrawal /\nDeposit", "r"),
        Column("bal", "Outstanding\nBalance", "r"),
        Column("channel", "Channel", wrap=True),
        Column("detail", "Details", wrap=True, truth=DESC),
    ]
    opening = {"date": fmt_date(st.start, "DD-MM-YY"), "kind": "Beginning Balance"}
    body = framed(
        opening | {"bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("none", "header", "rows")), (120, 200))
    LinedTable(flow, columns, style).draw(body)


def _bbl(flow: Flow, rng: Random, st: Statement, log: TruthLog, era: bool) -> None:
    acc = st.accounts[0]

    def day(d: date) -> str:
        return buddhist(d, "DD/MM/YY") if era else fmt_date(d, "DD/MM/YY")

    def cells(t: Txn) -> dict[str, str]:
        _, code, via, _ = TH_KINDS.get(t.kind, OTHER)
        if via == "mPhone" and t.kind == "transfer_in" and int(digits(t, 1)) < 3:
            # a cash deposit at another branch: the branch code and place stand in Via
            place = BRANCHES[int(digits(t, 2)) % len(BRANCHES)].split()[1]
            code, via = "CASH DEP NBK", f"BR{digits(t, 4)} {place}"
        return {
            "date": day(t.day),
            "desc": code,
            "chq": "",  # printed, but empty on a savings account without a cheque book
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
            "via": via,
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("chq", "Chq.No."),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", "Balance", "r"),
        Column("via", "Via"),
    ]
    body = framed(
        {"date": day(st.start), "desc": "B/F", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("rows", "grid", "none")), (140, 220))
    LinedTable(flow, columns, style).draw(body)


def _scb(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "time": clock(t),
            "code": "X2" if t.amount < 0 else "X1",
            "channel": TH_KINDS.get(t.kind, OTHER)[3],
            "amt": EN.magnitude(t.amount),
            "bal": EN.magnitude(t.balance),
            "desc": " ".join(segments(t)),
        }

    columns = [
        Column("date", "Date"),
        Column("time", "Time"),
        Column("code", "Code"),
        Column("channel", "Channel"),
        Column("amt", "Withdrawal /\nDeposit", "r"),
        Column("bal", "Balance", "r"),
        Column("desc", "Description", wrap=True, truth=DESC),
    ]
    body = framed(
        {"desc": "BALANCE BROUGHT FORWARD", "bal": EN.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
        bold=False,
    )
    style = Style.vary(rng, rng.choice(("header", "rows")), (150, 240))
    LinedTable(flow, columns, style).draw(body)


def _head(rng: Random, st: Statement, variant: str, era: bool) -> Flow:
    acc = st.accounts[0]
    if variant == "kbank":
        span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
        details = [("Account Name", st.holder.name), ("Account Number", acc.masked)]
        details += [("Period", span), ("Reference", f"{rng.randint(10**7, 10**8 - 1)}")]
        head, page = ("STATEMENT OF ACCOUNT", details), "Page {n}/{total}"
    elif variant == "bbl":
        pattern = "DD/MM/YYYY"
        first, last = (
            (buddhist(st.start, pattern), buddhist(st.end, pattern))
            if era
            else (fmt_date(st.start, pattern), fmt_date(st.end, pattern))
        )
        details = [("Name", st.holder.name), ("Account No.", acc.masked)]
        details += [("Currency", "THB"), ("Statement Period", f"{first} - {last}")]
        head, page = (rng.choice(BRANCHES), details), "Page {n} of {total}"
    else:
        span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
        details = [("Account Name", st.holder.name), ("Account No.", acc.masked)]
        details += [("Period", span), ("Branch", rng.choice(BRANCHES).split(" ", 1)[1])]
        head, page = ("ACCOUNT STATEMENT", details), "{n}/{total}"
    return start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        head,
        page,
        f"{st.bank.name}  Deposit protection by the Deposit Protection Agency (DPA)",
        f"{head[0]} {acc.masked}",
    )


# KBank masks all but four digits; Bangkok Bank prints 3-1-5-1 digits, SCB 3-6-1.
TH_MASKS = {
    "kbank": "XXX-X-X{last4}-X",
    "bbl": "{d3}-{d1}-{last4}9-{d1}",
    "scb": "{d3}-{last4}98-{d1}",
}


def th_baht(rng: Random) -> Built:
    variant = rng.choice(sorted(TH_MASKS))
    era = variant == "bbl" and rng.random() < 0.4
    mask = TH_MASKS[variant].replace("{d3}", f"{rng.randint(100, 999)}")
    mask = mask.replace("{d1}", str(rng.randint(0, 9)))
    plan = Plan("Savings Account", rng.randint(22, 48), (150, 2500), cheques=False, mask=mask)
    names = (rng.choice(TH_BANKS), TH_TOWNS, rng.choice(TH_HOLDERS))
    st = local_statement(rng, THAILAND, names, [plan], period(rng), TH_STREETS)
    flow = _head(rng, st, variant, era)
    log = TruthLog()
    if variant == "kbank":
        _kbank(flow, rng, st, log)
    elif variant == "bbl":
        _bbl(flow, rng, st, log, era)
    else:
        _scb(flow, rng, st, log)
    return Built(flow, st, log, EN)


LAYOUTS = (
    Layout(
        "th_baht",
        "Thai statements in English (KBank / Bangkok Bank / SCB style): DD-MM-YY with a time, "
        "the type in its own Descriptions column and ONE unsigned Withdrawal / Deposit amount "
        "whose direction only the type word and the balance give, Channel and Details after the "
        "balance, Beginning Balance row and Total Withdrawal / Deposit with item counts; or bank "
        "codes (TRF TO OTH BK) with B/F, Chq.No. and Via columns and Buddhist-era years "
        "(01/04/67 for 2024); or X1 / X2 credit-debit codes beside one unsigned amount",
        th_baht,
    ),
)
