"""A page whose header could not be read takes its table's sides from the same header where
another page prints it: credit before debit stays credit before debit."""

from __future__ import annotations

from decimal import Decimal

from .conftest import Cell, Spec, run_pages

CREDIT_FIRST: tuple[float, list[Cell]] = (100.0, [(50, "Date"), (120, "Description"),
    (330, "Credit", "r"), (420, "Debit", "r")])  # fmt: skip
ROWS = [
    ("03/08/2024", "Salary Polder BV", "2,350.00", ""),
    ("04/08/2024", "Card HEMA Amsterdam", "", "14.48"),
    ("05/08/2024", "Card Albert Heijn", "", "33.67"),
    ("06/08/2024", "Transfer A Jansen", "461.03", ""),
    ("07/08/2024", "Direct debit Eneco", "", "165.89"),
    ("08/08/2024", "Refund NS Reizigers", "142.58", ""),
]
LATER = [(f"{int(d[:2]) + 10}{d[2:]}", text, cr, dr) for d, text, cr, dr in ROWS]


def _page(rows: list[tuple[str, str, str, str]], header: bool) -> Spec:
    title: tuple[float, list[Cell]] = (60.0, [(50, "Statement of account")])
    lines: list[tuple[float, list[Cell]]] = [title, CREDIT_FIRST] if header else [title]
    for k, (day, text, credit, debit) in enumerate(rows):
        cells: list[Cell] = [(50, day), (120, text)]
        cells += [(x, figure, "r") for x, figure in ((330, credit), (420, debit)) if figure]
        lines.append((120.0 + 15 * k, cells))
    return lines


def _sides(*pages: Spec) -> list[tuple[str, Decimal | None, Decimal | None]]:
    result = run_pages(*pages)
    return [(t.description, t.credit, t.debit) for t in result.transactions]


def test_a_page_without_its_header_takes_the_sides_another_page_prints() -> None:
    found = _sides(_page(ROWS, header=False), _page(LATER, header=True))
    first, second = found[: len(ROWS)], found[len(ROWS) :]
    assert first == second  # the same descriptions, credits and debits
    assert first[0] == ("Salary Polder BV", Decimal("2350.00"), None)
    assert first[1] == ("Card HEMA Amsterdam", None, Decimal("14.48"))


def test_without_a_header_anywhere_the_columns_are_debit_then_credit() -> None:
    found = _sides(_page(ROWS, header=False), _page(LATER, header=False))
    assert found[0] == ("Salary Polder BV", None, Decimal("2350.00"))
