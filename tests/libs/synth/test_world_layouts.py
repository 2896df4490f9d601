"""The Spanish, German, Nigerian, Kenyan, Singapore, Malaysian and SBI families print the
conventions their registry entries claim (read back from the PDF's text layer)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from cypheredge.synth import generate
from cypheredge.synth.formats import DE, EN, IN
from cypheredge.synth.model import Truth, TruthLog
from cypheredge.synth.render.flow import HELVETICA, Flow, PageSpec
from cypheredge.synth.render.table import Column, Row, Style, Table

Texts = Callable[..., list[str]]
SEEDS = range(8)


def _statement(layout: str, seed: int, page_texts: Texts) -> tuple[Truth, str]:
    made = generate(layout, seed)
    return made.truth, "\n".join(page_texts(made.pdf))


def _rows(truth: Truth) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = truth["transactions"]
    return rows


def test_a_newline_in_a_cell_is_a_line_break_and_the_truth_joins_the_lines() -> None:
    flow = Flow(PageSpec((400, 300), 20, 20, 20, 20, HELVETICA, 8), lambda n, t: "")
    truth = TruthLog().rows
    truth.append({"description": None, "page": None})
    columns = [Column("day", "Date"), Column("desc", "Text", wrap=True, truth="description")]
    row = Row({"day": "01.02.2024\n02.02.2024", "desc": "Lastschrift\nStadtwerke"}, truth[0])
    table = Table(flow, columns, Style(rules="none"))
    table.draw([row])
    assert len(table._lines(row)[0]) == 2
    assert truth[0]["description"] == "Lastschrift Stadtwerke"


@pytest.mark.parametrize("seed", range(4))
def test_es_extracto_prints_saldo_anterior_minus_cargos_and_two_line_conceptos(
    seed: int, page_texts: Texts
) -> None:
    truth, text = _statement("es_extracto", seed, page_texts)
    assert "SALDO ANTERIOR" in text
    debit = next(r for r in _rows(truth) if r["debit"])
    assert f"-{DE.magnitude(Decimal(debit['debit']))}" in text
    assert any(
        "CONCEPTO:" in r["description"] or "Nº RECIBO" in r["description"] for r in _rows(truth)
    )


def test_de_sparkasse_prints_every_amount_convention_and_no_balances(page_texts: Texts) -> None:
    seen = set()
    for seed in SEEDS:
        truth, text = _statement("de_sparkasse", seed, page_texts)
        assert all(r["balance"] is None for r in _rows(truth))
        assert re.search("[Kk]ontostand|Saldo", text)
        debit = DE.magnitude(Decimal(next(r for r in _rows(truth) if r["debit"])["debit"]))
        for mark, printed in (
            ("S/H", f"{debit} S"),
            ("trailing", f"{debit}-"),
            ("minus", f"-{debit}"),
        ):
            if printed in text:
                seen.add(mark)
        lines = max(len(r["description"].split()) for r in _rows(truth))
        assert lines >= 5  # booking text plus Verwendungszweck lines
    assert seen >= {"S/H", "trailing", "minus"}


def test_ng_bank_posts_levy_and_nip_charges_as_rows_of_their_own() -> None:
    levies = vats = 0
    for seed in SEEDS:
        rows = _rows(generate("ng_bank", seed).truth)
        for row, after in itertools.pairwise(rows):
            if after["description"] == "ELECTRONIC MONEY TRANSFER LEVY":
                assert after["debit"] == "50.00"
                assert after["date"] == row["date"]
                assert Decimal(row["credit"]) >= 10000
                levies += 1
            if after["description"].startswith("VALUE ADDED TAX"):
                assert Decimal(after["debit"]) == (
                    Decimal(row["debit"]) * Decimal("0.075")
                ).quantize(Decimal("0.01"))
                vats += 1
    assert levies
    assert vats


def test_ng_bank_prints_the_naira_sign_on_some_statements(page_texts: Texts) -> None:
    assert any("₦" in _statement("ng_bank", seed, page_texts)[1] for seed in SEEDS)


@pytest.mark.parametrize("seed", range(4))
def test_ke_mpesa_is_newest_first_in_whole_shillings_with_negative_withdrawals(
    seed: int, page_texts: Texts
) -> None:
    truth, text = _statement("ke_mpesa", seed, page_texts)
    rows = _rows(truth)
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    assert all((r["debit"] or r["credit"]).endswith(".00") for r in rows)
    oldest = rows[-1]
    derived = (
        Decimal(oldest["balance"]) - Decimal(oldest["credit"] or 0) + Decimal(oldest["debit"] or 0)
    )
    assert Decimal(truth["accounts"][0]["opening_balance"]) == derived
    debit = next(r for r in rows if r["debit"])
    assert f"-{EN.magnitude(Decimal(debit['debit']))}" in text
    assert "TRANSACTION TYPE" in text
    assert "Disclaimer" in text


def test_ke_mpesa_charges_share_their_transactions_receipt(page_texts: Texts) -> None:
    receipt = re.compile(r"\b[R-U][A-L][1-9A-V][A-Z0-9]{7}\b")
    for seed in range(4):
        _, text = _statement("ke_mpesa", seed, page_texts)
        found = receipt.findall(text)
        assert len(found) > len(set(found))  # a charge repeats its parent's receipt number


def test_sg_card_sections_previous_balance_and_credit_markers(page_texts: Texts) -> None:
    foreign = False
    for seed in SEEDS:
        truth, text = _statement("sg_card", seed, page_texts)
        rows = _rows(truth)
        assert all(r["balance"] is None for r in rows)
        assert re.search("PREVIOUS BALANCE|LAST MONTH'S BALANCE", text)
        assert re.search("SUB-?\\s?TOTAL", text)
        credit = next((r for r in rows if r["credit"]), None)
        if credit:
            amount = EN.magnitude(Decimal(credit["credit"]))
            assert f"{amount} CR" in text or f"({amount})" in text
        foreign |= any(re.search("DOLLAR|STERLING|BAHT", r["description"]) for r in rows)
        assert Decimal(truth["accounts"][0]["opening_balance"]) >= 0  # owed, as printed
    assert foreign


def test_my_card_is_bilingual_and_glues_cr_on_some_prints(page_texts: Texts) -> None:
    glued = False
    for seed in SEEDS:
        truth, text = _statement("my_card", seed, page_texts)
        assert re.search("Tarikh|TARIKH|JUMLAH|Jumlah", text)
        for row in _rows(truth):
            if row["credit"] and f"{EN.magnitude(Decimal(row['credit']))}CR" in text:
                glued = True
    assert glued


@pytest.mark.parametrize("seed", range(4))
def test_in_sbi_prints_lakhs_summary_counts_and_balance_as_on(seed: int, page_texts: Texts) -> None:
    truth, text = _statement("in_sbi", seed, page_texts)
    assert "Balance as on" in text
    assert "Dr Count" in text
    biggest = max(Decimal(r["debit"] or r["credit"]) for r in _rows(truth))
    assert biggest >= 100000
    assert IN.magnitude(biggest) in text
    assert re.search(r"\d,\d\d,\d\d\d\.\d\d", text)
