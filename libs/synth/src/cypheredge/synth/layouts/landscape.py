"""Landscape statements with many columns: account-statement exports of Indian banks (SBI-style
Txn Date / Value Date / Description / Ref No./Cheque No. / Branch Code / Debit / Credit / Balance)
and corporate statements of Commonwealth banks (Posting Date / Value Date / Reference /
Description / Cheque No / Branch / Debit / Credit / Balance) with long narrations.

Real exporters write a landscape media box; scanners and some print drivers write a portrait page
turned by /Rotate 90 (or 270) with the content drawn sideways. Both are produced here: reportlab
writes the first with a landscape page size, the second with `setPageRotation` and a rotated
coordinate system (`RotatedFlow`), so a viewer shows the same landscape page while the text
layer's coordinates run up (or down) the portrait page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from random import Random

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from cypheredge.synth.formats import EN, IN, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, rows, statement, totals
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, TruthLog, Txn
from cypheredge.synth.regions import Region
from cypheredge.synth.regions_english import UK, ZA
from cypheredge.synth.regions_world import INDIA
from cypheredge.synth.render.blocks import continuation, footer, letterhead
from cypheredge.synth.render.flow import DEJAVU, HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table


class RotatedFlow(Flow):
    """Laid out on the landscape page `spec.paper`, written on a portrait page that carries
    /Rotate `turn` (90 or 270) with its content drawn sideways, as scanners do."""

    turn: int = 90

    def render(self, title: str, password: str | None = None) -> bytes:
        out = io.BytesIO()
        encrypt = None
        if password is not None:
            encrypt = StandardEncryption(password, ownerPassword=f"{password}-owner", strength=128)
        wide, high = self.spec.paper
        # reportlab takes the displayed size and swaps the MediaBox of a page rotated by 90 or
        # 270: the landscape size gives a portrait MediaBox [0 0 high wide] in user space.
        canvas = Canvas(out, pagesize=(wide, high), invariant=1, encrypt=encrypt)
        canvas.setTitle(title)
        canvas.setAuthor("CypherEdge synthetic statement generator")
        canvas.setCreator("cypheredge.synth")
        total = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            canvas.setPageRotation(self.turn)
            canvas.saveState()
            # /Rotate 90 turns the page clockwise for display: draw the landscape page turned
            # anticlockwise onto the portrait one (and the other way round for 270).
            if self.turn == 90:
                canvas.translate(high, 0)
                canvas.rotate(90)
            else:
                canvas.translate(0, wide)
                canvas.rotate(-90)
            for op in ops:
                op(canvas)
            self._footer(canvas, number, total)
            canvas.restoreState()
            canvas.showPage()
        canvas.save()
        return out.getvalue()


@dataclass(frozen=True)
class House:
    key: str
    region: Region
    numbers: NumberStyle
    banks: tuple[str, ...]
    towns: tuple[str, ...]
    day: str
    value_day: str
    columns: tuple[Column, ...]


HOUSES = (
    House(
        "in",
        INDIA,
        IN,
        ("State Bank of Bharat", "Union Bank of Deccan"),
        ("MG Road, Bengaluru 560001", "Fort, Mumbai 400001"),
        "D MON YYYY",
        "D MON YYYY",
        (
            Column("date", "Txn Date"),
            Column("value", "Value\nDate"),
            Column("desc", "Description", wrap=True, truth="description"),
            Column("ref", "Ref No./Cheque\nNo."),
            Column("branch", "Branch\nCode"),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
        ),
    ),
    House(
        "corp",
        UK,
        EN,
        ("Commonwealth Trade Bank plc", "Meridian Corporate Bank"),
        ("London EC2V 7HN", "Manchester M1 4BT"),
        "DD-MON-YYYY",
        "DD-MON-YYYY",
        (
            Column("date", "Posting Date"),
            Column("value", "Value Date"),
            Column("ref", "Transaction\nReference"),
            Column("desc", "Description", wrap=True, truth="description"),
            Column("chq", "Cheque\nNo"),
            Column("branch", "Branch"),
            Column("out", "Debit", "r"),
            Column("in", "Credit", "r"),
            Column("bal", "Balance", "r"),
        ),
    ),
    House(
        "za",
        ZA,
        EN,
        ("Highveld Merchant Bank", "Cape Commercial Bank"),
        ("Sandton 2196", "Rondebosch 7700"),
        "DD/MM/YYYY",
        "DD/MM/YYYY",
        (
            Column("date", "Date"),
            Column("value", "Value\nDate"),
            Column("ref", "Reference"),
            Column("desc", "Transaction Description", wrap=True, truth="description"),
            Column("chq", "Cheque No"),
            Column("branch", "Branch"),
            Column("out", "Debits", "r"),
            Column("in", "Credits", "r"),
            Column("bal", "Balance", "r"),
        ),
    ),
)
CHEQUES = ("check", "cheque_in", "cheque_return", "cheque_fee")
CHEQUE = re.compile(r"\b(\d{6})\b")
TAILS = (
    " / PAYMENT FOR INVOICE INV-{ref} / ORDERING CUSTOMER {holder}",
    " / BENEFICIARY BANK {bank} / PURPOSE OF PAYMENT: SUPPLIER SETTLEMENT",
    " / NARRATIVE: MONTHLY SERVICE AGREEMENT {ref} PERIOD {month}",
)


def _long(rng: Random, house: House, txn: Txn, holder: str) -> str:
    """Corporate narrations carry the ordering party, the invoice and the purpose."""
    if house.key == "in" or rng.random() < 0.45:
        return txn.description
    tail = rng.choice(TAILS).format(
        ref=txn.reference,
        holder=holder,
        bank=rng.choice(house.region.banks),
        month=fmt_date(txn.day, "MON YYYY").upper(),
    )
    return txn.description + tail


def _rows(rng: Random, house: House, acc: Account, holder: str, log: TruthLog) -> list[Row]:
    branch = f"{rng.randint(1, 99999):05d}" if house.key == "in" else f"BR{rng.randint(100, 999)}"
    texts = {id(t): _long(rng, house, t, holder) for t in acc.txns}

    def cells(t: Txn) -> dict[str, str]:
        out = {
            "date": fmt_date(t.day, house.day),
            "value": fmt_date(t.value_day, house.value_day),
            "desc": texts[id(t)],
            "ref": t.reference,
            "branch": branch,
            "bal": signed(house.numbers, t.balance),
            "out" if t.amount < 0 else "in": house.numbers.magnitude(t.amount),
        }
        cheque = CHEQUE.search(t.description) if t.kind in CHEQUES else None
        if cheque is not None:
            # Indian exports share one column for the reference and the cheque number.
            out["ref" if house.key == "in" else "chq"] = cheque.group(1)
        return out

    return rows(acc, 0, log, cells)


def _flow(rng: Random, house: House, paper: tuple[float, float]) -> Flow:
    """A landscape media box, or (a third of the seeds) a portrait page turned by /Rotate."""
    fonts = (DEJAVU,) if house.key == "in" else (HELVETICA, DEJAVU)
    spec = PageSpec.vary(rng, fonts=fonts, size=(6.5, 8.0), paper=(paper,))
    if rng.random() < 0.35:
        rotated = RotatedFlow(spec, footer("Page {n} of {total}"))
        rotated.turn = rng.choice((90, 90, 270))
        return rotated
    return Flow(spec, footer("Page {n} of {total}"))


def landscape_statement(rng: Random) -> Built:
    house = rng.choice(HOUSES)
    paper = landscape(rng.choice((A4, LETTER)))
    holder = rng.choice(("ACME WIDGETS LTD", "MR ARJUN MEHTA", "KAROO LOGISTICS (PTY) LTD"))
    plan = Plan(
        "Current Account",
        rng.randint(30, 70),
        (800, 9000),
        pool=(*EVERYDAY, "check"),
        mask="XXXXXXX{last4}",
    )
    st = statement(rng, house.region, (rng.choice(house.banks), house.towns, holder), [plan])
    acc = st.accounts[0]
    flow = _flow(rng, house, paper)
    flow.continuation = continuation(st.bank.name, f"Account No. {acc.masked}")
    long = "DD MON YYYY"
    details = [
        ("Account Number", acc.masked),
        ("Account Type", acc.name),
        ("Currency", house.region.currency),
        ("Period", f"{fmt_date(st.start, long)} to {fmt_date(st.end, long)}"),
    ]
    letterhead(flow, rng, st, "Account Statement", details)
    labels = ("Opening Balance", "Total Credits", "Total Debits", "Closing Balance")
    totals(flow, acc, "Account Summary", labels, lambda v: signed(house.numbers, v), 0.35)
    log = TruthLog()
    style = Style.vary(rng, rng.choice(("grid", "rows", "header")), (200, 330))
    Table(flow, house.columns, style).draw(_rows(rng, house, acc, holder, log))
    return Built(flow, st, log, house.numbers)


LAYOUTS = (
    Layout(
        "landscape",
        "landscape statements with eight or nine columns (two date columns, reference, cheque "
        "number, branch, debit, credit, balance) and long narrations; landscape media boxes, or "
        "portrait pages turned by /Rotate 90 or 270 with the content drawn sideways; Indian "
        "(lakh grouping, rupee font), UK corporate and South African variants",
        landscape_statement,
    ),
)
