"""Pure reporting rules: cleaning, categorisation, validation, the batch report model."""

from cypheredge.reporter.domain.categories import (
    CATEGORIES,
    Rule,
    categorise,
    load_default_rules,
    parse_rules,
)
from cypheredge.reporter.domain.counterparty import counterparty_of
from cypheredge.reporter.domain.dedupe import find_duplicates, find_gaps, periods_by_account
from cypheredge.reporter.domain.recurring import find_recurring
from cypheredge.reporter.domain.report import build_report
from cypheredge.reporter.domain.transfers import find_transfers
from cypheredge.reporter.domain.validation import validate

__all__ = [
    "CATEGORIES",
    "Rule",
    "build_report",
    "categorise",
    "counterparty_of",
    "find_duplicates",
    "find_gaps",
    "find_recurring",
    "find_transfers",
    "load_default_rules",
    "parse_rules",
    "periods_by_account",
    "validate",
]
