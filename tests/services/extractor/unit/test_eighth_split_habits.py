"""Banks' habits first met in the eighth held-out split, typed out as word boxes: Taiwan's
Republic years, currencies without minor units (krónur, francs CFA) grouped with dots, value
dates printed as day and month beside the figures, small amounts as bare integers, and the
Slovenian and Icelandic titles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.amounts import infer_decimal_mark
from cypheredge.extractor.domain.dates import PartialDate, parse_date
from cypheredge.extractor.domain.model import ExtractionResult

Extract = Callable[..., ExtractionResult]


def test_republic_of_china_years_are_gregorian_years() -> None:
    assert parse_date("113/05/01") == PartialDate(2024, 5, 1)
    assert parse_date("114-03-14") == PartialDate(2025, 3, 14)
    # Three digits before a separator are no year unless the Republic could have printed them.
    assert parse_date("045/01/02") is None
    assert parse_date("596-11-97") is None
    assert parse_date("114/13/01") is None


def test_without_minor_units_three_digits_after_a_mark_are_a_group() -> None:
    kronur = ["571.761", "-19.653", "115.138", "12.07", "24.07"]
    assert infer_decimal_mark(kronur, places=0) == ","
    # The same figures in a two-decimal currency would be three-decimal oddities: no vote,
    # and the day-month value dates (`12.07`) vote for a dot.
    assert infer_decimal_mark(kronur) == "."


def test_taiwanese_statement_dated_in_republic_years(extract: Extract) -> None:
    page = [
        (40, [(40, "Currency TWD")]),
        (54, [(40, "Period 114/03/14 - 114/04/11")]),
        (74, [(40, "Date (ROC)"), (130, "Summary"), (250, "Payout", "r"), (330, "Deposit", "r")]),
        (74, [(410, "Balance", "r"), (430, "Remarks")]),
        (88, [(40, "B/F"), (410, "33,128", "r")]),
        (102, [(40, "114/03/14"), (90, "19:09:43"), (130, "FEE"), (250, "237", "r")]),
        (102, [(410, "32,891", "r"), (430, "ACCOUNT SERVICE FEE")]),
        (116, [(40, "114/03/16"), (90, "21:38:46"), (130, "TRF"), (330, "27,800", "r")]),
        (116, [(410, "60,691", "r"), (430, "TRANSFER IN CHANG WEI-CHEN")]),
    ]
    result = extract(page, space=2.0)
    fee, transfer = result.transactions
    assert (fee.date, fee.debit) == (date(2025, 3, 14), Decimal("237"))
    assert (transfer.date, transfer.credit) == (date(2025, 3, 16), Decimal("27800"))
    assert transfer.description == "TRANSFER IN CHANG WEI-CHEN"
    assert result.statement.period_start == date(2025, 3, 14)
    assert result.reconciled is True


def test_icelandic_kronur_with_a_summary_box_and_a_bare_small_amount(extract: Extract) -> None:
    page = [
        (40, [(40, "Mynt ISK")]),
        (54, [(40, "Tímabil 01.10.2023 - 31.10.2023")]),
        (68, [(40, "Upphafsstaða"), (200, "571.761", "r")]),
        (82, [(40, "Lokastaða"), (200, "460.365", "r")]),
        (102, [(40, "Dags."), (100, "Skýring"), (330, "Kennitala"), (520, "Upphæð kr.", "r")]),
        (116, [(40, "30.10.23"), (100, "BOÐGREIÐSLA VEITUR"), (330, "030810-7969")]),
        (116, [(520, "-11.160", "r")]),
        (130, [(40, "28.10.23"), (100, "ÁRSGJALD DEBETKORTS"), (330, "280475-3739")]),
        (130, [(520, "-396", "r")]),
        (144, [(40, "27.10.23"), (100, "HRAÐBANKI SELFOSS"), (330, "090201-3389")]),
        (144, [(520, "-99.840", "r")]),
    ]
    result = extract(page, space=2.0)
    amounts = [t.debit for t in result.transactions]
    assert amounts == [Decimal("11160"), Decimal("396"), Decimal("99840")]
    assert result.statement.opening_balance == Decimal("571761")
    assert result.statement.closing_balance == Decimal("460365")
    assert result.reconciled is True


def test_value_dates_beside_whole_francs_are_dates_not_amounts(extract: Extract) -> None:
    page = [
        (40, [(40, "Devise XOF (FCFA)")]),
        (54, [(40, "Période du 10/07/2024 au 07/08/2024")]),
        (74, [(40, "Date"), (100, "Libellé de l'opération"), (370, "Valeur")]),
        (74, [(480, "Débit (FCFA)", "r"), (580, "Crédit (FCFA)", "r")]),
        (88, [(40, "SOLDE AU 10.07.2024"), (580, "1.660.105", "r")]),
        (102, [(40, "10.07.24"), (100, "PAIEMENT CARTE PROSUMA"), (370, "10.07")]),
        (102, [(480, "100.060", "r")]),
        (116, [(40, "16.07.24"), (100, "VIR RECU YAO N'GUESSAN"), (370, "17.07")]),
        (116, [(580, "1.293.000", "r")]),
        (130, [(40, "22.07.24"), (100, "COMMISSION SUR MOUVEMENTS"), (370, "24.07")]),
        (130, [(480, "5.900", "r")]),
        (144, [(40, "22.07.24"), (100, "TAF 10% SUR COMMISSIONS"), (370, "24.07")]),
        (144, [(480, "590", "r")]),
    ]
    result = extract(page, space=2.0)
    card, credit, fee, tax = result.transactions
    assert (card.debit, credit.credit) == (Decimal("100060"), Decimal("1293000"))
    assert (fee.debit, tax.debit) == (Decimal("5900"), Decimal("590"))
    assert tax.description == "TAF 10% SUR COMMISSIONS"


def test_slovenian_titles_keep_purpose_code_and_reference_apart(extract: Extract) -> None:
    page = [
        (40, [(40, "Obdobje 14.07.2023 - 11.08.2023")]),
        (60, [(40, "Datum knjiženja"), (110, "Prejemnik / plačnik"), (260, "Koda namena")]),
        (60, [(350, "Referenca"), (470, "Breme", "r"), (540, "Dobro", "r")]),
        (74, [(40, "Začetno stanje"), (540, "3.551,96", "r")]),
        (88, [(40, "14.07.2023"), (110, "SAVINJA TEHNIKA D.O.O."), (260, "SALA")]),
        (88, [(350, "SI99"), (540, "3.322,92", "r")]),
        (102, [(40, "14.07.2023"), (110, "GEN-I RAČUN 464550741"), (260, "ELEC")]),
        (102, [(350, "SI12 71679090227"), (470, "127,42", "r")]),
        (116, [(40, "Končno stanje"), (540, "6.747,46", "r")]),
    ]
    result = extract(page, space=2.0)
    salary, bill = result.transactions
    assert (salary.credit, bill.debit) == (Decimal("3322.92"), Decimal("127.42"))
    assert (salary.description, bill.description) == (
        "SAVINJA TEHNIKA D.O.O.",
        "GEN-I RAČUN 464550741",
    )
    assert result.statement.opening_balance == Decimal("3551.96")
    assert result.reconciled is True


def test_whole_francs_grouped_by_spaces_read_without_titles(extract: Extract) -> None:
    # Titles in no language we read: the columns come from the rows, whose figures are whole
    # numbers grouped by spaces (`310 000`), beside references of many digits (`FT410903124`
    # and `901009` are no figures) and a D/C side marker.
    page = [
        (40, [(40, "Période du 14/01/2024 au 11/02/2024")]),
        (60, [(40, "Xqar"), (110, "Zlorp"), (200, "Vimtu")]),
        (60, [(450, "Brask", "r"), (560, "Qolt", "r")]),
        (74, [(40, "SOLDE D'OUVERTURE"), (525, "2"), (530, "411"), (547, "190")]),
        (88, [(40, "14-01-2024"), (110, "901009"), (200, "TRANSFERT WAVE")]),
        (88, [(420, "310"), (437, "000"), (456, "D"), (525, "2"), (530, "101"), (547, "190")]),
        (102, [(40, "14-01-2024"), (110, "979369"), (200, "ACHAT TPE LEADER PRICE")]),
        (102, [(420, "215"), (437, "065"), (456, "D"), (525, "1"), (530, "886"), (547, "125")]),
        (116, [(40, "16-01-2024"), (110, "395395"), (200, "VIR RECU YAO")]),
        (116, [(420, "154"), (437, "000"), (456, "C"), (525, "2"), (530, "040"), (547, "125")]),
    ]
    result = extract(page, space=2.0)
    assert [(t.debit, t.credit, t.balance) for t in result.transactions] == [
        (Decimal("310000"), None, Decimal("2101190")),
        (Decimal("215065"), None, Decimal("1886125")),
        (None, Decimal("154000"), Decimal("2040125")),
    ]
