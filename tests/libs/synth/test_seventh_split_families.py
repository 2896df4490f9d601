"""The seventh held-out split (Slovakia, Kuwait, Tunisia, Nepal, Uruguay, Mongolia, Ethiopia),
tuned on since it was scored: registered as tuned families, rendered to PDFs whose text holds the
truth, and printing the conventions their modules claim (the local titles and scripts, the
variants each family draws, the charges and refunds banks post as rows of their own).

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
from cypheredge.synth.layouts.local_kit import es_date
from cypheredge.synth.layouts.nepal import bs_date
from cypheredge.synth.model import Truth

NAMES = (
    "sk_vypis",
    "kw_statement",
    "tn_releve",
    "np_statement",
    "uy_estado",
    "mn_statement",
    "et_statement",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
SEEDS = range(15)
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD MM",
    "DD.MM.",
    "DD/MM/YY",
    "DD/MM/YYYY",
    "DD-MM-YY",
    "DD-MM-YYYY",
    "DD.MM.YYYY",
    "DD MON YYYY",
    "DD-MON-YYYY",
    "YYYY-MM-DD",
    "YYYY/MM/DD",
    "YYYY.MM.DD",
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
SLOVAK = re.compile("[áäčďéíĺľňóôŕšťúýž]")
THREE = re.compile(r"\d[.,]\d{3}\b")


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it (Awash's months upper-cased)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out.add(fmt_date(day, "DD-MON-YY").upper())
    out.add(es_date(day, "DD MON"))
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
        "sk_vypis": ("Dátum valuty", "Debet", "Prenos"),
        "kw_statement": ("Posting Date", "Details", "Withdrawals"),
        "tn_releve": ("DATE VALEUR", "Date opération", "Mouvements Débit"),
        "np_statement": ("Date (BS)", "Cheque/Ref No", "Dr/Cr"),
        "uy_estado": ("Documento", "REFERENCIA", "Importe"),
        "mn_statement": ("Салбар", "Орлого", "Amount"),
        "et_statement": ("Particulars", "Narrative", "Transaction ID"),
    }[layout]
    for marker in markers:
        assert _with(layout, marker, page_texts), marker


def test_slovak_variants(page_texts: Texts) -> None:
    texts = _texts("sk_vypis", page_texts)
    assert all("VÝPIS Z ÚČTU" in t and SLOVAK.search(t) and "EUR" in t for t in texts)
    assert all(re.search(r"\d \d{3},\d{2}", t) for t in texts)
    assert any(re.search(r"\bVS \d+", t) for t in texts)
    slsp = _with("sk_vypis", "Debet", page_texts)
    assert slsp
    for seed in slsp:
        assert "Obraty" in texts[seed]
        rows = splits.statement("sk_vypis", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    csob = [texts[s] for s in _with("sk_vypis", "Prenos", page_texts)]
    assert all(re.search(r"-\d[\d ]*,\d{2} EUR", t) for t in csob)


def test_dinars_have_three_decimals(page_texts: Texts) -> None:
    for layout, currency in (("kw_statement", "KWD"), ("tn_releve", "TND")):
        rows = _rows(layout)
        spelled = [r[k] for r in rows for k in ("debit", "credit", "balance") if r[k] is not None]
        assert all(re.fullmatch(r"-?\d+\.\d{3}", v) for v in spelled)
        assert any(not v.endswith("0") for v in spelled)  # not cents written with a third zero
        assert all(currency in t and THREE.search(t) for t in _texts(layout, page_texts))


def test_kuwaiti_variants(page_texts: Texts) -> None:
    texts = _texts("kw_statement", page_texts)
    assert all(re.search(r"\bKW\d{2}[A-Z]{4}\d{22}\b", t) for t in texts)
    kfh = _with("kw_statement", "Details", page_texts)
    kfh = [s for s in kfh if "Withdrawals" not in texts[s]]
    assert kfh
    for seed in kfh:
        assert re.search(r"\d\.\d{3} (Dr|Cr)\b", texts[seed])
        rows = splits.statement("kw_statement", seed).truth["transactions"]
        assert rows[0]["date"] >= rows[-1]["date"]  # the newest movement first
    gulf = [texts[s] for s in _with("kw_statement", "Withdrawals", page_texts)]
    assert all("Account Summary (KWD)" in t for t in gulf)
    atm = [r for r in _rows("kw_statement") if r["description"].startswith("ATM WITHDRAWAL")]
    assert atm
    assert all(Decimal(r["debit"]) % 5 == 0 for r in atm)


def test_tunisian_variants(page_texts: Texts) -> None:
    texts = _texts("tn_releve", page_texts)
    assert all("RELEVE DE COMPTE" in t and TVA_TEXT in t for t in texts)
    biat = _with("tn_releve", "DATE VALEUR", page_texts)
    assert biat
    for seed in biat:
        assert re.search(
            r"SOLDE AU \d{2} \d{2} 20\d\d [\d.]+,\d{3} (CREDITEUR|DEBITEUR)", texts[seed]
        )
        assert re.search(r"\b\d{1,3}(\.\d{3})*,\d{3}\b", texts[seed])
        rows = splits.statement("tn_releve", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    attijari = [texts[s] for s in _with("tn_releve", "Date opération", page_texts)]
    assert all("SOLDE FINAL" in t and re.search(r"\d \d{3},\d{3}\b", t) for t in attijari)
    stb = [texts[s] for s in _with("tn_releve", "Mouvements Débit", page_texts)]
    assert all("NOUVEAU SOLDE" in t for t in stb)
    carried = splits.texts("tn_releve", (15, 20), page_texts)  # STB prints over two pages
    assert all("Mouvements Débit" in t and "A REPORTER" in t and "REPORT" in t for t in carried)
    tva = _follows("tn_releve", "vat")
    assert tva
    assert all(k == "fee" and tax == _share(fee, "0.19", "0.001") for tax, fee, k, _ in tva)


TVA_TEXT = "TVA 19% SUR COMMISSIONS"


def test_nepali_variants(page_texts: Texts) -> None:
    texts = _texts("np_statement", page_texts)
    assert all("NPR" in t and "Period (BS)" in t for t in texts)
    assert bs_date(date(2024, 1, 15)) == "2080-10-01"  # 1 Magh 2080, Maghe Sankranti
    assert bs_date(date(2023, 4, 14)) == "2080-01-01"
    nabil = _with("np_statement", "Date (BS)", page_texts)
    assert nabil
    for seed in nabil:
        rows = splits.statement("np_statement", seed).truth["transactions"]
        assert all(bs_date(date.fromisoformat(r["date"])) in texts[seed] for r in rows)
    assert any(re.search(r"\b\d{1,2},\d{2},\d{3}\.\d{2}\b", texts[s]) for s in nabil)  # lakhs
    nic = [texts[s] for s in _with("np_statement", "Cheque/Ref No", page_texts)]
    assert all("Balance B/F" in t for t in nic)
    gime = [texts[s] for s in _with("np_statement", "Dr/Cr", page_texts)]
    assert all("Account Summary (NPR)" in t for t in gime)
    tds = _follows("np_statement", "tds")
    assert tds
    assert all(k == "interest" and tax == _share(base, "0.06") for tax, base, k, _ in tds)


def test_uruguayan_variants(page_texts: Texts) -> None:
    texts = _texts("uy_estado", page_texts)
    assert all("ESTADO DE CUENTA" in t and "UYU" in t for t in texts)
    assert all(re.search(r"\d\.\d{3},\d{2}", t) for t in texts)
    brou = [texts[s] for s in _with("uy_estado", "Documento", page_texts)]
    assert all("SALDO ANTERIOR" in t and "SALDO FINAL" in t for t in brou)
    itau = [texts[s] for s in _with("uy_estado", "REFERENCIA", page_texts)]
    months = "ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC"
    assert all(re.search(rf"\b\d{{2}} ({months})\b", t) for t in itau)
    santander = _with("uy_estado", "Importe", page_texts)
    assert santander
    for seed in santander:
        assert re.search(r"\d,\d{2}-", texts[seed])
        rows = splits.statement("uy_estado", seed).truth["transactions"]
        assert rows[0]["date"] >= rows[-1]["date"]
    refunds = _follows("uy_estado", "vat_refund")
    assert refunds
    assert all(k in ("card", "grocery") and r == _share(b, "0.02") for r, b, k, _ in refunds)
    assert all(text == "REDUCCION IVA LEY 19210" for *_, text in refunds)


def test_mongolian_variants(page_texts: Texts) -> None:
    texts = _texts("mn_statement", page_texts)
    assert all("MNT" in t and CYRILLIC.search(t) for t in texts)
    rows = _rows("mn_statement")
    assert all(CYRILLIC.search(r["description"]) for r in rows)
    spelled = [r[k] for r in rows for k in ("debit", "credit", "balance") if r[k] is not None]
    assert all(v.endswith(".00") for v in spelled)  # whole tögrög
    khan = _with("mn_statement", "Салбар", page_texts)
    assert khan
    for seed in khan:
        assert re.search(r"\b20\d\d/\d{2}/\d{2} \d{2}:\d{2}\b", texts[seed])
        assert "Эхний" in texts[seed]
        assert "Эцсийн" in texts[seed]
    golomt = [texts[s] for s in _with("mn_statement", "Орлого", page_texts)]
    assert all("Нийт гүйлгээ" in t and re.search(r"\b20\d\d\.\d{2}\.\d{2}\b", t) for t in golomt)
    tdb = [texts[s] for s in _with("mn_statement", "ACCOUNT STATEMENT", page_texts)]
    assert all("Үлдэгдэл" in t and re.search(r"-\d{1,3}(,\d{3})*\.00", t) for t in tdb)


def test_ethiopian_variants(page_texts: Texts) -> None:
    texts = _texts("et_statement", page_texts)
    assert all("ETB" in t and "CUSTOMER ACCOUNT STATEMENT" in t for t in texts)
    cbe = [texts[s] for s in _with("et_statement", "Particulars", page_texts)]
    assert all("Balance B/F" in t and re.search(r"\bFT\d{5}[A-Z]{5}\b", t) for t in cbe)
    awash = [texts[s] for s in _with("et_statement", "Narrative", page_texts)]
    assert all(re.search(r"\b\d{2}-[A-Z]{3}-\d{2}\b", t) for t in awash)
    dashen = _with("et_statement", "Transaction ID", page_texts)
    assert dashen
    for seed in dashen:
        assert re.search(r"[+-]\d{1,3}(,\d{3})*\.\d{2} ETB", texts[seed])
        rows = splits.statement("et_statement", seed).truth["transactions"]
        assert rows[0]["date"] >= rows[-1]["date"]
    vat = _follows("et_statement", "vat")
    assert vat
    assert all(k == "fee" and tax == _share(fee, "0.15") for tax, fee, k, _ in vat)
