"""us_card_amex, the parts around the Detail: page 1 (headline figures, Account Summary,
warnings, payment coupon) and the closing pages (year-to-date totals, interest calculation).
Every figure here is a balance, a limit, a rate or a total, never a transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import EN, fmt_date
from cypheredge.synth.layouts.americas_cards import CardLine
from cypheredge.synth.layouts.americas_table import ReadingTable, owed, pairs_block, usd
from cypheredge.synth.model import Statement
from cypheredge.synth.render.blocks import heading, note
from cypheredge.synth.render.flow import Flow
from cypheredge.synth.render.table import Column, Row, Style, wrap

DAY = "MM/DD/YY"


def totals(lines: Sequence[CardLine]) -> dict[str, Decimal]:
    """Printed magnitudes per section."""
    out = {s: Decimal(0) for s in ("payment", "credit", "charge", "fee", "interest")}
    for line in lines:
        out[line.section] += abs(line.txn.amount)
    return out


def _minimum(new_balance: Decimal, sums: dict[str, Decimal]) -> Decimal:
    if new_balance <= 0:
        return Decimal(0)
    floor = (new_balance / 100 + sums["interest"] + sums["fee"]).quantize(Decimal("0.01"))
    return min(new_balance, max(Decimal(35), floor))


def first_page(
    flow: Flow, rng: Random, st: Statement, lines: Sequence[CardLine], head: Sequence[str]
) -> None:
    """Page 1: the headline, the Account Summary on the right, warnings and the coupon."""
    size, acc = flow.spec.size, st.accounts[0]
    sums, balance = totals(lines), -acc.closing
    minimum, due = _minimum(balance, sums), st.end + timedelta(days=rng.randint(24, 28))
    for i, text in enumerate(head):
        y = flow.y - size * (1.6 + 1.3 * i)
        flow.text(flow.left, y, text, bold=i == 0, size=size * (1.5 if i == 0 else 1.0))
    top, mid = flow.y - size * 8, flow.left + flow.width * 0.5
    big = [
        ("New Balance", owed(acc.closing, credit=" CR")),
        ("Minimum Payment Due", usd(minimum)),
        ("Payment Due Date", fmt_date(due, DAY)),
    ]
    for i, (label, value) in enumerate(big):
        flow.text(flow.left, top - size * 2 * i, label, size=size * 1.4)
        flow.text(mid, top - size * 2 * i, value, size=size * 1.4, align="r")
    flow.y = top - size * 6.5
    _warnings(flow, rng, balance, minimum, due, mid - flow.left)
    _account_summary(flow, rng, st, sums, minimum, (mid + size * 4, top))
    _coupon(flow, rng, st, balance, due)


def _account_summary(
    flow: Flow,
    rng: Random,
    st: Statement,
    sums: dict[str, Decimal],
    minimum: Decimal,
    at: tuple[float, float],
) -> None:
    acc, (x, top) = st.accounts[0], at
    flow.text(x, top + flow.spec.size * 1.5, "Account Summary", size=flow.spec.size * 1.4)
    limit = Decimal(rng.choice((5000, 12000, 23900, 35000)))
    summary = [
        ("Previous Balance", owed(acc.opening, credit=" CR")),
        ("Payments/Credits", usd(-(sums["payment"] + sums["credit"]))),
        ("New Charges", f"+{usd(sums['charge'])}"),
        ("Fees", f"+{usd(sums['fee'])}"),
        ("Interest Charged", f"+{usd(sums['interest'])}"),
        ("New Balance", owed(acc.closing, credit=" CR")),
        ("Minimum Payment Due", usd(minimum)),
        ("Credit Limit", usd(limit)),
        ("Available Credit", usd(max(limit + acc.closing, Decimal(0)))),
        ("Cash Advance Limit", usd(limit / 5)),
    ]
    pairs_block(flow, x, top, flow.right - x, summary)


def _warnings(
    flow: Flow, rng: Random, balance: Decimal, minimum: Decimal, due: date, width: float
) -> None:
    """The late-payment and minimum-payment warnings, with their own dates and dollars."""
    size = flow.spec.size
    texts = (
        f"Late Payment Warning: If we do not receive your Minimum Payment Due by the Payment "
        f"Due Date of {fmt_date(due, DAY)}, you may have to pay a late fee of up to $40.00 "
        "and your APRs may be increased to the Penalty APR of 29.99%.",
        "Minimum Payment Warning: If you make only the minimum payment each period, you will "
        "pay more in interest and it will take you longer to pay off your balance. For example:",
    )
    for text in texts:
        for line in wrap(text, flow.font(), size, width):
            flow.text(flow.left, flow.y - size, line)
            flow.y -= size * 1.25
        flow.y -= size * 0.6
    if minimum <= 0:
        return
    three = (balance * Decimal("1.11") / 36).quantize(Decimal(1))
    rows = [
        ("Only the Minimum Payment Due", f"{rng.randint(6, 22)} years", balance * 2),
        (f"${three}", "3 years", three * 36),
    ]
    for label, time, total in rows:
        flow.text(flow.left, flow.y - size, label)
        flow.text(flow.left + width * 0.62, flow.y - size, time, align="r")
        flow.text(flow.left + width, flow.y - size, f"${EN.magnitude(total)[:-3]}", align="r")
        flow.y -= size * 1.6


def _coupon(flow: Flow, rng: Random, st: Statement, balance: Decimal, due: date) -> None:
    """The tear-off payment coupon at the foot of page 1, with its scan line."""
    size = flow.spec.size
    y = flow.spec.bottom + size * 9
    flow.line(flow.left, y + size * 1.5, flow.right, y + size * 1.5, 0.4)
    flow.text(flow.left, y, "Payment Coupon  Do not staple or use paper clips")
    flow.text(flow.right, y, f"Account Ending {st.accounts[0].masked}", align="r")
    for i, line in enumerate((st.holder.name, *st.holder.address)):
        flow.text(flow.left + size * 4, y - size * (2 + 1.2 * i), line)
    coupon = [
        ("Payment Due Date", fmt_date(due, DAY)),
        ("New Balance", usd(balance)),
        ("Amount Enclosed", "$ ______ . __"),
    ]
    pairs_block(flow, flow.right - size * 18, y - size * 0.6, size * 18, coupon)
    scan = f"{rng.randrange(10**18):019d} {rng.randrange(10**17):018d} {rng.randint(10, 99)}"
    flow.text(flow.left, flow.spec.bottom + size * 0.5, scan, size=size * 1.1)


def calculation(flow: Flow, rng: Random, st: Statement, lines: Sequence[CardLine]) -> None:
    """Year-to-date totals, then the interest charge calculation with its APR table."""
    sums, year = totals(lines), st.end.year
    heading(flow, f"{year} Fees and Interest Totals Year-to-Date", underline=False)
    earlier = st.end.month > 1  # earlier statements of the year add to the totals
    fees = sums["fee"] + (Decimal(rng.choice((0, 0, 39, 95))) if earlier else Decimal(0))
    interest = sums["interest"] * (st.end.month if earlier else 1)
    ytd = [(f"Total Fees in {year}", usd(fees)), (f"Total Interest in {year}", usd(interest))]
    flow.y = pairs_block(flow, flow.left, flow.y, flow.width * 0.6, ytd)
    heading(flow, "Interest Charge Calculation", underline=False)
    days = (st.end - st.start).days + 1
    note(
        flow,
        f"Days in Billing Period: {days}. Your Annual Percentage Rate (APR) is the annual "
        "interest rate on your account. Variable APRs will not exceed 29.99%.",
    )
    _apr_table(flow, rng, st, sums["interest"])


def _apr_table(flow: Flow, rng: Random, st: Statement, interest: Decimal) -> None:
    since = date(st.start.year - rng.randint(2, 9), st.start.month, min(st.start.day, 28))
    columns = [
        Column("type", ""),
        Column("since", "Transactions Dated\nFrom"),
        Column("apr", "Annual\nPercentage Rate", "r"),
        Column("subject", "Balance Subject\nto Interest Rate", "r"),
        Column("charge", "Interest\nCharge", "r"),
    ]
    subject = usd(-st.accounts[0].opening) if interest else "$0.00"
    apr = rng.choice(("19.49", "24.99", "29.99"))
    first = fmt_date(since, DAY)
    body = [
        Row(
            {
                "type": "Purchases",
                "since": first,
                "apr": f"{apr}% (v)",
                "subject": subject,
                "charge": usd(interest),
            }
        ),
        Row({"type": "Cash Advances", "since": first, "apr": "29.99% (v)", "subject": "$0.00"}),
        Row({"type": "Total", "charge": usd(interest)}, bold=True),
    ]
    body[1].cells["charge"] = "$0.00"
    style = Style(rules="none", header_fill=None, pad=3.0, row_pad=1.5)
    ReadingTable(flow, columns, style).draw(body)
    flow.text(flow.left, flow.y - flow.spec.size * 1.2, "(v) Variable Rate")
    flow.y -= flow.spec.size * 2
