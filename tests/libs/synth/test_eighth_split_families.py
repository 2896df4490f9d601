"""The eighth held-out split (Taiwan, Iceland, Côte d'Ivoire, Belgium, Cambodia, Slovenia, Oman),
tuned on since it was scored: registered as tuned families, rendered to PDFs whose text holds the
truth, and printing the conventions their modules claim (the local titles, calendars and
currencies, the variants each family draws, the charges and taxes banks post as rows of their
own).

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
from cypheredge.synth import build, generate
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts.taiwan import roc_date
from cypheredge.synth.model import Truth

NAMES = (
    "tw_statement",
    "is_yfirlit",
    "ci_releve",
    "be_extrait",
    "kh_statement",
    "si_izpisek",
    "om_statement",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
SEEDS = range(15)
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD/MM/YYYY",
    "DD-MM-YYYY",
    "DD.MM.YYYY",
    "DD.MM.YY",
    "YYYY/MM/DD",
    "DD MON YYYY",
    "MON DD, YYYY",
)
ICELANDIC = re.compile("[þðæÞÐÆ]")
SLOVENIAN = re.compile("[čšžČŠŽ]")
OGM = re.compile(r"\+\+\+(\d{3})/(\d{4})/(\d{3})(\d{2})\+\+\+")


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it (ROC years, NBO's upper-case months)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out.add(fmt_date(day, "DD-MON-YY").upper())
    out.add(roc_date(day))
    out.add(roc_date(day, "-"))
    return out


def _texts(layout: str, page_texts: Texts) -> list[str]:
    return splits.texts(layout, SEEDS, page_texts)


def _rows(layout: str) -> list[Truth]:
    return splits.rows(layout, SEEDS)


def _with(layout: str, marker: str, page_texts: Texts) -> list[int]:
    texts = _texts(layout, page_texts)
    return [s for s, text in zip(SEEDS, texts, strict=True) if marker in text]


def _share(base: Decimal, rate: str, unit: str = "0.01") -> Decimal:
    return (base * Decimal(rate)).quantize(Decimal(unit), ROUND_HALF_UP)


def _follows(layout: str, kind: str) -> list[tuple[Decimal, Decimal, str, str]]:
    """(the row's amount, the amount of the posting it follows, that posting's kind, the row's
    description) for each row of `kind` in each seed's ledger."""
    out = []
    for seed in SEEDS:
        txns = build(layout, seed).statement.accounts[0].txns
        out += [
            (abs(t.amount), abs(p.amount), p.kind, t.description)
            for p, t in itertools.pairwise(txns)
            if t.kind == kind
        ]
    return out


def _carried(layout: str, marker: str, line: str, page_texts: Texts) -> bool:
    """Whether some statement of the variant printing `marker` (seeds 0-39) prints `line`, the
    row a page break brings forward."""
    texts = splits.texts(layout, range(40), page_texts)
    return any(marker in text and line in text for text in texts)


def _figures(rows: list[Truth]) -> list[str]:
    return [r[k] for r in rows for k in ("debit", "credit", "balance") if r[k] is not None]


def test_the_former_split_is_tuned_now() -> None:
    splits.assert_tuned(NAMES)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_generation_is_deterministic(layout: str, seed: int) -> None:
    first, again = generate(layout, seed), generate(layout, seed)
    assert first.pdf == again.pdf
    assert first.truth == again.truth


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
        "tw_statement": ("Date (ROC)", "BEGINNING BALANCE", "Payout"),
        "is_yfirlit": ("Vaxtad.", "Dagsetning", "Kennitala"),
        "ci_releve": ("Date opé.", "Sens", "TOTAL DES MOUVEMENTS"),
        "be_extrait": ("Montant EUR", "Bedrag EUR", "Ancien solde / Vorig saldo"),
        "kh_statement": ("Total Money In", "Reference", "Trans. Date"),
        "si_izpisek": ("Koda", "Znesek", "Povzetek"),
        "om_statement": ("Value Date", "Statement Summary", "Withdrawals"),
    }[layout]
    for marker in markers:
        assert _with(layout, marker, page_texts), marker


def test_whole_currencies_print_no_decimals(page_texts: Texts) -> None:
    for layout in ("is_yfirlit", "ci_releve"):
        spelled = _figures(_rows(layout))
        assert all(v.endswith(".00") for v in spelled), layout
    for text in _texts("is_yfirlit", page_texts):
        assert not re.search(r"\d,\d{2}\b", text)
    post = _with("tw_statement", "Date (ROC)", page_texts)
    assert post
    for seed in post:
        rows = splits.statement("tw_statement", seed).truth["transactions"]
        assert all(v.endswith(".00") for v in _figures(rows))


def test_taiwanese_variants(page_texts: Texts) -> None:
    texts = _texts("tw_statement", page_texts)
    assert all("TWD" in t for t in texts)
    assert roc_date(date(2024, 5, 1)) == "113/05/01"
    assert roc_date(date(2023, 12, 31), "-") == "112-12-31"
    post = _with("tw_statement", "Date (ROC)", page_texts)
    esun = _with("tw_statement", "Payout", page_texts)
    for seed in (*post, *esun):
        rows = splits.statement("tw_statement", seed).truth["transactions"]
        sep = "/" if seed in post else "-"
        assert all(roc_date(date.fromisoformat(r["date"]), sep) in texts[seed] for r in rows)
    assert all(re.search(r"\b1\d\d/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\b", texts[s]) for s in post)
    cathay = [texts[s] for s in _with("tw_statement", "BEGINNING BALANCE", page_texts)]
    assert all(
        "Account Summary (TWD)" in t and re.search(r"\b20\d\d/\d{2}/\d{2}\b", t) for t in cathay
    )
    fees = _follows("tw_statement", "transfer_fee")
    assert fees
    assert all(fee == 15 and k == "transfer_out" for fee, _, k, _ in fees)
    assert all(text == "INTERBANK TRANSFER FEE" for *_, text in fees)


def test_icelandic_variants(page_texts: Texts) -> None:
    texts = _texts("is_yfirlit", page_texts)
    assert all("REIKNINGSYFIRLIT" in t and "ISK" in t and ICELANDIC.search(t) for t in texts)
    assert all(re.search(r"\d\.\d{3}\b", t) for t in texts)
    landsbanki = [texts[s] for s in _with("is_yfirlit", "Vaxtad.", page_texts)]
    assert all("Staða í lok tímabils" in t for t in landsbanki)
    islandsbanki = _with("is_yfirlit", "Kennitala", page_texts)
    assert islandsbanki
    for seed in islandsbanki:
        assert re.search(r"\b\d{6}-\d{4}\b", texts[seed])
        assert "Lokastaða" in texts[seed]
        rows = splits.statement("is_yfirlit", seed).truth["transactions"]
        assert rows[0]["date"] >= rows[-1]["date"]  # the newest movement first
        assert all(r["balance"] is None for r in rows)
    assert _carried("is_yfirlit", "Dagsetning", "Flutt af fyrri síðu", page_texts)


def test_ivorian_variants(page_texts: Texts) -> None:
    texts = _texts("ci_releve", page_texts)
    assert all("RELEVE DE COMPTE" in t and "XOF" in t for t in texts)
    sgbci = [texts[s] for s in _with("ci_releve", "Date opé.", page_texts)]
    assert all("SOLDE FINAL" in t and re.search(r"\d \d{3}\b", t) for t in sgbci)
    sib = _with("ci_releve", "TOTAL DES MOUVEMENTS", page_texts)
    assert sib
    for seed in sib:
        assert re.search(r"NOUVEAU SOLDE (CREDITEUR|DEBITEUR) AU \d{2}\.\d{2}\.20\d\d", texts[seed])
        assert re.search(r"\d\.\d{3}\b", texts[seed])
        rows = splits.statement("ci_releve", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    ecobank = [texts[s] for s in _with("ci_releve", "Sens", page_texts)]
    assert all(re.search(r"\bFT\d{9}\b", t) for t in ecobank)
    taf = _follows("ci_releve", "taf")
    assert taf
    assert all(k == "fee" and tax == _share(fee, "0.10", "1") for tax, fee, k, _ in taf)
    assert all(text == "TAF 10% SUR COMMISSIONS" for *_, text in taf)


def test_belgian_variants(page_texts: Texts) -> None:
    texts = _texts("be_extrait", page_texts)
    assert all("EUR" in t and re.search(r"\d\.\d{3},\d{2}", t) for t in texts)
    communications = [m for t in texts for m in OGM.finditer(t)]
    assert communications
    for found in communications:
        first, check = int("".join(found.groups()[:3])), int(found.group(4))
        assert check == (first % 97 or 97)
    fortis = _with("be_extrait", "Montant EUR", page_texts)
    assert fortis
    for seed in fortis:
        assert re.search(r"\bEXTRAIT DE COMPTE N° \d+\b", texts[seed])
        assert "Nouveau solde au" in texts[seed]
        assert re.search(r"\+\d[\d.]*,\d{2}", texts[seed])
        rows = splits.statement("be_extrait", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    kbc = _with("be_extrait", "Bedrag EUR", page_texts)
    assert kbc
    for seed in kbc:
        assert re.search(r"\d,\d{2}- ", texts[seed])
        assert "Nieuw saldo" in texts[seed]
        assert "Mededeling:" in texts[seed]
    assert _carried("be_extrait", "Bedrag EUR", "Overgedragen saldo", page_texts)


def test_cambodian_variants(page_texts: Texts) -> None:
    texts = _texts("kh_statement", page_texts)
    currencies = [splits.statement("kh_statement", s).truth["statement"]["currency"] for s in SEEDS]
    assert set(currencies) == {"USD", "KHR"}
    for seed, currency in zip(SEEDS, currencies, strict=True):
        assert currency in texts[seed]
        if currency == "KHR":
            rows = splits.statement("kh_statement", seed).truth["transactions"]
            figures = [Decimal(v) for v in _figures(rows)]
            assert all(v == v.to_integral_value() for v in figures)
            taxed = ("WITHHOLDING",)
            amounts = [
                Decimal(r["credit"] or r["debit"])
                for r in rows
                if not r["description"].startswith(taxed)
            ]
            assert all(v % 100 == 0 for v in amounts)
    aba = [texts[s] for s in _with("kh_statement", "Total Money In", page_texts)]
    assert all(re.search(r"Total Money Out - [\d,]+(\.\d{2})? (USD|KHR)", t) for t in aba)
    assert all(re.search(r"\b[A-Z][a-z]{2} \d{2}, 20\d\d\b", t) for t in aba)
    canadia = [texts[s] for s in _with("kh_statement", "Trans. Date", page_texts)]
    assert all(re.search(r"\d (Dr|Cr)\b", t) for t in canadia)
    tax = _follows("kh_statement", "wht")
    assert tax
    assert all(k == "interest" for *_, k, _ in tax)
    assert all(text == "WITHHOLDING TAX 4% ON INTEREST" for *_, text in tax)
    assert all(t in (_share(b, "0.04"), _share(b, "0.04", "1")) for t, b, _, _ in tax)


def test_slovenian_variants(page_texts: Texts) -> None:
    texts = _texts("si_izpisek", page_texts)
    assert all("IZPISEK PROMETA" in t and "EUR" in t and SLOVENIAN.search(t) for t in texts)
    assert all(re.search(r"\bSI56 \d{4} \d{4}", t) for t in texts)
    nlb = _with("si_izpisek", "Koda", page_texts)
    assert nlb
    for seed in nlb:
        assert re.search(r"\bSI12 \d{11}\b", texts[seed])
        assert "SI99" in texts[seed]
        assert re.search(r"\b(SALA|RENT|ELEC|COST)\b", texts[seed])
        assert "Končno stanje" in texts[seed]
        assert "Promet" in texts[seed]
        rows = splits.statement("si_izpisek", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    nkbm = _with("si_izpisek", "Znesek", page_texts)
    assert all(re.search(r"\bSI00 \d{4}-\d{6}\b", texts[s]) for s in nkbm)
    assert _carried("si_izpisek", "Znesek", "Prenos s prejšnje strani", page_texts)
    otp = [texts[s] for s in _with("si_izpisek", "Povzetek", page_texts)]
    assert all("Skupaj breme" in t and re.search(r"\b\d{2}\.\d{2}\.\d{2}\b", t) for t in otp)


def test_omani_variants(page_texts: Texts) -> None:
    texts = _texts("om_statement", page_texts)
    assert all("OMR" in t and re.search(r"\d\.\d{3}\b", t) for t in texts)
    spelled = _figures(_rows("om_statement"))
    assert all(re.fullmatch(r"-?\d+\.\d{3}", v) for v in spelled)
    assert any(not v.endswith("0") for v in spelled)  # baisa, not cents with a third zero
    nbo = [texts[s] for s in _with("om_statement", "Statement Summary", page_texts)]
    assert all(re.search(r"\d\.\d{3} CR\b", t) and "Total Debits (" in t for t in nbo)
    assert _carried("om_statement", "Withdrawals", "CARRIED FORWARD", page_texts)
    atm = [r for r in _rows("om_statement") if r["description"].startswith("ATM CASH")]
    assert atm
    assert all(Decimal(r["debit"]) % 10 == 0 for r in atm)
    vat = _follows("om_statement", "vat")
    assert vat
    assert all(k == "fee" and tax == _share(fee, "0.05", "0.001") for tax, fee, k, _ in vat)
    assert all(text == "VAT 5% ON CHARGES" for *_, text in vat)
