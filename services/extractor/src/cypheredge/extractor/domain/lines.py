"""Grouping word boxes into visual lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cypheredge.extractor.domain.words import Word, least_confidence


@dataclass(slots=True, eq=False)
class Line:
    """Words sharing a baseline band, left to right. Every stage asks for a line's box and text
    many times, so `group_lines` works them out once."""

    words: list[Word]
    y0: float
    y1: float
    x1: float
    text: str
    titles: int = -1  # how many of its words could be column titles (worked out once, lazily)

    @classmethod
    def of(cls, words: Sequence[Word]) -> Line:
        """A line of `words` (left to right), its box worked out from theirs."""
        return cls(
            list(words),
            min(w.y0 for w in words),
            max(w.y1 for w in words),
            max(w.x1 for w in words),
            " ".join(w.text for w in words),
        )

    @property
    def x0(self) -> float:
        return self.words[0].x0


def _left(word: Word) -> float:
    return word.x0


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Cluster words into lines by vertical centre, top to bottom.

    A word joins the current line when its centre lies within 40% of the smaller height of the
    line's running centre: loose enough for mixed font sizes on one row, tight enough that
    consecutive rows (pitch >= 1 line height) never merge.
    """
    if not words:
        return []
    keyed = sorted(((w.y0 + w.y1) / 2, w.x0, i) for i, w in enumerate(words))
    lines: list[Line] = []
    centre = height = top = bottom = 0.0
    current: list[Word] = []
    # Plain comparisons instead of min()/max(): this loop runs once per word of every page.
    for yc, _, i in keyed:
        word = words[i]
        y0, y1 = word.y0, word.y1
        h = y1 - y0 if y1 - y0 > 1.0 else 1.0
        if current and abs(yc - centre) <= 0.4 * (h if h < height else height):
            current.append(word)
            centre += (yc - centre) / len(current)
            height = h if h > height else height
            top = y0 if y0 < top else top
            bottom = y1 if y1 > bottom else bottom
            continue
        if current:
            lines.append(_line(current, top, bottom))
        current = [word]
        centre, height, top, bottom = yc, h, y0, y1
    lines.append(_line(current, top, bottom))
    return lines


FUSE = 0.16  # x word height: figures closer than this are one number (`22,0` `14.78`)
_SPLIT_FIGURE = re.compile(r"^[-+(]?\D{0,3}\d[\d,.' ]*$")
_WHOLE_DATE = re.compile(r"^(?:\d{4}|\d{2})([./-])\d{2}\1\d{2}(?:\d{2})?$")


def _line(words: list[Word], top: float, bottom: float) -> Line:
    words.sort(key=_left)
    if len(words) > 1:
        words = _fuse(words)
    right = max(w.x1 for w in words)
    return Line(words, top, bottom, right, " ".join(w.text for w in words))


def _fuse(words: list[Word]) -> list[Word]:
    """Join the pieces of a figure that the text layer split without a visible space. Some
    producers position every glyph run separately (kerned figures), and the text layer then
    carries a space no reader sees: `£22,0 14.78` is one amount. Only figures are joined:
    narrow fonts print real spaces this small between words (`to 2025-02-28`)."""
    out = [words[0]]
    for word in words[1:]:
        last = out[-1]
        gap = word.x0 - last.x1
        limit = FUSE * min(last.y1 - last.y0, word.y1 - word.y0)
        if -limit <= gap < limit and _figure_pieces(last.text, word.text):
            out[-1] = Word(
                last.text + word.text,
                last.x0,
                min(last.y0, word.y0),
                word.x1,
                max(last.y1, word.y1),
                last.page,
                least_confidence((last, word)),
            )
        else:
            out.append(word)
    return out


def _figure_pieces(left: str, right: str) -> bool:
    # A whole date, or a time after it, is a token of its own however close the next one is
    # set (`2024.06.27` `10:21` in a squeezed column, or as a scan's boxes place them).
    return (
        left[-1:].isdigit()
        and right[:1].isdigit()
        and _SPLIT_FIGURE.match(left) is not None
        and any(c in ",.'" for c in left + right)
        and ":" not in right
        and _WHOLE_DATE.match(left) is None
    )


def median(values: Sequence[float], default: float = 0.0) -> float:
    if not values:
        return default
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2
