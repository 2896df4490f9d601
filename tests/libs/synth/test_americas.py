"""The Americas and cards families print what their docstrings claim, and the truth reads it."""

from __future__ import annotations

import re
import time
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import pypdfium2 as pdfium
import pytest

from cypheredge.synth import generate
from cypheredge.synth.formats import MONTHS

CARDS = ("us_card_amex", "us_card_chase", "ca_card_td")
FAMILIES = (*CARDS, "us_checking_register", "ca_chequing", "br_extrato")
SEEDS = range(30)
# A phrase only one variant of a family prints.
VARIANTS = {
    "us_card_chase": ("ACCOUNT ACTIVITY", "Sale", "Trans Date"),
    "ca_card_td": ("TOTAL NEW BALANCE", "PAIEMENT - MERCI", "Your payments"),
    "us_checking_register": (
        "Daily ledger balances",
        "Debit(s) This Period",
        "Items Paid",
        "Checks paid",
    ),
    "ca_chequing": (
        "Details of your account activity",
        "Opening balance",
        "Amounts",
        "CHEQUE/DEBIT",
    ),
    "br_extrato": ("SALDO DO DIA", "Crédito (R$)", "Dt. balancete"),
}


@cache
def _statement(layout: str, seed: int) -> tuple[dict[str, Any], bytes, str]:
    """Truth, PDF and the raw text layer, generated once per test session."""
    statement = generate(layout, seed)
    doc = pdfium.PdfDocument(statement.pdf)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        doc.close()
    return statement.truth, statement.pdf, "\n".join(texts)


@cache
def _sample(layout: str, seed: int) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Truth and page texts in reading order (lines top to bottom, left to right within a
    line), as a reader of the page sees them; the text layer's own order follows the drawing
    order, which goes column by column."""
    truth, pdf, _ = _statement(layout, seed)
    doc = pdfium.PdfDocument(pdf)
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(_reading_order(textpage))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return truth, tuple(texts)


def _reading_order(textpage: pdfium.PdfTextPage) -> str:
    lines: dict[int, list[tuple[float, float, str]]] = {}
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if char in "\r\n":
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        lines.setdefault(round((bottom + top) / 2), []).append((left, right, char))
    out = []
    for _, chars in sorted(lines.items(), reverse=True):
        chars.sort()
        text, end = "", None
        for left, right, char in chars:
            if end is not None and left - end > 2.0:  # a gap between two cells
                text += " "
            text, end = text + char, right
        out.append(" ".join(text.split()))
    return "\n".join(out)


def _rows(layout: str, seed: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _statement(layout, seed)[0]["transactions"]
    return rows


def _text(layout: str, seed: int) -> str:
    return "\n".join(_sample(layout, seed)[1])


def _lines(layout: str, seed: int, page: int) -> list[str]:
    return [line for line in _sample(layout, seed)[1][page - 1].splitlines() if line]


def _seeds_with(layout: str, phrase: str) -> list[int]:
    return [seed for seed in SEEDS if phrase in _statement(layout, seed)[2]]


@pytest.mark.parametrize("layout", list(VARIANTS))
def test_every_variant_is_drawn_within_the_first_seeds(layout: str) -> None:
    for phrase in VARIANTS[layout]:
        assert _seeds_with(layout, phrase), phrase


@pytest.mark.parametrize("layout", FAMILIES)
def test_a_statement_takes_well_under_a_second(layout: str) -> None:
    started = time.perf_counter()
    generate(layout, 11)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("layout", CARDS)
@pytest.mark.parametrize("seed", range(4))
def test_card_balances_are_owed_and_charges_are_debits(layout: str, seed: int) -> None:
    truth = _statement(layout, seed)[0]
    account = truth["accounts"][0]
    # As printed: what the holder owes, positive, the entry saying its balances are owed.
    assert Decimal(account["opening_balance"]) > 0
    assert account["balance_owed"] is True
    rows = truth["transactions"]
    words = ("THANK", "PYMT", "PAIEMENT", "AUTOPAY")
    payments = [r for r in rows if any(w in r["description"].upper() for w in words)]
    assert payments
    assert all(r["credit"] is not None for r in payments)
    assert sum(r["debit"] is not None for r in rows) > len(rows) / 2
    assert all(r["balance"] is None for r in rows)


def test_amex_sub_totals_per_card_member_and_glued_posting_marker() -> None:
    seeds = _seeds_with("us_card_amex", "Total for ")
    assert seeds
    for seed in seeds[:3]:
        text = _text("us_card_amex", seed)
        assert "*Indicates posting date" in text
        for row in _rows("us_card_amex", seed):
            if "THANK YOU" in row["description"]:
                printed = date.fromisoformat(row["date"]).strftime("%m/%d/%y") + "*"
                assert printed in text
                assert f"-${Decimal(row['credit']):,.2f}" in text


def test_amex_description_reads_merchant_city_state_then_second_line() -> None:
    charges = [r for r in _rows("us_card_amex", 2) if r["debit"] and "FEE" not in r["description"]]
    row = charges[0]
    lines = _lines("us_card_amex", 2, row["page"])
    day = date.fromisoformat(row["date"]).strftime("%m/%d/%y")
    amount = f"${Decimal(row['debit']):,.2f}"
    # Line one: date, merchant, city and state sub-columns, amount; line two: phone/category.
    first = next(ln for ln in lines if ln.startswith(f"{day} {row['description'].split()[0]}"))
    assert first.endswith(amount)
    second = lines[lines.index(first) + 1]
    assert f"{first[len(day) + 1 : -len(amount) - 1]} {second}" == row["description"]


@pytest.mark.parametrize("seed", range(5))
def test_amex_closing_date_and_period(seed: int) -> None:
    truth = _statement("us_card_amex", seed)[0]["statement"]
    start, end = date.fromisoformat(truth["period_start"]), date.fromisoformat(truth["period_end"])
    assert 27 <= (end - start).days <= 31
    assert f"Closing Date {end.strftime('%m/%d/%y')}" in _sample("us_card_amex", seed)[1][0]


def test_chase_yearless_dates_run_from_december_into_january() -> None:
    def period(seed: int) -> tuple[str, str]:
        st = _statement("us_card_chase", seed)[0]["statement"]
        return st["period_start"], st["period_end"]

    rolled = [s for s in SEEDS if period(s)[0][:4] != period(s)[1][:4]]
    assert rolled
    for seed in rolled[:3]:
        rows = _rows("us_card_chase", seed)
        assert {r["date"][:4] for r in rows} == {period(seed)[0][:4], period(seed)[1][:4]}
        text = _text("us_card_chase", seed)
        assert re.search(r"Total fees charged in 20\d\d \$", text)
        for row in rows:
            day = date.fromisoformat(row["date"])
            yearless = (day.strftime("%m/%d "), f"{MONTHS[day.month - 1]} {day.day} ")
            assert any(p in text for p in yearless), row


def test_td_two_date_columns_and_foreign_currency_lines_in_the_description() -> None:
    seeds = _seeds_with("ca_card_td", "TOTAL NEW BALANCE")
    assert seeds
    for seed in seeds[:3]:
        text = _text("ca_card_td", seed)
        assert "PREVIOUS STATEMENT" in text  # its BALANCE may wrap onto the next line
        assert "NET AMOUNT OF MONTHLY" in text  # its ACTIVITY may wrap onto the next line
        assert re.search(r"\b[A-Z]{3} \d{1,2} [A-Z]{3} \d{1,2} ", text)
        fx = [r for r in _rows("ca_card_td", seed) if "FOREIGN CURRENCY" in r["description"]]
        assert fx
        assert all("USD @ EXCHANGE RATE 1." in r["description"] for r in fx)
        payments = [r for r in _rows("ca_card_td", seed) if "PAYMENT" in r["description"]]
        assert all(f"-${Decimal(r['credit']):,.2f}" in text for r in payments)


def test_cibc_payments_are_unsigned_in_their_own_section() -> None:
    seed = _seeds_with("ca_card_td", "Your payments")[0]
    text = _text("ca_card_td", seed)
    for row in _rows("ca_card_td", seed):
        if "PAIEMENT" in row["description"]:
            assert row["credit"] is not None
            assert f"-${Decimal(row['credit']):,.2f}" not in text


@pytest.mark.parametrize("seed", range(8))
def test_register_checks_are_number_only_rows_described_check_n(seed: int) -> None:
    rows = _rows("us_checking_register", seed)
    assert all(r["balance"] is None for r in rows)
    checks = [r for r in rows if re.fullmatch(r"Check \d{4}", r["description"])]
    assert checks
    # Bank of America prints "Date  Check #  Amount"; the others the number first.
    date_first = "Daily ledger balances" in _text("us_checking_register", seed)
    for row in checks:
        number = row["description"].split()[1]
        line = next(
            ln
            for ln in _lines("us_checking_register", seed, row["page"])
            if re.search(rf"\b{number}\*?(\s|$)", ln)
        )
        where = re.search(rf"\b{number}\*?(\s|$)", line)
        assert where is not None
        before, after = line[: where.start()], line[where.end() :]
        day = date.fromisoformat(row["date"])
        printed = {f"{day.month}/{day.day}", day.strftime("%m/%d"), day.strftime("%m/%d/%y")}
        # the date paid sits right after the number, or after its amount ("295.23 - 08/01")
        near = before.split()[-1:] if date_first else after.split()[:3]
        assert any(any(token.startswith(p) for p in printed) for token in near), (line, row)


def test_register_summary_counts_and_daily_balances_are_printed() -> None:
    seed = _seeds_with("us_checking_register", "Debit(s) This Period")[0]
    text = _text("us_checking_register", seed)
    rows = _rows("us_checking_register", seed)
    debits = sum(r["debit"] is not None for r in rows)
    assert f"{debits} Debit(s) This Period" in text
    assert "Daily Balances" in text


@pytest.mark.parametrize("phrase", ["Details of your account activity", "CHEQUE/DEBIT"])
def test_chequing_balance_only_on_a_days_last_row(phrase: str) -> None:
    seed = _seeds_with("ca_chequing", phrase)[0]
    rows = _rows("ca_chequing", seed)
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        last = following is None or following["date"] != row["date"]
        assert (row["balance"] is not None) == last


def test_chequing_date_printed_once_per_day_and_end_rows_in_the_table() -> None:
    seed = _seeds_with("ca_chequing", "Details of your account activity")[0]
    text = _text("ca_chequing", seed)
    assert "Opening Balance" in text
    assert "Closing Balance" in text
    truth = _statement("ca_chequing", seed)[0]
    ends = {truth["statement"]["period_start"], truth["statement"]["period_end"]}  # end rows
    days = [r["date"] for r in truth["transactions"] if r["date"] not in ends]
    busy = {d for d in days if days.count(d) > 1}
    assert busy
    for day in busy:
        assert text.count(f"{day[8:10]} {MONTHS[int(day[5:7]) - 1]}") == 1


def test_extrato_saldo_lines_are_not_rows_and_numbers_are_brazilian() -> None:
    for phrase in ("SALDO DO DIA", "Crédito (R$)", "Dt. balancete"):
        seed = _seeds_with("br_extrato", phrase)[0]
        truth, _ = _sample("br_extrato", seed)
        text = _text("br_extrato", seed)
        assert "SALDO ANTERIOR" in text.upper()
        assert truth["statement"]["currency"] == "BRL"
        assert not any("SALDO" in r["description"] for r in truth["transactions"])
        debit = next(r for r in truth["transactions"] if r["debit"])
        magnitude = f"{Decimal(debit['debit']):,.2f}".replace(",", "_").replace(".", ",")
        magnitude = magnitude.replace("_", ".")
        assert any(f"{m}" in text for m in (f"-{magnitude}", f"{magnitude}-", f"{magnitude} D"))
        if phrase == "SALDO DO DIA":
            assert all(r["balance"] is None for r in truth["transactions"])
