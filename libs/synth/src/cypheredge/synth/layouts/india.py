"""Indian savings accounts: lakh grouping, value dates, reference numbers, long UPI narrations."""

from __future__ import annotations

from random import Random

from cypheredge.synth.formats import IN, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, start, statement, totals
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.regions_world import INDIA
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, TIMES, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

TOWNS = ("Andheri East, Mumbai 400069", "Koramangala, Bengaluru 560034", "Baner, Pune 411045")
HOLDERS = ("MR ARJUN MEHTA", "MRS KAVYA NAIR", "MR SURESH KUMAR", "MS POOJA GUPTA")
MARKER_COLUMNS = (
    Column("date", "Txn Date"),
    Column("value", "Value\nDate"),
    Column("desc", "Description", wrap=True, truth="description"),
    Column("ref", "Ref No./\nCheque No."),
    Column("amount", "Amount (₹)", "r"),
    Column("mark", "Dr/Cr", "c"),
    Column("bal", "Balance (₹)", "r"),
)
NARRATION_COLUMNS = (
    Column("date", "Date"),
    Column("desc", "Narration", wrap=True, truth="description"),
    Column("ref", "Chq./Ref.No."),
    Column("value", "Value Dt"),
    Column("out", "Withdrawal Amt.", "r"),
    Column("in", "Deposit Amt.", "r"),
    Column("bal", "Closing Balance", "r"),
)
SUMMARY_COLUMNS = (
    Column("open", "Opening Balance", "r"),
    Column("drc", "Dr Count", "r"),
    Column("crc", "Cr Count", "r"),
    Column("dr", "Debits", "r"),
    Column("cr", "Credits", "r"),
    Column("close", "Closing Bal", "r"),
)


def in_marker(rng: Random) -> Built:
    """Amount plus a separate Dr/Cr column; the rupee sign needs the embedded DejaVu font."""
    bank = rng.choice(("Deccan Federal Bank", "Bharat Sahakari Bank Ltd", "Konkan State Bank"))
    plan = Plan("Savings Account", rng.randint(20, 45), (300, 2500), mask="XXXXXXX{last4}")
    st = statement(rng, INDIA, (bank, TOWNS, rng.choice(HOLDERS)), [plan])
    acc, day = st.accounts[0], "DD MON YYYY"
    rupee = rng.choice(("₹", ""))
    credit, debit = rng.choice((("CR", "DR"), ("Cr", "Dr")))
    period = f"{fmt_date(st.start, day)} to {fmt_date(st.end, day)}"
    ifsc = f"DFBK000{rng.randint(1000, 9999)}"
    details = [("Account No.", acc.masked), ("IFSC", ifsc), ("Period", period), ("Currency", "INR")]
    spec = PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0))
    flow = start(
        rng,
        st,
        spec,
        ("Statement of Account", details),
        "Page {n} of {total}",
        "This is a computer generated statement.",
        f"A/c No. {acc.masked}",
    )
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary", labels, lambda v: f"₹{signed(IN, v)}", 0.45)

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "value": fmt_date(t.value_day, day),
            "desc": t.description,
            "ref": t.reference,
            "amount": f"{rupee}{IN.magnitude(t.amount)}",
            "mark": credit if t.amount >= 0 else debit,
            "bal": f"{rupee}{signed(IN, t.balance)}",
        }

    log = TruthLog()
    style = Style.vary(rng, "grid", desc=(120, 200))
    Table(flow, MARKER_COLUMNS, style).draw(rows(acc, 0, log, cells))
    return Built(flow, st, log, IN)


def in_narration(rng: Random) -> Built:
    """HDFC-like: narrow narration column, withdrawal and deposit columns, summary at the end."""
    bank = rng.choice(("Vindhya Commercial Bank", "Coromandel Bank Ltd"))
    plan = Plan("Savings Account", rng.randint(40, 80), (400, 3000), mask="5010{last4}")
    st = statement(rng, INDIA, (bank, TOWNS, rng.choice(HOLDERS)), [plan])
    acc, day = st.accounts[0], "DD/MM/YYYY"
    period = f"{fmt_date(st.start, day)} To {fmt_date(st.end, day)}"
    details = [
        ("Account No", acc.masked),
        ("Currency", "INR"),
        ("A/C Open Date", "14/08/2016"),
        ("Statement From", period),
    ]
    spec = PageSpec.vary(rng, fonts=(HELVETICA, TIMES), size=(6.5, 8.0))
    flow = start(
        rng,
        st,
        spec,
        ("Statement of account", details),
        "Page No. {n} / {total}",
        running=f"Account No : {acc.masked}",
    )

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, day),
            "desc": t.description,
            "ref": t.reference,
            "value": fmt_date(t.value_day, "DD/MM/YY"),
            "bal": signed(IN, t.balance),
            "out" if t.amount < 0 else "in": IN.magnitude(t.amount),
        }

    log = TruthLog()
    style = Style.vary(rng, rng.choice(("header", "none")), desc=(110, 150))
    Table(flow, NARRATION_COLUMNS, style).draw(rows(acc, 0, log, cells))
    _closing_summary(flow, rng, acc)
    return Built(flow, st, log, IN)


def _closing_summary(flow: Flow, rng: Random, acc: Account) -> None:
    """The one-row STATEMENT SUMMARY table: figures in columns that are not a transaction."""
    debits = sum(1 for t in acc.txns if t.amount < 0)
    cells = {
        "open": signed(IN, acc.opening),
        "drc": str(debits),
        "crc": str(len(acc.txns) - debits),
        "dr": IN.magnitude(acc.total_debits),
        "cr": IN.magnitude(acc.total_credits),
        "close": signed(IN, acc.closing),
    }
    flow.y -= flow.spec.size * 2
    flow.ensure(flow.spec.size * 8)
    flow.text(flow.left, flow.y - flow.spec.size, "STATEMENT SUMMARY :-", bold=True)
    flow.y -= flow.spec.size * 1.8
    Table(flow, SUMMARY_COLUMNS, Style.vary(rng, "none")).draw([Row(cells)])


LAYOUTS = (
    Layout(
        "in_marker",
        "amount column plus a separate Dr/Cr marker column; rupee sign (embedded DejaVu font); "
        "lakh grouping 1,23,456.78; value date and reference columns; ruled grid; 03 Jan 2025 "
        "dates; summary box",
        in_marker,
    ),
    Layout(
        "in_narration",
        "HDFC-like: DD/MM/YYYY dates, narrow narration column so UPI/NEFT narrations wrap over "
        "two or three lines (long tokens cut mid-word), Chq./Ref.No. and value date columns, "
        "withdrawal/deposit/closing balance, lakh grouping, multi-page, one-row statement "
        "summary table at the end",
        in_narration,
    ),
)
