"""The workbook groups by the categoriser's own names."""

from __future__ import annotations

from cypheredge.reporter.domain import categories as categoriser
from cypheredge.reporter.workbook import categories as cat


def test_the_workbook_knows_every_category_of_the_categoriser() -> None:
    assert cat.TAXONOMY == categoriser.CATEGORIES
    assert (cat.TRANSFERS_IN, cat.TRANSFERS_OUT, cat.OTHER) == (
        categoriser.TRANSFER_IN,
        categoriser.TRANSFER_OUT,
        categoriser.OTHER,
    )


def test_unknown_categories_sort_after_the_taxonomy() -> None:
    assert cat.taxonomy_order(cat.SALARY) < cat.taxonomy_order(cat.OTHER)
    assert cat.taxonomy_order("zebra") > cat.taxonomy_order(cat.OTHER)
