"""Family from Cambodia: the account statements of ABA Bank, ACLEDA Bank and Canadia Bank,
in English, for US-dollar or riel accounts.

Held out in the eighth split; tuned on since that split was scored.

Cambodia's economy runs on two currencies: most accounts are in US dollars (with cents), many in
riel, which print without decimals in round hundreds (`40,000 KHR`). Each seed draws the
account's currency. Banks withhold the 4% tax on the interest of savings accounts and post it as
a row of its own after the interest credit. Sources: a public Markdown transcription of an ABA
Bank account statement (`ACCOUNT STATEMENT`, `For period: Jan 01, 2021 - Jan 20, 2021`, the
ACCOUNT DETAILS block with the SWIFT code, an ACCOUNT SUMMARY of Opening Balance, Total Money In
`+ 0.09 USD`, Total Money Out `- 500.09 USD` and Ending Balance, then ACCOUNT ACTIVITY as Date /
Transaction Details / Money In / Money Out / Balance), Cambodian credit-bureau fixtures
(yangruofeng/lite_store, thearasengkh/spring-mybatis-config: KHR amounts, DD/MM/YYYY dates);
ACLEDA and Canadia follow the common South-East Asian print (Reference, Withdrawal / Deposit,
B/F and C/F; Dr / Cr amounts) as sources on them are thin, said so here.

ABA: `MON DD, YYYY` dates, Transaction Details, Money In / Money Out / Balance after a summary
whose totals are signed. ACLEDA: DD-MM-YYYY, a reference, Withdrawal / Deposit / Balance carried
over page breaks. Canadia: DD/MM/YYYY, a transaction type, one amount marked Dr or Cr and the
balance between opening and closing rows.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import EN, NumberStyle, fmt_date, marked
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_charges import charged
from cypheredge.synth.layouts.local_kit import LinedTable, local_statement, segments
from cypheredge.synth.layouts.local_print import ROUND_KINDS, Whole, coarsen, serial, side, steps
from cypheredge.synth.layouts.local_regions_tw_is_ci_be_kh_si_om import CAMBODIA, CAMBODIA_RIEL
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import summary_box
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
RIEL = Whole(",", ".")
KH_BANKS = {
    "aba": ("Angkor Business Bank",),
    "acleda": ("Mekong Alliance Bank Plc.",),
    "canadia": ("Tonle Commercial Bank Plc.",),
}
KH_TOWNS = ("Phnom Penh 120101", "Siem Reap 171202", "Battambang 020101", "Sihanoukville 180201")
KH_STREETS = ("No {n}, Street 271, Toul Tompung", "No {n}, Norodom Blvd", "No {n}, Street 63")
KH_HOLDERS = ("SOK CHANNA", "CHAN DARA", "KEO SOPHEAP", "LIM VANNAK", "HENG SREYNEANG")
CODES = {"aba": "ABAAKHPP", "acleda": "ACLBKHPP", "canadia": "CADIKHPP"}
TYPES = {
    "salary": "TRF",
    "rent": "TRF",
    "utility": "BILL",
    "grocery": "POS",
    "card": "POS",
    "transfer_out": "TRF",
    "transfer_in": "TRF",
    "atm": "ATM",
    "fee": "FEE",
    "interest": "INT",
    "wht": "TAX",
    "refund": "POS",
    "loan": "LOAN",
}
WHT = "WITHHOLDING TAX 4% ON INTEREST"
LEGAL = "Licensed by the National Bank of Cambodia."
Table = Callable[[Flow, Random, Statement, TruthLog, NumberStyle, str], None]


def wht(unit: Decimal) -> Callable[[Txn], Decimal]:
    """4% of each interest credit, to the currency's unit (a cent, a riel)."""

    def fee(t: Txn) -> Decimal:
        if t.kind != "interest":
            return Decimal(0)
        return (abs(t.amount) * Decimal("0.04")).quantize(unit, ROUND_HALF_UP)

    return fee


def _aba(
    flow: Flow, rng: Random, st: Statement, log: TruthLog, money: NumberStyle, ccy: str
) -> None:
    acc = st.accounts[0]
    pairs = [
        ("Opening Balance", f"{money.magnitude(acc.opening)} {ccy}"),
        ("Total Money In", f"+ {money.magnitude(acc.total_credits)} {ccy}"),
        ("Total Money Out", f"- {money.magnitude(acc.total_debits)} {ccy}"),
        ("Ending Balance", f"{money.magnitude(acc.closing)} {ccy}"),
    ]
    summary_box(flow, "ACCOUNT SUMMARY", pairs, 0.5)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "MON DD, YYYY"),
            "desc": "\n".join(segments(t)),
            "in" if t.amount >= 0 else "out": money.magnitude(t.amount),
            "bal": money.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("desc", "Transaction Details", wrap=True, truth=DESC),
        Column("in", "Money In", "r"),
        Column("out", "Money Out", "r"),
        Column("bal", "Balance", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "header")), (180, 280))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _acleda(
    flow: Flow, rng: Random, st: Statement, log: TruthLog, money: NumberStyle, ccy: str
) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD-MM-YYYY"),
            "ref": serial(t, 10),
            "desc": " ".join(segments(t)),
            **side(money, t),
            "bal": money.magnitude(t.balance),
        }

    columns = [
        Column("date", "Date"),
        Column("ref", "Reference"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("out", "Withdrawal", "r"),
        Column("in", "Deposit", "r"),
        Column("bal", f"Balance ({ccy})", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "Balance C/F", "bal": money.magnitude(b)},
        brought=lambda b: {"desc": "Balance B/F", "bal": money.magnitude(b)},
    )
    body = framed(
        {"desc": "Balance B/F", "bal": money.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("grid", "header", "none")), (160, 250))
    LinedTable(flow, columns, style, carry).draw(body)


def _canadia(
    flow: Flow, rng: Random, st: Statement, log: TruthLog, money: NumberStyle, ccy: str
) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "type": TYPES.get(t.kind, "OTH"),
            "desc": "\n".join(segments(t)),
            "amt": marked(money, t.amount, credit="Cr", debit="Dr"),
            "bal": money.magnitude(t.balance),
        }

    columns = [
        Column("date", "Trans. Date"),
        Column("type", "Type"),
        Column("desc", "Description", wrap=True, truth=DESC),
        Column("amt", f"Amount ({ccy})", "r"),
        Column("bal", "Balance", "r"),
    ]
    body = framed(
        {"desc": "OPENING BALANCE", "bal": money.magnitude(acc.opening)},
        rows(acc, 0, log, cells),
        {"desc": "CLOSING BALANCE", "bal": money.magnitude(acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("grid", "rows")), (170, 260))
    LinedTable(flow, columns, style).draw(body)


KH_TABLES: dict[str, Table] = {"aba": _aba, "acleda": _acleda, "canadia": _canadia}


def kh_statement(rng: Random) -> Built:
    variant = rng.choice(sorted(KH_TABLES))
    riel = rng.random() < 0.4
    region = CAMBODIA_RIEL if riel else CAMBODIA
    plan = Plan(
        "Savings",
        rng.randint(22, 50),
        (300, 3000),
        mandatory=("salary", "rent", "utility", "fee", "interest"),
        pool=(*EVERYDAY, "card", "transfer_out", "transfer_out"),
        cheques=False,
        mask=f"{rng.randint(100, 999)}{rng.randint(100, 999)}{{last4}}",
    )
    names = (rng.choice(KH_BANKS[variant]), KH_TOWNS, rng.choice(KH_HOLDERS))
    st = local_statement(rng, region, names, [plan], period(rng), KH_STREETS)
    if riel:
        st = coarsen(st, steps("100", "10000", ROUND_KINDS))  # round hundreds of riel
    st = charged(st, wht(Decimal(1) if riel else Decimal("0.01")), lambda t: WHT, kind="wht")
    acc = st.accounts[0]
    money: NumberStyle = RIEL if riel else EN
    ccy = region.currency
    span = f"{fmt_date(st.start, 'MON DD, YYYY')} - {fmt_date(st.end, 'MON DD, YYYY')}"
    details = [
        ("Account Holder Name", st.holder.name),
        ("Account Type", "Savings"),
        ("Account Number", acc.masked),
        ("Account Currency", ccy),
        ("Bank SWIFT Code", CODES[variant]),
    ]
    title = "ACCOUNT STATEMENT"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(HELVETICA, DEJAVU), size=(6.5, 8.0)),
        (title, details),
        rng.choice(("Page {n} of {total}", "{n}/{total}")),
        LEGAL,
        f"For period: {span}",
    )
    if variant == "aba":
        flow.text(flow.left, flow.y - flow.spec.size, f"For period: {span}", bold=True)
        flow.y -= flow.spec.size * 1.8
    log = TruthLog()
    KH_TABLES[variant](flow, rng, st, log, money, ccy)
    return Built(flow, st, log, money)


LAYOUTS = (
    Layout(
        "kh_statement",
        "Cambodian statements in English (ABA / ACLEDA / Canadia style) for US-dollar or riel "
        "accounts: USD with cents or KHR in round hundreds without decimals, KHQR and Bakong "
        "transfers, EDC and PPWSA bills, the 4% withholding tax after each interest credit as a "
        "row of its own; a summary with signed Total Money In / Out, MON DD, YYYY dates and "
        "Money In / Money Out / Balance; or DD-MM-YYYY, a reference, Withdrawal / Deposit "
        "carried over page breaks; or a type code and one amount marked Dr or Cr",
        kh_statement,
    ),
)
