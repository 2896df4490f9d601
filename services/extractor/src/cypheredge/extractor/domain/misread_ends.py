"""A statement's printed end whose currency sign OCR read as a digit: `$2,902.16` read as
`52,902.16` (a dollar's S-curve and bar are a 5 to a recogniser that lost the bar).

The page's own amounts may carry no sign to show the habit (a card statement prints `$`
only beside its balances), so the ends are mended only where the rows prove it: without
the leading 5 the statement adds up, with it it does not.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cypheredge.extractor.domain.balance import reconciles
from cypheredge.extractor.domain.draft import Draft
from cypheredge.extractor.domain.misreads import OCR

Ends = tuple[Decimal | None, Decimal | None]


def ends_without_sign(
    drafts: Sequence[Draft], opening: Decimal | None, closing: Decimal | None
) -> Ends | None:
    """The opening and closing balances with one of them less a leading 5 read for its
    currency sign, where that alone makes the scanned statement add up; else None."""
    if not any(d.method.startswith(OCR) for d in drafts):
        return None  # a text layer never reads a sign as a digit
    for mended in ((_less_five(opening), closing), (opening, _less_five(closing))):
        if mended != (opening, closing) and reconciles(drafts, *mended):
            return mended
    return None


def _less_five(amount: Decimal | None) -> Decimal | None:
    if amount is None:
        return None
    digits = str(abs(amount))
    whole = digits.split(".")[0]
    if len(whole) < 2 or not whole.startswith("5"):
        return amount
    return Decimal(digits[1:]).copy_sign(amount)
