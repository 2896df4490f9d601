"""uk_highstreet and au_nz_bank print what their docstrings claim, read back from the PDF."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from cypheredge.synth import build, generate
from cypheredge.synth.layouts import ausnz, highstreet

Texts = Callable[..., list[str]]
SEEDS = range(16)


def _uk(seed: int) -> highstreet.House:
    name = build("uk_highstreet", seed).statement.bank.name
    return next(h for h in highstreet.HOUSES if name in h.names)


def _au(seed: int) -> ausnz.House:
    name = build("au_nz_bank", seed).statement.bank.name
    return next(h for h in ausnz.HOUSES if name in h.names)


def test_every_uk_house_and_every_au_nz_house_is_drawn() -> None:
    assert {_uk(s).key for s in SEEDS} == {h.key for h in highstreet.HOUSES}
    assert {_au(s).key for s in SEEDS} == {h.key for h in ausnz.HOUSES}


@pytest.mark.parametrize("seed", [s for s in SEEDS if _uk(s).codes is not None])
def test_type_codes_are_printed_in_their_own_column_not_in_the_description(
    seed: int, page_texts: Texts
) -> None:
    house = _uk(seed)
    assert house.codes is not None
    built, statement = build("uk_highstreet", seed), generate("uk_highstreet", seed)
    text = "\n".join(page_texts(statement.pdf))
    txns = built.statement.accounts[0].txns
    for txn, row in zip(txns, statement.truth["transactions"], strict=True):
        code = house.codes[txn.kind]
        assert code in text
        if txn.kind == "check":  # a bare cheque number takes the bank's word before it
            assert row["description"] == f"{code} {txn.description}", row
        else:
            assert row["description"].split()[0] != code, row  # the details cell alone


@pytest.mark.parametrize("seed", SEEDS)
def test_sparse_houses_print_a_balance_on_each_days_last_row_only(seed: int) -> None:
    house = _uk(seed)
    rows = generate("uk_highstreet", seed).truth["transactions"]
    if not house.sparse:
        assert all(r["balance"] is not None for r in rows)
        return
    assert any(r["balance"] is None for r in rows)
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        assert (row["balance"] is not None) == (
            following is None or following["date"] != row["date"]
        )


def test_overdrawn_balances_carry_the_house_marker(page_texts: Texts) -> None:
    seen = set()
    for seed in SEEDS:
        house, statement = _uk(seed), generate("uk_highstreet", seed)
        text = "\n".join(page_texts(statement.pdf))
        negative = [
            r for r in statement.truth["transactions"] if r["balance"] and r["balance"][0] == "-"
        ]
        for row in negative:
            body = statement.numbers.magnitude(-Decimal(row["balance"]))
            marked = f"{body} {house.overdrawn}" if house.overdrawn != "-" else f"-{body}"
            assert marked in text, (seed, row)
            seen.add(house.overdrawn)
    assert {"D", "OD"} & seen


def test_santander_prints_news_beside_the_table_and_dated_figures_that_are_no_rows(
    page_texts: Texts,
) -> None:
    seed = next(s for s in SEEDS if _uk(s).key == "santander")
    statement = generate("uk_highstreet", seed)
    first = page_texts(statement.pdf)[0]
    assert "News and information" in first
    assert "Average credit balance" in first
    assert "Interest on your credit balance" in first
    assert not any("Average" in r["description"] for r in statement.truth["transactions"])


def test_payment_instructions_print_another_account_number(page_texts: Texts) -> None:
    found = 0
    for seed in SEEDS:
        statement = generate("uk_highstreet", seed)
        text = page_texts(statement.pdf)[0]
        if "Paying in from another bank" not in text:
            continue
        own = statement.truth["accounts"][0]["account_hint"]
        numbers = set(re.findall(r"\b\d{8}\b", text))
        assert own in numbers
        assert numbers - {own}
        found += 1
    assert found


@pytest.mark.parametrize("seed", SEEDS)
def test_au_nz_currency_comes_from_the_country_not_the_dollar_sign(
    seed: int, page_texts: Texts
) -> None:
    statement = generate("au_nz_bank", seed)
    text = "\n".join(page_texts(statement.pdf))
    assert statement.truth["statement"]["currency"] == ("NZD" if _au(seed).key == "nz" else "AUD")
    assert "AUD" not in text
    assert "NZD" not in text


def test_nz_particulars_code_and_reference_belong_to_the_description(page_texts: Texts) -> None:
    seed = next(s for s in SEEDS if _au(s).key == "nz")
    built, statement = build("au_nz_bank", seed), generate("au_nz_bank", seed)
    text = "\n".join(page_texts(statement.pdf))
    assert "Particulars" in text
    assert "Reference" in text
    joined = 0
    for txn, row in zip(
        built.statement.accounts[0].txns, statement.truth["transactions"], strict=True
    ):
        parts = [p for p in ausnz._nz_parts(txn) if p]
        if parts:
            assert row["description"].endswith(" " + " ".join(parts)), row
            assert all(p in text for p in parts)
            joined += 1
    assert joined


def test_anz_prints_each_pages_sums_and_no_row_takes_them(page_texts: Texts) -> None:
    seed = next(
        s for s in SEEDS if _au(s).key == "anz" and len(build("au_nz_bank", s).flow.pages) > 1
    )
    statement = generate("au_nz_bank", seed)
    pages = page_texts(statement.pdf)
    rows = statement.truth["transactions"]
    on_first = [r for r in rows if r["page"] == 1]
    debits = sum((Decimal(r["debit"] or 0) for r in on_first), Decimal(0))
    assert "TOTALS AT END OF PAGE" in pages[0]
    assert statement.numbers.magnitude(debits) in pages[0]
    assert "TOTALS AT END OF PERIOD" in pages[-1]


def test_interleaved_notices_are_printed_but_belong_to_no_row(page_texts: Texts) -> None:
    found = 0
    for seed in SEEDS:
        statement = generate("au_nz_bank", seed)
        text = "\n".join(page_texts(statement.pdf))
        notices = [n.split("{")[0].strip() for n in ausnz.NOTICES]
        printed = [n for n in notices if n and n in text]
        found += len(printed)
        for row in statement.truth["transactions"]:
            assert not any(n in row["description"] for n in notices if n)
    assert found
