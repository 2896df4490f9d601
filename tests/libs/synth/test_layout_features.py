"""Each layout really exercises the convention its registry entry claims."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cypheredge.synth import LAYOUTS, generate
from cypheredge.synth.render.flow import HELVETICA, Flow, PageSpec, text_width
from cypheredge.synth.render.table import wrap

SEEDS = range(3)


def _rows(layout: str, seed: int) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = generate(layout, seed).truth["transactions"]
    return rows


def test_every_layout_says_what_it_covers() -> None:
    assert all(len(layout.covers) > 40 for layout in LAYOUTS.values())


@pytest.mark.parametrize("layout", ["us_sections", "nz_reordered"])
@pytest.mark.parametrize("seed", SEEDS)
def test_yearless_dates_roll_over_from_december_to_january(layout: str, seed: int) -> None:
    months = {str(r["date"])[:7] for r in _rows(layout, seed)}
    years = {m[:4] for m in months}
    assert len(years) == 2
    assert {m[5:] for m in months} == {"12", "01"}


@pytest.mark.parametrize("layout", ["us_sections", "de_signed", "fr_space"])
def test_layouts_without_a_balance_column_have_null_balances(layout: str) -> None:
    assert all(r["balance"] is None for r in _rows(layout, 0))


@pytest.mark.parametrize("seed", SEEDS)
def test_day_balance_only_on_each_days_last_row(seed: int) -> None:
    rows = _rows("ie_day_balance", seed)
    assert any(r["balance"] is None for r in rows)
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        last_of_day = following is None or following["date"] != row["date"]
        assert (row["balance"] is not None) == last_of_day


@pytest.mark.parametrize("layout", ["in_marker", "in_narration"])
def test_indian_amounts_reach_lakhs(layout: str) -> None:
    amounts = [Decimal(str(r["debit"] or r["credit"])) for r in _rows(layout, 0)]
    assert max(amounts) >= 100000


@pytest.mark.parametrize("layout", ["za_trailing_cr", "au_courier"])
def test_overdraft_layouts_print_negative_balances_somewhere(layout: str) -> None:
    balances = [Decimal(str(r["balance"])) for s in SEEDS for r in _rows(layout, s)]
    assert min(balances) < 0


def test_two_accounts_each_have_rows_and_their_own_balances() -> None:
    truth = generate("uk_two_accounts", 0).truth
    assert len(truth["accounts"]) == 2
    assert {r["account"] for r in truth["transactions"]} == {0, 1}


def test_wrap_keeps_every_character_and_fits_the_column() -> None:
    text = "UPI/DR/412345678901/SWIGGY LIMITED/YESB/swiggy.upi@ybl/Payment from PhonePe app"
    lines = wrap(text, "Helvetica", 8, 90)
    assert len(lines) >= 3
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(text_width(line, "Helvetica", 8) <= 90 for line in lines)


def test_flow_starts_a_new_page_when_full() -> None:
    flow = Flow(PageSpec((300, 200), 20, 20, 20, 20, HELVETICA, 8), lambda n, t: f"{n}/{t}")
    flow.ensure(100)
    assert flow.page == 1
    flow.y -= 100
    flow.ensure(100)
    assert flow.page == 2
    assert flow.render("t").startswith(b"%PDF")
