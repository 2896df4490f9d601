"""Family from Oman: the statements of Bank Muscat, the National Bank of Oman and Sohar
International, in English with Arabic labels, in rials with three decimals.

Held out in the eighth split; tuned on since that split was scored.

The Omani rial has a three-digit minor unit (1 OMR = 1000 baisa): amounts, balances and the truth
have three decimals (`1,234.567`). Oman levies a 5% VAT (since April 2021) that banks post as a
row of its own after each fee. Public sources on Omani statement PDFs are thin: the family
follows the three-decimal currencies the generator's formats already know (OMR beside KWD, BHD
and JOD), the bilingual Arabic / English headers Gulf bank statements print (a public Emirati
statement's text layer with `Date التاريخ`, `Currency العملة`, `Account No. رقم الحساب` side by
side), and the common Gulf columns (Transaction Date / Value Date / Description / Debit / Credit
/ Balance; Narration; DD-MON-YY), said so here.

Bank Muscat: DD/MM/YYYY posting and value dates, a reference, Debit / Credit / Balance under
Arabic and English titles between opening and closing rows. NBO: DD-MON-YY upper case, one
signed amount and the balance marked CR, the numbers and totals of debits and credits in a box.
Sohar: DD MON YYYY, the narration over two lines, Withdrawals / Deposits / Balance brought and
carried forward at page breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import fmt_date, marked, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, segments
from cypheredge.synth.layouts.local_mills import Mills, mills, share
from cypheredge.synth.layouts.local_print import serial, side
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import OMAN
from cypheredge.synth.layouts.saudi import AR
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import summary_box
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
BAISA = Mills(",", ".")
OM_BANKS = {
    "muscat": ("Bank of Muttrah SAOG",),
    "nbo": ("National Bank of Batinah SAOG",),
    "sohar": ("Sohar Coast Bank SAOG",),
}
OM_TOWNS = ("Muscat 100", "Ruwi 112", "Seeb 121", "Sohar 311", "Salalah 211")
OM_STREETS = ("Way {n}, Al Khuwair", "Building {n}, Sultan Qaboos Street", "Way {n}, Qurum")
OM_HOLDERS = ("SALIM SAID AL BALUSHI", "FATMA ALI AL HINAI", "KHALID NASSER AL RAWAHI")
VAT = "VAT 5% ON CHARGES"
LEGAL = "Licensed and regulated by the Central Bank of Oman."


def cash(st: Statement) -> Statement:
    """ATMs pay out round tens of rials: each withdrawal becomes 10 to 100 OMR, from its own
    reference, and the opening is raised by what they add."""
    acc = st.accounts[0]
    sizes = [Decimal(10 * (1 + int(digits(t, 2)) % 10)) for t in acc.txns]
    extra = sum((z for z, t in zip(sizes, acc.txns, strict=True) if t.kind == "atm"), Decimal(0))
    balance, txns = acc.opening + extra, []
    for size, t in zip(sizes, acc.txns, strict=True):
        amount = -size if t.kind == "atm" else t.amount
        balance += amount
        txns.append(replace(t, amount=amount, balance=balance))
    return replace(st, accounts=(replace(acc, opening=acc.opening + extra, txns=tuple(txns)),))


def _ro(value: Decimal) -> str:
    return signed(BAISA, value)


def _muscat(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "ref": serial(t, 10),
            "desc": " ".join(segments(t)),
            **side(BAISA, t),
            "bal": _ro(t.balance),
        }

    columns = [
        Column("date", f"{AR['date']}\nDate"),
        Column("value", "Value Date"),
        Column("ref", "Reference"),
        Column("desc", f"{AR['desc']}\nDescription", wrap=True, truth=DESC),
        Column("out", f"{AR['out']}\nDebit", "r"),
        Column("in", f"{AR['in']}\nCredit", "r"),
        Column("bal", f"{AR['bal']}\nBalance", "r"),
    ]
    body = framed(
        {"desc": "OPENING BALANCE", "bal": _ro(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "CLOSING BALANCE", "bal": _ro(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(body)


def _nbo(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MON-YY").upper(),
            "desc": " ".join(segments(t)),
            "amt": _ro(t.amount),
            "bal": marked(BAISA, t.balance, credit="CR", debit="DR"),
        }

    columns = [
        Column("date", "Txn Date"),
        Column("desc", "Narration", wrap=True, truth=DESC),
        Column("amt", "Amount (OMR)", "r"),
        Column("bal", "Balance (OMR)", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "header", "grid")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    debits = sum(1 for t in acc.txns if t.amount < 0)
    pairs = [
        ("Opening Balance", BAISA.magnitude(acc.opening)),
        (f"Total Debits ({debits})", BAISA.magnitude(acc.total_debits)),
        (f"Total Credits ({len(acc.txns) - debits})", BAISA.magnitude(acc.total_credits)),
        ("Closing Balance", BAISA.magnitude(acc.closing)),
    ]
    summary_box(flow, "Statement Summary", pairs)


def _sohar(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD MON YYYY"),
            "desc": "\n".join(segments(t)),
            "out" if t.amount < 0 else "in": BAISA.magnitude(t.amount),
            "bal": _ro(t.balance),
        }

    columns = [
        Column("date", "Transaction Date"),
        Column("desc", "Narration", wrap=True, truth=DESC),
        Column("out", "Withdrawals", "r"),
        Column("in", "Deposits", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "CARRIED FORWARD", "bal": _ro(b)},
        brought=lambda b: {"desc": "BROUGHT FORWARD", "bal": _ro(b)},
    )
    body = framed(
        {"desc": "BROUGHT FORWARD", "bal": _ro(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "none", "rows")), (180, 280))
    LinedTable(flow, columns, style, carry).draw(body)


OM_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "muscat": _muscat,
    "nbo": _nbo,
    "sohar": _sohar,
}
OM_TITLES = {
    "muscat": f"Statement of Account {AR['title']}",
    "nbo": "ACCOUNT STATEMENT",
    "sohar": "Statement of Account",
}


def om_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(OM_TABLES))
    plan = Plan(
        "Current Account",
        rng.randint(22, 46),
        (300, 3500),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        pool=(*EVERYDAY, "card", "grocery", "transfer_out", "fee"),
        cheques=False,
        mask=f"0{rng.randint(100, 999)}0{rng.randint(10**7, 10**8 - 1)}{{last4}}",
    )
    names = (rng.choice(OM_BANKS[variant]), OM_TOWNS, rng.choice(OM_HOLDERS))
    st = cash(mills(local_statement(rng, OMAN, names, [plan], period(rng), OM_STREETS)))
    st = charged(st, share("0.05", ("fee",)), lambda t: VAT, kind="vat")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} to {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Customer Name", st.holder.name),
        (f"Account No. {AR['account']}", acc.masked),
        (f"Currency {AR['currency']}", "OMR"),
        ("Statement Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        (OM_TITLES[variant], details),
        rng.choice(("Page {n} of {total}", "{n} / {total}")),
        LEGAL,
        f"Statement of Account {acc.masked}",
    )
    log = TruthLog()
    OM_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, BAISA)


LAYOUTS = (
    Layout(
        "om_statement",
        "Omani statements in English with Arabic labels (Bank Muscat / NBO / Sohar style): OMR "
        "with three decimals (1,234.567), the 5% VAT after each fee as a row of its own; "
        "posting and value dates, a reference, Debit / Credit / Balance under Arabic and "
        "English titles between opening and closing rows; or DD-MON-YY, one signed amount, "
        "the balance marked CR and the counts and totals of debits and credits in a box; or "
        "DD MON YYYY, Withdrawals / Deposits, brought and carried forward at page breaks",
        om_statement,
    ),
)
