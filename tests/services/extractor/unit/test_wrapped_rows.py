"""Rows whose description wraps above their figures, and header titles the data sits close to,
typed out as word boxes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]
HEADER = (
    200.0,
    [(40, "Date"), (120, "Description"), (350, "Debit"), (430, "Credit"), (520, "Balance")],
)


def row(y: float, day: str, text: str, debit: str = "", credit: str = "", balance: str = ""):  # type: ignore[no-untyped-def]
    cells = [(40, day), (120, text), (375, debit, "r"), (460, credit, "r"), (555, balance, "r")]
    return (y, [c for c in cells if c[1]])


def test_amounts_on_the_last_line_keep_the_value_date_out_of_the_description(
    extract: Extract,
) -> None:
    """A footer printed across the table fills the gap between the value date and the
    description; the space inside `14 Apr 2025` must not become the column split."""
    titles = [(40, "Date"), (110, "Value Date"), (190, "Description"), (390, "Debit")]
    page = [
        (200.0, [*titles, (460, "Credit"), (540, "Balance")]),
        (220, [(190, "BILLPAY/MAHANAGAR")]),
        _dated(231, "13", "GAS/7213 ELECTRICITY BILL", debit="5,532.10", balance="94,467.90"),
        (253, [(190, "REFUND SWIGGY")]),
        _dated(264, "14", "CARD 7371", credit="140.40", balance="94,608.30"),
        (286, [(190, "NEFT CR-4133")]),
        _dated(297, "15", "INFOSYS SALARY", credit="2,000.00", balance="96,608.30"),
        (760, [(102, "This is a computer generated statement.")]),
    ]
    descriptions = [t.description for t in extract(page).transactions]
    assert descriptions == [
        "BILLPAY/MAHANAGAR GAS/7213 ELECTRICITY BILL",
        "REFUND SWIGGY CARD 7371",
        "NEFT CR-4133 INFOSYS SALARY",
    ]


def _dated(y: float, day: str, text: str, debit: str = "", credit: str = "", balance: str = ""):  # type: ignore[no-untyped-def]
    """A row dated `day` April 2025 and valued the day after."""
    value = f"{int(day) + 1} Apr 2025"
    cells: list[tuple[float, str] | tuple[float, str, str]] = [
        (40, f"{day} Apr 2025"),
        (110, value),
        (190, text),
    ]
    cells += [(415, debit, "r"), (490, credit, "r"), (575, balance, "r")]
    return (y, [c for c in cells if c[1]])


def test_a_wrapped_line_naming_charges_is_no_section_heading(extract: Extract) -> None:
    """`CHQ RETURN CHARGES` sits a row's padding below the row above, but in the description
    column and right over its own figures: the first line of a row, not a `Charges` heading."""
    page = [
        HEADER,
        (220, [(120, "VISA NEW WORLD")]),
        row(231, "03 Feb 2025", "KILBIRNIE", debit="85.40", balance="914.60"),
        (255, [(120, "CHQ RETURN CHARGES")]),
        row(266, "04 Feb 2025", "009601 INCL GST", debit="150.00", balance="764.60"),
        (290, [(120, "DIRECT DEBIT")]),
        row(301, "05 Feb 2025", "POWER CO", debit="9.60", balance="755.00"),
    ]
    descriptions = [t.description for t in extract(page).transactions]
    assert descriptions == [
        "VISA NEW WORLD KILBIRNIE",
        "CHQ RETURN CHARGES 009601 INCL GST",
        "DIRECT DEBIT POWER CO",
    ]


def test_a_heading_at_the_tables_left_edge_still_sets_the_section(extract: Extract) -> None:
    table = (200.0, [(40, "Date"), (120, "Description"), (430, "Amount")])
    page = [
        table,
        (222, [(40, "Deposits")]),
        (234, [(40, "03 Feb 2025"), (120, "PAYROLL"), (460, "2,000.00", "r")]),
        (262, [(40, "Checks paid")]),
        (274, [(40, "04 Feb 2025"), (120, "CHECK 1043"), (460, "75.00", "r")]),
    ]
    result = extract(page)
    assert [(t.debit, t.credit) for t in result.transactions] == [
        (None, Decimal("2000.00")),
        (Decimal("75.00"), None),
    ]


def test_a_rows_first_line_right_under_the_header_is_no_title(extract: Extract) -> None:
    """Under the header the data begins: only title words (`Date`, `(GBP)`) continue a title
    there, not a description that wraps above its row's figures."""
    page = [
        HEADER,
        (214, [(120, "SMS ALERT CHARGES AUG")]),
        row(225, "15 Aug 2025", "2025", debit="1,045.10", balance="2,305.90"),
        (241, [(120, "ATW-3542 AXIS")]),
        row(252, "16 Aug 2025", "BANK ATM CHENNAI", debit="1,400.00", balance="905.90"),
    ]
    result = extract(page)
    assert [t.description for t in result.transactions] == [
        "SMS ALERT CHARGES AUG 2025",
        "ATW-3542 AXIS BANK ATM CHENNAI",
    ]
    assert [t.debit for t in result.transactions] == [Decimal("1045.10"), Decimal("1400.00")]


def test_close_titles_split_where_the_font_spaces_words_narrowly(extract: Extract) -> None:
    """`Balance` (right-aligned) and `Date` (left-aligned) printed 5 points apart: less than
    0.6 of a line height, yet more than twice this font's 2-point word space."""
    header = [(107, "Balance", "r"), (112, "Date"), (167, "Transaction")]
    header += [(476, "Withdrawals", "r"), (539, "Deposits", "r")]
    page = [
        (60, [(40, "Statement period 18 December 2025 to 15 January 2026")]),
        (200, header),
        _nz(220, "1,006.16", "Dec 18", "REFUND PAK N SAVE CARD 0324", (539, "48.99")),
        _nz(234, "965.34", "Dec 30", "SERVICE CHARGE DEC 2025", (476, "40.82")),
        _nz(248, "1,222.46", "Jan 2", "REFUND COUNTDOWN PONSONBY", (539, "257.12")),
    ]
    result = extract(page, space=2.0)
    assert [(t.date, t.balance, t.debit, t.credit) for t in result.transactions] == [
        (date(2025, 12, 18), Decimal("1006.16"), None, Decimal("48.99")),
        (date(2025, 12, 30), Decimal("965.34"), Decimal("40.82"), None),
        (date(2026, 1, 2), Decimal("1222.46"), None, Decimal("257.12")),
    ]


def _nz(y: float, balance: str, day: str, text: str, amount: tuple[float, str]):  # type: ignore[no-untyped-def]
    """Balance first, then the date, the description and one amount (`Balance Date ...`)."""
    return (y, [(107, balance, "r"), (112, day), (167, text), (amount[0], amount[1], "r")])
