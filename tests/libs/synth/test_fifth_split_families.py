"""The fifth held-out split (Morocco, Sri Lanka, Argentina, Tanzania, Lithuania, Bulgaria,
Jordan), tuned on since it was scored: registered as tuned families, rendered to PDFs whose text
carries the truth, and printing the conventions their modules claim (the local titles, the
variants each family draws, the charges banks post as rows of their own).

These tests check the generator only (registry, PDF, text layer, truth consistency); they never
run the extractor.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

from cetest import splits
from cypheredge.synth import build
from cypheredge.synth.formats import fmt_date, places
from cypheredge.synth.model import Truth

NAMES = (
    "ma_releve",
    "lk_statement",
    "ar_resumen",
    "tz_statement",
    "lt_israsas",
    "bg_izvlechenie",
    "jo_statement",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
SEEDS = range(18)
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD MM",
    "DD/MM",
    "DD/MM/YY",
    "DD/MM/YYYY",
    "DD-MM-YYYY",
    "DD.MM.YYYY",
    "DD-MON-YYYY",
    "DD MON YYYY",
    "YYYY-MM-DD",
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
ARABIC = re.compile("[\u0600-\u06ff\ufe70-\ufeff]")
LITHUANIAN = re.compile("[ąčęėįšųūžĄČĘĖĮŠŲŪŽ]")
BG_MONTHS = "ЯНУ|ФЕВ|МАР|АПР|МАЙ|ЮНИ|ЮЛИ|АВГ|СЕП|ОКТ|НОЕ|ДЕК"


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it (NBC's months upper-cased)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out.add(fmt_date(day, "DD MON YYYY").upper())
    return out


def _texts(layout: str, page_texts: Texts) -> list[str]:
    return splits.texts(layout, SEEDS, page_texts)


def _rows(layout: str) -> list[Truth]:
    return splits.rows(layout, SEEDS)


def _seeds_with(layout: str, marker: str, page_texts: Texts) -> list[int]:
    texts = _texts(layout, page_texts)
    return [s for s, text in zip(SEEDS, texts, strict=True) if marker in text]


def _share(base: Decimal, rate: str) -> Decimal:
    return (base * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _charges(layout: str, kind: str) -> list[tuple[Decimal, Decimal, str]]:
    """(charge, the amount of the posting it follows, its description) for each row of `kind`
    in each seed's ledger."""
    out = []
    for seed in SEEDS:
        txns = build(layout, seed).statement.accounts[0].txns
        out += [
            (-t.amount, abs(p.amount), t.description)
            for p, t in itertools.pairwise(txns)
            if t.kind == kind
        ]
    return out


def test_the_former_split_is_tuned_now() -> None:
    splits.assert_tuned(NAMES)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_pdfplumber_and_pdfium_read_the_text(layout: str, seed: int, page_texts: Texts) -> None:
    splits.assert_text_read(layout, seed, page_texts)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_row_is_printed_with_its_date_amount_and_balance(
    layout: str, seed: int, page_texts: Texts
) -> None:
    splits.assert_rows_printed(layout, seed, page_texts, _printed_dates)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_truth_reconciles(layout: str, seed: int) -> None:
    splits.assert_truth_reconciles(layout, seed)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_balances_follow_the_chain(layout: str, seed: int) -> None:
    built = build(layout, seed)
    truth = built.truth()
    rows = truth["transactions"]
    if rows[0]["date"] > rows[-1]["date"]:
        rows = rows[::-1]  # printed newest first: the chain runs from the bottom
    running = Decimal(truth["accounts"][0]["opening_balance"])
    ledger = built.statement.accounts[0].txns
    assert len(rows) == len(ledger)
    for row, txn in zip(rows, ledger, strict=True):
        running += splits.dec(row["credit"]) - splits.dec(row["debit"])
        assert running == txn.balance
        assert row["date"] == txn.day.isoformat()
        if row["balance"] is not None:
            assert Decimal(row["balance"]) == running, row


@pytest.mark.parametrize("layout", NAMES)
def test_each_family_has_single_and_multi_page_statements(layout: str, page_texts: Texts) -> None:
    splits.assert_page_counts(layout, page_texts)


@pytest.mark.parametrize("layout", NAMES)
def test_each_family_draws_three_variants(layout: str, page_texts: Texts) -> None:
    markers = {
        "ma_releve": ("RELEVE DE COMPTE BANCAIRE", "RELEVE CLIENT", "SOLDE DEPART AU :"),
        "lk_statement": ("Withdrawal (Dr)", "e-Statement", "BALANCE B/F"),
        "ar_resumen": ("Movimientos", "COMPROBANTE", "CONCEPTO"),
        "tz_statement": ("Book Balance", "Tarehe", "Booking Date"),
        "lt_israsas": ("(debetas)", "Pradinis likutis", "Operacijos numeris ir paskirtis"),
        "bg_izvlechenie": ("Основание", "Операция", "Натрупани обороти"),
        "jo_statement": ("Posting Date", "Reference", "Date & Time"),
    }[layout]
    for marker in markers:
        assert _seeds_with(layout, marker, page_texts), marker


def test_moroccan_variants(page_texts: Texts) -> None:
    texts = _texts("ma_releve", page_texts)
    assert all(re.search(r"\d \d{3},\d{2}", t) and "DEBIT" in t and "CREDIT" in t for t in texts)
    assert all(r["balance"] is None for r in _rows("ma_releve"))  # no running balance
    awb = [t for t in texts if "RELEVE DE COMPTE BANCAIRE" in t]
    assert all("TOTAL MOUVEMENTS" in t and "SOLDE FINAL AU" in t for t in awb)
    assert all(
        re.search(r"SOLDE DEPART AU \d{2} \d{2} 20\d\d [\d ]+,\d{2} CREDITEUR", t) for t in awb
    )
    assert all(re.search(r"\b\d{4}[A-Z]{2}\d{2}\b", t) for t in awb)  # operation codes
    bmce = [t for t in texts if "RELEVE CLIENT" in t]
    assert all("SOLDE PRECEDENT" in t and "NOUVEAU SOLDE AU" in t and "011 " in t for t in bmce)
    cih = [t for t in texts if "SOLDE DEPART AU :" in t]
    assert any("A REPORTER" in t and "REPORT " in t for t in cih)  # totals carried across pages
    taxes = _charges("ma_releve", "levy")
    assert taxes
    assert all(tax == _share(fee, "0.10") for tax, fee, _ in taxes)
    assert all("TVA" in text.replace(".", "") for _, _, text in taxes)


def test_sri_lankan_variants(page_texts: Texts) -> None:
    texts = _texts("lk_statement", page_texts)
    assert all("LKR" in t and re.search(r"\d,\d{3}\.\d{2}", t) for t in texts)
    dfcc = [s for s, t in zip(SEEDS, texts, strict=True) if "Withdrawal (Dr)" in t]
    assert all("Transaction Summary" in texts[s] and "Client Name:" in texts[s] for s in dfcc)
    overdrawn = [r for s in dfcc for r in splits.statement("lk_statement", s).truth["transactions"]]
    assert any(r["balance"] is not None and Decimal(r["balance"]) < 0 for r in overdrawn)
    ntb = [s for s, t in zip(SEEDS, texts, strict=True) if "e-Statement" in t]
    assert ntb
    for seed in ntb:
        assert all(
            r["balance"] is None
            for r in splits.statement("lk_statement", seed).truth["transactions"]
        )
    boc = [t for t in texts if "BALANCE B/F" in t]
    assert all("Particulars" in t and " 0.00 " in t for t in boc)
    charges = _charges("lk_statement", "levy")
    assert charges
    assert all(fee == Decimal("25.00") and "ceft" in text.lower() for fee, _, text in charges)


def test_argentine_variants(page_texts: Texts) -> None:
    texts = _texts("ar_resumen", page_texts)
    assert all(re.search(r"\d\.\d{3},\d{2}", t) and "LEY 25" in t for t in texts)
    galicia = [t for t in texts if "Movimientos" in t]
    assert all("Saldo inicial" in t and re.search(r"-\d{1,3}(\.\d{3})*,\d{2}", t) for t in galicia)
    nacion = [t for t in texts if "COMPROBANTE" in t]
    assert all("SALDO ANTERIOR" in t and "SALDO FINAL" in t for t in nacion)
    assert any(re.search(r"\d,\d{2}- ", t) for t in nacion)  # an overdrawn balance, minus after
    bbva = [t for t in texts if "CONCEPTO" in t]
    assert all("IVA RESPONSABLE INSCRIPTO" in t and "ORIGEN" in t for t in bbva)
    taxes = _charges("ar_resumen", "levy")
    assert taxes
    assert all(tax == _share(base, "0.006") for tax, base, _ in taxes)
    vat = _charges("ar_resumen", "vat")
    assert vat
    assert all(tax == _share(fee, "0.21") for tax, fee, _ in vat)


def test_tanzanian_variants(page_texts: Texts) -> None:
    texts = _texts("tz_statement", page_texts)
    assert all("TZS" in t and "Value Added Tax (VAT)" in t for t in texts)
    crdb = [t for t in texts if "Book Balance" in t]
    assert crdb
    assert all(re.search(r"\d{2}\.\d{2}\.20\d\d \d{2}:\d{2}:\d{2}", t) for t in crdb)
    assert all(" 0.00 " in t and "Government Levy" in t for t in crdb)
    nmb = [t for t in texts if "Tarehe" in t]
    assert all(w in t for t in nmb for w in ("Maelezo", "Kutoa", "Kuweka", "Salio la Mwanzo"))
    nbc = [t for t in texts if "Booking Date" in t]
    assert all("Balance at Period Start" in t and re.search(r"\bFT\d{5}", t) for t in nbc)
    vat = _charges("tz_statement", "vat")
    assert vat
    assert all(tax == _share(charge, "0.18") for tax, charge, _ in vat)
    levy = _charges("tz_statement", "govlevy")
    assert levy
    assert all(tax == _share(cash, "0.0024") for tax, cash, _ in levy)


def test_lithuanian_variants(page_texts: Texts) -> None:
    texts = _texts("lt_israsas", page_texts)
    assert all(LITHUANIAN.search(t) and "SĄSKAITOS IŠRAŠAS" in t and "EUR" in t for t in texts)
    assert all(re.search(r"\d \d{3},\d{2}", t) for t in texts)
    luminor = [t for t in texts if "(debetas)" in t]
    assert all("(kreditas)" in t and "Likutis laikotarpio pradžioje" in t for t in luminor)
    siauliu = [t for t in texts if "Pradinis likutis" in t]
    assert siauliu
    assert all(re.search(r"20\d\d m\. [a-zėįšųūž]+ \d{1,2} d\.", t) for t in siauliu)
    assert all("Galutinis likutis" in t and "Likutis" in t for t in siauliu)
    citadele = [t for t in texts if "Operacijos numeris ir paskirtis" in t]
    assert all("Likutis pradžioje:" in t and re.search(r"\bLT\d{18}\b", t) for t in citadele)
    assert any(r["balance"] is None for r in _rows("lt_israsas"))


def test_bulgarian_variants(page_texts: Texts) -> None:
    texts = _texts("bg_izvlechenie", page_texts)
    assert all(CYRILLIC.search(t) and "ИЗВЛЕЧЕНИЕ ПО СМЕТКА" in t and "BGN" in t for t in texts)
    dsk = [t for t in texts if "Основание" in t]
    assert all("НАЧАЛНО САЛДО" in t and "КРАЙНО САЛДО" in t and "за периода от:" in t for t in dsk)
    assert all(re.search(r"\d \d{3},\d{2}", t) for t in dsk)
    unicredit = [s for s, t in zip(SEEDS, texts, strict=True) if "Операция" in t]
    assert unicredit
    for seed in unicredit:
        rows = splits.statement("bg_izvlechenie", seed).truth["transactions"]
        assert all(r.get("type") for r in rows)  # the Операция column is the row's type
        assert all(r["type"] not in r["description"] for r in rows)
    ubb = [t for t in texts if "Натрупани обороти" in t]
    assert ubb
    assert all(re.search(rf"ОТ \d{{2}} ({BG_MONTHS}) 20\d\d ДО", t) for t in ubb)
    assert all(re.search(r"-\d[\d,]*\.\d{2} BGN", t) for t in ubb)


def test_jordanian_dinars_have_three_decimals(page_texts: Texts) -> None:
    assert places("JOD") == 3
    assert places("EUR") == 2
    rows = _rows("jo_statement")
    spelled = [r[k] for r in rows for k in ("debit", "credit", "balance") if r[k] is not None]
    assert all(re.fullmatch(r"\d+\.\d{3}", value) for value in spelled)
    assert any(not value.endswith("0") for value in spelled)  # fils, not cents
    account = splits.statement("jo_statement", 0).truth["accounts"][0]
    assert re.fullmatch(r"\d+\.\d{3}", account["opening_balance"])
    texts = _texts("jo_statement", page_texts)
    assert all(ARABIC.search(t) and "JOD" in t and re.search(r"\d\.\d{3}\b", t) for t in texts)


def test_jordanian_variants(page_texts: Texts) -> None:
    texts = _texts("jo_statement", page_texts)
    arab = [t for t in texts if "Posting Date" in t]
    assert all("Opening Balance" in t and "Closing Balance" in t for t in arab)
    housing = [t for t in texts if "Reference" in t]
    assert all("Balance Brought Forward" in t for t in housing)
    reflect = [s for s, t in zip(SEEDS, texts, strict=True) if "Date & Time" in t]
    assert reflect
    for seed in reflect:
        rows = splits.statement("jo_statement", seed).truth["transactions"]
        assert rows[0]["date"] > rows[-1]["date"]  # the newest movement first
        assert all(r["balance"] is None for r in rows)
        assert re.search(r"\+\d[\d,]*\.\d{3} JOD", texts[seed])
    assert any("CliQ" in r["description"] for r in _rows("jo_statement"))
    assert any("eFAWATEERcom" in r["description"] for r in _rows("jo_statement"))
