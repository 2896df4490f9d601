"""A transaction being settled: direction hints before the balance chain has its say."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cypheredge.extractor.domain.words import BBox


@dataclass(slots=True)
class Draft:
    """One transaction row with its magnitude and what is known about its direction."""

    date: date
    description: str
    magnitude: Decimal
    sign: int  # +1 credit, -1 debit, 0 not known yet
    balance: Decimal | None
    page: int
    bbox: BBox
    method: str
    account: int = 0
    from_amount: bool = False  # read from a single signed/unsigned amount column
    guessed: bool = False  # direction set by a weak rule (no sign, marker, column or chain)
    consistent: bool | None = None  # the balance chain agrees (True), disagrees, or cannot tell
    mended: bool = False  # a misread figure corrected by the balance chain (`misreads`)
    confidence: float = 0.0
    reference: str | None = None
    code: str | None = None
    read: float | None = None  # OCR's lowest confidence in the row's date and money words
    money_read: float | None = None  # the same in its money words alone
    unread: bool = False  # OCR read no amount: the balance chain must prove it (`misreads`)

    @property
    def unproven(self) -> bool:
        """An amount OCR could not read that the balance chain has not (yet) proven."""
        return self.unread and not self.mended

    @property
    def net(self) -> Decimal:
        return self.magnitude * self.sign

    def copy(self) -> Draft:
        """An independent copy to settle one reading on (faster than `dataclasses.replace`)."""
        return Draft(*[getattr(self, name) for name in _FIELDS])


_FIELDS = tuple(Draft.__dataclass_fields__)
