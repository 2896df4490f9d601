"""The third held-out split (Thailand, Pakistan, Saudi Arabia, Hong Kong, Czechia, Hungary,
Colombia), tuned on since it was scored: registered as tuned families, rendered to PDFs whose text
carries the truth, and printing the conventions their modules claim.

These tests check the generator only (registry, PDF, text layer, truth consistency); they never
run the extractor.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from cetest import splits
from cypheredge.synth import build
from cypheredge.synth.formats import fmt_date
from cypheredge.synth.layouts.local_kit import ES_MONTHS
from cypheredge.synth.layouts.saudi import hijri
from cypheredge.synth.model import Truth

NAMES = (
    "th_baht",
    "pk_statement",
    "sa_kashf",
    "hk_statement",
    "cz_vypis",
    "hu_kivonat",
    "co_extracto",
)
CASES = [(name, seed) for name in NAMES for seed in range(3)]
Texts = Callable[..., list[str]]
# Every way these families print a row's date.
DATES = (
    "DD-MM-YY",
    "DD/MM/YY",
    "DD-MM-YYYY",
    "DD MON YYYY",
    "DD/MM/YYYY",
    "DD MON",
    "DD.MM.",
    "DD.MM.YYYY",
    "YY.MM.DD",
    "YYYY.MM.DD",
    "D/MM",
)


def _printed_dates(day: date) -> set[str]:
    """The row's date as any of these families prints it: upper-cased months (BOCHK), the
    Buddhist era (Bangkok Bank), Spanish month abbreviations (the Colombian cooperative)."""
    out = {fmt_date(day, pattern) for pattern in DATES}
    out |= {text.upper() for text in out}
    out.add(f"{fmt_date(day, 'DD/MM')}/{(day.year + 543) % 100:02d}")
    out.add(f"{day.day:02d}-{ES_MONTHS[day.month - 1]}-{day.year % 100:02d}")
    return out


def _accounts(truth: Truth) -> list[list[Truth]]:
    count = len(truth["accounts"])
    return [[r for r in truth["transactions"] if r["account"] == i] for i in range(count)]


def test_the_former_split_is_tuned_now() -> None:
    splits.assert_tuned(NAMES)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_pdfplumber_and_pdfium_read_the_text(layout: str, seed: int, page_texts: Texts) -> None:
    splits.assert_text_read(layout, seed, page_texts)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_every_row_is_printed_with_its_date_amount_and_balance(
    layout: str, seed: int, page_texts: Texts
) -> None:
    statement = splits.statement(layout, seed)
    pages = page_texts(statement.pdf)
    for row in statement.truth["transactions"]:
        text = pages[row["page"] - 1]
        missing = [w for w in row["description"].split() if w not in text]
        assert not missing, (row, missing)
        # HSBC prints a date on the day's first row only, which may sit on an earlier page
        before = "".join(pages[: row["page"]])
        assert any(d in before for d in _printed_dates(date.fromisoformat(row["date"]))), row
        for key in ("debit", "credit", "balance"):
            if row[key] is not None:
                printed = statement.numbers.magnitude(Decimal(row[key]))
                assert printed in text, (key, printed, row)


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_truth_reconciles(layout: str, seed: int) -> None:
    truth = splits.statement(layout, seed).truth
    for account, rows in zip(truth["accounts"], _accounts(truth), strict=True):
        credits = sum(splits.dec(r["credit"]) for r in rows)
        debits = sum(splits.dec(r["debit"]) for r in rows)
        opening, closing = Decimal(account["opening_balance"]), Decimal(account["closing_balance"])
        assert rows
        assert opening + credits - debits == closing
    assert truth["statement"]["closing_balance"] == truth["accounts"][0]["closing_balance"]


@pytest.mark.parametrize(("layout", "seed"), CASES)
def test_printed_balances_follow_the_chain(layout: str, seed: int) -> None:
    built = build(layout, seed)
    truth = built.truth()
    for index, rows in enumerate(_accounts(truth)):
        if rows[0]["date"] > rows[-1]["date"]:
            rows = rows[::-1]  # printed newest first: the chain runs from the bottom
        running = Decimal(truth["accounts"][index]["opening_balance"])
        ledger = built.statement.accounts[index].txns
        assert len(rows) == len(ledger)
        for row, txn in zip(rows, ledger, strict=True):
            running += splits.dec(row["credit"]) - splits.dec(row["debit"])
            assert running == txn.balance
            assert row["date"] == txn.day.isoformat()
            if row["balance"] is not None:
                assert Decimal(row["balance"]) == running, row


@pytest.mark.parametrize("layout", NAMES)
def test_each_family_has_multi_page_statements(layout: str) -> None:
    pages = [
        max(r["page"] for r in splits.statement(layout, s).truth["transactions"]) for s in range(10)
    ]
    assert max(pages) >= 2
    assert min(pages) >= 1


SEEDS = range(24)


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


def _levies(layout: str, text: str) -> list[tuple[Decimal, Decimal]]:
    """(levy, the amount it follows) for each levy row of each seed's ledger."""
    out = []
    for seed in SEEDS:
        txns = build(layout, seed).statement.accounts[0].txns
        out += [(-t.amount, abs(p.amount)) for p, t in itertools.pairwise(txns) if t.kind == "levy"]
        assert all(t.description == text for t in txns if t.kind == "levy")
    return out


def test_thai_variants(page_texts: Texts) -> None:
    texts = _texts("th_baht", page_texts)
    kbank = [t for t in texts if "Descriptions" in t]
    assert kbank
    assert all("Beginning Balance" in t and "Total Withdrawal" in t for t in kbank)
    assert all(re.search(r"\d{2}-\d{2}-\d{2} \d{2}:\d{2}", t) for t in kbank)
    assert any("Transfer Withdrawal" in t and "Transfer Deposit" in t for t in kbank)
    bbl = [t for t in texts if " Via " in t]
    assert bbl
    assert all("B/F" in t and "Chq.No." in t and "TRF" in t for t in bbl)
    assert any(re.search(r"Statement Period \d{2}/\d{2}/25[67]\d", t) for t in bbl)  # BE years
    scb = [t for t in texts if "BALANCE BROUGHT FORWARD" in t]
    assert scb
    assert all(" X1 " in t and " X2 " in t for t in scb)


def test_pakistani_variants(page_texts: Texts) -> None:
    texts = _texts("pk_statement", page_texts)
    assert any("Transaction Date" in t and "Value Date" in t for t in texts)
    assert any(re.search(r"\d,\d{3}\.\d{2}(Dr|Cr)\b", t) and "Reference Number" in t for t in texts)
    assert any("+ PKR" in t and "- PKR" in t and "Available Balance" in t for t in texts)
    assert all(re.search(r"\d{2}-\d{2}-\d{4}|\d{2} [A-Z][a-z]{2} \d{4}", t) for t in texts)
    rows = _rows("pk_statement")
    assert any(re.search(r"Debit Card/POS .* \d+\.\d{2} ", r["description"]) for r in rows)
    assert len(_newest_first("pk_statement")) >= 3  # HBL and MCB list the newest row first


def test_saudi_variants(page_texts: Texts) -> None:
    texts = _texts("sa_kashf", page_texts)
    assert all(re.search("[\u0600-\u06ff]", t) for t in texts)  # Arabic labels read back
    snb = [t for t in texts if "Date (Hijri)" in t]
    assert snb
    assert all(re.search(r"\b14[45]\d/\d{2}/\d{2}\b", t) for t in snb)
    assert all("= Total Credits - Total Debits + Starting Balance" in t for t in snb)
    assert all("Date From[" in t for t in snb)
    assert any(" SD " in t and " EF " in t and "Account Type & Currency" in t for t in texts)
    assert any(re.search(r"Balance \S+ Amount \S+ Details \S+ Date", t) for t in texts)  # RTL
    assert _newest_first("sa_kashf")
    levies = _levies("sa_kashf", "VAT 15%|On bank charges")
    assert levies
    assert all(vat == (fee * Decimal("0.15")).quantize(Decimal("0.01")) for vat, fee in levies)


def test_hijri_dates_follow_the_arithmetic_calendar() -> None:
    # 1 Ramadan 1445 and 1 Muharram 1445 fell on these days; the arithmetic calendar agrees
    assert hijri(date(2024, 3, 11)) == (1445, 9, 1)
    assert hijri(date(2023, 7, 19)) == (1445, 1, 1)
    assert hijri(date(2024, 3, 10)) == (1445, 8, 29)


def test_hong_kong_variants(page_texts: Texts) -> None:
    texts = _texts("hk_statement", page_texts)
    hsbc = [t for t in texts if "Portfolio Summary" in t]
    assert hsbc
    assert all("B/F BALANCE" in t and "Total Relationship Balance" in t for t in hsbc)
    assert all("HKD Savings" in t and "HKD Current" in t for t in hsbc)
    assert all(re.search(r"Deposit Withdrawal Balance", t) for t in hsbc)
    assert any(re.search(r"\d\.\d{2} DR\b", t) for t in hsbc)  # an overdrawn current account
    assert any("BALANCE FROM PREVIOUS STATEMENT" in t and "CLOSING BALANCE" in t for t in texts)
    two = [s for s in SEEDS if len(splits.statement("hk_statement", s).truth["accounts"]) == 2]
    assert two
    rows = _rows("hk_statement")
    assert any(r["balance"] is None for r in rows)  # HSBC: a day's balance on its last row


def test_czech_variants(page_texts: Texts) -> None:
    texts = _texts("cz_vypis", page_texts)
    assert all(re.search("[ěščřžýůú]", t) for t in texts)
    assert all(re.search(r"\d{1,3} \d{3},\d{2}", t) for t in texts)
    csob = [t for t in texts if "Identifikace" in t]
    assert csob
    assert all("Souhrnné informace" not in t or "Celkové výdaje" in t for t in csob)
    assert all("Přehled pohybů na účtu od" in t and "Místo:" in t for t in csob)
    assert all(
        re.search(r"\b\d{10}/\d{4}\b", t) and re.search(r"\b\d{2}\.\d{2}\. ", t) for t in csob
    )
    ceska = [t for t in texts if "PŘEHLED POHYBŮ NA ÚČTU" in t]
    assert ceska
    assert any("d.tran." in t and " kurz EUR " in t for t in ceska)
    assert any("Poplatky CZK" in t and re.search(r"VS\d+ / KS\d+", t) for t in texts)
    assert any(r["balance"] is None for r in _rows("cz_vypis"))


def test_hungarian_variants(page_texts: Texts) -> None:
    texts = _texts("hu_kivonat", page_texts)
    assert all(re.search("[őűÁÉÍÓÖÜŐŰ]", t) for t in texts)
    otp = [t for t in texts if "FORGALMAK" in t]
    assert otp
    assert all("NYITÓ EGYENLEG" in t and "ZÁRÓ EGYENLEG" in t for t in otp)
    assert all(re.search(r"\d{2}\.\d{2}\.\d{2} \d{2}\.\d{2}\.\d{2}", t) for t in otp)
    assert any("VÁSÁRLÁS KÁRTYÁVAL" in t and "Tranzakció:" in t for t in otp)
    kh = [t for t in texts if "Könyvelt nyitóegyenleg" in t]
    assert kh
    assert all(re.search(r" - \d{1,3}( \d{3})*\b", t) and "Közl.:" in t for t in kh)
    rb = [t for t in texts if "A kivonat időszaka" in t]
    assert rb
    assert all("Előjegyzett díj" in t and re.search(r"\b\d{10}\b", t) for t in rb)
    assert all(re.search(r"\d{4}\.\d{2}\.\d{2}\.", t) for t in rb)
    values = [r[k] for r in _rows("hu_kivonat") for k in ("debit", "credit") if r[k]]
    assert all(Decimal(v) == Decimal(v).to_integral_value() for v in values)  # whole forints
    assert all(r["balance"] is None for r in _rows("hu_kivonat"))


def test_colombian_variants(page_texts: Texts) -> None:
    texts = _texts("co_extracto", page_texts)
    bancolombia = [t for t in texts if "TOTAL ABONOS" in t]
    assert bancolombia
    assert all(
        re.search(r"DESDE: \d{4}/\d{2}/\d{2} HASTA: \d{4}/\d{2}/\d{2}", t) for t in bancolombia
    )
    assert all(re.search(r"-\d{1,3}(,\d{3})+\.\d{2}", t) and "DCTO." in t for t in bancolombia)
    months = "ENE|FEB|MAR|ABR|MAY|JUN|JUL|AGO|SEP|OCT|NOV|DIC"
    coop = [t for t in texts if "DÉBITO" in t]
    assert coop
    assert all(re.search(rf"\d{{2}}-({months})-\d{{2}}", t) for t in coop)
    assert all(re.search(r"\d{1,3}(\.\d{3})+,\d{2}", t) for t in coop)
    levies = _levies("co_extracto", "IMPTO GOBIERNO 4X1000")
    assert levies
    assert all(gmf == (base * Decimal("0.004")).quantize(Decimal("0.01")) for gmf, base in levies)
