"""Whole statements typed out as word boxes, through the cascade (no PDF involved)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from cypheredge.extractor.domain.model import ExtractionResult, Transaction
from cypheredge.extractor.domain.words import PageWords

from .conftest import Spec, run_pages

Extract = Callable[..., ExtractionResult]
HEADER = (
    200.0,
    [(40, "Date"), (120, "Description"), (350, "Debit"), (430, "Credit"), (520, "Balance")],
)


def row(y: float, day: str, text: str, debit: str = "", credit: str = "", balance: str = ""):  # type: ignore[no-untyped-def]
    cells: list[tuple[float, str] | tuple[float, str, str]] = [(40, day), (120, text)]
    cells += [(375, debit, "r")] if debit else []
    cells += [(460, credit, "r")] if credit else []
    cells += [(555, balance, "r")] if balance else []
    return (y, [c for c in cells if c[1]])


def summary(t: Transaction) -> tuple[str, str, Decimal | None, Decimal | None, Decimal | None]:
    return (t.date.isoformat(), t.description, t.debit, t.credit, t.balance)


def test_table_with_summary_box(extract: Extract) -> None:
    page = [
        (60, [(40, "Statement period 01/02/2025 to 28/02/2025")]),
        (100, [(40, "Opening balance"), (200, "1,000.00", "r")]),
        (114, [(40, "Total debits"), (200, "12.40", "r")]),
        (128, [(40, "Closing balance"), (200, "1,987.60", "r")]),
        HEADER,
        row(220, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="987.60"),
        row(234, "05/02/2025", "SALARY ACME LTD", credit="1,000.00", balance="1,987.60"),
    ]
    result = extract(page)
    assert [summary(t) for t in result.transactions] == [
        ("2025-02-03", "COFFEE HOUSE", Decimal("12.40"), None, Decimal("987.60")),
        ("2025-02-05", "SALARY ACME LTD", None, Decimal("1000.00"), Decimal("1987.60")),
    ]
    assert result.statement.opening_balance == Decimal("1000.00")
    assert result.statement.closing_balance == Decimal("1987.60")
    assert result.statement.period_start == date(2025, 2, 1)
    assert result.reconciled is True
    assert result.pages[0].confidence > 0.9
    assert all(t.method == "geometric" and t.page == 1 for t in result.transactions)


def test_wrapped_descriptions_below_the_row(extract: Extract) -> None:
    page = [
        HEADER,
        row(220, "03 Feb 2025", "VISA NEW WORLD", debit="85.40", balance="914.60"),
        (231, [(120, "4835****1234 ORIG DATE 06/02")]),
        row(245, "04 Feb 2025", "REFUND", credit="5.00", balance="919.60"),
        row(259, "05 Feb 2025", "UPI/DR/123/SWIG", debit="9.60", balance="910.00"),
        (270, [(120, "GY LIMITED/YESB")]),
        (281, [(120, "payment@ybl")]),
    ]
    descriptions = [t.description for t in extract(page).transactions]
    assert descriptions == [
        "VISA NEW WORLD 4835****1234 ORIG DATE 06/02",
        "REFUND",
        "UPI/DR/123/SWIG GY LIMITED/YESB payment@ybl",
    ]


def test_wrapped_descriptions_above_a_bottom_aligned_row(extract: Extract) -> None:
    page = [
        HEADER,
        (220, [(120, "VISA NEW WORLD")]),
        row(231, "03 Feb 2025", "KILBIRNIE", debit="85.40", balance="914.60"),
        row(245, "04 Feb 2025", "REFUND", credit="5.00", balance="919.60"),
        (259, [(120, "DIRECT DEBIT")]),
        row(270, "05 Feb 2025", "POWER CO", debit="9.60", balance="910.00"),
    ]
    descriptions = [t.description for t in extract(page).transactions]
    assert descriptions == ["VISA NEW WORLD KILBIRNIE", "REFUND", "DIRECT DEBIT POWER CO"]


def test_wrapped_lines_either_side_of_a_centred_row(extract: Extract) -> None:
    page = [
        HEADER,
        (220, [(120, "VISA NEW WORLD")]),
        row(231, "03 Feb 2025", "KILBIRNIE", debit="85.40", balance="914.60"),
        (242, [(120, "CARD 1234")]),
        (258, [(120, "DIRECT DEBIT")]),
        row(269, "04 Feb 2025", "POWER CO", debit="14.60", balance="900.00"),
        (280, [(120, "REF 99")]),
    ]
    descriptions = [t.description for t in extract(page).transactions]
    assert descriptions == ["VISA NEW WORLD KILBIRNIE CARD 1234", "DIRECT DEBIT POWER CO REF 99"]


def test_sections_set_the_direction_and_totals_are_skipped(extract: Extract) -> None:
    table = [(40, "DATE"), (120, "DESCRIPTION"), (430, "AMOUNT")]
    page = [
        (50, [(40, "Statement period December 15, 2024 through January 14, 2025")]),
        (100, [(40, "DEPOSITS AND ADDITIONS")]),
        (116, table),
        (130, [(40, "12/20"), (120, "PAYROLL"), (460, "2,000.00", "r")]),
        (144, [(120, "Total Deposits"), (460, "$2,000.00", "r")]),
        (170, [(40, "ELECTRONIC WITHDRAWALS")]),
        (186, table),
        (200, [(40, "12/30"), (120, "TRANSFER FROM SAVINGS TO CARD"), (460, "50.00", "r")]),
        (214, [(40, "01/02"), (120, "RENT"), (460, "900.00", "r")]),
        (228, [(120, "Total Electronic Withdrawals"), (460, "$950.00", "r")]),
        (260, [(40, "DAILY ENDING BALANCE")]),
        (276, [(40, "DATE"), (120, "AMOUNT"), (220, "DATE"), (300, "AMOUNT")]),
        (290, [(40, "12/20"), (150, "$3,000.00", "r"), (220, "12/30"), (330, "$2,950.00", "r")]),
    ]
    result = extract(page)
    assert [(t.date, t.debit, t.credit) for t in result.transactions] == [
        (date(2024, 12, 20), None, Decimal("2000.00")),
        (date(2024, 12, 30), Decimal("50.00"), None),
        (date(2025, 1, 2), Decimal("900.00"), None),
    ]


def test_carry_rows_across_pages_are_not_transactions(extract: Extract) -> None:
    first = [
        HEADER,
        row(220, "01 Mar 2025", "BALANCE BROUGHT FORWARD", balance="500.00"),
        row(234, "02 Mar 2025", "RENT", debit="400.00", balance="100.00"),
        (248, [(120, "Balance carried forward"), (555, "100.00", "r")]),
        (700, [(40, "Page 1 of 2")]),
    ]
    second = [
        (40, [(40, "Current Account 12345678 (continued)")]),
        HEADER,
        (220, [(120, "Balance brought forward"), (555, "100.00", "r")]),
        row(234, "03 Mar 2025", "SALARY", credit="1,000.00", balance="1,100.00"),
        row(248, "31 Mar 2025", "CLOSING BALANCE", balance="1,100.00"),
    ]
    result = extract(first, second)
    assert [t.description for t in result.transactions] == ["RENT", "SALARY"]
    assert [t.page for t in result.transactions] == [1, 2]
    assert result.accounts[0].opening_balance == Decimal("500.00")
    assert result.accounts[0].closing_balance == Decimal("1100.00")
    assert result.reconciled is True


def test_two_accounts_in_one_statement(extract: Extract) -> None:
    page = [
        (100, [(40, "Current Account"), (200, "Account no. ****1234")]),
        HEADER,
        row(220, "01/03/2025", "RENT", debit="400.00", balance="100.00"),
        (300, [(40, "Instant Saver"), (200, "Account no. ****9876")]),
        (400, HEADER[1]),
        row(420, "02/03/2025", "INTEREST", credit="1.50", balance="2,001.50"),
    ]
    result = extract(page)
    assert [(t.description, t.account) for t in result.transactions] == [
        ("RENT", 0),
        ("INTEREST", 1),
    ]
    assert [a.account_hint for a in result.accounts] == ["****1234", "****9876"]
    assert [a.opening_balance for a in result.accounts] == [Decimal("500.00"), Decimal("2000.00")]


def test_an_account_caption_read_glued_and_set_close_above_its_table_starts_the_next_account(
    extract: Extract,
) -> None:
    # OCR joins words the print set close: `no.****9876` is one word on a scan. The second
    # caption sits 4 pt above its table's titles, as close as a title's own second line.
    page = [
        (100, [(40, "Current Account"), (200, "Account no.****1234")]),
        HEADER,
        row(220, "01/03/2025", "RENT", debit="400.00", balance="100.00"),
        (386, [(40, "Saver"), (120, "Account Nr:9876")]),
        (400, HEADER[1]),
        row(420, "02/03/2025", "INTEREST", credit="1.50", balance="2,001.50"),
    ]
    result = extract(page)
    assert [t.account for t in result.transactions] == [0, 1]
    assert [a.account_hint for a in result.accounts] == ["****1234", "9876"]


def test_signed_amount_column_without_balances(extract: Extract) -> None:
    page = [
        (100, [(40, "Date"), (120, "Description"), (430, "Amount")]),
        (120, [(40, "1/2/2024"), (120, "AMAZON PURCHASE"), (460, "-$607.81", "r")]),
        (134, [(40, "1/3/2024"), (120, "PAYROLL"), (460, "$426.37", "r")]),
        (148, [(40, "1/4/2024"), (120, "CARD FEE"), (460, "($5.00)", "r")]),
    ]
    result = extract(page)
    assert [(t.debit, t.credit) for t in result.transactions] == [
        (Decimal("607.81"), None),
        (None, Decimal("426.37")),
        (Decimal("5.00"), None),
    ]
    assert result.statement.currency == "USD"


def test_balance_chain_decides_unsigned_amounts(extract: Extract) -> None:
    page = [
        (100, [(40, "Date"), (120, "Details"), (430, "Amount"), (520, "Balance")]),
        (120, [(40, "02.01.2025"), (120, "Miete"), (460, "800,00", "r"), (555, "1.200,00", "r")]),
        (
            134,
            [(40, "03.01.2025"), (120, "Gehalt"), (460, "2.500,00", "r"), (555, "3.700,00", "r")],
        ),
        (
            148,
            [
                (40, "04.01.2025"),
                (120, "Rückzahlung Müller"),
                (460, "50,00", "r"),
                (555, "3.650,00", "r"),
            ],
        ),
    ]
    result = extract(page)
    assert [(t.debit, t.credit) for t in result.transactions] == [
        (Decimal("800.00"), None),
        (None, Decimal("2500.00")),
        (Decimal("50.00"), None),
    ]
    assert [t.confidence for t in result.transactions][1:] == [0.99, 0.99]


def test_newest_first_statements_chain_backwards(extract: Extract) -> None:
    page = [
        (100, [(40, "Date"), (120, "Details"), (430, "Amount"), (520, "Balance")]),
        (120, [(40, "05/01/2025"), (120, "FEE"), (460, "10.00", "r"), (555, "1,490.00", "r")]),
        (134, [(40, "04/01/2025"), (120, "PAY"), (460, "500.00", "r"), (555, "1,500.00", "r")]),
        (148, [(40, "03/01/2025"), (120, "OPEN"), (460, "1.00", "r"), (555, "1,000.00", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions][:2] == [
        ("FEE", Decimal("10.00"), None),
        ("PAY", None, Decimal("500.00")),
    ]


def test_marker_column_and_trailing_markers(extract: Extract) -> None:
    page = [
        (
            100,
            [(40, "Date"), (120, "Narration"), (400, "Amount"), (470, "Dr/Cr"), (520, "Balance")],
        ),
        (
            120,
            [
                (40, "03 Jan 2025"),
                (120, "ATM"),
                (430, "500.00", "r"),
                (470, "Dr"),
                (555, "1,500.00 Cr", "r"),
            ],
        ),
        (
            134,
            [
                (40, "04 Jan 2025"),
                (120, "NEFT"),
                (430, "200.00", "r"),
                (470, "Cr"),
                (555, "1,700.00 Cr", "r"),
            ],
        ),
    ]
    result = extract(page)
    assert [(t.debit, t.credit, t.balance) for t in result.transactions] == [
        (Decimal("500.00"), None, Decimal("1500.00")),
        (None, Decimal("200.00"), Decimal("1700.00")),
    ]


def test_balance_first_column_order_and_dateless_rows(extract: Extract) -> None:
    page = [
        (
            100,
            [
                (40, "Balance"),
                (120, "Date"),
                (200, "Particulars"),
                (400, "Withdrawals"),
                (480, "Deposits"),
            ],
        ),
        (120, [(75, "900.00", "r"), (120, "03 Feb"), (200, "EFTPOS"), (455, "100.00", "r")]),
        (134, [(75, "850.00", "r"), (200, "DAIRY"), (455, "50.00", "r")]),
        (
            148,
            [(75, "1,850.00", "r"), (120, "05 Feb"), (200, "SALARY"), (525, "1,000.00", "r")],
        ),
        (600, [(40, "Statement period 01 Feb 2026 to 28 Feb 2026")]),
    ]
    result = extract(page)
    assert [(t.date, t.description, t.debit, t.credit) for t in result.transactions] == [
        (date(2026, 2, 3), "EFTPOS", Decimal("100.00"), None),
        (date(2026, 2, 3), "DAIRY", Decimal("50.00"), None),
        (date(2026, 2, 5), "SALARY", None, Decimal("1000.00")),
    ]


def test_pages_without_transactions_or_text(extract: Extract) -> None:
    notices = [(100, [(40, "Important information. Fees of 25.00 apply from 01/04/2025.")])]
    result = extract(notices, [])
    assert result.transactions == ()
    assert [(p.method, p.rows) for p in result.pages] == [("geometric", 0), ("none", 0)]
    assert result.pages[1].confidence == 0.0
    assert result.to_json()["accounts"] == []


def test_card_statement_owes_and_dates_fall_before_the_statement_date(extract: Extract) -> None:
    page = [
        (40, [(40, "ACME Card Statement")]),
        (60, [(40, "Statement closing date 01/15/2025")]),
        (80, [(40, "Previous Balance"), (300, "$1,000.00", "r")]),
        (94, [(40, "New Balance"), (300, "$585.50", "r")]),
        (110, [(40, "Minimum Payment Due"), (300, "$25.00", "r")]),
        (200, [(40, "Trans Date"), (110, "Post Date"), (180, "Description"), (500, "Amount")]),
        (220, [(40, "Dec 28"), (110, "Dec 29"), (180, "AMAZON MKTPLACE"), (530, "85.50", "r")]),
        (234, [(40, "Jan 03"), (110, "Jan 03"), (180, "PAYMENT THANK YOU"), (530, "-500.00", "r")]),
    ]
    result = extract(page)
    assert [(t.date, t.debit, t.credit) for t in result.transactions] == [
        (date(2024, 12, 28), Decimal("85.50"), None),
        (date(2025, 1, 3), None, Decimal("500.00")),
    ]
    assert result.reconciled is True
    assert result.statement.period_start is None


def test_item_counts_and_net_lines_are_not_transactions(extract: Extract) -> None:
    page = [
        HEADER,
        row(220, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="987.60"),
        row(234, "28/02/2025", "2 Debit(s) This Period", debit="12.40"),
        row(248, "28/02/2025", "Net amount of monthly activity", debit="12.40"),
        row(262, "28/02/2025", "Ending balance", balance="987.60"),
    ]
    result = extract(page)
    assert [t.description for t in result.transactions] == ["COFFEE HOUSE"]
    assert result.statement.closing_balance == Decimal("987.60")


def test_zero_rows_are_kept_among_movements_but_a_table_of_zeros_lists_nothing(
    extract: Extract,
) -> None:
    page = [
        HEADER,
        row(220, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="987.60"),
        row(234, "04/02/2025", "CARD FEE WAIVED", debit="0.00", balance="987.60"),
        (300, [(40, "Interest paid this period")]),
        (320, [(40, "Date"), (120, "Why we are paying you"), (430, "Amount")]),
        (340, [(40, "02/03/2025"), (120, "Interest on your credit balance"), (460, "0.00", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit) for t in result.transactions] == [
        ("COFFEE HOUSE", Decimal("12.40")),
        ("CARD FEE WAIVED", Decimal("0.00")),
    ]


def test_a_header_split_over_two_lines_and_balances_on_a_day(extract: Extract) -> None:
    # Sparkasse: `Erläuterung  Betrag Soll  Betrag Haben` over `Datum  EUR  EUR`, and the
    # balances printed as rows `Kontostand am ...` before and after the movements.
    page = [
        (180, [(120, "Erläuterung"), (330, "Betrag Soll"), (430, "Betrag Haben")]),
        (188, [(40, "Datum"), (350, "EUR"), (460, "EUR")]),
        (210, [(120, "Kontostand am 31.01.2025"), (490, "1.000,00", "r")]),
        (224, [(40, "03.02.2025"), (120, "Lastschrift Stadtwerke"), (390, "12,40", "r")]),
        (238, [(40, "05.02.2025"), (120, "Gehalt ACME GmbH"), (490, "500,00", "r")]),
        (252, [(120, "Kontostand am 28.02.2025"), (490, "1.487,60", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("Lastschrift Stadtwerke", Decimal("12.40"), None),
        ("Gehalt ACME GmbH", None, Decimal("500.00")),
    ]
    assert (result.statement.opening_balance, result.statement.closing_balance) == (
        Decimal("1000.00"),
        Decimal("1487.60"),
    )
    assert result.reconciled is True


def test_a_figure_in_the_description_stays_there(extract: Extract) -> None:
    text = (120, "INTEREST PAID AFTER TAX"), (300, "0.00", "r")
    page = [HEADER, (220, [(40, "13/08/2024"), *text, (460, "15.33", "r"), (555, "1,015.33", "r")])]
    (txn,) = extract(page).transactions
    assert (txn.description, txn.credit) == ("INTEREST PAID AFTER TAX 0.00", Decimal("15.33"))


def test_a_balance_carried_between_pages_is_not_the_closing_one(extract: Extract) -> None:
    first = [
        (60, [(40, "Statement period 01/02/2025 to 28/02/2025")]),
        (80, [(40, "Closing balance"), (300, "995.00", "r")]),
        HEADER,
        row(220, "01/02/2025", "Balance brought forward", balance="1,012.40"),
        row(234, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="1,000.00"),
        row(248, "03/02/2025", "Balance carried forward", balance="1,000.00"),
    ]
    second = [
        HEADER,
        row(220, "03/02/2025", "Balance brought forward", balance="1,000.00"),
        row(234, "04/02/2025", "TEA ROOM", debit="5.00", balance="995.00"),
    ]
    result = extract(first, second)
    assert (result.statement.opening_balance, result.statement.closing_balance) == (
        Decimal("1012.40"),
        Decimal("995.00"),
    )
    assert result.reconciled is True


def test_a_summary_by_type_is_not_a_table_of_transactions(extract: Extract) -> None:
    # M-PESA: a summary of totals by type above the detailed statement, whose date column
    # is `Completion Time` (date and time) and whose debits are titled `Withdrawn`.
    page = [
        (100, [(40, "TRANSACTION TYPE"), (220, "PAID IN"), (300, "PAID OUT")]),
        (114, [(40, "SEND MONEY:"), (245, "0.00", "r"), (325, "120.00", "r")]),
        (150, [(40, "Receipt No."), (120, "Completion Time"), (220, "Details")]),
        (150, [(400, "Paid In"), (460, "Withdrawn"), (530, "Balance")]),
        (170, [(40, "RJVS19TTRA"), (120, "2023-10-31 16:34:56"), (220, "Airtime Purchase")]),
        (170, [(500, "-120.00", "r"), (570, "880.00", "r")]),
    ]
    (txn,) = extract(page).transactions
    assert (txn.date.isoformat(), txn.description, txn.debit) == (
        "2023-10-31",
        "Airtime Purchase",
        Decimal("120.00"),
    )


def test_card_sections_set_directions_and_footers_are_not_amounts(extract: Extract) -> None:
    # A card without the usual phrases: its summary says it is one. `Your payments` are money
    # onto the card; `new charges and credits` holds both directions (signs decide there).
    page = [
        (40, [(40, "DIVIDEND VISA CARD")]),
        (60, [(40, "Statement period 01/11/2024 to 30/11/2024")]),
        (80, [(40, "Previous Statement Balance"), (300, "$100.00", "r")]),
        (94, [(40, "Purchases & Debits"), (300, "$75.70", "r")]),
        (108, [(40, "Cash Advances"), (300, "$0.00", "r")]),
        (122, [(40, "NEW BALANCE"), (300, "$125.70", "r")]),
        (160, [(40, "Your payments")]),
        (180, [(40, "Date"), (120, "Description"), (500, "Amount")]),
        (194, [(40, "14/11/2024"), (120, "PAYMENT THANK YOU"), (530, "$50.00", "r")]),
        (230, [(40, "Your new charges and credits")]),
        (250, [(40, "Date"), (120, "Description"), (500, "Amount")]),
        (264, [(120, "Card number 4520 XXXX XXXX 5178")]),
        (278, [(40, "01/11/2024"), (120, "LOBLAWS 1032 OTTAWA"), (530, "$75.70", "r")]),
        (292, [(40, "09/11/2024"), (120, "ESSO REFUND"), (530, "-$0.00", "r")]),
        (760, [(400, "RBC569074"), (470, "511235929141"), (540, "1 OF 2")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions][:2] == [
        ("PAYMENT THANK YOU", None, Decimal("50.00")),
        ("LOBLAWS 1032 OTTAWA", Decimal("75.70"), None),
    ]
    assert not any("RBC" in t.description for t in result.transactions)
    assert result.reconciled is True


def test_type_codes_and_reference_columns_stay_beside_the_description(extract: Extract) -> None:
    # HSBC prints the payment type in its own sub-column under `Payment type and details`; NZ
    # banks print Particulars / Code / Reference columns after the details.
    page = [
        (200, [(40, "Date"), (110, "Payment type and details"), (260, "Particulars")]),
        (200, [(330, "Reference"), (430, "Paid out"), (470, "Paid in"), (520, "Balance")]),
        (220, [(40, "13 Sep 22"), (110, "CR"), (140, "ACME SALARY"), (260, "PAY"), (330, "SEP22")]),
        (220, [(500, "5.35", "r"), (555, "22,020.13", "r")]),
        (234, [(40, "14 Sep 22"), (140, "DD CITY COUNCIL RATES"), (460, "20.13", "r")]),
        (234, [(555, "22,000.00", "r")]),
    ]
    first, second = extract(page).transactions
    assert (first.description, first.code, first.reference) == ("ACME SALARY", "CR", "PAY SEP22")
    assert (second.description, second.code, second.reference) == (
        "DD CITY COUNCIL RATES",
        None,
        None,
    )


def test_a_bundle_of_statements_is_split_by_their_periods(extract: Extract) -> None:
    def month(start: str, end: str, opening: str, txn: tuple[str, ...]) -> list:  # type: ignore[type-arg]
        return [
            (40, [(40, "Account number 12345678")]),
            (60, [(40, f"Statement period {start} to {end}")]),
            (80, [(40, "Opening balance"), (300, opening, "r")]),
            HEADER,
            row(220, *txn),
        ]

    first = month("01/01/2025", "31/01/2025", "100.00", ("03/01/2025", "TEA", "10.00", "", "90.00"))
    second = month("01/02/2025", "28/02/2025", "90.00", ("03/02/2025", "PAY", "", "5.00", "95.00"))
    result = extract(first, second)
    accounts = result.accounts
    assert [
        (a.statement, a.period_start, a.opening_balance, a.closing_balance) for a in accounts
    ] == [
        (0, date(2025, 1, 1), Decimal("100.00"), Decimal("90.00")),
        (1, date(2025, 2, 1), Decimal("90.00"), Decimal("95.00")),
    ]
    assert [t.account for t in result.transactions] == [0, 1]
    assert all(a.reconciled and a.difference == 0 for a in accounts)


def test_a_cover_page_listing_accounts_names_none_of_them(extract: Extract) -> None:
    cover = [
        (100, [(40, "Current Account ****6333"), (300, "90.00", "r")]),
        (114, [(40, "Savings Account ****2084"), (300, "500.00", "r")]),
    ]
    current = [
        (40, [(40, "Account ****6333")]),
        HEADER,
        row(220, "03/01/2025", "TEA", "10.00", "", "90.00"),
    ]
    savings = [
        (40, [(40, "Account ****2084")]),
        HEADER,
        row(220, "04/01/2025", "PAY", "", "5.00", "500.00"),
    ]
    result = extract(cover, current, savings)
    assert [a.account_hint for a in result.accounts] == ["****6333", "****2084"]
    assert [t.account for t in result.transactions] == [0, 1]


def test_a_statement_that_does_not_reconcile_says_by_how_much_and_where(extract: Extract) -> None:
    page = [
        (80, [(40, "Opening balance"), (300, "100.00", "r")]),
        (94, [(40, "Closing balance"), (300, "70.00", "r")]),
        HEADER,
        row(220, "03/01/2025", "TEA", "10.00", "", "90.00"),
        row(234, "04/01/2025", "CAKE", "10.00", "", "85.00"),
    ]
    (account,) = extract(page).accounts
    assert account.reconciled is False
    assert account.difference == Decimal("-10.00")
    assert account.first_break is not None
    assert (
        account.first_break.index,
        account.first_break.expected,
        account.first_break.printed,
    ) == (
        1,
        Decimal("80.00"),
        Decimal("85.00"),
    )


def test_running_headers_stay_out_of_descriptions(extract: Extract) -> None:
    def page(n: int, rows: list) -> list:  # type: ignore[type-arg]
        return [(20, [(40, "GINEVRA M WEASLEY"), (300, f"Account Ending 9-39401 p. {n}/2")]), *rows]

    first = page(1, [HEADER, row(220, "24/01/2025", "FOUNTAIN ORLANDO FL", debit="47.45")])
    first.append((760, [(40, "Continued on next page")]))
    second = page(2, [HEADER, row(220, "25/01/2025", "HONEYDUKES", debit="13.84")])
    second.append((760, [(40, "Continued on next page")]))
    result = extract(first, second)
    assert [t.description for t in result.transactions] == ["FOUNTAIN ORLANDO FL", "HONEYDUKES"]
    assert result.accounts[0].account_hint == "9-39401"


def test_a_date_with_a_footnote_mark_is_a_date(extract: Extract) -> None:
    (txn,) = extract(
        [HEADER, row(220, "15/02/2025*", "AUTOPAY PAYMENT", credit="19.00")]
    ).transactions
    assert (txn.date, txn.credit) == (date(2025, 2, 15), Decimal("19.00"))


def test_a_date_that_wraps_in_its_cell_is_one_date(extract: Extract) -> None:
    page = [
        HEADER,
        row(220, "2024-03-", "COFFEE HOUSE", debit="12.40", balance="987.60"),
        (231, [(40, "01"), (120, "LONDON")]),
        row(245, "February 16,", "REFUND", credit="5.00", balance="992.60"),
        (256, [(40, "2025")]),
    ]
    first, second = extract(page).transactions
    assert (first.date, first.description) == (date(2024, 3, 1), "COFFEE HOUSE LONDON")
    assert (second.date, second.description) == (date(2025, 2, 16), "REFUND")


def test_the_year_never_comes_from_the_day_it_runs(extract: Extract) -> None:
    result = extract([HEADER, row(220, "03 Feb", "COFFEE HOUSE", debit="12.40")])
    (txn,) = result.transactions
    assert (txn.date.month, txn.date.day) == (2, 3)
    assert txn.date.year != date.today().year
    assert [w.code for w in result.warnings] == ["no_year"]


def test_the_creation_date_is_the_last_resort_for_the_year() -> None:
    from cypheredge.extractor.domain.cascade import Cascade

    from .conftest import FakeReader

    reader = FakeReader([[HEADER, row(220, "03 Dec", "COFFEE HOUSE", debit="12.40")]])
    result = Cascade(reader, 1, created=date(2019, 1, 20)).run()
    assert result.transactions[0].date == date(2018, 12, 3)
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("Statement period: 1 February to 1 March, 2019", date(2019, 2, 1), date(2019, 3, 1)),
        ("Statement period 20.03.2019 - 03.09.2019", date(2019, 3, 20), date(2019, 9, 3)),
        ("February 1 - April 30, 2022", date(2022, 2, 1), date(2022, 4, 30)),
        ("Statement Period: January 1 · March 31, 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("Period 12 Dec to 11 Jan 2024", date(2023, 12, 12), date(2024, 1, 11)),
    ],
)
def test_periods_written_in_words_give_the_year(
    extract: Extract, printed: str, start: date, end: date
) -> None:
    page = [(60, [(40, printed)]), HEADER, row(220, "15 Mar", "COFFEE", debit="1.00")]
    result = extract(page)
    assert (result.statement.period_start, result.statement.period_end) == (start, end)
    assert start <= result.transactions[0].date <= end or result.transactions[0].date.year in (
        start.year,
        end.year,
    )


def test_a_period_ending_gives_the_year(extract: Extract) -> None:
    page = [(60, [(40, "Statement for the period ending 31 July 2022")]), HEADER]
    page.append(row(220, "15 Jul", "COFFEE", debit="1.00"))
    assert extract(page).transactions[0].date == date(2022, 7, 15)


def test_checks_listed_two_across_with_the_date_paid_at_the_right(extract: Extract) -> None:
    page = [
        (60, [(40, "Statement period 01/07/2025 to 31/07/2025")]),
        (80, [(40, "Items Paid")]),
        (100, [(40, "Check"), (190, "Amount"), (230, "Date Paid")]),
        (100, [(350, "Check"), (460, "Amount"), (500, "Date Paid")]),
        (114, [(40, "1302*"), (220, "646.88", "r"), (230, "01/07")]),
        (114, [(350, "1303"), (490, "689.36", "r"), (500, "03/07")]),
        (128, [(40, "1304"), (220, "360.61", "r"), (230, "07/07")]),
        (142, [(40, "Total Items Paid"), (490, "$1,696.85", "r")]),
    ]
    result = extract(page)
    rows = sorted((t.date.isoformat(), t.description, t.debit) for t in result.transactions)
    assert rows == [
        ("2025-07-01", "Check 1302", Decimal("646.88")),
        ("2025-07-03", "Check 1303", Decimal("689.36")),
        ("2025-07-07", "Check 1304", Decimal("360.61")),
    ]


def test_a_card_number_in_a_notice_between_rows_starts_no_account(extract: Extract) -> None:
    page = [
        (60, [(40, "Account Number 12-3140-02805-00")]),
        HEADER,
        row(220, "05/01/2025", "DD WATERCARE", debit="10.00", balance="90.00"),
        (234, [(120, "** YOUR VISA DEBIT CARD ENDING 4821 EXPIRES NEXT MONTH **")]),
        row(248, "06/01/2025", "DD POWER", debit="10.00", balance="80.00"),
        (262, [(120, "TOTALS AT END OF PAGE"), (460, "0.00", "r"), (555, "80.00", "r")]),
    ]
    result = extract(page)
    assert [a.account_hint for a in result.accounts] == ["12-3140-02805-00"]
    assert [t.description for t in result.transactions] == ["DD WATERCARE", "DD POWER"]


def test_a_section_heading_right_above_a_row_is_no_part_of_it(extract: Extract) -> None:
    page = [
        HEADER,
        (214, [(120, "Payments, Credits and Adjustments")]),
        row(226, "02/04/2025", "ONLINE PAYMENT, THANK YOU", credit="85.00"),
        (240, [(120, "Standard Purchases")]),
        row(252, "09/03/2025", "AMAZON MARKETPLACE", debit="16.58"),
        (264, [(120, "AMZN.COM/BILL WA")]),
        row(278, "12/03/2025", "STARBUCKS STORE 08712", debit="4.64"),
    ]
    assert [t.description for t in extract(page).transactions] == [
        "ONLINE PAYMENT, THANK YOU",
        "AMAZON MARKETPLACE AMZN.COM/BILL WA",
        "STARBUCKS STORE 08712",
    ]


def test_a_listing_that_starts_over_after_the_end_is_left_out_by_the_chain(
    extract: Extract,
) -> None:
    first = [
        (80, [(40, "Opening balance"), (300, "100.00", "r")]),
        (94, [(40, "Closing balance"), (300, "80.00", "r")]),
        HEADER,
        row(220, "03/01/2025", "TEA", debit="10.00"),
        row(234, "04/01/2025", "CAKE", debit="10.00"),
    ]
    second = [
        (60, [(40, "Transactions the parser should ignore")]),
        HEADER,
        row(220, "01/01/2025", "SAMPLE ROW", credit="50.00"),
    ]
    result = extract(first, second)
    assert [t.description for t in result.transactions] == ["TEA", "CAKE"]
    assert result.reconciled is True
    assert [w.code for w in result.accounts[0].warnings] == ["rows_after_end"]


def test_a_sign_pushed_onto_the_line_above_belongs_to_its_amount(extract: Extract) -> None:
    # No balances to settle it: only the sign or marker on its own line says which way.
    page = [
        (200, [(40, "Date"), (120, "Description"), (430, "Amount")]),
        (224, [(40, "03/02/2025"), (120, "COFFEE"), (460, "$5.00", "r")]),
        (240, [(455, "-", "r")]),
        (250, [(40, "04/02/2025"), (120, "SALARY REVERSAL"), (460, "$1,450.00", "r")]),
        (266, [(40, "05/02/2025"), (120, "REFUND FEE"), (460, "$10.00", "r")]),
        (276, [(455, "DR", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions][1:] == [
        ("SALARY REVERSAL", Decimal("1450.00"), None),
        ("REFUND FEE", Decimal("10.00"), None),
    ]


def test_an_interest_rate_table_is_not_transactions(extract: Extract) -> None:
    page = [
        HEADER,
        row(220, "03/01/2025", "COFFEE HOUSE", debit="12.40"),
        (234, [(120, "Purchases 27.24%(v)(d) $422.51"), (375, "8.74", "r")]),
    ]
    assert [t.description for t in extract(page).transactions] == ["COFFEE HOUSE"]


def test_a_page_with_too_few_rows_to_show_its_columns_carries_on_the_last_table(
    extract: Extract,
) -> None:
    def dated(y: float, day: str, text: str, amount: str) -> tuple:  # type: ignore[type-arg]
        return (y, [(40, day), (120, text), (460, amount, "r")])

    first = [dated(100 + 14 * i, f"0{i + 1}/07/2025", f"SHOP {i}", "1.00") for i in range(4)]
    second = [(40, [(40, "Detail Continued")]), dated(80, "08/07/2025", "SPOTIFY USA", "$12.97")]
    result = extract(first, second)
    assert [t.description for t in result.transactions][-1] == "SPOTIFY USA"
    assert len(result.transactions) == 5


def test_a_payment_box_number_is_not_the_statements_account(extract: Extract) -> None:
    page = [
        (40, [(40, "Account number 12345678"), (300, "Sort code 00-11-22")]),
        (120, [(300, "Paying in from another bank?")]),
        (134, [(300, "Account number 87654321")]),
        HEADER,
        row(220, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="987.60"),
    ]
    assert [a.account_hint for a in extract(page).accounts] == ["12345678"]


def test_figures_of_a_chart_or_a_marketing_box_are_not_balances(extract: Extract) -> None:
    page = [
        (40, [(40, "Your balance over the last 6 months")]),
        (54, [(40, "5,000.00"), (120, "2,500.00"), (200, "0.00")]),
        (80, [(40, "Save up to £20,000.00 in our ISA - balances earn 4.5%")]),
        (100, [(40, "Opening balance"), (300, "1,000.00", "r")]),
        HEADER,
        row(220, "03/02/2025", "COFFEE HOUSE", debit="12.40", balance="987.60"),
    ]
    result = extract(page)
    assert result.statement.opening_balance == Decimal("1000.00")
    assert result.statement.closing_balance == Decimal("987.60")


def test_two_dates_side_by_side_are_both_dates() -> None:
    page: Spec = [
        (60, [(40, "Statement period 1 June 2024 to 30 June 2024")]),
        HEADER,
        (220, [(40, "03 June"), (80, "04 June"), (120, "SALARY ACME"), (460, "100.00", "r")]),
        (220, [(555, "1,100.00", "r")]),
        (234, [(40, "05 June"), (80, "05 June"), (120, "RENT"), (375, "50.00", "r")]),
        (234, [(555, "1,050.00", "r")]),
    ]
    first, second = run_pages(page, space=2.5).transactions  # a proportional font's spaces
    assert (first.date, first.description) == (date(2024, 6, 3), "SALARY ACME")
    assert (second.date, second.description) == (date(2024, 6, 5), "RENT")


def test_clean_pages_of_a_statement_that_does_not_add_up_are_not_read_again() -> None:
    from cypheredge.extractor.domain.cascade import Cascade

    from .conftest import FakeReader

    asked: list[int] = []

    class Recording(FakeReader):
        method = "lines+lines"

        def read(self, number: int) -> PageWords | None:
            asked.append(number)
            return super().read(number)

    page: Spec = [
        (80, [(40, "Opening balance"), (300, "100.00", "r")]),
        (94, [(40, "Closing balance"), (300, "1.00", "r")]),  # printed inconsistently
        HEADER,
        row(220, "03/01/2025", "TEA", debit="10.00"),
    ]
    fallback = Recording([page])
    result = Cascade(FakeReader([page]), 1, [fallback]).run()
    assert result.reconciled is False
    assert asked == []


def test_balances_are_read_with_their_sign_and_marker(extract: Extract) -> None:
    overdrawn = [
        (80, [(40, "Opening balance"), (200, "-$"), (300, "54,740.58", "r")]),
        HEADER,
        row(220, "03/02/2025", "SALARY", credit="740.58", balance="-54,000.00"),
    ]
    assert extract(overdrawn).statement.opening_balance == Decimal("-54740.58")
    in_credit = [
        (40, [(40, "VISA PLATINUM CARD STATEMENT")]),
        (60, [(40, "Statement period 01/02/2025 to 28/02/2025")]),
        (80, [(40, "Previous balance"), (300, "$12.76", "r")]),
        (94, [(40, "New balance"), (300, "$47.24 CR", "r")]),
        (180, [(40, "Date"), (120, "Description"), (500, "Amount")]),
        (220, [(40, "03/02/2025"), (120, "PAYMENT THANK YOU"), (530, "-60.00", "r")]),
    ]
    result = extract(in_credit)
    assert result.statement.closing_balance == Decimal("-47.24")
    assert result.reconciled is True


def test_a_card_members_name_beside_a_row_is_who_it_is_for() -> None:
    page: Spec = [
        (100, [(40, "Payments")]),
        (114, [(40, "02/15/2025"), (100, "GINEVRA M WEASLEY"), (230, "AUTOPAY PAYMENT")]),
        (114, [(530, "-19.00", "r")]),
        (
            128,
            [(40, "02/20/2025"), (100, "HARRY POTTER"), (230, "REFUND SHOP"), (530, "-1.00", "r")],
        ),
        (160, [(79, "GINEVRA M WEASLEY")]),
        (170, [(79, "Card Ending 9-39401")]),
        (200, [(40, "01/24/2025"), (100, "FOUNTAIN OF FAIR FORTUNE"), (530, "47.45", "r")]),
        (214, [(40, "01/25/2025"), (100, "HONEYDUKES"), (530, "13.84", "r")]),
        (240, [(79, "HARRY POTTER")]),
        (250, [(79, "Card Ending 5-02845")]),
        (280, [(40, "01/26/2025"), (100, "FLOO NETWORK"), (530, "25.00", "r")]),
    ]
    rows = [(t.description, t.reference) for t in run_pages(page, space=2.5).transactions]
    assert rows[:2] == [
        ("AUTOPAY PAYMENT", "GINEVRA M WEASLEY"),
        ("REFUND SHOP", "HARRY POTTER"),
    ]
    assert ("FOUNTAIN OF FAIR FORTUNE", None) in rows
