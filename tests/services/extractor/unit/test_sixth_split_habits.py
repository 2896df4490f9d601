"""Banks' habits first met in the sixth held-out split, typed out as word boxes: a day's
turnover line, Estonian side letters and payee columns, Spanish plural titles, a period
written in the other date order, and merchants whose name begins with `TOTAL`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]


def test_a_days_turnover_line_is_no_transaction(extract: Extract) -> None:
    # Banca Transilvania: the day's rows, then `RULAJ ZI` with both sides and the day's balance.
    page = [
        (60, [(40, "Data"), (120, "Descriere"), (420, "Debit", "r"), (500, "Credit", "r")]),
        (74, [(40, "SOLD ANTERIOR"), (500, "4,709.34", "r")]),
        (88, [(40, "01/10/2024"), (120, "Retragere numerar ATM"), (420, "400.00", "r")]),
        (102, [(40, "01/10/2024"), (120, "Debitare directa APA NOVA"), (420, "328.39", "r")]),
        (116, [(40, "01/10/2024"), (120, "RULAJ ZI"), (420, "728.39", "r"), (500, "0.00", "r")]),
        (130, [(40, "SOLD FINAL ZI"), (500, "3,980.95", "r")]),
    ]
    result = extract(page, space=2.0)
    assert [t.description for t in result.transactions] == [
        "Retragere numerar ATM",
        "Debitare directa APA NOVA",
    ]
    assert result.statement.closing_balance == Decimal("3980.95")
    assert result.reconciled is True


def test_estonian_side_letters_and_the_payee_apart(extract: Extract) -> None:
    # Swedbank: `Saaja/Maksja` beside `Selgitus`, the sum unsigned and `D` / `K` after it.
    page = [
        (40, [(40, "Algsaldo 403,59")]),
        (60, [(40, "Kuupäev"), (110, "Saaja/Maksja"), (220, "Selgitus"), (460, "Summa", "r")]),
        (60, [(480, "D/K")]),
        (74, [(40, "18.10.2024"), (110, "SELVER"), (220, "Internetiost"), (460, "98,95", "r")]),
        (74, [(480, "D")]),
        (88, [(40, "20.10.2024"), (110, "LIIS OJA"), (220, "Ülekanne"), (460, "1 080,09", "r")]),
        (88, [(480, "K")]),
        (102, [(40, "Lõppsaldo 1 384,73")]),
    ]
    result = extract(page, space=2.0)
    purchase, transfer = result.transactions
    assert (purchase.description, purchase.debit) == ("Internetiost", Decimal("98.95"))
    assert purchase.reference == "SELVER"
    assert (transfer.description, transfer.credit) == ("Ülekanne", Decimal("1080.09"))
    assert result.reconciled is True


def test_spanish_plural_side_titles_and_a_period_in_the_other_order(extract: Extract) -> None:
    # Ecuador: dollar amounts (a US cue) but day-first dates in the period line.
    page = [
        (40, [(40, "Período 10/05/2025 al 09/06/2025")]),
        (60, [(40, "Fecha"), (110, "Descripción"), (420, "Débitos", "r")]),
        (60, [(500, "Créditos", "r"), (580, "Saldo", "r")]),
        (74, [(40, "Saldo anterior"), (580, "830.06", "r")]),
        (88, [(40, "12-MAY-2025"), (110, "COMPRA EN LINEA"), (420, "252.47", "r")]),
        (88, [(580, "577.59", "r")]),
        (102, [(40, "13-MAY-2025"), (110, "DEPOSITO EN EFECTIVO"), (500, "1,680.92", "r")]),
        (102, [(580, "2,258.51", "r")]),
    ]
    result = extract(page, space=2.0)
    purchase, deposit = result.transactions
    assert (purchase.debit, deposit.credit) == (Decimal("252.47"), Decimal("1680.92"))
    assert result.statement.period_start == date(2025, 5, 10)
    assert result.statement.period_end == date(2025, 6, 9)


def test_a_merchant_named_total_is_wrapped_text_not_a_totals_line(extract: Extract) -> None:
    page = [
        (60, [(40, "Date"), (110, "Narration"), (420, "Debit", "r"), (500, "Credit", "r")]),
        (60, [(580, "Balance", "r")]),
        (74, [(40, "2024-04-12"), (110, "POS PURCHASE"), (420, "65,000.00", "r")]),
        (74, [(580, "935,000.00", "r")]),
        (83, [(110, "TOTAL ENERGIES KAMPALA")]),
        (97, [(40, "2024-04-13"), (110, "POS REVERSAL"), (500, "5,000.00", "r")]),
        (97, [(580, "940,000.00", "r")]),
        (106, [(110, "TOTAL ENERGIES")]),
    ]
    first, second = extract(page, space=2.0).transactions
    assert first.description == "POS PURCHASE TOTAL ENERGIES KAMPALA"
    assert second.description == "POS REVERSAL TOTAL ENERGIES"


def test_a_time_alone_under_the_table_is_no_part_of_the_last_row(extract: Extract) -> None:
    # Greek banks end the list with `Ημερομηνία Ενημέρωσης: 02/05/2023 21:22:41`; its time
    # falls in the description column, its label and date in the category column.
    page = [
        (60, [(40, "Type"), (130, "Description"), (300, "Date"), (460, "Amount", "r")]),
        (60, [(560, "Balance", "r")]),
        (74, [(40, "Payroll"), (130, "SALARY AEGEAN"), (300, "03/04/2023")]),
        (74, [(460, "3.246,38", "r"), (560, "5.887,30", "r")]),
        (88, [(40, "Market"), (130, "SKLAVENITIS PATRA"), (300, "04/04/2023")]),
        (88, [(460, "-141,20", "r"), (560, "5.746,10", "r")]),
        (97, [(40, "As of"), (70, "02/05/2023"), (131, "21:22:41")]),
    ]
    rows = extract(page, space=2.0).transactions
    assert [t.description for t in rows] == ["SALARY AEGEAN", "SKLAVENITIS PATRA"]
