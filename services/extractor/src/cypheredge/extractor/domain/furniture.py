"""Page furniture: the running headers and footers a statement repeats on every page.

`GINEVRA M WEASLEY  Account Ending 9-39401  p. 4/9` at the top of each page is not part of
the table under it, yet it sits inside the table's band; left in, it ends up in the nearest
row's description. A line is furniture when the same text (digits aside: page numbers change)
is printed at the same place near an edge of most pages. Table headers repeat too, and so
do carried balances, so lines with figures or column titles are never furniture. Furniture
still counts for the statement's facts (account numbers, periods): it is read outside tables.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from cypheredge.extractor.domain.columns import Kind, kind_of
from cypheredge.extractor.domain.header import header_cells
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.stacked import title_part

EDGE = 0.15  # share of the page height at the top and at the bottom where furniture sits
SNAP = 4.0  # points: the same furniture line sits this close to the same place on each page
# Page numbers and counters change from page to page; account numbers and dates do not.
_DIGITS = re.compile(r"(?<!\d)\d{1,3}(?!\d)")


def find_furniture(
    pages: Sequence[Sequence[Line]], heights: Sequence[float], mark: str
) -> list[set[int]]:
    """For each page, the indexes of its lines that are furniture."""
    seen: dict[str, set[int]] = defaultdict(set)
    candidates: list[list[tuple[int, str]]] = []
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        found = []
        for index, line in enumerate(lines):
            if EDGE * height < line.y0 < (1 - EDGE) * height:
                continue
            key = _key(line, height)
            if key is not None:
                found.append((index, key))
                seen[key].add(number)
        candidates.append(found)
    if len(pages) < 2:
        return [set() for _ in pages]
    exact = Counter(
        line.text
        for lines, found in zip(pages, candidates, strict=True)
        for i, _ in found
        for line in (lines[i],)
        if not _titles(line)
    )
    # Furniture is on most pages; a row's detail line (`Incassant ID: NL98ZZZ...`) that falls
    # at the same place on two pages of a long statement is not.
    enough = max(2, (len(pages) + 1) // 2)
    out: list[set[int]] = []
    for found in candidates:
        lines = pages[len(out)]
        repeated = {
            i for i, key in found if len(seen[key]) >= enough and not _over_header(lines, i)
        }
        # The same figure at the same place on every page (`Capitale Sociale Euro
        # 1.245.380.112,00` in the footer) is furniture too; a carried balance changes.
        out.append({i for i in repeated if _plain(lines[i], mark) or exact[lines[i].text] > 1})
    return out


def _key(line: Line, height: float) -> str | None:
    text = _DIGITS.sub("#", line.text.strip())
    if sum(c.isalpha() for c in text) < 3:
        return None  # figures alone (`503-920-0488`) repeat by chance, not by design
    # Furniture is printed at a fixed place; rows that happen to repeat are not.
    return f"{round(line.y0 / SNAP)}:{text}"


def _plain(line: Line, mark: str) -> bool:
    """No figures and no column titles: a header or a carried balance is never furniture."""
    if any(kind_of(w.text, mark) is Kind.STRONG for w in line.words):
        return False
    return not _titles(line)


def _over_header(lines: Sequence[Line], index: int) -> bool:
    """A line stacked right above a header line is its first line (`Payment and details`
    over `Date  type  Paid out  Paid in  Balance`), printed again on every page with it."""
    if index + 1 >= len(lines):
        return False
    line, below = lines[index], lines[index + 1]
    height = max(w.height for w in line.words)
    return below.y0 - line.y1 <= height and header_cells(below) is not None


def _titles(line: Line) -> bool:
    # A header, or a header's second line (`Reference No` under `Transaction`).
    return all(title_part(w.text) for w in line.words) or header_cells(line) is not None
