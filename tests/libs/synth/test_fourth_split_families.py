"""The fourth held-out split (Egypt, Greece, Ghana, Ukraine, Kazakhstan, Peru, Portugal), tuned on
since it was scored: registered as tuned families, rendered to PDFs whose text carries the truth,
and printing the conventions their modules claim (the local script of the titles, the variants
each family draws).

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
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts.local_kit import es_date
from cypheredge.synth.model import Truth

NAMES = (
    "eg_statement",
    "gr_kinisi",
    "gh_statement",
    "ua_vypyska",
    "kz_vypiska",
    "pe_estado",
    "pt_extrato",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
SEEDS = range(18)
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD-MONTH-YYYY",
    "DD/MM/YYYY",
    "DD.MM.YYYY",
    "DD.MM.YY",
    "DD-MM-YYYY",
    "DD-MON-YYYY",
)
GREEK = re.compile("[\u0370-\u03ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
ARABIC = re.compile("[\u0600-\u06ff\ufe70-\ufeff]")


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it: GCB's upper-case DD-MON-YY, BCP's
    day and Spanish month (02ENE), Eurobank's d/m/yyyy without padding."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out.add(fmt_date(day, "DD-MON-YY").upper())
    out.add(es_date(day, "DDMON"))
    out.add(f"{day.day}/{day.month}/{day.year}")
    return out


def _texts(layout: str, page_texts: Texts) -> list[str]:
    return splits.texts(layout, SEEDS, page_texts)


def _rows(layout: str) -> list[Truth]:
    return splits.rows(layout, SEEDS)


def _newest_first(layout: str) -> list[int]:
    return [
        s
        for s in SEEDS
        if (rows := splits.statement(layout, s).truth["transactions"])
        and rows[0]["date"] > rows[-1]["date"]
    ]


def _share(base: Decimal, rate: str) -> Decimal:
    return (base * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _levies(layout: str) -> list[tuple[Decimal, Decimal]]:
    """(levy, the amount it follows) for each levy row of each seed's ledger."""
    out = []
    for seed in SEEDS:
        txns = build(layout, seed).statement.accounts[0].txns
        out += [(-t.amount, abs(p.amount)) for p, t in itertools.pairwise(txns) if t.kind == "levy"]
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


def test_egyptian_variants(page_texts: Texts) -> None:
    texts = _texts("eg_statement", page_texts)
    assert all(ARABIC.search(t) for t in texts)  # the Arabic title beside the English one
    assert all("EGP" in t or "EGYPTIAN POUND" in t for t in texts)
    nbe = [t for t in texts if "Reference No" in t]
    assert nbe
    assert all("Account Statement as of" in t and "GMT +0200" in t for t in nbe)
    months = "January|February|March|April|May|June|July|August|September|October|November"
    assert all(re.search(rf"\d{{2}}-({months}|December)-20\d\d", t) for t in nbe)
    assert any("TxnRefNo" in t and re.search(r"Balance \S+ Credit", t) for t in texts)
    assert any("EGYPTIAN POUND" in t and "Balance Carried Forward" in t for t in texts)
    assert len(_newest_first("eg_statement")) >= 2  # NBE lists the newest row first
    assert any("InstaPay" in r["description"] for r in _rows("eg_statement"))


def test_greek_variants(page_texts: Texts) -> None:
    texts = _texts("gr_kinisi", page_texts)
    assert all(GREEK.search(t) and re.search(r"\d\.\d{3},\d{2}", t) for t in texts)
    piraeus = [t for t in texts if "Προοδευτικό Λογιστικό Υπόλοιπο" in t]
    assert piraeus
    assert all("Επιλεγμένη Περίοδος:" in t and "Ημερομηνία Ενημέρωσης:" in t for t in piraeus)
    alpha = [t for t in texts if "Πρόσημο ποσού" in t]
    assert alpha
    assert all(re.search(r"\d,\d{2} Χ\b", t) and re.search(r"\d,\d{2} Π\b", t) for t in alpha)
    eurobank = [t for t in texts if "ΗΜ/ΝΙΑ ΚΙΝΗΣΗΣ" in t]
    assert eurobank
    assert all("ΥΠΟΛΟΙΠΟ ΑΠΟ ΜΕΤΑΦΟΡΑ" in t and "ΔΙΚΑΙΟΥΧΟΣ:" in t for t in eurobank)
    assert any("ΣΕ ΜΕΤΑΦΟΡΑ" in t for t in eurobank)  # a page break carries the balance
    assert _newest_first("gr_kinisi")  # winbank lists the newest movement first
    assert any(r["balance"] is None for r in _rows("gr_kinisi"))  # Alpha prints none


def test_ghanaian_variants(page_texts: Texts) -> None:
    texts = _texts("gh_statement", page_texts)
    assert all("GHS" in t for t in texts)
    assert any("Narration" in t and "BALANCE B/F" in t for t in texts)
    assert any(re.search(r"\d{2}-[A-Z]{3}-\d{2} ", t) for t in texts)
    assert any("Account Summary" in t and "GH₵" in t and "Reference" in t for t in texts)
    assert any("Money Out" in t and "Money In" in t for t in texts)
    rows = _rows("gh_statement")
    assert any(r["description"].startswith("MOMO ") for r in rows)
    levies = _levies("gh_statement")
    assert levies
    assert all(levy == _share(base, "0.01") for levy, base in levies)
    assert all(base > 100 for _, base in levies)


def test_ukrainian_variants(page_texts: Texts) -> None:
    texts = _texts("ua_vypyska", page_texts)
    assert all(CYRILLIC.search(t) and re.search("[іїєґ]", t) for t in texts)
    assert all(re.search(r"\d \d{3},\d{2}", t) for t in texts)
    privat = [t for t in texts if "Призначення платежу" in t and "Номер документа" in t]
    assert privat
    assert all("Вхідний залишок" in t and "Вихідний залишок" in t for t in privat)
    assert any("Рахунок: UA" in t for t in privat)
    assert any("Еквівалент за курсом НБУ" in t and "Залишок після операції" in t for t in texts)
    assert any("Дата опер." in t and "Дебет" in t and "Кредит" in t for t in texts)
    assert any(re.search(r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}:\d{2}", t) for t in texts)
    accounts = [splits.statement("ua_vypyska", s).truth["accounts"][0] for s in SEEDS]
    dollars = [t for t, acc in zip(texts, accounts, strict=True) if acc["currency"] == "USD"]
    assert dollars
    assert all("Сума екв. грн." in t for t in dollars)  # a dollar account's UAH equivalent


def test_kazakh_variants(page_texts: Texts) -> None:
    texts = _texts("kz_vypiska", page_texts)
    assert all(CYRILLIC.search(t) and re.search("[әғқңөұүһі]", t) for t in texts)
    kaspi = [t for t in texts if "Краткое содержание операций" in t]
    assert kaspi
    assert all(re.search(r"[-+] \d{1,3}( \d{3})*,\d{2} ₸", t) for t in kaspi)
    assert all(re.search(r"\d{2}\.\d{2}\.\d{2} ", t) for t in kaspi)
    assert any("Приход в валюте счета" in t and "Расход в валюте счета" in t for t in texts)
    assert any("ИИН/БИН" in t and "Детали платежа" in t for t in texts)
    assert _newest_first("kz_vypiska")  # Kaspi lists the newest operation first
    assert all(r["balance"] is None for r in _rows("kz_vypiska"))


def test_peruvian_variants(page_texts: Texts) -> None:
    texts = _texts("pe_estado", page_texts)
    assert all(re.search(r"\d\.\d{2}\b", t) and "ESTADO DE" in t for t in texts)
    bcp = [t for t in texts if "N° OPE" in t]
    assert bcp
    assert all(re.search(r"\d\.\d{2}- ", t) and "MED" in t for t in bcp)  # trailing minus
    months = "ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC"
    assert all(re.search(rf"\b\d{{2}}({months})\b", t) for t in bcp)
    assert any("CARGOS / DEBE" in t and "SALDO FINAL" in t for t in texts)
    assert any("Canal" in t and "S/ " in t for t in texts)
    currencies = {splits.statement("pe_estado", s).truth["accounts"][0]["currency"] for s in SEEDS}
    assert currencies == {"PEN", "USD"}
    levies = _levies("pe_estado")
    assert levies
    assert all(levy == _share(base, "0.00005") for levy, base in levies)


def test_portuguese_variants(page_texts: Texts) -> None:
    texts = _texts("pt_extrato", page_texts)
    assert all("EUR" in t and re.search(r"\d\.\d{3},\d{2}", t) and "PT50" in t for t in texts)
    assert any("SALDO ANTERIOR" in t and "SALDO ATUAL" in t and "NIB" in t for t in texts)
    assert any("Montante" in t and "TRF CR SEPA+" in t for t in texts)
    assert any("Saldo contabilístico" in t and "Descritivo" in t for t in texts)
    months = "JAN|FEV|MAR|ABR|MAI|JUN|JUL|AGO|SET|OUT|NOV|DEZ"
    rows = _rows("pt_extrato")
    assert any(re.search(rf"IMPOSTO DE SELO ({months}) 20\d\d", r["description"]) for r in rows)
    levies = _levies("pt_extrato")
    assert levies
    assert all(levy == _share(base, "0.04") for levy, base in levies)
