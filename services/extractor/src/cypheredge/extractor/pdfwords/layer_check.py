"""The facts about a page that say whether its text layer shows what the page shows.

Cheap first: while the words are read, `hints` samples a few characters' render mode and
counts the page's objects (a few dozen calls). Only a page whose text is hidden, or whose
objects far outnumber its characters, is looked at further: its objects walked for a page
image and glyph-shaped vector paths, and, for hidden text over an image, the page rendered
coarsely to see whether the hidden words lie over print. The rules that judge these facts
are `domain.textlayer`'s.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cypheredge.extractor.domain.textlayer import GLYPH_TEXT, GLYPHS, INVISIBLE, LayerFacts
from cypheredge.extractor.domain.words import PageWords

SAMPLE = 16  # characters whose render mode is read
_BLANKS = frozenset((0, 9, 10, 13, 32, 0xA0, 0xFFFE))
HIDDEN_MODES = (3, 7)  # invisible, and invisible added to the clip path
MAX_OBJECTS = 20_000  # a hostile page's objects are walked this far, no further
ROW_SHAPES = 8  # glyph-like shapes that make a row of vector text
SCALE = 1.0  # pixels per point for the print check (72 dpi: 8 pt type is 8 px high)
MAX_PIXELS = 4_000_000

Ink = npt.NDArray[np.bool_]
Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Hints:
    """Measured with the words, on the page already open: whether to look further."""

    chars: int
    objects: int
    invisible: float

    @property
    def worth_a_look(self) -> bool:
        hidden = self.invisible >= INVISIBLE
        drawn = self.objects >= GLYPHS and self.chars < GLYPH_TEXT * self.objects
        return hidden or drawn


def hints(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> Hints:
    count = max(0, textpage.count_chars())
    objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    handle = textpage.raw
    seen = hidden = 0
    unicode, text_object = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetTextObject
    for index in range(0, count, max(1, count // SAMPLE)):
        if unicode(handle, index) in _BLANKS:
            continue
        obj = text_object(handle, index)  # None for a character pdfium made up (a space)
        if not obj:
            continue
        seen += 1
        hidden += pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in HIDDEN_MODES
    return Hints(count, objects, hidden / seen if seen else 0.0)


def facts(page: pdfium.PdfPage, words: PageWords, seen: Hints) -> LayerFacts:
    """Everything `domain.textlayer.unusable` judges; the costly parts only where needed."""
    base = LayerFacts(chars=seen.chars, invisible=seen.invisible)
    if not seen.worth_a_look:
        return base
    width, height = page.get_size()
    area = max(width * height, 1.0)
    cover = 0.0
    shapes: list[Box] = []
    for kind, box, segments, filled in _objects(page.raw):
        x0, y0, x1, y1 = box
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            cover = max(cover, (x1 - x0) * (y1 - y0) / area)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and filled and _glyph_like(box, segments):
            shapes.append(box)
    out = LayerFacts(
        chars=seen.chars,
        invisible=seen.invisible,
        image_cover=min(cover, 1.0),
        glyph_shapes=len(shapes),
        glyph_rows=_rows(shapes),
    )
    if out.hidden_over_image and words.words:
        ink = _ink(page)
        if ink is not None:
            lines, covered = _lines(ink, words)
            return LayerFacts(
                out.chars, out.invisible, out.image_cover, out.glyph_shapes, out.glyph_rows,
                _over_print(ink, words), lines, covered,
            )  # fmt: skip
    return out


def _objects(page: ctypes.c_void_p) -> Iterator[tuple[int, Box, int, bool]]:
    """(type, bounds, path segments, filled) of the page's objects and of those inside its
    forms (one level: a scanner's page image wrapped in a form)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    walked = 0
    pending = [pdfium_c.FPDFPage_GetObject(page, i) for i in range(_count(page, None))]
    while pending and walked < MAX_OBJECTS:
        obj = pending.pop()
        walked += 1
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and walked < MAX_OBJECTS // 2:
            pending += [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(_count(None, obj))]
        refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
            continue
        box = (left.value, bottom.value, right.value, top.value)
        segments, filled = 0, False
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            segments = pdfium_c.FPDFPath_CountSegments(obj)
            if pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
                filled = mode.value != pdfium_c.FPDF_FILLMODE_NONE
        yield kind, box, segments, filled


def _count(page: ctypes.c_void_p | None, form: ctypes.c_void_p | None) -> int:
    n = pdfium_c.FPDFPage_CountObjects(page) if page is not None else 0
    if form is not None:
        n = pdfium_c.FPDFFormObj_CountObjects(form)
    return max(0, min(int(n), MAX_OBJECTS))


def _glyph_like(box: Box, segments: int) -> bool:
    """A filled outline the size of a letter: 1.5-30 pt tall, no wider than a long word at
    that height, with more segments than a rectangle (a table's rules and shading are not)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    small = 1.5 <= h <= 30 and 0.3 <= w <= 40 * h
    turned = 1.5 <= w <= 30 and 0.3 <= h <= 40 * w  # a page turned by /Rotate
    return segments >= 7 and (small or turned)


def _rows(shapes: Sequence[Box]) -> int:
    """Rows of at least ROW_SHAPES shapes sharing a centre line (either axis: the page may
    be turned)."""
    if len(shapes) < ROW_SHAPES:
        return 0
    best = 0
    for axis in (1, 0):
        centres = sorted((s[axis] + s[axis + 2]) / 2 for s in shapes)
        sizes = sorted(s[axis + 2] - s[axis] for s in shapes)
        tolerance = max(0.4 * sizes[len(sizes) // 2], 0.5)
        rows, run, last = 0, 0, centres[0]
        for c in centres:
            if c - last > tolerance:
                rows += run >= ROW_SHAPES
                run = 0
            run, last = run + 1, c
        best = max(best, rows + (run >= ROW_SHAPES))
    return best


def _ink(page: pdfium.PdfPage) -> Ink | None:
    """The page rendered grey at SCALE, as a mask of print (darker than the paper's tone)."""
    width, height = page.get_size()
    if width * height * SCALE * SCALE > MAX_PIXELS:
        return None
    bitmap = page.render(scale=SCALE, grayscale=True, may_draw_forms=False)
    try:
        grey = np.array(bitmap.to_numpy(), dtype=np.uint8).reshape(bitmap.height, -1)
    finally:
        bitmap.close()
    grey = grey[:, : bitmap.width]
    paper = float(np.percentile(grey[::4, ::4], 90))
    mask: Ink = grey < min(170.0, paper - 60.0)
    return mask


def _over_print(ink: Ink, words: PageWords) -> float:
    """Share of the words whose box holds print in each third of its width (the middle of
    its height: a box's ascent and descent are often blank)."""
    sums = np.pad(ink.cumsum(0, dtype=np.int32).cumsum(1, dtype=np.int32), ((1, 0), (1, 0)))
    rows, cols = ink.shape
    over = 0
    for w in words.words:
        pad = 0.2 * (w.y1 - w.y0)
        top = min(rows - 1, max(0, round((w.y0 + pad) * SCALE)))
        bottom = min(rows, max(top + 1, round((w.y1 - pad) * SCALE)))
        left = min(cols - 1, max(0, round(w.x0 * SCALE)))
        right = min(cols, max(left + 1, round(w.x1 * SCALE)))
        parts = 3 if right - left >= 6 else 1
        edges = [left + (right - left) * i // parts for i in range(parts + 1)]
        inked = True
        for a, b in itertools.pairwise(edges):
            dark = sums[bottom, b] - sums[top, b] - sums[bottom, a] + sums[top, a]
            inked = inked and dark > 0.03 * (b - a) * (bottom - top)
        over += inked
    return over / len(words.words)


def _lines(ink: Ink, words: PageWords) -> tuple[int, int]:
    """Lines of print in the image (table rules and frames taken out) and how many of them
    some word of the layer reaches."""
    text = ink & ~_long_runs(ink, round(14 * SCALE), 0) & ~_long_runs(ink, round(36 * SCALE), 1)
    profile = text.sum(1) >= max(3, text.shape[1] // 500)
    reached = np.zeros(len(profile), dtype=bool)
    for w in words.words:
        reached[max(0, round(w.y0 * SCALE)) : max(0, round(w.y1 * SCALE)) + 1] = True
    lines = covered = 0
    start: int | None = None
    for y, on in enumerate([*profile.tolist(), False]):
        if on and start is None:
            start = y
        elif not on and start is not None:
            if 2.5 * SCALE <= y - start <= 40 * SCALE:
                lines += 1
                covered += bool(reached[(start + y) // 2])
            start = None
    return lines, covered


def _long_runs(ink: Ink, length: int, axis: int) -> Ink:
    """Pixels inside a straight run of ink at least `length` long along `axis`."""
    grid = ink if axis == 0 else ink.T
    n = grid.shape[0]
    if n <= length:
        return np.zeros_like(ink)
    sums = np.concatenate([np.zeros((1, grid.shape[1]), np.int32), grid.cumsum(0, dtype=np.int32)])
    starts = (sums[length:] - sums[:-length]) == length  # run of `length` from row i
    # Row p lies in a run when one starts in [p - length + 1, p]: a difference of counts.
    counts = starts.cumsum(0, dtype=np.int32)
    low = np.zeros((length, grid.shape[1]), np.int32)
    high = np.repeat(counts[-1:], length - 1, axis=0)
    spread = np.concatenate([low, counts, high])
    runs: Ink = (spread[length : n + length] - spread[:n]) > 0
    return runs if axis == 0 else runs.T
