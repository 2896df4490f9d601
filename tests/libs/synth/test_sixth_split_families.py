"""The sixth held-out split (Romania, Croatia, Serbia, Estonia, Bangladesh, Ecuador, Uganda),
tuned on since it was scored: registered as tuned families, rendered to PDFs whose text carries
the truth, and printing the conventions their modules claim (the local titles and scripts, the
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
from cypheredge.synth import build, generate
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts.local_kit import es_date
from cypheredge.synth.model import Truth

NAMES = (
    "ro_extras",
    "hr_izvod",
    "rs_izvod",
    "ee_valjavote",
    "bd_statement",
    "ec_estado",
    "ug_statement",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
SEEDS = range(18)
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD.MM.",
    "DD/MM/YYYY",
    "DD-MM-YYYY",
    "DD.MM.YYYY",
    "DD MON YYYY",
    "YYYY-MM-DD",
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
ESTONIAN = re.compile("[õäöüÕÄÖÜ]")
CROATIAN = re.compile("[čćđšžČĆĐŠŽ]")
# lakh grouping: a group of two digits before the last three
LAKH = re.compile(r"\b\d{1,2},\d{2},\d{3}\.\d{2}\b")


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it (BRAC's months upper-cased)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out.add(fmt_date(day, "DD-MON-YY").upper())
    out.add(es_date(day, "DD-MON-YYYY"))
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


def _charges(layout: str, kind: str) -> list[tuple[Decimal, Decimal, str, str]]:
    """(charge, the amount of the posting it follows, that posting's kind, the charge's
    description) for each row of `kind` in each seed's ledger."""
    out = []
    for seed in SEEDS:
        txns = build(layout, seed).statement.accounts[0].txns
        out += [
            (-t.amount, abs(p.amount), p.kind, t.description)
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
        "ro_extras": ("RULAJ ZI", "Data valutei", "Referinţă"),
        "hr_izvod": ("Poziv na broj", "IZVOD BR.", "Opis transakcije"),
        "rs_izvod": ("Zaduženje", "Šifra", "Потражује"),
        "ee_valjavote": ("D/K", "KOKKU", "Arhiveerimistunnus"),
        "bd_statement": ("Withdrawal (Dr)", "Balance c/f", "Dr/Cr"),
        "ec_estado": ("OFICINA", "Débitos", "Detalle del movimiento"),
        "ug_statement": ("Transaction Date", "Particulars", "Amount (UGX)"),
    }[layout]
    for marker in markers:
        assert _with(layout, marker, page_texts), marker


def test_romanian_variants(page_texts: Texts) -> None:
    texts = _texts("ro_extras", page_texts)
    assert all("EXTRAS DE CONT" in t and "RON" in t for t in texts)
    bt = _with("ro_extras", "RULAJ ZI", page_texts)
    assert bt
    for seed in bt:
        text = texts[seed]
        assert all(w in text for w in ("SOLD ANTERIOR", "SOLD FINAL ZI", "RULAJ TOTAL CONT"))
        assert "SOLD FINAL CONT" in text
        assert re.search(r"\d,\d{3}\.\d{2}", text)
        rows = splits.statement("ro_extras", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)  # balances only on the day's last line
        days = {r["date"] for r in rows}
        assert text.count("RULAJ ZI") == len(days)
        assert any("REF." in r["description"] for r in rows)
    for marker in ("Data valutei", "Referinţă"):
        for seed in _with("ro_extras", marker, page_texts):
            assert "Sold final" in texts[seed]
            assert re.search(r"\d\.\d{3},\d{2}", texts[seed])
    assert any("Report pagina" in texts[s] for s in _with("ro_extras", "Data valutei", page_texts))


def test_croatian_variants(page_texts: Texts) -> None:
    texts = _texts("hr_izvod", page_texts)
    assert all(CROATIAN.search(t) and "EUR" in t for t in texts)
    assert all(re.search(r"\d{2}\.\d{2}\.20\d\d\. - ", t) for t in texts)  # the year's dot
    zaba = [texts[s] for s in _with("hr_izvod", "Poziv na broj", page_texts)]
    assert all("HR99" in t and re.search(r"HR\d\d \d{4}-\d{4}", t) for t in zaba)
    assert any("Prijenos" in t for t in zaba)
    pbz = _with("hr_izvod", "IZVOD BR.", page_texts)
    assert pbz
    for seed in pbz:
        assert "Promet" in texts[seed]
        assert "Novo stanje" in texts[seed]
        rows = splits.statement("hr_izvod", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    erste = [texts[s] for s in _with("hr_izvod", "Opis transakcije", page_texts)]
    assert all(
        re.search(r"-\d{1,3}(\.\d{3})*,\d{2}", t) and re.search(r"HR\d{19}", t) for t in erste
    )


def test_serbian_variants(page_texts: Texts) -> None:
    texts = _texts("rs_izvod", page_texts)
    assert all("RSD" in t and re.search(r"\d\.\d{3},\d{2}", t) for t in texts)
    intesa = [texts[s] for s in _with("rs_izvod", "Zaduženje", page_texts)]
    assert all("Prethodno stanje" in t and "Novo stanje" in t for t in intesa)
    unicredit = _with("rs_izvod", "Šifra", page_texts)
    assert unicredit
    for seed in unicredit:
        assert re.search(r"\b(221|240|289|290)\b", texts[seed])
        assert re.search(r"\b97 \d{2}-\d{8}\b", texts[seed])
        rows = splits.statement("rs_izvod", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    raiffeisen = [texts[s] for s in _with("rs_izvod", "Потражује", page_texts)]
    assert raiffeisen
    assert all("ИЗВОД" in t and "Ново стање" in t for t in raiffeisen)
    cyrillic = [r for s in _with("rs_izvod", "Потражује", page_texts) for r in _seed_rows(s)]
    assert all(CYRILLIC.search(r["description"]) for r in cyrillic)


def _seed_rows(seed: int) -> list[Truth]:
    return list(splits.statement("rs_izvod", seed).truth["transactions"])


def test_estonian_variants(page_texts: Texts) -> None:
    texts = _texts("ee_valjavote", page_texts)
    assert all(ESTONIAN.search(t) and "KONTOVÄLJAVÕTE" in t and "EUR" in t for t in texts)
    swedbank = _with("ee_valjavote", "D/K", page_texts)
    assert swedbank
    for seed in swedbank:
        assert "Algsaldo" in texts[seed]
        assert "Lõppsaldo" in texts[seed]
        assert re.search(r"\d,\d{2} [DK]\b", texts[seed])
        rows = splits.statement("ee_valjavote", seed).truth["transactions"]
        assert all(r["balance"] is None for r in rows)
    seb = [texts[s] for s in _with("ee_valjavote", "KOKKU", page_texts)]
    assert all("Saldo" in t and "Deebet" in t and "Kreedit" in t for t in seb)
    lhv = [texts[s] for s in _with("ee_valjavote", "Arhiveerimistunnus", page_texts)]
    assert all(re.search(r"-\d{4,}\.\d{2}\b", t) and re.search(r"\bEE\d{18}\b", t) for t in lhv)
    assert all(not re.search(r"\d \d{3}[.,]\d{2}", t.split("Kuupäev", 1)[1]) for t in lhv)


def test_bangladeshi_variants(page_texts: Texts) -> None:
    texts = _texts("bd_statement", page_texts)
    assert all("BDT" in t and LAKH.search(t) for t in texts)
    dbbl = [texts[s] for s in _with("bd_statement", "Withdrawal (Dr)", page_texts)]
    assert all("Balance Forward" in t and "Deposit (Cr)" in t for t in dbbl)
    brac = [texts[s] for s in _with("bd_statement", "Ref No", page_texts)]
    assert brac
    assert all(re.search(r"\b\d{2}-[A-Z]{3}-\d{2}\b", t) for t in brac)
    assert any("Balance c/f" in t and "Balance b/f" in t for t in brac)
    ibbl = [texts[s] for s in _with("bd_statement", "Dr/Cr", page_texts)]
    assert all(re.search(r"\d\.\d{2} (Cr|Dr)\b", t) and "Mudaraba Savings" in t for t in ibbl)
    vat = _charges("bd_statement", "vat")
    assert vat
    assert all(kind == "fee" and tax == _share(fee, "0.15") for tax, fee, kind, _ in vat)
    assert all("VAT" in text for *_, text in vat)
    tax = _charges("bd_statement", "tax")
    assert tax
    assert all(kind == "interest" and t == _share(base, "0.10") for t, base, kind, _ in tax)


def test_ecuadorian_variants(page_texts: Texts) -> None:
    texts = _texts("ec_estado", page_texts)
    assert all("USD" in t and "ESTADO DE CUENTA" in t and "IVA 15%" in t for t in texts)
    pichincha = [texts[s] for s in _with("ec_estado", "OFICINA", page_texts)]
    assert all(
        "SALDO ANTERIOR" in t and re.search(r"\b\d{1,3},\d{3}\.\d{2}\b", t) for t in pichincha
    )
    assert all(re.search(r" [CD] \d{8} ", t) for t in pichincha)  # TIPO, then DOCUMENTO
    guayaquil = [texts[s] for s in _with("ec_estado", "Débitos", page_texts)]
    assert all("Saldo anterior" in t and re.search(r"\d\.\d{3},\d{2}", t) for t in guayaquil)
    produbanco = [texts[s] for s in _with("ec_estado", "Detalle del movimiento", page_texts)]
    assert produbanco
    assert all(
        re.search(r"-\$\d", t)
        and re.search(r"\b\d{2}-(ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC)-20\d\d\b", t)
        for t in produbanco
    )
    iva = _charges("ec_estado", "vat")
    assert iva
    assert all(kind == "fee" and tax == _share(fee, "0.15") for tax, fee, kind, _ in iva)


def test_ugandan_shillings_are_whole(page_texts: Texts) -> None:
    rows = _rows("ug_statement")
    spelled = [r[k] for r in rows for k in ("debit", "credit", "balance") if r[k] is not None]
    assert all(value.endswith(".00") for value in spelled)
    centenary = [texts for texts in _texts("ug_statement", page_texts) if "Particulars" in texts]
    assert centenary
    assert all(re.search(r"\b\d{1,3}(,\d{3})+\b(?![.,]\d)", t) for t in centenary)


def test_ugandan_variants(page_texts: Texts) -> None:
    texts = _texts("ug_statement", page_texts)
    assert all("UGX" in t and "EXCISE DUTY 15%" in t for t in texts)
    stanbic = [texts[s] for s in _with("ug_statement", "Transaction Date", page_texts)]
    assert all(re.search(r"\d\.\d{2} (CR|DR)\b", t) and "Value Date" in t for t in stanbic)
    centenary = [texts[s] for s in _with("ug_statement", "Particulars", page_texts)]
    assert all("B/F" in t for t in centenary)
    assert any("C/F" in t for t in centenary)
    dfcu = [texts[s] for s in _with("ug_statement", "Amount (UGX)", page_texts)]
    assert all(re.search(r"\(\d{1,3}(,\d{3})*\.00\)", t) and "Account Summary" in t for t in dfcu)
    excise = _charges("ug_statement", "excise")
    assert excise
    assert all(k == "fee" and t == _share(fee, "0.15", "1") for t, fee, k, _ in excise)
    wht = _charges("ug_statement", "wht")
    assert wht
    assert all(k == "interest" and t == _share(base, "0.15", "1") for t, base, k, _ in wht)
