"""Tables without a header line: columns from dated lines and aligned amounts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]
DEBIT_X, CREDIT_X, BALANCE_X = 375.0, 460.0, 555.0
_Cell = tuple[float, str] | tuple[float, str, str]


def _page(
    debit_x: float, credit_x: float
) -> list[tuple[float, list[tuple[float, str, str] | tuple[float, str]]]]:
    def line(y: float, day: str, text: str, amount: str, x: float, balance: str):  # type: ignore[no-untyped-def]
        return (y, [(40, day), (120, text), (x, amount, "r"), (BALANCE_X, balance, "r")])

    return [
        (60, [(40, "Statement period 01/02/2025 to 28/02/2025")]),
        line(220, "03/02/2025", "COFFEE HOUSE", "12.40", debit_x, "987.60"),
        line(234, "05/02/2025", "SALARY ACME LTD", "1,000.00", credit_x, "1,987.60"),
        line(248, "06/02/2025", "RENT", "900.00", debit_x, "1,087.60"),
        (259, [(120, "FLAT 2")]),
        line(273, "07/02/2025", "REFUND", "12.40", credit_x, "1,100.00"),
    ]


@pytest.mark.parametrize(("debit_x", "credit_x"), [(DEBIT_X, CREDIT_X), (CREDIT_X, DEBIT_X)])
def test_columns_and_their_meaning_come_from_the_data(
    extract: Extract, debit_x: float, credit_x: float
) -> None:
    result = extract(_page(debit_x, credit_x))
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("COFFEE HOUSE", Decimal("12.40"), None),
        ("SALARY ACME LTD", None, Decimal("1000.00")),
        ("RENT FLAT 2", Decimal("900.00"), None),
        ("REFUND", None, Decimal("12.40")),
    ]
    assert all(t.confidence >= 0.95 for t in result.transactions)


def test_two_dated_lines_are_not_a_table(extract: Extract) -> None:
    page = [
        (100, [(40, "01/02/2025"), (120, "Statement date"), (460, "12.00", "r")]),
        (114, [(40, "28/02/2025"), (120, "Payment due"), (460, "30.00", "r")]),
    ]
    assert extract(page).transactions == ()


def test_titles_in_an_unknown_language_fall_back_to_the_data(extract: Extract) -> None:
    page = [
        (
            200,
            [
                (40, "Data operacji"),
                (120, "Opis"),
                (350, "Obciazenia"),
                (430, "Uznania"),
                (520, "Stan"),
            ],
        ),
        (220, [(40, "03.02.2025"), (120, "Sklep ABC"), (375, "12,40", "r"), (555, "987,60", "r")]),
        (
            234,
            [(40, "05.02.2025"), (120, "Wyplata"), (460, "1.000,00", "r"), (555, "1.987,60", "r")],
        ),
        (248, [(40, "06.02.2025"), (120, "Czynsz"), (375, "900,00", "r"), (555, "1.087,60", "r")]),
    ]
    result = extract(page)
    assert [(t.description, t.debit, t.credit) for t in result.transactions] == [
        ("Sklep ABC", Decimal("12.40"), None),
        ("Wyplata", None, Decimal("1000.00")),
        ("Czynsz", Decimal("900.00"), None),
    ]


def _mpesa_row(
    y: float, receipt: str, day: str, text: str, paid_in: str, withdrawn: str, balance: str
) -> tuple[float, list[tuple[float, str, str] | tuple[float, str]]]:
    cells: list[tuple[float, str, str] | tuple[float, str]] = [
        (40, receipt),
        (120, f"{day} 16:34:56"),
        (230, text),
        (350, "Completed"),
        (555, balance, "r"),
    ]
    if paid_in:
        cells.append((450, paid_in, "r"))
    if withdrawn:
        cells.append((502, withdrawn, "r"))
    return (y, cells)


def test_an_unreadable_header_over_codes_a_date_text_a_status_and_signed_withdrawals(
    extract: Extract,
) -> None:
    # M-PESA-like: receipt number, completion time, details, status, `Paid In` printed before
    # `Withdrawn` (withdrawals with a minus), balance; the titles in words we do not know, the
    # rows newest first, and the titles printed again on the next page.
    titles = (
        60,
        [(40, "Xyzzy Qwe"), (120, "Plugh Zork"), (230, "Frob"), (350, "Quux"), (440, "Blarg")],
    )
    first = [
        titles,
        _mpesa_row(80, "RJVS19TTRA", "2023-10-31", "KPLC PREPAID", "", "-7,553.00", "187,748.00"),
        _mpesa_row(
            94, "RJUQDRZZIW", "2023-10-30", "Airtime Purchase", "", "-1,184.00", "195,301.00"
        ),
        _mpesa_row(
            108, "RJTNKEYIKO", "2023-10-29", "Funds received", "50,229.00", "", "196,485.00"
        ),
    ]
    second = [
        titles,
        _mpesa_row(80, "RJJMWUZ49A", "2023-10-19", "PETER OTIENO", "", "-12,656.00", "146,256.00"),
        _mpesa_row(94, "RJJJ4EWBFW", "2023-10-19", "CARREFOUR TRM", "", "-4,102.00", "158,912.00"),
        _mpesa_row(108, "RJIHZJ2M21", "2023-10-18", "NAIROBI WATER", "", "-8,561.00", "163,014.00"),
    ]
    result = extract(first, second)
    rows = result.transactions
    assert len(rows) == 6
    assert [t.description for t in rows[3:]] == ["PETER OTIENO", "CARREFOUR TRM", "NAIROBI WATER"]
    assert result.reconciled is not False
    by_text = {t.description: t for t in rows}
    assert by_text["Funds received"].credit == Decimal("50229.00")
    assert by_text["KPLC PREPAID"].debit == Decimal("7553.00")
    assert by_text["KPLC PREPAID"].reference == "RJVS19TTRA"
    assert not any("Completed" in t.description for t in rows)


def test_a_description_printed_before_the_date_and_a_second_date(extract: Extract) -> None:
    # The date column need not come first (an NZ layout prints it after the details), and a
    # posting date may follow the transaction date.
    page = [
        (40, [(40, "Plugh"), (250, "Zork Frob"), (470, "Blarg", "r"), (560, "Quux", "r")]),
        (60, [(40, "CASH ANZ ATM"), (250, "18/12/2025"), (310, "19/12/2025")]),
        (60, [(470, "60.00", "r"), (560, "3,968.24", "r")]),
        (74, [(40, "DD WATERCARE"), (250, "20/12/2025"), (310, "20/12/2025")]),
        (74, [(470, "324.03", "r"), (560, "3,644.21", "r")]),
        (88, [(40, "VISA PAK N SAVE"), (250, "21/12/2025"), (310, "22/12/2025")]),
        (88, [(470, "417.26", "r"), (560, "3,226.95", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit) for t in rows] == [
        ("CASH ANZ ATM", Decimal("60.00")),
        ("DD WATERCARE", Decimal("324.03")),
        ("VISA PAK N SAVE", Decimal("417.26")),
    ]


def test_a_summary_of_accounts_with_their_periods_is_no_table(extract: Extract) -> None:
    # A bundle's cover page: each line a period and a closing balance, not a transaction.
    page = [
        (90, [(40, "Current Account ****8583"), (250, "11/08/2024 - 10/09/2024")]),
        (90, [(560, "4,295.59", "r")]),
        (104, [(40, "Savings Account ****5159"), (250, "11/08/2024 - 10/09/2024")]),
        (104, [(560, "4,929.14", "r")]),
        (118, [(40, "Joint Account ****6055"), (250, "11/08/2024 - 10/09/2024")]),
        (118, [(560, "1,555.88", "r")]),
    ]
    assert extract(page).transactions == ()


def test_two_dates_a_marker_after_the_amount_and_foreign_figures_in_the_text(
    extract: Extract,
) -> None:
    # A Singapore card: `09 JUN  09 JUN` (post and transaction dates), `1,690.36 CR` ending
    # where the charges end, and a foreign amount in the details.
    page = [
        (60, [(40, "Statement Date 06 Jul 2024")]),
        (80, [(40, "Qwe Rty"), (126, "Uio Pas"), (214, "Dfg Hjk"), (563, "Lzx", "r")]),
        (100, [(40, "09 JUN"), (126, "09 JUN"), (214, "PAYMT THRU E-BANK")]),
        (100, [(552, "1,690.36", "r"), (554, "CR")]),
        (114, [(40, "10 JUN"), (126, "08 JUN"), (214, "KOPITIAM SINGAPORE SG")]),
        (114, [(563, "7.94", "r")]),
        (128, [(40, "11 JUN"), (126, "10 JUN"), (214, "THAI BAHT 199.33")]),
        (128, [(563, "7.59", "r")]),
        (142, [(40, "12 JUN"), (126, "11 JUN"), (214, "SHENG SIONG SINGAPORE SG")]),
        (142, [(563, "70.02", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit, t.credit) for t in rows] == [
        ("PAYMT THRU E-BANK", None, Decimal("1690.36")),
        ("KOPITIAM SINGAPORE SG", Decimal("7.94"), None),
        ("THAI BAHT 199.33", Decimal("7.59"), None),
        ("SHENG SIONG SINGAPORE SG", Decimal("70.02"), None),
    ]


def test_figures_under_the_dated_line_signs_printed_apart_and_a_table_below(
    extract: Extract,
) -> None:
    # The date and the text on one line, the figures a line or two below (BBVA Mexico);
    # signs set apart from the figure (`- PKR70,604.80`); daily balances tabled under the
    # transactions (no running balance there), whose figures stand in a column of their own.
    page = [
        (60, [(40, "Periodo 01/12/2023 al 31/12/2023")]),
        (80, [(40, "Abc"), (113, "Defgh"), (400, "Ijk", "r"), (492, "Lmn", "r")]),
        (100, [(40, "22/12/2023"), (113, "LIVERPOOL GUADALAJARA")]),
        (110, [(113, "AUT 282529919"), (392, "-"), (400, "2,238.48", "r")]),
        (124, [(40, "23/12/2023"), (113, "RETIRO CAJERO")]),
        (134, [(113, "HSBC GUADALAJARA")]),
        (144, [(113, "TARJETA ******0309"), (392, "-"), (400, "3,600.00", "r")]),
        (158, [(40, "24/12/2023"), (113, "SPEI RECIBIDO"), (484, "+"), (492, "25,106.40", "r")]),
        (172, [(40, "26/12/2023"), (113, "OXXO PUEBLA"), (392, "-"), (400, "478.40", "r")]),
        (220, [(40, "Saldos diarios")]),
        (234, [(40, "22/12/2023"), (290, "48,928.32", "r")]),
        (248, [(40, "23/12/2023"), (290, "45,328.32", "r")]),
        (262, [(40, "24/12/2023"), (290, "70,434.72", "r")]),
        (276, [(40, "26/12/2023"), (290, "69,956.32", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit, t.credit) for t in rows] == [
        ("LIVERPOOL GUADALAJARA AUT 282529919", Decimal("2238.48"), None),
        ("RETIRO CAJERO HSBC GUADALAJARA TARJETA ******0309", Decimal("3600.00"), None),
        ("SPEI RECIBIDO", None, Decimal("25106.40")),
        ("OXXO PUEBLA", Decimal("478.40"), None),
    ]


def test_sides_without_a_balance_column_come_from_the_statements_ends(extract: Extract) -> None:
    # ING prints `Bij` (in) before `Af` (out), no running balance, and the titles again on
    # the next page in words we cannot read: the opening and closing balances say which
    # side is which, and the second page's rows stand in the first page's columns.
    titles = (100, [(40, "Boekdatm"), (141, "Omschrvng"), (480, "Bj", "r"), (563, "Ff", "r")])
    first = [
        (60, [(40, "Beginsaldo"), (275, "379,10", "r")]),
        (70, [(40, "Eindsaldo"), (275, "1.046,21", "r")]),
        titles,
        (114, [(40, "03-08-2024"), (141, "GEA, Betaalpas Rabobank"), (563, "350,00", "r")]),
        (128, [(40, "03-08-2024"), (141, "SEPA Overboeking Jansen"), (480, "863,88", "r")]),
        (142, [(40, "04-08-2024"), (141, "BEA, Betaalpas HEMA"), (563, "14,48", "r")]),
    ]
    second = [
        titles,
        (114, [(40, "05-08-2024"), (141, "SEPA Overboeking NS Groep"), (480, "159,91", "r")]),
        (128, [(40, "06-08-2024"), (141, "BEA, Betaalpas Jumbo"), (563, "33,67", "r")]),
        (142, [(40, "07-08-2024"), (141, "SEPA Overboeking Bakker"), (480, "41,47", "r")]),
    ]
    result = extract(first, second)
    assert [(t.debit, t.credit) for t in result.transactions] == [
        (Decimal("350.00"), None),
        (None, Decimal("863.88")),
        (Decimal("14.48"), None),
        (None, Decimal("159.91")),
        (Decimal("33.67"), None),
        (None, Decimal("41.47")),
    ]
    assert result.reconciled is True


def test_a_table_printed_right_to_left(extract: Extract) -> None:
    # Saudi statements in English keep the Arabic column order: balance, amount, details,
    # then the date at the right; the Arabic titles are not read.
    page = [
        (60, [(40, "Opening Balance 17,395.42 SAR")]),
        (80, [(115, "الرصيد", "r"), (196, "المبلغ", "r"), (207, "البيان"), (545, "التاريخ", "r")]),
        (100, [(115, "17,176.23", "r"), (196, "-219.19", "r"), (207, "NAHDI PHARMACY")]),
        (100, [(545, "01/05/2024", "r")]),
        (114, [(115, "16,967.88", "r"), (196, "-208.35", "r"), (207, "PANDA")]),
        (114, [(545, "02/05/2024", "r")]),
        (128, [(115, "21,967.88", "r"), (196, "5,000.00", "r"), (207, "SALARY ACME")]),
        (128, [(545, "03/05/2024", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit, t.credit, t.balance) for t in rows] == [
        ("NAHDI PHARMACY", Decimal("219.19"), None, Decimal("17176.23")),
        ("PANDA", Decimal("208.35"), None, Decimal("16967.88")),
        ("SALARY ACME", None, Decimal("5000.00"), Decimal("21967.88")),
    ]


def test_a_signed_amount_column_and_balances_on_rows_of_their_own(extract: Extract) -> None:
    # Brazilian extratos: `1.850,00-` for a debit in the one amount column, the day's balance
    # on a `SALDO DO DIA` line of its own in the next column.
    page = [
        (80, [(40, "Dt"), (151, "Hstr"), (444, "Vlr", "r"), (561, "Sld", "r")]),
        (100, [(40, "31/12"), (151, "SALDO ANTERIOR"), (561, "12.682,20", "r")]),
        (114, [(40, "01/01"), (151, "SAQUE 24H CAIXA"), (444, "1.850,00-", "r")]),
        (128, [(40, "01/01"), (151, "SALDO DO DIA"), (561, "10.832,20", "r")]),
        (142, [(40, "02/01"), (151, "DEPOSITO CHEQUE 002181"), (444, "11.058,65", "r")]),
        (156, [(40, "02/01"), (151, "SALDO DO DIA"), (561, "21.890,85", "r")]),
        (170, [(40, "03/01"), (151, "TED ENVIADA ITAU"), (444, "1.323,75-", "r")]),
        (184, [(40, "03/01"), (151, "SALDO DO DIA"), (561, "20.567,10", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.debit, t.credit) for t in rows] == [
        (Decimal("1850.00"), None),
        (None, Decimal("11058.65")),
        (Decimal("1323.75"), None),
    ]


def test_later_rows_of_a_day_without_their_date_and_figures_set_after_tab_stops(
    extract: Extract,
) -> None:
    # A statement typed in a word processor: figures start at tab stops (left edges line
    # up, right edges do not), and a day's later rows leave the date out.
    page = [
        (80, [(53, "Dte"), (137, "Dscr"), (343, "Dbt"), (417, "Cdt"), (490, "Blnc")]),
        (100, [(53, "4 Apr"), (137, "REFUND BUNNINGS"), (417, "122.84"), (490, "4,527.72")]),
        (114, [(137, "VISA PURCHASE OFFICEWORKS"), (343, "105.45"), (490, "4,422.27")]),
        (128, [(53, "6 Apr"), (137, "MONTHLY ACCOUNT FEE"), (343, "43.72"), (490, "4,378.55")]),
        (142, [(137, "TRANSFER TO L NGUYEN"), (343, "1,619.48"), (490, "2,759.07")]),
        (156, [(137, "INTEREST PAID"), (417, "1.10"), (490, "2,760.17")]),
        (170, [(53, "8 Apr"), (137, "BPAY AGL ENERGY"), (343, "259.52"), (490, "2,500.65")]),
        (184, [(137, "VISA PURCHASE WOOLWORTHS"), (343, "426.80"), (490, "2,073.85")]),
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit, t.credit) for t in rows] == [
        ("REFUND BUNNINGS", None, Decimal("122.84")),
        ("VISA PURCHASE OFFICEWORKS", Decimal("105.45"), None),
        ("MONTHLY ACCOUNT FEE", Decimal("43.72"), None),
        ("TRANSFER TO L NGUYEN", Decimal("1619.48"), None),
        ("INTEREST PAID", None, Decimal("1.10")),
        ("BPAY AGL ENERGY", Decimal("259.52"), None),
        ("VISA PURCHASE WOOLWORTHS", Decimal("426.80"), None),
    ]


def test_a_side_column_of_words_gives_the_sides(extract: Extract) -> None:
    # No title read, one amount column and the side spelled out beside it (Bulgarian banks'
    # `Дебит` / `Кредит`): mostly one word, yet no status column to drop.
    rows = [
        ("01.05.2024", "LUKOIL PLEVEN", "450,36", "Дебит"),
        ("02.05.2024", "BILLA SOFIA", "32,18", "Дебит"),
        ("03.05.2024", "SALARY BALKAN SOFT", "1 468,53", "Кредит"),
        ("04.05.2024", "FANTASTICO RUSE", "215,68", "Дебит"),
        ("05.05.2024", "ATM PLEVEN", "480,00", "Дебит"),
    ]
    page: list[tuple[float, list[_Cell]]] = [(40, [(40, "Начално салдо: 1 000,00 BGN")])]
    page += [
        (100 + 14 * k, [(40, day), (120, text), (460, amount, "r"), (480, side)])
        for k, (day, text, amount, side) in enumerate(rows)
    ]
    page += [(180, [(40, "Крайно салдо: 1 290,31 BGN")])]
    result = extract(page, space=2.0)
    assert [(t.debit, t.credit) for t in result.transactions][1:3] == [
        (Decimal("32.18"), None),
        (None, Decimal("1468.53")),
    ]
    assert result.reconciled is True


def test_text_wrapped_above_the_first_dated_row_is_its_description(extract: Extract) -> None:
    # Titles in a language the vocabulary lacks (Mongolian), rows whose text wraps above the
    # line with their date and figures, the first of them right under the opening balance.
    rows = [
        ("2025.03.08", "BUTSAALT CU MONGOL", "646,442.00", "4,364,827.00"),
        ("2025.03.09", "TSALIN LOGISTIK", "1,289,000.00", "5,653,827.00"),
        ("2025.03.10", "QPAY UBTS", "100,000.00", "5,753,827.00"),
    ]
    page: list[tuple[float, list[_Cell]]] = [
        (60, [(40, "Ognoo"), (120, "Guilgeenii utga"), (460, "Orlogo", "r")]),
        (60, [(555, "Uldegdel", "r")]),
        (74, [(40, "Ekhnii uldegdel"), (555, "7,918,385.00", "r")]),
        (86, [(120, "SOCIALPAY SHILJUULEG")]),
        (97, [(40, "2025.03.07"), (120, "OYUUNCHIMEG BAT"), (460, "-4,200,000.00", "r")]),
        (97, [(555, "3,718,385.00", "r")]),
    ]
    page += [
        (111 + 14 * k, [(40, day), (120, text), (460, amount, "r"), (555, balance, "r")])
        for k, (day, text, amount, balance) in enumerate(rows)
    ]
    first, *_ = extract(page, space=2.0).transactions
    assert first.description == "SOCIALPAY SHILJUULEG OYUUNCHIMEG BAT"
    assert first.debit == Decimal("4200000.00")
