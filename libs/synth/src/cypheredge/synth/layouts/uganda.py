"""Family from Uganda: the statements of Stanbic Bank Uganda, Centenary Bank and dfcu Bank,
in English and shillings.

Held out in the sixth split; tuned on since that split was scored.

Public sources on Ugandan prints are thin: a public Stanbic parser (written on Stanbic IBTC's
Nigerian prints, which share the Standard Bank group's layout: two DD-MM-YYYY dates per row, amounts
`1,234.56` with an optional CR or DR), Ugandan tax packs and press reports of the excise duty on
bank charges (banks began collecting it at 10% in July 2014 on ledger fees, withdrawal and transfer
charges; the family uses the 15% of later years) and the 15% withholding tax on interest, both
posted by banks as rows of their own, are what the family follows, with the MTN MoMo, Airtel Money,
UMEME and NWSC narrations every Ugandan statement carries. The shilling has no minor unit in use, so
amounts are whole shillings: Stanbic and dfcu print them with `.00`, Centenary without decimals
(`1,250,000`). Stanbic: DD MON YYYY dates, Debit / Credit and a balance marked CR or DR. Centenary:
Particulars / Withdrawals / Deposits / Balance after a B/F row, DD/MM/YYYY. dfcu: ISO dates, one
Amount with debits in parentheses, the narration over two lines and the totals in a box.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import EN, NumberStyle, fmt_date, marked, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start, totals
from cypheredge.synth.layouts.local_charges import Fee, charged
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen, serial, steps
from cypheredge.synth.layouts.local_regions_tropics import UGANDA
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
UG_BANKS = ("Pearl Commercial Bank Ltd", "Victoria Trust Bank Ltd", "Rwenzori Bank Uganda Ltd")
UG_TOWNS = ("Kampala", "Entebbe", "Jinja", "Mbarara")
UG_STREETS = ("Plot {n}, Kampala Road", "Plot {n}, Jinja Road", "P.O. Box {n}{n}")
UG_HOLDERS = ("SSEBUNYA JOSEPH", "AKELLO PATRICIA", "TUMWINE DAVID", "NABIRYE ESTHER")
SHILLINGS = Whole(",", ".")
NUMBERS: dict[str, NumberStyle] = {"stanbic": EN, "centenary": SHILLINGS, "dfcu": EN}
EXCISE = "EXCISE DUTY 15% ON CHARGES"
WHT = "WITHHOLDING TAX 15% ON INTEREST"
LEGAL = "Regulated by the Bank of Uganda. Deposits protected by the Deposit Protection Fund."


def _share(part: str, kind: str) -> Fee:
    """`part` of each posting of `kind`, in whole shillings."""
    factor = Decimal(part)

    def fee(t: Txn) -> Decimal:
        if t.kind != kind:
            return Decimal(0)
        whole = (abs(t.amount) * factor).quantize(Decimal(1), ROUND_HALF_UP)
        return whole.quantize(Decimal("0.01"))

    return fee


def _stanbic(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD MON YYYY"),
            "value": fmt_date(t.value_day, "DD MON YYYY"),
            "desc": " ".join(segments(t)),
            "out" if t.amount < 0 else "in": EN.magnitude(t.amount),
            "bal": marked(EN, t.balance, credit="CR", debit="DR"),
        }

    columns = [
        Column("date", "Transaction Date"),
        Column("value", "Value Date"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Debit", "r"),
        Column("in", "Credit", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "OPENING BALANCE", "bal": marked(EN, acc.opening, credit="CR", debit="DR")},
        rows(acc, 0, log, cells),
        {"desc": "CLOSING BALANCE", "bal": marked(EN, acc.closing, credit="CR", debit="DR")},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (150, 230))
    LinedTable(flow, columns, style).draw(body)


def _centenary(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "desc": " ".join(segments(t)),
            "out" if t.amount < 0 else "in": SHILLINGS.magnitude(t.amount),
            "bal": SHILLINGS.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Particulars", wrap=True, truth=DESC),
        Column("out", "Withdrawals", "r"),
        Column("in", "Deposits", "r"),
        Column("bal", "Balance", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "C/F", "bal": SHILLINGS.magnitude(b)},
        brought=lambda b: {"desc": "B/F", "bal": SHILLINGS.magnitude(b)},
    )
    body = framed(
        {"desc": "B/F", "bal": SHILLINGS.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "grid", "none")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)


def _dfcu(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY-MM-DD"),
            "ref": f"FT{fmt_date(t.day, 'YYMMDD')}{serial(t, 5)}",
            "desc": "\n".join(segments(t)),
            "amt": signed(EN, t.amount, negative="parens"),
            "bal": signed(EN, t.balance, negative="parens"),
        }

    columns = [
        Column("date", "Posting Date"),
        Column("ref", "Reference"),
        Column("desc", "Narration", wrap=True, truth=DESC),
        Column("amt", "Amount (UGX)", "r"),
        Column("bal", "Balance (UGX)", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none", "header")), (180, 280))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary (UGX)", labels, lambda v: signed(EN, v, negative="parens"))


UG_TABLES: dict[str, Callable[[Flow, Random, Statement, TruthLog], None]] = {
    "stanbic": _stanbic,
    "centenary": _centenary,
    "dfcu": _dfcu,
}


def ug_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(UG_TABLES))
    mask = {"stanbic": "90300", "centenary": "31000", "dfcu": "01000"}[variant]
    mask = f"{mask}{rng.randint(10**4, 10**5 - 1)}{{last4}}"
    pool = (*EVERYDAY, "transfer_out", "transfer_in", "card")
    plan = Plan(
        "Current Account",
        rng.randint(24, 54),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "fee"),
        optional=("loan", "interest", "interest"),
        pool=pool,
        cheques=False,
        mask=mask,
    )
    names = (rng.choice(UG_BANKS), UG_TOWNS, rng.choice(UG_HOLDERS))
    st = local_statement(rng, UGANDA, names, [plan], period(rng), UG_STREETS)
    st = coarsen(st, steps("1", "1000", ROUND_KINDS))  # whole shillings, round transfers
    st = charged(st, _share("0.15", "fee"), lambda t: EXCISE, kind="excise")
    st = charged(st, _share("0.15", "interest"), lambda t: WHT, kind="wht")
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD MON YYYY')} - {fmt_date(st.end, 'DD MON YYYY')}"
    details = [
        ("Account Name", st.holder.name),
        ("Account Number", acc.masked),
        ("Currency", "UGX"),
        ("Period", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, TIMES, DEJAVU), size=(6.5, 8.0)),
        ("ACCOUNT STATEMENT", details),
        rng.choice(("Page {n} of {total}", "{n} of {total}")),
        LEGAL,
        f"Account Statement {acc.masked}",
    )
    log = TruthLog()
    UG_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, NUMBERS[variant])


LAYOUTS = (
    Layout(
        "ug_statement",
        "Ugandan statements (Stanbic / Centenary / dfcu style): UGX in whole shillings, MTN MoMo, "
        "Airtel Money, UMEME and NWSC narrations, the 15% excise duty after each charge and the "
        "15% withholding tax after each interest credit as rows of their own; DD MON YYYY "
        "transaction and value dates, Debit / Credit and balances marked CR or DR; or no "
        "decimals at all (1,250,000), Withdrawals / Deposits / Balance after a B/F row and C/F "
        "/ B/F rows at page breaks; or ISO dates, FT references, one Amount with debits in "
        "parentheses, two-line narrations and the totals in a box",
        ug_statement,
    ),
)
