"""Column inference: titles -> typed columns, words -> cells by alignment."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cypheredge.extractor.domain.columns import assign, figure_end, make_layout
from cypheredge.extractor.domain.gutters import text_bounds
from cypheredge.extractor.domain.header import build_columns, cell_gap, classify, header_cells
from cypheredge.extractor.domain.lines import group_lines
from cypheredge.extractor.domain.stacked import absorb
from cypheredge.extractor.domain.vocabulary import Role
from cypheredge.extractor.domain.words import Word

Words = Callable[..., list[Word]]


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Date", Role.DATE),
        ("Txn Date", Role.DATE),
        ("Value Date", Role.VALUE_DATE),
        ("Transaction type and details", Role.DESCRIPTION),
        ("Narration", Role.DESCRIPTION),
        ("Debit Amt", Role.DEBIT),
        ("Withdrawals", Role.DEBIT),
        ("Money out", Role.DEBIT),
        ("Paid in", Role.CREDIT),
        ("Deposits", Role.CREDIT),
        ("Amount (₹)", Role.AMOUNT),
        ("Balance ($)", Role.BALANCE),
        ("Chq./Ref.No.", Role.REFERENCE),
        ("Dr/Cr", Role.MARKER),
        ("Buchungstag", Role.DATE),
        ("Belastung", Role.DEBIT),
        ("Gutschrift", Role.CREDIT),
        ("Solde", Role.BALANCE),
        ("Why we are paying you", None),
    ],
)
def test_titles(title: str, role: Role | None) -> None:
    assert classify(title) is role


def test_header_line_needs_money_and_a_date_or_description(words: Words) -> None:
    header = group_lines(words([(100, [(40, "Date"), (100, "Details"), (400, "Amount")])]))[0]
    prose = group_lines(words([(100, [(40, "Date"), (100, "Description")])]))[0]
    values = group_lines(words([(100, [(40, "Date"), (100, "12.50"), (400, "Amount")])]))[0]
    assert header_cells(header) is not None
    assert header_cells(prose) is None
    assert header_cells(values) is None


def test_a_date_title_set_close_beside_another_is_split_off_so_the_table_keeps_its_date(
    words: Words,
) -> None:
    # A scan's boxes put `Booking Date` a space from `Reference`: one cell, read as a reference.
    cells = [(40, "Booking Date Reference"), (190, "Description"), (300, "Value Date")]
    line = group_lines(words([(100, [*cells, (390, "Debit"), (500, "Balance")])]))[0]
    typed = header_cells(line)
    assert typed is not None
    assert [(c.text, r) for c, r in typed][:3] == [
        ("Booking Date", Role.DATE),
        ("Reference", Role.REFERENCE),
        ("Description", Role.DESCRIPTION),
    ]
    # With its date column already there, a cell of titles is left as printed.
    kept = group_lines(words([(100, [(40, "Date"), (90, "Details Reference"), (300, "Debit")])]))
    typed = header_cells(kept[0])
    assert typed is not None
    assert [c.text for c, _ in typed] == ["Date", "Details Reference", "Debit"]
    # A value date as the only date is one title, not `Value` beside `Date`.
    value = group_lines(words([(100, [(40, "Value Date"), (110, "Remarks"), (300, "Amount")])]))
    typed = header_cells(value[0])
    assert typed is not None
    assert (typed[0][0].text, typed[0][1]) == ("Value Date", Role.VALUE_DATE)


def test_a_money_title_set_close_before_another_columns_title_is_two_cells(
    words: Words,
) -> None:
    # `Částka Popis` read as one cell: the amount and the details beside it stay two columns.
    cells = [(40, "Zaúčtováno"), (100, "Položka"), (420, "Částka Popis")]
    typed = header_cells(group_lines(words([(100, cells)]))[0])
    assert typed is not None
    assert [(c.text, r) for c, r in typed][-2:] == [
        ("Částka", Role.AMOUNT),
        ("Popis", Role.DESCRIPTION),
    ]
    # A qualifier before its money title is one title with it.
    kept = [(40, "Date"), (100, "Details"), (420, "Transaction Amount"), (520, "Balance")]
    typed = header_cells(group_lines(words([(100, kept)]))[0])
    assert typed is not None
    assert [c.text for c, _ in typed][2] == "Transaction Amount"


def test_a_two_word_title_a_scan_set_apart_as_two_cells_is_one_title(words: Words) -> None:
    # `Data Mov.` read as `Data` and, a cell's gap away, `Mov.`: the date column keeps its width.
    cells = [(40, "Data"), (72, "Mov."), (120, "Data Valor"), (190, "Descricao"), (530, "Saldo")]
    typed = header_cells(group_lines(words([(100, cells)]))[0])
    assert typed is not None
    assert [(c.text, r) for c, r in typed][:2] == [
        ("Data Mov.", Role.DATE),
        ("Data Valor", Role.VALUE_DATE),
    ]
    # Words that make no title together stay apart.
    other = [(40, "Data"), (72, "Ref."), (190, "Descricao"), (530, "Saldo")]
    typed = header_cells(group_lines(words([(100, other)]))[0])
    assert typed is not None
    assert [c.text for c, _ in typed][:2] == ["Data", "Ref."]


@pytest.mark.parametrize(
    ("titles", "split"),
    [
        ("Debit Credit", [("Debit", Role.DEBIT), ("Credit", Role.CREDIT)]),
        ("Money in Money out", [("Money in", Role.CREDIT), ("Money out", Role.DEBIT)]),
        ("Paid out Paid in", [("Paid out", Role.DEBIT), ("Paid in", Role.CREDIT)]),
        ("Debit € Credit €", [("Debit €", Role.DEBIT), ("Credit €", Role.CREDIT)]),
        (
            "Withdrawal Amt Deposit Amt",
            [("Withdrawal Amt", Role.DEBIT), ("Deposit Amt", Role.CREDIT)],
        ),
        ("Debit Amt", [("Debit Amt", Role.DEBIT)]),
        ("Amount Balance", [("Amount", Role.AMOUNT), ("Balance", Role.BALANCE)]),
    ],
)
def test_close_money_titles_are_split(
    words: Words, titles: str, split: list[tuple[str, Role]]
) -> None:
    line = group_lines(words([(100, [(40, "Date"), (100, "Details"), (300, titles)])]))
    cells = header_cells(line[0])
    assert cells is not None
    assert [(cell.text, role) for cell, role in cells][2:] == split


def test_titles_over_two_lines_merge(words: Words) -> None:
    lines = group_lines(
        words(
            [
                (100, [(40, "Txn"), (100, "Value"), (160, "Description"), (400, "Withdrawal")]),
                (110.5, [(40, "Date"), (100, "Date"), (400, "Amount")]),
            ]
        )
    )
    typed = header_cells(lines[0])
    assert typed is not None
    merged, above, below = absorb(lines, 0, typed)
    roles = [c.role for c in build_columns(merged)]
    assert (above, below) == (0, 1)
    assert roles == [Role.DATE, Role.VALUE_DATE, Role.DESCRIPTION, Role.DEBIT]


def test_the_cell_gap_follows_the_fonts_word_space(words: Words) -> None:
    text = [(100.0 + 14 * i, [(40, "VISA NEW WORLD KILBIRNIE 4835 ORIG DATE")]) for i in range(5)]
    monospaced = group_lines(words(text))  # a space as wide as a letter (0.5 x height)
    narrow = group_lines(words(text, space=2.0))
    assert cell_gap(monospaced) == pytest.approx(0.6)
    assert cell_gap(narrow) == pytest.approx(0.4)


def test_repeated_titles_are_not_a_transaction_table(words: Words) -> None:
    spec = [(100, [(40, "DATE"), (120, "AMOUNT"), (220, "DATE"), (300, "AMOUNT")])]
    typed = header_cells(group_lines(words(spec))[0])
    assert typed is not None
    roles = [c.role for c in build_columns(typed)]
    assert Role.DESCRIPTION not in roles


def _layout(words: Words) -> tuple[list[Word], object]:
    header = words(
        [(100, [(40, "Date"), (120, "Details"), (350, "Debit"), (430, "Credit"), (520, "Balance")])]
    )
    typed = header_cells(group_lines(header)[0])
    assert typed is not None
    return header, make_layout(build_columns(typed), 110)


def test_amounts_go_to_the_column_they_align_with(words: Words) -> None:
    _, layout = _layout(words)
    row = words(
        [
            (
                130,
                [
                    (40, "03 Jan"),
                    (120, "CARD 12.50 REFUND"),
                    (455, "1,200.00", "r"),
                    (555, "3,400.00", "r"),
                ],
            )
        ]
    )
    cells = assign(row, layout, ".")  # type: ignore[arg-type]
    texts = [" ".join(w.text for w in cell) for cell in cells]
    assert texts == ["03 Jan", "CARD 12.50 REFUND", "", "1,200.00", "3,400.00"]


def test_markers_and_symbols_join_their_amount(words: Words) -> None:
    _, layout = _layout(words)
    row = words([(130, [(40, "03 Jan"), (120, "SALARY"), (455, "$ 250.00 CR", "r")])])
    cells = assign(row, layout, ".")  # type: ignore[arg-type]
    assert " ".join(w.text for w in cells[3]) == "$ 250.00 CR"


def test_gutter_splits_text_columns_where_the_data_does(words: Words) -> None:
    spec = [(100, [(40, "Date"), (110, "Narration"), (260, "Ref"), (450, "Amount")])]
    typed = header_cells(group_lines(words(spec))[0])
    assert typed is not None
    layout = make_layout(build_columns(typed), 110)
    body = group_lines(
        words(
            [
                (
                    130 + 12 * i,
                    [
                        (40, "01/02/2024"),
                        (110, "REFUND STORE CHENNAI"),
                        (260, "AB12CD"),
                        (480, "9.99", "r"),
                    ],
                )
                for i in range(5)
            ]
        )
    )
    bounds = text_bounds(body, layout, ".")
    cells = assign(body[0].words, layout, ".", bounds)
    assert " ".join(w.text for w in cells[1]) == "REFUND STORE CHENNAI"
    assert " ".join(w.text for w in cells[2]) == "AB12CD"


def test_a_figure_with_its_currency_or_side_set_on_it_ends_where_its_digits_do() -> None:
    glued = Word("435,711.92ETB", 500.0, 100.0, 549.5, 110.0)
    assert figure_end(glued) == pytest.approx(549.5 - 49.5 * 3 / 13)
    assert figure_end(Word("755,596.32", 499.0, 100.0, 534.0, 110.0)) == 534.0
    assert figure_end(Word("(90.35)", 500.0, 100.0, 535.0, 110.0)) == 530.0
