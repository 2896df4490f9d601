"""The model's boxes (image pixels) to a page's columns (points): known boxes, known spans."""

from __future__ import annotations

import pytest

from cypheredge.extractor.tables.columns import Columns, Detection, page_columns, vertical_lines


def column(
    x0: float, x1: float, score: float = 0.9, top: float = 100, bottom: float = 900
) -> Detection:
    return Detection("table column", score, (x0, top, x1, bottom))


def test_boxes_become_points_left_to_right() -> None:
    # Rendered at 2 px a point: 200 px is 100 points.
    found = [column(600, 800), column(200, 580), column(820, 1000)]
    columns = page_columns(found, scale=2.0)
    assert columns == Columns(((100, 290), (300, 400), (410, 500)), 50, 450)


def test_a_column_found_twice_is_kept_once_at_its_surer_box() -> None:
    found = [column(100, 300, 0.7), column(110, 310, 0.95), column(320, 400)]
    columns = page_columns(found, scale=1.0)
    assert columns is not None
    assert columns.spans == ((110, 310), (320, 400))


def test_neighbours_that_overlap_meet_halfway() -> None:
    columns = page_columns([column(100, 220), column(200, 300)], scale=1.0)
    assert columns is not None
    assert columns.spans == ((100, 210), (210, 300))
    assert vertical_lines(columns) == [100, 210, 300]


def test_the_table_box_bounds_the_columns() -> None:
    found = [
        column(100, 200, top=80, bottom=700),
        column(210, 300, top=90, bottom=720),
        Detection("table", 0.8, (90, 60, 310, 760)),
        Detection("table", 0.6, (0, 0, 999, 999)),  # a worse guess at the same table
        Detection("table row", 0.99, (90, 100, 310, 120)),
    ]
    columns = page_columns(found, scale=1.0)
    assert columns is not None
    assert (columns.top, columns.bottom) == (60, 760)


@pytest.mark.parametrize(
    "found",
    [
        [],
        [column(100, 300)],
        [column(100, 300), column(101, 299)],  # the same column twice
        [column(100, 300), column(400, 402)],  # a sliver is no column
        [Detection("table row", 0.9, (0, 0, 500, 20)), column(100, 300)],
    ],
)
def test_fewer_than_two_columns_is_no_table(found: list[Detection]) -> None:
    assert page_columns(found, scale=1.0) is None


def test_separators_sit_halfway_across_each_gap() -> None:
    columns = Columns(((50, 100), (140, 300), (320, 400)), 10, 20)
    assert vertical_lines(columns) == [50, 120, 310, 400]
