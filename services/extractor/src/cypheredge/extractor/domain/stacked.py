"""Headers printed over two or three lines (`Paid out` over `(GBP)`, `Value` over `Date`)."""

from __future__ import annotations

from collections.abc import Sequence

from cypheredge.extractor.domain.currency import ISO_CODES, SYMBOLS
from cypheredge.extractor.domain.header import (
    CELL_GAP,
    TITLE_WORDS,
    Cell,
    classify,
    has_values,
    header_cells,
    split_cells,
    titled_words,
)
from cypheredge.extractor.domain.lines import Line, median
from cypheredge.extractor.domain.metadata import account_id
from cypheredge.extractor.domain.vocabulary import MOVEMENT_ROLES, Role, fold, section_sign
from cypheredge.extractor.domain.vocabulary_intl import JOINERS
from cypheredge.extractor.domain.words import Word

STACK_GAP = 0.6  # x line height between the lines of one header
SIZE_SLACK = 0.15  # of the header's height: a title line of another size is a heading
OCR_SIZE_SLACK = 0.35  # a recogniser's box grows with accents and descenders (`Erläuterung`)
# `Ref No./`, `(in GBP)`, and the other languages' small words
_JOINERS = frozenset({"/", "-", "+", "of", "and", "nr", "#", *JOINERS})


def absorb(
    lines: Sequence[Line],
    index: int,
    typed: list[tuple[Cell, Role | None]],
    gap: float = CELL_GAP,
) -> tuple[list[tuple[Cell, Role | None]], int, int]:
    """Merge title lines stacked right above or below the header line at `index`.

    Returns the retyped cells and how many lines above and below were absorbed.
    """
    cells = [list(cell.words) for cell, _ in typed]
    order = {w: 0 for w in lines[index].words}
    above = below = 0
    top, bottom = lines[index], lines[index]
    for step in (1, 2):
        j = index + step
        if j < len(lines) and _stacks(lines[j], bottom, cells, below=True, split=gap):
            _merge(cells, lines[j].words, gap)
            order.update({w: step for w in lines[j].words})
            bottom, below = lines[j], step
        else:
            break
    j = index - 1
    if j >= 0 and _stacks(lines[j], top, cells, below=False, split=gap):
        _merge(cells, lines[j].words, gap)
        order.update({w: -1 for w in lines[j].words})
        above = 1
    merged = [Cell(tuple(sorted(ws, key=lambda w: (order.get(w, 0), w.x0)))) for ws in cells]
    # A bilingual header (`Phat sinh no` over `(Debit amount)`) reads as a whole in neither
    # language: a title keeps the role its own line gave it.
    roles = [role for _, role in typed]
    return (
        [
            (cell, classify(cell.text) or (roles[k] if k < len(roles) else None))
            for k, cell in enumerate(merged)
        ],
        above,
        below,
    )


def _stacks(line: Line, header: Line, cells: list[list[Word]], below: bool, split: float) -> bool:
    """Whether `line` continues the header's titles; `split` is the document's cell gap."""
    height = max(w.height for w in header.words)
    gap = line.y0 - header.y1 if below else header.y0 - line.y1
    if gap > STACK_GAP * height or has_values(line) or section_sign(line.text) is not None:
        return False
    if not below and (account_id(line) is not None or not titled_words(line)):
        # The table's caption (`Account no. ****3310`) or a letterhead set close above it.
        return False
    if not _same_size(line, header):
        return False  # a title of another size is a heading, not part of the header
    if below and not all(title_part(w.text) for w in line.words):
        return False  # the table's first row (a description wrapped above its figures)
    spans = [(min(w.x0 for w in ws), max(w.x1 for w in ws)) for ws in cells]
    return all(_fits(c, spans) for c in split_cells(line.words, split))


def _same_size(line: Line, header: Line) -> bool:
    """Whether `line`'s words are of the header's type size. A recogniser's boxes vary with
    the letters in them (`Amount` a few points taller than `Post`), so on a scanned page
    the header's usual word is the measure, with more slack."""
    if any(w.confidence is not None for w in header.words):
        size = median([w.height for w in header.words])
        return all(abs(w.height - size) <= OCR_SIZE_SLACK * size for w in line.words)
    size = max(w.height for w in header.words)
    return all(abs(w.height - size) <= SIZE_SLACK * size for w in line.words)


def _fits(cell: Cell, spans: list[tuple[float, float]]) -> bool:
    """A stacked title part sits mostly under one title of the header line, or stands alone
    between them and names a column itself (`Date` printed only on the second line)."""
    x0, x1 = cell.x0, cell.x1
    overlaps = [(min(x1, b) - max(x0, a), b - a) for a, b in spans if x0 < b and x1 > a]
    if not overlaps:
        return classify(cell.text) is not None
    # Under a short title a longer word may stick out (`Data` over `księgowania`).
    return len(overlaps) == 1 and overlaps[0][0] >= 0.5 * min(x1 - x0, overlaps[0][1])


def _merge(cells: list[list[Word]], words: Sequence[Word], split: float) -> None:
    """Put each title part under the title it overlaps; a part under none (`and details`
    beside `Payment` over `type`) is a title of its own, its words kept together."""
    for word in words:
        best, best_overlap = None, 0.0
        for i, ws in enumerate(cells):
            x0, x1 = min(w.x0 for w in ws), max(w.x1 for w in ws)
            overlap = min(word.x1, x1) - max(word.x0, x0)
            if word.x1 - word.x0 < 0.5 and x0 - 2 <= word.x0 <= x1 + 2:
                overlap = 0.1  # a glyph the font gives no width (an Arabic title word)
            elif x1 - x0 < 0.5 and word.x0 - 2 <= x0 <= word.x1 + 2:
                overlap = 0.1  # the same, the other way: a title under a width-less one
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None and word.x1 - word.x0 < 0.5:
            continue  # no width and under no title: nothing to read
        if best is not None:
            cells[best].append(word)
            continue
        lone = next((c for c in split_cells(words, split) if word in c.words), None)
        own = next((ws for ws in cells if lone is not None and _joins(ws, lone)), None)
        if own is None:
            cells.append([word])
        else:
            own.append(word)


def _joins(title: list[Word], lone: Cell) -> bool:
    """Whether the rest of a title part goes with `title`: the part began it, or the title's
    own words have no width (an Arabic title over `Transaction Details`, whose `Details`
    stands past the point the Arabic word was given)."""
    if title[0] in lone.words:
        return True
    own = [w for w in title if w not in lone.words]
    return len(own) < len(title) and all(w.x1 - w.x0 < 0.5 for w in own)


def title_part(text: str) -> bool:
    """A word a column title is made of: a title word, a joiner or a currency unit. Under the
    header the data begins, so only such words may continue a title there."""
    bare = text.strip("()[].:")
    if bare in SYMBOLS or bare.upper() in ISO_CODES:
        return True
    return all(t in TITLE_WORDS or t in _JOINERS for t in fold(text).split())


def two_line_header(
    lines: Sequence[Line], index: int, gap: float = CELL_GAP
) -> list[tuple[Cell, Role | None]] | None:
    """A header whose titles only name a table together with the line below them
    (`Erläuterung  Betrag Soll  Betrag Haben` over `Datum  EUR  EUR`): the two read as one
    line, cut into cells where neither has a word."""
    if index + 1 >= len(lines) or titled_words(lines[index]) < 2:
        return None
    top, bottom = lines[index], lines[index + 1]
    height = max(w.height for w in top.words)
    if bottom.y0 - top.y1 > STACK_GAP * height or not titled_words(bottom):
        return None
    words = sorted([*top.words, *bottom.words], key=lambda w: w.x0)
    if has_values(top) or has_values(bottom) or not all(title_part(w.text) for w in words):
        return None  # prose (`*Indicates posting date`) over a title is no header
    merged = Line(words, top.y0, bottom.y1, max(top.x1, bottom.x1), " ".join(w.text for w in words))
    typed = header_cells(_overlapping(merged), gap)
    if typed is None:
        return None
    roles = {role for _, role in typed}
    return typed if roles & MOVEMENT_ROLES and roles & {Role.DESCRIPTION, Role.REFERENCE} else None


def _overlapping(line: Line) -> Line:
    """Words of two stacked lines sorted by x overlap; split_cells needs each cell's words
    adjacent, so a word that starts inside the previous one's span is moved onto its end."""
    words = list(line.words)
    for k in range(1, len(words)):
        prev = words[k - 1]
        if words[k].x0 < prev.x1:
            w = words[k]
            words[k] = Word(w.text, prev.x1 + 0.1, w.y0, max(w.x1, prev.x1 + 0.2), w.y1, w.page)
    return Line(words, line.y0, line.y1, line.x1, line.text)
