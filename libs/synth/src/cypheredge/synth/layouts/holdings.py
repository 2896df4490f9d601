"""Investment and savings valuation statements: a holdings table and no transaction list.

Modelled on UK fund-platform ISA valuations (fund name, units to four decimals, price in pence,
value, share of the portfolio; a cash line; "Value on 1 January" / "Value on 31 March" / "Change
in value"; contributions this tax year as a figure) and US brokerage statements (Beginning
Account Value, Net Contributions, Investment Change, Ending Account Value; Symbol / Description /
Quantity / Price / Market Value / % of account; an asset allocation list). Every figure here is
a value or a price, none is a posted transaction.

Truth: the account's opening and closing balances are the values printed for the period's start
and end, and it has no transactions. The value moves with prices, so opening + credits - debits
does not give the closing value: a correct extractor reports both values, zero rows, and no
reconciliation to make (the account is built with `valued`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from random import Random

from cypheredge.synth.formats import CENT, EN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, parties, period, start
from cypheredge.synth.model import Account, Statement, TruthLog
from cypheredge.synth.render.blocks import heading, note, summary_box
from cypheredge.synth.render.flow import Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

UK_FUNDS = (
    "Vanguard LifeStrategy 80% Equity Acc",
    "Fidelity Index World P Acc",
    "Legal & General UK Index C Acc",
    "Royal London Short Term Money Mkt Y Acc",
    "iShares Overseas Corporate Bond Index D Acc",
    "Baillie Gifford American B Acc",
    "HSBC FTSE All-Share Index C Acc",
)
US_SECURITIES = (
    ("VTI", "VANGUARD TOTAL STOCK MARKET ETF"),
    ("AAPL", "APPLE INC"),
    ("MSFT", "MICROSOFT CORP"),
    ("BND", "VANGUARD TOTAL BOND MARKET ETF"),
    ("SCHD", "SCHWAB US DIVIDEND EQUITY ETF"),
    ("VXUS", "VANGUARD TOTAL INTL STOCK ETF"),
    ("SPAXX", "FIDELITY GOVERNMENT MONEY MARKET"),
)
Holding = tuple[str, str, Decimal, Decimal]  # code, name, units, price


def _holdings(rng: Random, us: bool) -> list[Holding]:
    count = rng.randint(3, 6)
    if us:
        picks = rng.sample(US_SECURITIES, count)
        return [
            (code, name, Decimal(rng.randint(2, 250)), Decimal(rng.randint(1500, 45000)) / 100)
            for code, name in picks
        ]
    return [
        (
            "",
            name,
            Decimal(rng.randint(100000, 9000000)) / 10000,
            Decimal(rng.randint(9000, 60000)) / 100,
        )
        for name in rng.sample(UK_FUNDS, count)
    ]


def _value(us: bool, units: Decimal, price: Decimal) -> Decimal:
    # UK fund prices are in pence: value = units x price / 100.
    raw = units * price if us else units * price / 100
    return raw.quantize(CENT, ROUND_HALF_UP)


def _table(
    rng: Random, us: bool, holdings: list[Holding], cash: Decimal, total: Decimal
) -> tuple[list[Column], list[Row]]:
    if us:
        columns = [
            Column("code", "Symbol"),
            Column("name", "Description", wrap=True),
            Column("units", "Quantity", "r"),
            Column("price", "Price", "r"),
            Column("value", "Market Value", "r"),
            Column("share", "% of Account", "r"),
        ]
    else:
        columns = [
            Column("name", "Investment", wrap=True),
            Column("units", "Units", "r"),
            Column("price", "Price (p)", "r"),
            Column("value", "Value (£)", "r"),
            Column("share", "% of portfolio", "r"),
        ]
    body = []
    for code, name, units, price in holdings:
        value = _value(us, units, price)
        body.append(
            Row(
                {
                    "code": code,
                    "name": name,
                    "units": f"{units:,.4f}" if not us else f"{units:,}",
                    "price": f"{price:,.2f}",
                    "value": EN.magnitude(value),
                    "share": f"{(100 * value / total).quantize(Decimal('0.1'))}%",
                }
            )
        )
    share = f"{(100 * cash / total).quantize(Decimal('0.1'))}%"
    body.append(Row({"name": "Cash", "value": EN.magnitude(cash), "share": share}))
    body.append(Row({"name": "Total", "value": EN.magnitude(total), "share": "100.0%"}, bold=True))
    return columns, body


def _summary(rng: Random, us: bool, st: Statement) -> list[tuple[str, str]]:
    """Values at the period's ends and the change: the account's balances, not rows."""
    acc, sign = st.accounts[0], "$" if us else "£"
    opening, closing = acc.opening, acc.closing
    change = closing - opening
    if us:
        return [
            ("Beginning Account Value", f"{sign}{EN.magnitude(opening)}"),
            ("Net Contributions", f"{sign}0.00"),
            ("Investment Change", signed(EN, change, symbol=sign)),
            ("Ending Account Value", f"{sign}{EN.magnitude(closing)}"),
        ]
    long = "D MONTH YYYY"
    contributed = Decimal(rng.randint(0, 20000))
    return [
        (f"Value on {fmt_date(st.start, long)}", f"{sign}{EN.magnitude(opening)}"),
        (f"Value on {fmt_date(st.end, long)}", f"{sign}{EN.magnitude(closing)}"),
        ("Change in value", signed(EN, change, symbol=sign, plus=True)),
        ("Contributions this tax year", f"{sign}{EN.magnitude(contributed)}"),
    ]


def _statement(rng: Random, us: bool, opening: Decimal, closing: Decimal) -> Statement:
    first, last = period(rng)
    currency = "USD" if us else "GBP"
    masked = f"Z{rng.randrange(10**8):08d}" if us else f"ISA-{rng.randrange(10**7):07d}"
    name = "Individual Brokerage Account" if us else "Stocks and Shares ISA"
    acc = Account(name, masked, currency, opening, (), valued=closing)
    names = ("Granite Peak Investments", "Meridian Brokerage LLC")
    if not us:
        names = ("Albion Fund Platform", "Clifton Investment Services")
    towns = ("Boston, MA 02110",) if us else ("Bristol BS1 6JQ",)
    bank, holder = parties(
        rng,
        rng.choice(names),
        towns,
        rng.choice(("JANE Q PUBLIC", "ROBERT L MARTINEZ") if us else ("MR R MEHTA", "MRS G OWUSU")),
    )
    return Statement(bank, holder, first, last, (acc,))


def investment_statement(rng: Random) -> Built:
    us = rng.random() < 0.5
    holdings = _holdings(rng, us)
    cash = Decimal(rng.randint(0, 500000)) / 100
    closing = sum((_value(us, u, p) for _, _, u, p in holdings), Decimal(0)) + cash
    opening = (closing * Decimal(rng.randint(900, 1080)) / 1000).quantize(CENT)
    st = _statement(rng, us, opening, closing)
    long = "MONTH D, YYYY" if us else "D MONTH YYYY"
    valued = fmt_date(st.end, "MM/DD/YYYY" if us else "DD/MM/YYYY")
    details = [
        ("Account", st.accounts[0].masked),
        ("Statement period", f"{fmt_date(st.start, long)} - {fmt_date(st.end, long)}"),
        ("Valuation date", valued),
    ]
    title = "Investment Report" if us else "Valuation Statement"
    flow = start(rng, st, PageSpec.vary(rng), (title, details), "Page {n} of {total}")
    box = "Account Summary" if us else "Your portfolio summary"
    summary_box(flow, box, _summary(rng, us, st), 0.6)
    heading(flow, "Holdings" if us else "Your investments")
    columns, body = _table(rng, us, holdings, cash, closing)
    Table(flow, columns, Style.vary(rng, rng.choice(("header", "rows")), (150, 260))).draw(body)
    _allocation(flow, us, holdings, cash, closing)
    note(
        flow,
        "The value of investments can go down as well as up. Past performance is not a "
        f"reliable indicator of future returns. Prices as at close of business {valued}.",
    )
    return Built(flow, st, TruthLog(), EN)


def _allocation(
    flow: Flow, us: bool, holdings: list[Holding], cash: Decimal, total: Decimal
) -> None:
    """Asset allocation percentages: figures beside the table, never transactions."""
    bonds = sum((_value(us, u, p) for _, n, u, p in holdings if "BOND" in n.upper()), Decimal(0))
    equity = total - bonds - cash
    parts = [("Equities", equity), ("Bonds", bonds), ("Cash", cash)]
    pairs = [(label, f"{(100 * v / total).quantize(Decimal('0.1'))}%") for label, v in parts]
    summary_box(flow, "Asset allocation", pairs, 0.35)
