"""Banks' habits first met in the fifth held-out split, typed out as word boxes: Moroccan
spaced dates and spelled-out sides, Bulgarian side columns, Lithuanian payee columns, Sri
Lankan summary lines, Jordanian app lists and Arabic titles without width."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.amounts import parse_amount
from cypheredge.extractor.domain.cascade import Cascade
from cypheredge.extractor.domain.dates import PartialDate, parse_date
from cypheredge.extractor.domain.model import ExtractionResult
from cypheredge.extractor.domain.vocabulary import balance_heading
from cypheredge.extractor.domain.words import PageWords, Word

Extract = Callable[..., ExtractionResult]


def test_dates_printed_with_spaces_for_separators() -> None:
    assert parse_date("20 11") == PartialDate(None, 11, 20)
    assert parse_date("19 12 2023") == PartialDate(2023, 12, 19)
    # Grouped figures and counts are no dates: a day and a month have two digits each.
    assert parse_date("20 110") is None
    assert parse_date("2 11") is None
    assert parse_date("20 11 23") is None


def test_a_side_spelled_out_after_a_figure() -> None:
    debit = parse_amount("9 827,20 DEBITEUR", ",")
    credit = parse_amount("827,20 Créditeur", ",")
    assert debit is not None
    assert (debit.magnitude, debit.marker) == (Decimal("9827.20"), "DR")
    assert credit is not None
    assert credit.marker == "CR"


def test_moroccan_releve_spaced_dates_and_solde_depart(extract: Extract) -> None:
    # Attijariwafa-style: a code, the day and month spaced, the value date with its year.
    page = [
        (40, [(40, "PERIODE DU 20 11 2023 AU 19 12 2023")]),
        (60, [(40, "CODE"), (100, "DATE"), (170, "LIBELLE"), (330, "VALEUR")]),
        (60, [(450, "DEBIT", "r"), (540, "CREDIT", "r")]),
        (74, [(170, "SOLDE DEPART AU 19 11 2023"), (540, "9 827,20", "r"), (545, "CREDITEUR")]),
        (88, [(40, "2521FR10"), (100, "20 11"), (170, "FRAIS CARTE BANCAIRE")]),
        (88, [(330, "20 11 2023"), (450, "246,40", "r")]),
        (102, [(40, "3853VR06"), (100, "24 11"), (170, "VIREMENT RECU DE KARIM TAZI")]),
        (102, [(330, "25 11 2023"), (540, "1 554,00", "r")]),
        (116, [(170, "SOLDE FINAL AU 19 12 2023"), (540, "11 134,80", "r"), (545, "CREDITEUR")]),
    ]
    result = extract(page, space=2.0)  # the word space of the bank's print, not a cell gap
    fee, transfer = result.transactions
    assert (fee.date, fee.debit, fee.description) == (
        date(2023, 11, 20),
        Decimal("246.40"),
        "FRAIS CARTE BANCAIRE",
    )
    assert (transfer.date, transfer.credit) == (date(2023, 11, 24), Decimal("1554.00"))
    assert result.statement.opening_balance == Decimal("9827.20")
    assert result.statement.closing_balance == Decimal("11134.80")
    assert result.reconciled is True


def test_bulgarian_operation_type_and_a_side_column(extract: Extract) -> None:
    # DSK-style: `Операция` is the kind of payment, `Описание` what for, and the side a word.
    page = [
        (40, [(40, "Начално салдо: 1 000,00 BGN")]),
        (60, [(40, "Дата"), (110, "Операция"), (230, "Описание"), (460, "Сума", "r")]),
        (60, [(480, "Дебит / Кредит")]),
        (74, [(40, "01.05.2024"), (110, "Картова транзакция"), (230, "ЛУКОЙЛ ПЛЕВЕН")]),
        (74, [(460, "450,36", "r"), (480, "Дебит")]),
        (88, [(40, "02.05.2024"), (110, "Входящ превод"), (230, "ЕЛЕНА НИКОЛОВА")]),
        (88, [(460, "1 468,53", "r"), (480, "Кредит")]),
        (102, [(40, "Крайно салдо: 2 018,17 BGN")]),
    ]
    result = extract(page)
    card, transfer = result.transactions
    assert (card.description, card.code, card.debit) == (
        "ЛУКОЙЛ ПЛЕВЕН",
        "Картова транзакция",
        Decimal("450.36"),
    )
    assert (transfer.description, transfer.credit) == ("ЕЛЕНА НИКОЛОВА", Decimal("1468.53"))
    assert result.reconciled is True


def test_lithuanian_payee_is_kept_apart_from_the_purpose(extract: Extract) -> None:
    page = [
        (60, [(40, "Data"), (100, "Dok. Nr."), (150, "Mokėjimo paskirtis")]),
        (60, [(290, "Gavėjas / mokėtojas"), (460, "Debetas", "r"), (520, "Kreditas", "r")]),
        (60, [(580, "Likutis", "r")]),
        (74, [(40, "Pradinis likutis"), (580, "2 357,31", "r")]),
        (88, [(40, "2025-04-01"), (100, "95194"), (150, "Skola grąžinta")]),
        (88, [(290, "MANTAS JANKAUSKAS"), (460, "753,18", "r"), (580, "1 604,13", "r")]),
        (102, [(40, "2025-04-29"), (100, "42009"), (150, "Darbo užmokestis")]),
        (102, [(290, "UAB LOGISTIKA"), (520, "3 202,90", "r"), (580, "4 807,03", "r")]),
        (116, [(40, "Galutinis likutis"), (580, "4 807,03", "r")]),
    ]
    result = extract(page)
    debt, salary = result.transactions
    assert debt.description == "Skola grąžinta"
    assert "MANTAS JANKAUSKAS" in (debt.reference or "")
    assert (salary.description, salary.credit) == ("Darbo užmokestis", Decimal("3202.90"))
    assert result.reconciled is True


def test_a_summary_line_under_the_table_is_no_transaction(extract: Extract) -> None:
    page = [
        (60, [(40, "Date"), (110, "Description"), (400, "Debit", "r"), (470, "Credit", "r")]),
        (60, [(560, "Balance", "r")]),
        (74, [(40, "01/03/2025"), (110, "Credit Interest"), (470, "535.50", "r")]),
        (74, [(560, "1,535.50", "r")]),
        (88, [(40, "02/03/2025"), (110, "Atm Withdrawal"), (400, "500.00", "r")]),
        (88, [(560, "1,035.50", "r")]),
        (102, [(40, "Transaction Summary"), (400, "500.00", "r"), (470, "535.50", "r")]),
    ]
    result = extract(page)
    assert [t.description for t in result.transactions] == ["Credit Interest", "Atm Withdrawal"]
    assert result.statement.closing_balance == Decimal("1035.50")


def test_an_available_balance_closes_an_app_list_without_balances(extract: Extract) -> None:
    # A Jordanian app's list: newest first, dinars with three decimals, no running balance,
    # the balance now at the top and the opening one at the foot.
    page = [
        (40, [(40, "Period 11/05/2024 - 10/06/2024")]),
        (54, [(40, "Available Balance: 2,529.373 JOD")]),
        (74, [(40, "Date & Time"), (140, "Transaction"), (540, "Amount", "r")]),
        (
            88,
            [
                (40, "09 Jun 2024 21:38"),
                (140, "CliQ Transfer From OMAR"),
                (540, "+600.450 JOD", "r"),
            ],
        ),
        (
            102,
            [(40, "08 Jun 2024 07:00"), (140, "POS Purchase CARREFOUR"), (540, "-2.873 JOD", "r")],
        ),
        (116, [(40, "Opening Balance: 1,931.796 JOD")]),
    ]
    result = extract(page)
    transfer, purchase = result.transactions
    assert (transfer.credit, purchase.debit) == (Decimal("600.450"), Decimal("2.873"))
    assert result.statement.opening_balance == Decimal("1931.796")
    assert result.statement.closing_balance == Decimal("2529.373")
    assert result.reconciled is True


def test_an_available_balance_gives_way_to_the_running_balance(extract: Extract) -> None:
    # Holds make the available balance differ from what the statement closed on.
    page = [
        (40, [(40, "Available Balance: 900.00")]),
        (60, [(40, "Date"), (110, "Description"), (400, "Amount", "r"), (560, "Balance", "r")]),
        (74, [(40, "01/03/2025"), (110, "Opening Balance"), (560, "1,000.00", "r")]),
        (88, [(40, "02/03/2025"), (110, "Card Purchase"), (400, "-50.00", "r")]),
        (88, [(560, "950.00", "r")]),
    ]
    result = extract(page)
    assert result.statement.closing_balance == Decimal("950.00")


def test_a_heading_with_its_figure_is_a_balance_not_a_table_of_balances() -> None:
    assert balance_heading("Daily Balance Summary")
    assert not balance_heading("Available Balance: 685.760 JOD")


def _arabic_over_english() -> PageWords:
    """Arabic titles the font gives no width over their English ones (`البيان` over
    `Transaction Details`), as a Housing Bank statement's text layer has them."""

    def word(text: str, x0: float, y: float, x1: float | None = None) -> Word:
        return Word(text, x0, y, x0 + 5.0 * len(text) if x1 is None else x1, y + 10.0, 1)

    titles = [("التاريخ", 53.7), ("البيان", 127.2), ("المبلغ", 491.7), ("الرصيد", 562.7)]
    words = [word(text, x, 100.0, x) for text, x in titles]
    words += [word("Date", 34.0, 111.0), word("Transaction", 110.0, 111.0, 156.0)]
    words += [word("Details", 158.5, 111.0, 186.0), word("Amount", 463.0, 111.0, 494.0)]
    words += [word("Balance", 534.0, 111.0, 565.0)]
    for k, (day, what, where, amount, balance) in enumerate(
        (
            ("01-06-2024", "E-Commerce", "C-TOWN", "-280.527", "901.566"),
            ("02-06-2024", "POS", "CARREFOUR", "-1.250", "900.316"),
        )
    ):
        y = 130.0 + 20.0 * k
        words += [word(day, 34.0, y, 74.0), word(what, 110.0, y, 155.0)]
        words += [word("Purchase", 157.5, y, 189.6), word(amount, 462.0, y, 494.0)]
        words += [word(balance, 536.0, y, 565.0), word(where, 110.0, y + 9.0, 140.0)]
    return PageWords(1, 600.0, 800.0, words)


class _OnePage:
    method = "geometric"

    def __init__(self, page: PageWords) -> None:
        self.page = page

    def read(self, number: int) -> PageWords | None:
        return self.page


def test_english_titles_under_widthless_arabic_ones_stay_one_column() -> None:
    result = Cascade(_OnePage(_arabic_over_english()), 1).run()
    first, second = result.transactions
    assert first.description == "E-Commerce Purchase C-TOWN"
    assert second.description == "POS Purchase CARREFOUR"
    assert (first.debit, second.balance) == (Decimal("280.527"), Decimal("900.316"))


def test_one_row_under_a_header_keeps_its_post_date_out_of_the_description(
    extract: Extract,
) -> None:
    # A card's last page: one interest row, then totals and notes that run across columns;
    # they are no rows, so they do not decide where the date columns part.
    page = [
        (40, [(36, "Trans Date"), (125, "Post Date"), (210, "Description"), (576, "Amount", "r")]),
        (54, [(36, "Jan 9"), (125, "Jan 9"), (210, "Interest Charge on Purchases")]),
        (54, [(576, "$8.74", "r")]),
        (68, [(210, "Total Interest for This Period"), (576, "$8.74", "r")]),
        (82, [(35, "Total fees in 2024"), (330, "$33.88", "r")]),
        (96, [(26, "Total interest in 2024"), (330, "$8.74", "r")]),
    ]
    (row,) = extract(page, space=2.0).transactions
    assert row.description == "Interest Charge on Purchases"
