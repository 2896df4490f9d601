"""Statement furniture that is not a transaction: letterheads, summary boxes, notices, footers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from random import Random

from cypheredge.synth.model import Statement
from cypheredge.synth.render.flow import Flow, Footer, text_width
from cypheredge.synth.render.table import wrap

Pairs = Sequence[tuple[str, str]]


def letterhead(flow: Flow, rng: Random, statement: Statement, title: str, details: Pairs) -> None:
    """Logo, bank name and address, the holder's postal block and an account-details box."""
    size, top = flow.spec.size, flow.y
    logo = size * 3.4
    flow.box(flow.left, top - logo, logo, logo, fill=rng.choice((0.15, 0.3, 0.45)), stroke=False)
    initials = "".join(word[0] for word in statement.bank.name.split() if word[0].isalpha())[:2]
    flow.text(
        flow.left + logo / 2,
        top - logo * 0.62,
        initials,
        bold=True,
        size=size * 1.4,
        align="c",
        gray=1.0,
    )
    x = flow.left + logo + size
    flow.text(x, top - size * 1.4, statement.bank.name, bold=True, size=size * 1.7)
    for i, line in enumerate(statement.bank.address):
        flow.text(x, top - size * (2.8 + 1.2 * i), line, size=size * 0.9)
    flow.text(flow.right, top - size * 1.4, title, bold=True, size=size * 1.4, align="r")
    y = top - max(logo, size * (2.8 + 1.2 * len(statement.bank.address))) - size * 2.5
    holder = (statement.holder.name, *statement.holder.address)
    for i, line in enumerate(holder):
        flow.text(flow.left + size, y - i * size * 1.3, line, bold=i == 0)
    box_bottom = _details(flow, rng, y + size * 1.2, details)
    flow.y = min(y - len(holder) * size * 1.3, box_bottom) - size * 1.8


def _details(flow: Flow, rng: Random, top: float, details: Pairs) -> float:
    size = flow.spec.size
    needed = max(
        text_width(label, flow.font(), size) + text_width(value, flow.font(True), size)
        for label, value in details
    )
    width = min(max(flow.width * rng.uniform(0.4, 0.48), needed + size * 2.5), flow.width * 0.62)
    height = size * (1.35 * len(details) + 0.9)
    x = flow.right - width
    flow.box(x, top - height, width, height, fill=None if rng.random() < 0.5 else 0.95)
    for i, (label, value) in enumerate(details):
        y = top - size * (1.45 + 1.35 * i)
        flow.text(x + size * 0.6, y, label)
        flow.text(flow.right - size * 0.6, y, value, bold=True, align="r")
    return top - height


def summary_box(flow: Flow, title: str, pairs: Pairs, width: float = 0.55) -> None:
    """A boxed list of totals (opening, money in/out, closing): figures that are not rows."""
    size = flow.spec.size
    height = size * (1.4 * (len(pairs) + 1) + 0.6)
    flow.ensure(height + size * 2)
    box_width = flow.width * width
    top = flow.y
    flow.box(flow.left, top - height, box_width, height)
    flow.text(flow.left + size * 0.6, top - size * 1.4, title, bold=True)
    for i, (label, value) in enumerate(pairs):
        y = top - size * (1.4 * (i + 2) + 0.2)
        flow.text(flow.left + size * 0.6, y, label)
        flow.text(flow.left + box_width - size * 0.6, y, value, align="r")
    flow.y = top - height - size * 1.6


def heading(flow: Flow, text: str, underline: bool = True) -> None:
    size = flow.spec.size
    flow.ensure(size * 6)
    flow.y -= size * 0.6
    flow.text(flow.left, flow.y - size * 1.2, text, bold=True, size=size * 1.2)
    flow.y -= size * 1.7
    if underline:
        flow.line(flow.left, flow.y, flow.right, flow.y, 0.8)
    flow.y -= size * 0.4


def note(flow: Flow, text: str) -> None:
    """A wrapped paragraph at body size."""
    size = flow.spec.size
    for line in wrap(text, flow.font(), size, flow.width):
        flow.ensure(size * 1.3)
        flow.text(flow.left, flow.y - size, line)
        flow.y -= size * 1.3
    flow.y -= size * 0.6


def notices_page(flow: Flow, title: str, paragraphs: Sequence[str]) -> None:
    """A page of small print: no transactions, but dates and fee amounts to mislead a parser."""
    flow.new_page()
    heading(flow, title)
    for text in paragraphs:
        note(flow, text)


def footer(pattern: str) -> Footer:
    """`pattern` uses {n} and {total}: "Page {n} of {total}", "Seite {n} von {total}"."""
    return lambda n, total: pattern.format(n=n, total=total)


def continuation(bank: str, line: str) -> Callable[[Flow], None]:
    """The short header printed on every page after the first."""

    def draw(flow: Flow) -> None:
        size = flow.spec.size
        flow.text(flow.left, flow.y - size * 1.2, bank, bold=True, size=size * 1.2)
        flow.text(flow.right, flow.y - size * 1.2, line, align="r")
        flow.y -= size * 1.8
        flow.line(flow.left, flow.y, flow.right, flow.y, 0.8)
        flow.y -= size * 1.2

    return draw


SMALL_PRINT = (
    "Please check this statement carefully and tell us within 30 days of 15 February if anything "
    "looks wrong. Eligible deposits are protected up to 100,000.00 per depositor.",
    "Arranged overdraft interest is charged at 39.90% EAR (variable). An unpaid item fee of 25.00 "
    "applies to each payment we return; the maximum monthly charge is 50.00.",
    "From 01/04/2025 the monthly account fee will change from 5.00 to 6.50. Foreign card payments "
    "carry a non-sterling transaction fee of 2.99% of the value of the transaction.",
    "Interest on credit balances is calculated daily and paid monthly on the last business day. "
    "Rates: balances up to 4,999.99 earn 1.50% AER; 5,000.00 and above earn 2.25% AER.",
    "If you need help, call us on 0345 600 2290 (lines open 8am to 8pm, 7 days a week) or write "
    "to Customer Services, PO Box 1, Leeds LS1 1AA. Calls may be recorded.",
)
