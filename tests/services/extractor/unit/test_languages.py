"""Statements printed in other languages and their banks' habits, typed out as word boxes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.currency import dollar_country
from cypheredge.extractor.domain.header import classify
from cypheredge.extractor.domain.model import ExtractionResult
from cypheredge.extractor.domain.vocabulary import Role

from .conftest import Cell

Extract = Callable[..., ExtractionResult]
SpecRow = tuple[float, list[tuple[float, str] | tuple[float, str, str]]]


def test_polish_titles_space_grouped_figures_and_a_description_printed_after_them(
    extract: Extract,
) -> None:
    # PKO-style: `Typ transakcji` before the figures, `Opis transakcji` after them, amounts
    # grouped with spaces (`-1 560,00`) and the balance with its `zł`.
    page = [
        (40, [(40, "Rachunek PL** 1020 **** 3126")]),
        (54, [(40, "Okres od 17.08.2024 do 14.09.2024")]),
        (68, [(40, "Saldo początkowe"), (200, "2 099,48 PLN", "r")]),
        (82, [(40, "Saldo końcowe"), (200, "2 601,08 PLN", "r")]),
        (120, [(40, "Data operacji"), (120, "Typ transakcji"), (300, "Kwota")]),
        (120, [(360, "Saldo"), (420, "Opis transakcji")]),
        (134, [(40, "17.08.2024"), (120, "WYPŁATA Z BANKOMATU"), (330, "-1 560,00", "r")]),
        (134, [(400, "539,48 zł", "r"), (420, "Miasto: WARSZAWA Adres: PKO BP")]),
        (148, [(420, "Numer karty: 425125******8447")]),
        (162, [(40, "17.08.2024"), (120, "PRZELEW NA KONTO"), (330, "2 061,60", "r")]),
        (162, [(400, "2 601,08 zł", "r"), (420, "Nazwa nadawcy: KATARZYNA WÓJCIK")]),
    ]
    result = extract(page)
    first, second = result.transactions
    assert (first.debit, first.balance) == (Decimal("1560.00"), Decimal("539.48"))
    assert first.description == (
        "WYPŁATA Z BANKOMATU Miasto: WARSZAWA Adres: PKO BP Numer karty: 425125******8447"
    )
    assert second.description == "PRZELEW NA KONTO Nazwa nadawcy: KATARZYNA WÓJCIK"
    assert result.statement.opening_balance == Decimal("2099.48")
    assert result.statement.period_start == date(2024, 8, 17)
    assert result.reconciled is True


def test_dutch_amount_columns_name_their_side() -> None:
    assert classify("Bedrag af") is Role.DEBIT
    assert classify("Bedrag bij") is Role.CREDIT
    assert classify("Amount In") is Role.CREDIT
    assert classify("Amount in EUR") is Role.AMOUNT  # the currency, not the side
    assert classify("Data księgowania") is Role.DATE
    assert classify("Rentedatum") is Role.VALUE_DATE


def test_a_second_balance_column_takes_its_own_figures(extract: Extract) -> None:
    # BBVA Mexico prints `SALDO OPERACIÓN` and `SALDO LIQUIDACIÓN` side by side.
    page = [
        (100, [(40, "FECHA"), (100, "DESCRIPCION"), (300, "CARGOS"), (360, "ABONOS")]),
        (100, [(420, "SALDO"), (480, "SALDO")]),
        (114, [(100, "SALDO ANTERIOR"), (460, "1,000.00", "r"), (520, "1,000.00", "r")]),
        (128, [(40, "01/05/2025"), (100, "OXXO CDMX"), (340, "100.00", "r")]),
        (128, [(460, "900.00", "r"), (520, "900.00", "r")]),
    ]
    (row,) = extract(page).transactions
    assert (row.debit, row.balance) == (Decimal("100.00"), Decimal("900.00"))


def test_a_date_line_and_a_figures_line_with_wrapped_text_between_are_one_row(
    extract: Extract,
) -> None:
    page = [
        (100, [(40, "FECHA"), (100, "CONCEPTO"), (360, "RETIROS"), (420, "DEPOSITOS")]),
        (100, [(480, "SALDO")]),
        (114, [(100, "SALDO ANTERIOR"), (520, "5,000.00", "r")]),
        (128, [(40, "23 DIC"), (100, "RETIRO CAJERO AUTOMATICO")]),
        (138, [(100, "HSBC GUADALAJARA")]),
        (148, [(100, "TARJETA ******0309"), (400, "3,600.00", "r"), (520, "1,400.00", "r")]),
        (162, [(40, "24 DIC"), (100, "SPEI RECIBIDO BANORTE")]),
        (172, [(100, "CLAVE DE RASTREO 904344638"), (460, "600.00", "r")]),
        (172, [(520, "2,000.00", "r")]),
    ]
    first, second = extract(page).transactions
    assert first.description == "RETIRO CAJERO AUTOMATICO HSBC GUADALAJARA TARJETA ******0309"
    assert first.debit == Decimal("3600.00")
    assert second.description == "SPEI RECIBIDO BANORTE CLAVE DE RASTREO 904344638"


def test_the_previous_periods_final_balance_opens_the_statement(extract: Extract) -> None:
    page = [
        (100, [(40, "FECHA"), (100, "DESCRIPCION"), (360, "RETIROS"), (420, "DEPOSITOS")]),
        (100, [(480, "SALDO")]),
        (114, [(100, "SALDO FINAL DEL PERIODO ANTERIOR"), (520, "5,000.00", "r")]),
        (128, [(40, "01/02/2025"), (100, "PEMEX GASOLINERA"), (400, "100.00", "r")]),
        (128, [(520, "4,900.00", "r")]),
    ]
    result = extract(page)
    assert result.statement.opening_balance == Decimal("5000.00")
    assert result.reconciled is True


def test_a_dollar_takes_the_country_most_cues_point_to() -> None:
    assert dollar_country("Banco del Bajío S.A. MONEDA NACIONAL CLABE 0123") == "MXN"
    assert dollar_country("AIR CANADA purchase, Member FDIC, routing number 0210") == "USD"
    assert dollar_country("Interac e-Transfer, Toronto, Canada") == "CAD"
    assert dollar_country("no cue at all") == "USD"


def test_a_detail_line_at_the_same_place_on_several_pages_is_not_furniture(
    extract: Extract,
) -> None:
    # SEPA detail lines (`Incassant ID: NL98ZZZ...`) repeat from row to row with other ids; one
    # landing near the foot of each page is still its row's text, while `Page N` is furniture.
    def page(day: int) -> list[SpecRow]:
        return [
            (60, [(40, "Statement of account"), (400, "Page"), (430, str(day))]),
            (100, [(40, "Date"), (120, "Description"), (400, "Amount")]),
            (700, [(40, f"0{day}/03/2025"), (120, "SEPA Incasso"), (430, "10.00", "r")]),
            (710, [(120, f"Incassant ID: NL98ZZZ54998769{day}")]),
        ]

    result = extract(page(1), page(2), page(3))
    assert [t.description for t in result.transactions] == [
        f"SEPA Incasso Incassant ID: NL98ZZZ54998769{day}" for day in (1, 2, 3)
    ]


def test_sparkasse_soll_haben_markers_and_a_value_date_under_the_booking_date(
    extract: Extract,
) -> None:
    page = [
        (100, [(40, "Buchung"), (100, "Vorgang / Verwendungszweck"), (480, "Betrag")]),
        (110, [(40, "Valuta")]),
        (124, [(100, "alter Kontostand"), (500, "2.347,73 H", "r")]),
        (138, [(40, "16.12.2023"), (100, "LASTSCHRIFT PN:931"), (500, "203,99 S", "r")]),
        (148, [(40, "18.12.2023"), (100, "dm-drogerie markt//Berlin/DE")]),
        (162, [(40, "17.12.2023"), (100, "GUTSCHRIFT"), (500, "50,00 H", "r")]),
        (172, [(40, "17.12.2023"), (100, "Max Mustermann")]),
        (186, [(100, "neuer Kontostand"), (500, "2.193,74 H", "r")]),
    ]
    result = extract(page)
    first, second = result.transactions
    assert (first.description, first.debit) == (
        "LASTSCHRIFT PN:931 dm-drogerie markt//Berlin/DE",
        Decimal("203.99"),
    )
    assert (second.description, second.credit) == ("GUTSCHRIFT Max Mustermann", Decimal("50.00"))
    assert result.reconciled is True


def test_a_loan_prints_what_is_owed_with_dr(extract: Extract) -> None:
    page = [
        (40, [(40, "Home Loan Statement")]),
        (54, [(40, "Statement period 1 November 2023 to 30 November 2023")]),
        (100, [(40, "Date"), (120, "Description"), (380, "Debits"), (440, "Credits")]),
        (100, [(520, "Balance")]),
        (114, [(40, "01/11/2023"), (120, "Opening balance"), (560, "$130,965.59 DR", "r")]),
        (128, [(40, "04/11/2023"), (120, "Repayment - Thank you"), (470, "974.58", "r")]),
        (128, [(560, "$129,991.01 DR", "r")]),
        (142, [(40, "30/11/2023"), (120, "Debit interest"), (410, "717.12", "r")]),
        (142, [(560, "$130,708.13 DR", "r")]),
        (156, [(40, "30/11/2023"), (120, "Closing balance"), (560, "$130,708.13 DR", "r")]),
    ]
    result = extract(page)
    assert result.statement.opening_balance == Decimal("130965.59")
    assert [t.balance for t in result.transactions] == [Decimal("129991.01"), Decimal("130708.13")]
    assert result.reconciled is True


def test_a_cheque_type_code_names_a_row_of_only_a_number(extract: Extract) -> None:
    page = [
        (100, [(40, "Date"), (110, "Payment type and details"), (380, "Paid out")]),
        (100, [(440, "Paid in"), (520, "Balance")]),
        (114, [(40, "18 May 23"), (110, "CHQ"), (190, "009643"), (410, "670.97", "r")]),
        (114, [(560, "1,329.03", "r")]),
    ]
    (row,) = extract(page).transactions
    assert (row.description, row.code) == ("CHQ 009643", "CHQ")


def test_a_time_wrapped_under_its_date_is_dropped_and_short_dotted_dates_stay_dates(
    extract: Extract,
) -> None:
    mpesa = [
        (100, [(40, "Completion Time"), (140, "Details"), (400, "Withdrawn"), (480, "Balance")]),
        (114, [(40, "2023-11-28"), (140, "Pay Bill Online to 522522 - KCB")]),
        (114, [(440, "-69,020.00", "r"), (520, "26,891.00", "r")]),
        (124, [(40, "06:35:18"), (140, "PAYBILL AC Acc. RENT380554290")]),
    ]
    (row,) = extract(mpesa).transactions
    assert row.description == "Pay Bill Online to 522522 - KCB PAYBILL AC Acc. RENT380554290"
    italian = [
        (100, [(40, "Data"), (100, "Valuta"), (160, "Descrizione"), (400, "Uscite")]),
        (100, [(470, "Entrate")]),
        (114, [(40, "01.04.24"), (100, "03.04.24"), (160, "PAGAMENTO CARTA COOP")]),
        (114, [(430, "327,14", "r")]),
    ]
    (row,) = extract(italian).transactions
    assert (row.date, row.debit) == (date(2024, 4, 1), Decimal("327.14"))


def test_cardholder_subtotals_table_totals_and_trailing_notices_are_not_rows(
    extract: Extract,
) -> None:
    page = [
        (100, [(40, "Date"), (120, "Description"), (440, "Amount"), (520, "Balance")]),
        (114, [(40, "05/01/2023"), (120, "AMAZON MKTPLACE"), (470, "25.00", "r")]),
        (114, [(560, "975.00", "r")]),
        (128, [(40, "05/02/2023"), (120, "SHELL OIL 5744"), (470, "40.00", "r")]),
        (128, [(560, "935.00", "r")]),
        (142, [(40, "05/03/2023"), (120, "PAYROLL ACME"), (470, "1,000.00", "r")]),
        (142, [(560, "1,935.00", "r")]),
        (156, [(40, "05/07/2023"), (120, "MARCUS JOHNSON TRANSACTIONS THIS CYCLE (CARD 6395)")]),
        (156, [(470, "$1,065.00", "r")]),
        (170, [(120, "TRANSACTION TOTAL"), (470, "1,065.00", "r")]),
        (184, [(120, "Os saldos acima não incluem lançamentos futuros. Limite da conta com")]),
        (184, [(470, "2.000,00", "r")]),
    ]
    result = extract(page)
    assert [t.description for t in result.transactions] == [
        "AMAZON MKTPLACE",
        "SHELL OIL 5744",
        "PAYROLL ACME",
    ]


def test_a_box_beside_the_table_and_foreign_amounts_in_the_text_stay_out_of_rows(
    extract: Extract,
) -> None:
    # TD prints its account summary right beside the transactions, on the header's line too,
    # and a foreign spend's USD amount inside the description.
    page = [
        (100, [(40, "TRANSACTION"), (110, "ACTIVITY DESCRIPTION"), (300, "AMOUNT($)", "r")]),
        (100, [(330, "Interest"), (520, "$73.35", "r")]),
        (109, [(40, "DATE"), (330, "Fees"), (520, "$0.00", "r")]),
        (124, [(40, "DEC 10"), (110, "GITHUB.COM 3NF1"), (300, "$197.43", "r")]),
        (124, [(330, "Credit Limit"), (520, "$25,000.00", "r")]),
        (134, [(110, "FOREIGN CURRENCY 149.83"), (330, "Available Credit")]),
        (134, [(520, "$17,650.34", "r")]),
        (144, [(110, "USD @ EXCHANGE RATE 1.31765")]),
        *[
            (158 + 14 * k, [(40, f"DEC {11 + k}"), (110, f"SHOP {k}"), (300, f"${k + 1}0.00", "r")])
            for k in range(4)
        ],
    ]
    rows = extract(page).transactions
    assert [(t.description, t.debit) for t in rows[:2]] == [
        ("GITHUB.COM 3NF1 FOREIGN CURRENCY 149.83 USD @ EXCHANGE RATE 1.31765", Decimal("197.43")),
        ("SHOP 0", Decimal("10.00")),
    ]
    assert len(rows) == 5


def test_a_section_word_wrapped_under_its_row_stays_and_a_heading_between_rows_goes(
    extract: Extract,
) -> None:
    wrapped = [
        (100, [(40, "Date"), (120, "Narration"), (440, "Amount"), (520, "Balance")]),
        (114, [(40, "08/10/2023"), (120, "CLG/006791/SBI CHEQUE"), (470, "500.00", "r")]),
        (114, [(560, "1,500.00", "r")]),
        (122, [(120, "DEPOSIT")]),
        (134, [(40, "09/10/2023"), (120, "NEFT SNEHA"), (470, "-100.00", "r")]),
        (134, [(560, "1,400.00", "r")]),
        (142, [(120, "Family support")]),
    ]
    first, _ = extract(wrapped).transactions
    assert first.description == "CLG/006791/SBI CHEQUE DEPOSIT"
    cut = [*wrapped[:3], (122, [(120, "I")]), *wrapped[4:]]  # `GIANT FOOD I` cut by the bank
    first, _ = extract(cut).transactions
    assert first.description == "CLG/006791/SBI CHEQUE I"
    headed = [
        (100, [(40, "Date"), (120, "Description"), (470, "Amount", "r")]),
        (112, [(40, "01/04"), (120, "AUTOMATIC PAYMENT - THANK YOU"), (470, "-619.33", "r")]),
        (124, [(120, "PURCHASE")]),
        (136, [(40, "12/10"), (120, "TST* BLUE BOTTLE COFFEE"), (470, "86.87", "r")]),
        (148, [(120, "OAKLAND CA")]),
        (160, [(40, "12/11"), (120, "AMAZON MARKETPLACE"), (470, "5.20", "r")]),
    ]
    assert [t.description for t in extract(headed).transactions] == [
        "AUTOMATIC PAYMENT - THANK YOU",
        "TST* BLUE BOTTLE COFFEE OAKLAND CA",
        "AMAZON MARKETPLACE",
    ]


def test_pesos_grouped_with_dots_and_no_decimals(extract: Extract) -> None:
    page = [
        (60, [(40, "Saldo Inicial"), (180, "$"), (250, "1.719.141", "r")]),
        (70, [(40, "Saldo Final"), (180, "$"), (250, "1.112.032", "r")]),
        (100, [(40, "FECHA"), (100, "DESCRIPCION"), (360, "CARGOS"), (420, "ABONOS")]),
        (100, [(480, "SALDO")]),
        (114, [(40, "01/01/2023"), (100, "Cheque Pagado"), (400, "503.109", "r")]),
        (114, [(520, "1.216.032", "r")]),
        (128, [(40, "02/01/2023"), (100, "Giro ATM VALPARAISO"), (400, "104.000", "r")]),
        (128, [(520, "1.112.032", "r")]),
    ]
    result = extract(page)
    assert [t.debit for t in result.transactions] == [Decimal("503109"), Decimal("104000")]
    assert result.statement.opening_balance == Decimal("1719141")
    assert result.reconciled is True


def test_a_bilingual_header_over_two_lines_and_a_document_number_under_the_date(
    extract: Extract,
) -> None:
    page = [
        (100, [(40, "Ngay giao dich"), (140, "Phat sinh no"), (220, "Phat sinh co")]),
        (100, [(300, "So du"), (360, "Dien giai")]),
        (108, [(40, "(Trans.Date)"), (140, "(Debit amount)"), (220, "(Credit amount)")]),
        (108, [(300, "(Balance)"), (360, "(Txn. Description)")]),
        (122, [(340, "27.434.660", "r"), (360, "So du dau ky/Opening balance")]),
        (136, [(40, "17/01/2023"), (200, "4.570.800", "r"), (340, "22.863.860", "r")]),
        (136, [(360, "POS947670776 GD:HIGHLANDS COFFEE TP")]),
        (144, [(40, "9549.07020"), (360, "HCM")]),
        (158, [(40, "18/01/2023"), (280, "1.000.000", "r"), (340, "23.863.860", "r")]),
        (158, [(360, "IBFT NGUYEN THE HUNG")]),
    ]
    result = extract(page)
    first, second = result.transactions
    assert (first.description, first.debit) == (
        "POS947670776 GD:HIGHLANDS COFFEE TP HCM",
        Decimal("4570800"),
    )
    assert second.credit == Decimal("1000000")
    assert result.reconciled is True


def test_other_languages_never_shadow_english_titles() -> None:
    expected = {
        "No.": Role.REFERENCE, "No": Role.REFERENCE, "Date": Role.DATE,
        "Description": Role.DESCRIPTION, "Amount": Role.AMOUNT, "Balance": Role.BALANCE,
        "Debit": Role.DEBIT, "Credit": Role.CREDIT,
        "Paid in": Role.CREDIT, "Paid out": Role.DEBIT, "In": Role.CREDIT, "Out": Role.DEBIT,
        "Value Date": Role.VALUE_DATE, "Details": Role.DESCRIPTION, "Particulars": Role.DESCRIPTION,
        "Withdrawals": Role.DEBIT, "Deposits": Role.CREDIT, "Reference": Role.REFERENCE,
        "Transaction Date": Role.DATE, "Narration": Role.DESCRIPTION, "Memo": Role.DESCRIPTION,
        "Valor": Role.AMOUNT, "Importe": Role.AMOUNT, "Saldo": Role.BALANCE, "Fecha": Role.DATE,
    }  # fmt: skip
    assert {title: classify(title) for title in expected} == expected


def test_a_date_wrapped_over_lines_before_its_figures_dates_the_row(extract: Extract) -> None:
    page = [
        (100, [(40, "Date/Time"), (120, "Details"), (300, "Withdrawal", "r"), (380, "Balance")]),
        (114, [(40, "2025-06-"), (120, "GS25")]),
        (123, [(40, "17"), (120, "SUWON")]),
        (132, [(40, "14:34:57"), (300, "527,432", "r"), (420, "2,292,214", "r")]),
        (146, [(40, "2025-06-"), (120, "CU")]),
        (155, [(40, "18"), (120, "DAEGU")]),
        (164, [(40, "09:10:00"), (300, "1,000", "r"), (420, "2,291,214", "r")]),
    ]
    first, second = extract(page).transactions
    assert (first.date, first.description, first.debit) == (
        date(2025, 6, 17),
        "GS25 SUWON",
        Decimal("527432"),
    )
    assert (second.date, second.description) == (date(2025, 6, 18), "CU DAEGU")


def test_buddhist_era_years_and_two_digit_years_beside_them(extract: Extract) -> None:
    page = [
        (60, [(40, "Statement Period 12/06/2566 - 11/07/2566")]),
        (100, [(40, "Date"), (100, "Particulars"), (330, "Withdrawal"), (400, "Deposit")]),
        (100, [(460, "Balance")]),
        (114, [(40, "12/06/66"), (100, "B/F"), (494, "86,712.66", "r")]),
        (128, [(40, "12/06/66"), (100, "TRF FR OTH BK"), (431, "5,612.20", "r")]),
        (128, [(494, "92,324.86", "r")]),
    ]
    result = extract(page)
    (row,) = result.transactions
    assert (row.date, row.credit) == (date(2023, 6, 12), Decimal("5612.20"))
    assert result.statement.period_start == date(2023, 6, 12)


def test_dates_printed_year_first_with_two_digit_years(extract: Extract) -> None:
    # OTP prints `24.04.02` for 2 April 2024 (YY.MM.DD) under a period printed in full.
    page = [
        (60, [(40, "Időszak: 2024.04.01 - 2024.04.30")]),
        (100, [(40, "KÖNYVELÉS"), (170, "MEGNEVEZÉS"), (500, "ÖSSZEG", "r")]),
        (114, [(40, "24.04.02"), (170, "KAMAT"), (500, "4.046", "r")]),
        (128, [(40, "24.04.03"), (170, "VÁSÁRLÁS KÁRTYÁVAL"), (500, "-71.615", "r")]),
        (142, [(40, "24.04.05"), (170, "ATM"), (500, "-10.000", "r")]),
    ]
    rows = extract(page).transactions
    assert [t.date for t in rows] == [date(2024, 4, 2), date(2024, 4, 3), date(2024, 4, 5)]


def test_a_booking_date_over_an_execution_date_with_the_figures_on_the_second_line(
    extract: Extract,
) -> None:
    # Czech banks title the date column `Zaúčtování` over `Provedení` and print each row over
    # two lines: the booking date with the texts, then the execution date with the amount.
    page = [
        (60, [(40, "Počáteční zůstatek"), (240, "1 000,00", "r")]),
        (74, [(40, "Konečný zůstatek"), (240, "1 980,00", "r")]),
        (100, [(40, "Zaúčtování"), (100, "Typ"), (200, "Název"), (320, "Detaily")]),
        (108, [(40, "Provedení"), (440, "Částka CZK", "r"), (520, "Poplatky CZK", "r")]),
        (124, [(40, "01.12.2023"), (100, "Příchozí platba"), (200, "Lucie Černá")]),
        (124, [(320, "3083661165/0100 Dárek")]),
        (132, [(40, "30.11.2023"), (440, "1 000,00", "r"), (520, "0,00", "r")]),
        (148, [(40, "02.12.2023"), (100, "Inkaso"), (200, "T-Mobile Czech")]),
        (148, [(320, "Záloha 12.2023")]),
        (156, [(40, "02.12.2023"), (320, "VS0005362"), (440, "-20,00", "r")]),
        (156, [(520, "0,00", "r")]),
    ]
    result = extract(page)
    first, second = result.transactions
    assert (first.date, first.credit) == (date(2023, 12, 1), Decimal("1000.00"))
    assert first.description == "Lucie Černá 3083661165/0100 Dárek"
    assert first.code == "Příchozí platba"  # a column titled as the type is the row's type
    assert (second.debit, second.description) == (
        Decimal("20.00"),
        "T-Mobile Czech Záloha 12.2023 VS0005362",
    )
    assert result.reconciled is True


def test_a_summary_column_beside_the_details_is_the_rows_type(extract: Extract) -> None:
    # Woori Bank's English page titles its `적요` column `Summary`.
    page = [
        (100, [(40, "Date/Time"), (140, "Summary"), (240, "Details"), (380, "Withdrawal", "r")]),
        (100, [(440, "Deposit", "r"), (500, "Balance", "r")]),
        (114, [(40, "2024.06.07 12:05"), (140, "Card payment"), (240, "KB CARD")]),
        (114, [(380, "312,917", "r"), (440, "0", "r"), (500, "1,209,126", "r")]),
        (128, [(40, "2024.06.08 16:03"), (140, "Check card"), (240, "CU")]),
        (128, [(380, "20,480", "r"), (440, "0", "r"), (500, "1,188,646", "r")]),
    ]
    first, second = extract(page).transactions
    assert (first.code, first.description) == ("Card payment", "KB CARD")
    assert (second.debit, second.code, second.description) == (Decimal("20480"), "Check card", "CU")


def test_forints_grouped_by_spaces_without_decimals_and_totals_named_last(
    extract: Extract,
) -> None:
    # K&H prints `- 2 077` (sign and groups apart, no decimals), balances in words of one
    # piece (`nyitóegyenleg`) and totals with the word for total last (`Jóváírás összesen`).
    page = [
        (60, [(40, "Időszak: 2025.09.20 - 2025.10.18")]),
        (74, [(40, "Devizanem:"), (200, "HUF")]),
        (100, [(40, "Könyvelés dátuma"), (180, "Megnevezés / Közlemény"), (560, "Összeg", "r")]),
        (114, [(40, "2025.09.20"), (180, "Számlavezetési díj")]),
        (114, [(538, "-"), (542, "2"), (548, "077")]),
        (128, [(40, "2025.09.28"), (180, "Forint átutalás jóváírás")]),
        (128, [(534, "604"), (548, "600")]),
        (142, [(40, "JÓVÁÍRÁSOK ÖSSZESEN:"), (534, "604"), (548, "600")]),
        (170, [(40, "Könyvelt nyitóegyenleg:"), (244, "690"), (258, "698")]),
        (184, [(40, "Könyvelt záróegyenleg:"), (238, "1"), (244, "293"), (258, "221")]),
    ]
    result = extract(page)
    first, second = result.transactions
    assert (first.debit, second.credit) == (Decimal("2077"), Decimal("604600"))
    assert result.statement.opening_balance == Decimal("690698")
    assert result.statement.closing_balance == Decimal("1293221")
    assert result.statement.currency == "HUF"
    assert result.reconciled is True


def test_a_labelled_currency_outweighs_foreign_amounts_in_the_rows(extract: Extract) -> None:
    page = [
        (60, [(40, "Období: 1. 9. 2024 - 30. 9. 2024")]),
        (74, [(40, "Měna:"), (200, "CZK")]),
        (100, [(40, "Zaúčtováno"), (120, "Popis"), (460, "Částka", "r")]),
        (114, [(40, "03.09.2024"), (120, "Platba kartou EUR 15.77 kurz EUR 24.16")]),
        (114, [(460, "-381,00", "r")]),
        (128, [(40, "04.09.2024"), (120, "Platba kartou EUR 8.10 kurz EUR 24.16")]),
        (128, [(460, "-195,70", "r")]),
    ]
    result = extract(page)
    assert result.statement.currency == "CZK"
    assert (result.statement.period_start, result.statement.period_end) == (
        date(2024, 9, 1),
        date(2024, 9, 30),
    )
    assert [t.debit for t in result.transactions] == [Decimal("381.00"), Decimal("195.70")]


def test_a_code_inside_a_name_or_a_reference_with_a_letter_names_no_currency(
    extract: Extract,
) -> None:
    # `CLP POWER` is Hong Kong's power company, `R002643` a reference: no pesos, no rand.
    titles: list[Cell] = [(40, "Date"), (120, "Details"), (330, "Withdrawal", "r")]
    rows: list[tuple[float, list[Cell]]] = [
        (100, [*titles, (430, "Balance", "r")]),
        (114, [(40, "17 MAR 2024"), (120, "DIRECT DEBIT CLP POWER R002643")]),
        (114, [(330, "238.13", "r"), (430, "10,555.43", "r")]),
        (128, [(40, "20 MAR 2024"), (120, "PPS CLP POWER BILL")]),
        (128, [(330, "475.57", "r"), (430, "10,079.86", "r")]),
    ]
    assert extract(rows).statement.currency is None
    # Printed for a column, the code is the statement's.
    titled = [(100.0, [*titles, (430, "Balance (HKD)", "r")]), *rows[1:]]
    assert extract(titled).statement.currency == "HKD"


def test_db_beside_an_amount_marks_a_debit_and_unmarked_amounts_are_credits(
    extract: Extract,
) -> None:
    # BCA's MUTASI column: `1,260,500.00 DB` for a debit, a credit printed bare; `CR` and `DB`
    # inside the details are words of the description.
    page = [
        (100, [(40, "TANGGAL"), (120, "KETERANGAN"), (460, "MUTASI", "r"), (540, "SALDO", "r")]),
        (114, [(40, "01/12"), (120, "SALDO AWAL"), (540, "17,231,600.00", "r")]),
        (128, [(40, "01/12"), (120, "TRANSAKSI DEBIT"), (452, "1,260,500.00", "r")]),
        (128, [(454, "DB"), (540, "15,971,100.00", "r")]),
        (142, [(40, "02/12"), (120, "TRSF E-BANKING CR BUDI"), (463, "12,219,000.00", "r")]),
        (142, [(540, "28,190,100.00", "r")]),
        (156, [(40, "03/12"), (120, "TRSF E-BANKING DB SITI"), (452, "762,400.00", "r")]),
        (156, [(454, "DB")]),
    ]
    first, second, third = extract(page).transactions
    assert (first.debit, second.credit, third.debit) == (
        Decimal("1260500.00"),
        Decimal("12219000.00"),
        Decimal("762400.00"),
    )
    assert second.description == "TRSF E-BANKING CR BUDI"


def test_a_card_number_in_its_own_column_is_the_rows_text_not_a_heading(
    extract: Extract,
) -> None:
    # ČSOB prints the card number in the `Popis` column after the amount, on the row's
    # first line, and the amount with the booking date on its last.
    page = [
        (100, [(40, "Zaúčtováno"), (100, "Položka"), (270, "Název protiúčtu")]),
        (100, [(471, "Částka", "r"), (480, "Popis")]),
        (114, [(40, "01.01.2024"), (100, "Příchozí úhrada"), (270, "Jan Novák")]),
        (114, [(471, "28 571,06", "r"), (480, "Vrácení peněz")]),
        (128, [(100, "Platba kartou"), (480, "5168 82XX XXXX 5760")]),
        (140, [(480, "d.tran.30.12.2023 CZ BRNO")]),
        (152, [(40, "01.01.2024"), (471, "-4 121,14", "r"), (480, "ROHLIK.CZ")]),
    ]
    _, card = extract(page).transactions
    assert card.debit == Decimal("4121.14")
    assert card.description == (
        "Platba kartou 5168 82XX XXXX 5760 d.tran.30.12.2023 CZ BRNO ROHLIK.CZ"
    )


def test_greek_titles_and_the_sign_column_of_alpha_bank(extract: Extract) -> None:
    # `Πρόσημο ποσού` holds Χ (χρέωση, debit) or Π (πίστωση, credit) beside each amount.
    page = [
        (60, [(40, "Περίοδος: 16/06/2025 - 16/07/2025")]),
        (100, [(40, "Ημερομηνία"), (130, "Αιτιολογία"), (510, "Ποσό", "r"), (526, "Πρόσημο")]),
        (108, [(526, "ποσού")]),
        (124, [(40, "16/06/2025"), (130, "IRIS ΠΛΗΡΩΜΗ"), (510, "135,36", "r"), (536, "Χ")]),
        (138, [(40, "18/06/2025"), (130, "ΕΙΣΕΡΧΟΜΕΝΟ ΕΜΒΑΣΜΑ"), (510, "1.335,53", "r")]),
        (138, [(536, "Π")]),
    ]
    first, second = extract(page).transactions
    assert (first.debit, first.description) == (Decimal("135.36"), "IRIS ΠΛΗΡΩΜΗ")
    assert second.credit == Decimal("1335.53")


def test_ukrainian_titles_stacked_with_and_an_amount_in_the_accounts_currency(
    extract: Extract,
) -> None:
    # monobank: `Дата та час` over `операції`; a card payment in dollars carries its
    # hryvnia equivalent, and the balance moves by that.
    page = [
        (60, [(40, "Вхідний залишок: 16 950,48")]),
        (100, [(34, "Дата та час"), (148, "Деталі операції"), (455, "Сума", "r")]),
        (100, [(464, "Валюта"), (594, "Еквівалент", "r"), (793, "Залишок", "r")]),
        (108, [(34, "операції"), (455, "операції", "r"), (594, "за курсом", "r")]),
        (108, [(793, "після", "r")]),
        (124, [(34, "01.06.2023"), (148, "Steam"), (455, "-113,49", "r"), (464, "USD")]),
        (124, [(594, "-4 482,96", "r"), (793, "12 467,52", "r")]),
        (138, [(34, "01.06.2023"), (148, "Оплата товарів: АТБ"), (455, "-1 967,88", "r")]),
        (138, [(464, "UAH"), (594, "—", "r"), (793, "10 499,64", "r")]),
    ]
    first, second = extract(page).transactions
    assert (first.debit, first.balance) == (Decimal("4482.96"), Decimal("12467.52"))
    assert (second.debit, second.description) == (Decimal("1967.88"), "Оплата товарів: АТБ")


def test_kaspi_signs_apart_balances_on_a_day_and_the_currency_in_words(
    extract: Extract,
) -> None:
    page = [
        (40, [(40, "Валюта счета:"), (300, "тенге")]),
        (54, [(40, "по карте Gold за период с 19.04.25 по 19.05.25")]),
        (70, [(40, "Доступно на 19.04.25"), (188, "+"), (196, "63 858,00"), (242, "₸")]),
        (84, [(40, "Доступно на 19.05.25"), (188, "+"), (196, "25 650,00"), (242, "₸")]),
        (110, [(42, "Дата"), (190, "Сумма", "r"), (198, "Операция"), (278, "Детали")]),
        (124, [(42, "18.05.25"), (145, "-"), (150, "8"), (157, "208,00"), (186, "₸")]),
        (124, [(198, "Покупка"), (278, "Magnum Cash&Carry")]),
        (138, [(42, "17.05.25"), (140, "-"), (145, "30"), (157, "000,00"), (186, "₸")]),
        (138, [(198, "Перевод"), (278, "Нұрлан Б.")]),
    ]
    result = extract(page)
    first, second = result.transactions
    # `Операция` is the kind of payment: the row's type, the details its description.
    assert (first.debit, first.description) == (Decimal("8208.00"), "Magnum Cash&Carry")
    assert first.code == "Покупка"
    assert second.debit == Decimal("30000.00")
    assert result.statement.currency == "KZT"
    assert result.statement.opening_balance == Decimal("63858.00")
    assert result.reconciled is True


def test_an_amount_title_we_cannot_read_beside_a_balance_we_can(extract: Extract) -> None:
    # `Montante` (Portuguese for amount) was no title we knew: the column before the
    # balance whose rows hold figures is the amount all the same.
    page = [
        (100, [(56, "Data Mov."), (172, "Descrição do Movimento"), (499, "Montante", "r")]),
        (100, [(548, "Saldo", "r")]),
        (114, [(56, "01-09-2025"), (172, "MANUTENCAO DE CONTA"), (499, "-5,63", "r")]),
        (114, [(548, "2.107,22", "r")]),
        (128, [(56, "01-09-2025"), (172, "PAG SERV GALP"), (499, "-353,32", "r")]),
        (128, [(548, "1.753,90", "r")]),
        (142, [(56, "02-09-2025"), (172, "DEVOLUCAO COMPRA LIDL"), (499, "126,21", "r")]),
        (142, [(548, "1.880,11", "r")]),
    ]
    rows = extract(page).transactions
    assert [(t.debit, t.credit) for t in rows] == [
        (Decimal("5.63"), None),
        (Decimal("353.32"), None),
        (None, Decimal("126.21")),
    ]


def test_an_overdrawn_balance_printed_without_its_sign(extract: Extract) -> None:
    page = [
        (100, [(40, "Date"), (120, "Description"), (470, "Debit", "r"), (520, "Credit", "r")]),
        (100, [(565, "Balance", "r")]),
        (114, [(40, "23-Mar-2024"), (120, "POS PURCHASE"), (470, "100.00", "r")]),
        (114, [(565, "5,754.43", "r")]),
        (128, [(40, "24-Mar-2024"), (120, "GIP TRANSFER"), (470, "5,831.95", "r")]),
        (128, [(565, "77.52", "r")]),
        (142, [(40, "25-Mar-2024"), (120, "SALARY"), (520, "9,511.65", "r")]),
        (142, [(565, "9,434.13", "r")]),
    ]
    rows = extract(page).transactions
    assert [t.balance for t in rows] == [
        Decimal("5754.43"),
        Decimal("-77.52"),
        Decimal("9434.13"),
    ]
