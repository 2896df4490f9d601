"""Banks' habits first met in the seventh held-out split, typed out as word boxes: dinars with
three decimals after a comma, Nepal's two calendars, a transaction id column and Slovak
turnover lines."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.amounts import infer_decimal_mark
from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]


def test_three_decimals_after_a_comma_vote_only_where_the_currency_has_them() -> None:
    texts = ["94,229", "465,482", "269,920", "11/08/2025"]
    assert infer_decimal_mark(texts, places=3) == ","
    assert infer_decimal_mark(texts) == "."  # two-decimal currencies: `94,229` groups
    assert infer_decimal_mark(["1,182.093", "280.527"], places=3) == "."


def test_tunisian_dinars_with_comma_decimals(extract: Extract) -> None:
    page = [
        (40, [(40, "Devise TND")]),
        (54, [(40, "Période du 11/08/2025 au 07/09/2025")]),
        (74, [(40, "Date opération"), (130, "Libellé"), (420, "Débit", "r"), (500, "Crédit", "r")]),
        (74, [(580, "Solde", "r")]),
        (88, [(40, "SOLDE INITIAL"), (580, "7 559,711", "r")]),
        (102, [(40, "11/08/2025"), (130, "ACHAT CARTE MONOPRIX"), (420, "94,229", "r")]),
        (102, [(580, "7 465,482", "r")]),
        (116, [(40, "13/08/2025"), (130, "ANNULATION PAIEMENT TPE"), (500, "156,485", "r")]),
        (116, [(580, "7 621,967", "r")]),
    ]
    result = extract(page, space=2.0)
    purchase, refund = result.transactions
    assert (purchase.debit, refund.credit) == (Decimal("94.229"), Decimal("156.485"))
    assert refund.balance == Decimal("7621.967")
    assert result.reconciled is True


def test_nepali_rows_are_dated_by_the_gregorian_column(extract: Extract) -> None:
    page = [
        (40, [(40, "Period (AD) 2024-09-14 to 2024-10-14")]),
        (54, [(40, "Period (BS) 2081-05-29 to 2081-06-28")]),
        (74, [(40, "Date (BS)"), (110, "Date (AD)"), (180, "Description")]),
        (74, [(420, "Withdraw", "r"), (500, "Deposit", "r"), (580, "Balance", "r")]),
        (88, [(40, "Opening Balance"), (580, "4,48,374.92", "r")]),
        (102, [(40, "2081-05-29"), (110, "2024-09-14"), (180, "FONEPAY NCELL")]),
        (102, [(420, "8,284.57", "r"), (580, "4,40,090.35", "r")]),
        (116, [(40, "2081-05-30"), (110, "2024-09-15"), (180, "FONEPAY REVERSAL")]),
        (116, [(500, "11,374.16", "r"), (580, "4,51,464.51", "r")]),
    ]
    result = extract(page, space=2.0)
    first, second = result.transactions
    assert (first.date, first.debit) == (date(2024, 9, 14), Decimal("8284.57"))
    assert (second.date, second.credit) == (date(2024, 9, 15), Decimal("11374.16"))
    assert result.statement.period_start == date(2024, 9, 14)
    assert result.reconciled is True


def test_a_transaction_id_column_is_a_reference(extract: Extract) -> None:
    page = [
        (74, [(40, "Date"), (110, "Transaction ID"), (200, "Description"), (500, "Amount", "r")]),
        (74, [(580, "Balance", "r")]),
        (88, [(40, "2024-07-30"), (110, "2675550926"), (200, "FUND TRANSFER TO ABEBE")]),
        (88, [(500, "-113,696.00", "r"), (580, "755,596.32", "r")]),
        (102, [(40, "2024-07-31"), (110, "1632956902"), (200, "CBE BIRR TRANSFER")]),
        (102, [(500, "+207,619.50", "r"), (580, "963,215.82", "r")]),
    ]
    first, second = extract(page, space=2.0).transactions
    assert (first.description, first.reference) == ("FUND TRANSFER TO ABEBE", "2675550926")
    assert second.description == "CBE BIRR TRANSFER"


def test_slovak_turnovers_line_is_no_transaction(extract: Extract) -> None:
    page = [
        (60, [(40, "Dátum"), (110, "Popis"), (420, "Debet", "r"), (500, "Kredit", "r")]),
        (74, [(40, "Počiatočný zostatok 1 000,00")]),
        (88, [(40, "01.08.2024"), (110, "Platba kartou BILLA"), (420, "127,84", "r")]),
        (102, [(40, "02.08.2024"), (110, "Mzda"), (500, "2 000,00", "r")]),
        (116, [(40, "Obraty"), (420, "127,84", "r"), (500, "2 000,00", "r")]),
        (130, [(40, "Konečný zostatok 2 872,16")]),
    ]
    result = extract(page, space=2.0)
    assert [t.description for t in result.transactions] == ["Platba kartou BILLA", "Mzda"]
    assert result.reconciled is True
