"""Pages whose text layer is not what they show: searchable scans and outlined text.

- `searchable(pdf, layer=...)`: each chosen page scanned (see `scan`) under an invisible
  text layer (render mode 3), as a scanner's or an archive's OCR leaves it: `own` the page's
  words where they are printed (a correct layer), `garbage` those words as a poor engine
  misreads them (confusable letters, stray signs, broken glyphs), `other` the words of
  another page of the statement (pages mixed up when the layer was added), `sparse` only the
  page's first lines (an engine that gave up).
- `outlined(pdf)`: each chosen page with its text drawn as filled glyph outlines and no text
  layer left (a designer's "create outlines", a printer driver's "text as graphics").
The transactions printed are untouched, so the truth is the digital original's.
Deterministic: the same PDF, arguments and seed give the same bytes.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from random import Random
from typing import Literal

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from cypheredge.synth.scan import ScanStyle, degrade, replace_pages

Layer = Literal["own", "garbage", "other", "sparse"]
# A flatbed at 200 dpi, fed straight: the layer's words stay over the print they name.
SEARCHABLE = ScanStyle("searchable", dpi=200, jpeg=80, paper=248)
SPARSE_LINES = 3


@dataclass(frozen=True)
class PlacedWord:
    """A word and its box in PDF space (origin bottom-left)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def searchable(
    pdf: bytes,
    layer: Layer = "own",
    pages: Iterable[int] | None = None,
    seed: int = 0,
    style: ScanStyle = SEARCHABLE,
) -> bytes:
    """`pdf` with `pages` (1-based; all when None) scanned under an invisible `layer`."""
    rng = Random(f"searchable:{layer}:{seed}")
    doc = pdfium.PdfDocument(pdf)
    try:
        count = len(doc)
        chosen = sorted(pages) if pages is not None else list(range(1, count + 1))
        words = {n: _words(doc[n - 1]) for n in range(1, count + 1)}
        built: dict[int, bytes] = {}
        for n in chosen:
            page = doc[n - 1]
            image = degrade(_render(page, style), style, rng)
            hidden = _layer(words, n, count, layer, rng)
            built[n] = _overlay_page(image, page.get_size(), hidden)
    finally:
        doc.close()
    return replace_pages(pdf, built)


def outlined(pdf: bytes, pages: Iterable[int] | None = None) -> bytes:
    """`pdf` with the text of `pages` (1-based; all when None) drawn as glyph outlines."""
    doc = pdfium.PdfDocument(pdf)
    try:
        chosen = sorted(pages) if pages is not None else list(range(1, len(doc) + 1))
        paths = {n: _outlines(doc[n - 1]) for n in chosen}
    finally:
        doc.close()
    out = pikepdf.open(io.BytesIO(pdf))
    for n, ops in paths.items():
        page = out.pages[n - 1]
        kept = _without_text(pikepdf.parse_content_stream(page))
        body = b"q\n" + pikepdf.unparse_content_stream(kept) + b"\nQ\n" + ops
        page.obj.Contents = out.make_stream(body)
    buf = io.BytesIO()
    out.save(buf, deterministic_id=True)
    return buf.getvalue()


def _render(page: pdfium.PdfPage, style: ScanStyle) -> Image.Image:
    image = page.render(scale=style.dpi / 72, grayscale=not style.colour).to_pil()
    converted: Image.Image = image.convert("RGB" if style.colour else "L")
    return converted


def _words(page: pdfium.PdfPage) -> list[PlacedWord]:
    """The page's words (runs of non-space characters) with their tight boxes."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        out: list[PlacedWord] = []
        text, box = "", [0.0, 0.0, 0.0, 0.0]
        for i in range(count + 1):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) if i < count else " "
            if char.isspace():
                if text:
                    out.append(PlacedWord(text, *box))
                text = ""
                continue
            pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
            if not text:
                box = [left.value, bottom.value, right.value, top.value]
            box = [min(box[0], left.value), min(box[1], bottom.value),
                   max(box[2], right.value), max(box[3], top.value)]  # fmt: skip
            text += char
        return out
    finally:
        textpage.close()


def _layer(
    words: dict[int, list[PlacedWord]], number: int, count: int, layer: Layer, rng: Random
) -> list[PlacedWord]:
    own = words[number]
    if layer == "own":
        return own
    if layer == "garbage":
        return [PlacedWord(_misread(w.text, rng), w.x0, w.y0, w.x1, w.y1) for w in own]
    if layer == "other":
        return words[number + 1 if number < count else number - 1]
    tops = sorted({round(w.y1) for w in own}, reverse=True)[:SPARSE_LINES]
    return [w for w in own if round(w.y1) in tops]


# What a poor engine makes of print: letters for look-alike signs, stray marks, dropped-out
# glyphs it could not name.
_LOOKALIKE = {
    "a": "@ä",
    "e": "€ë",
    "o": "0°ø",
    "i": "!|¡",
    "l": "|1",
    "s": "$§",
    "t": "+†",
    "n": "ñ~",
    "r": "ŕ",
    "c": "(¢",
    "u": "µü",
    "m": "rn",
    "0": "O°",
    "1": "l|",
    "5": "§",
}
_STRAY = "~^¦¬`´¨{}<>\\|"


def _misread(word: str, rng: Random) -> str:
    if rng.random() < 0.12:
        return word  # some words come through
    out = []
    for char in word:
        swaps = _LOOKALIKE.get(char.lower())
        roll = rng.random()
        if swaps is not None and roll < 0.45:
            out.append(rng.choice(swaps))
        elif roll < 0.55:
            out.append(rng.choice(_STRAY))
        elif roll < 0.58:
            out.append("\ufffd")
        else:
            out.append(char)
        if rng.random() < 0.12:
            out.append(rng.choice(_STRAY))
    return "".join(out)


def _overlay_page(image: Image.Image, size: tuple[float, float], words: list[PlacedWord]) -> bytes:
    """One page: `image` over the whole page and `words` as invisible text, each scaled
    to its box as an OCR layer sets it (font size from the box's height, width by Tz)."""
    width, height = size
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height), invariant=True, pageCompression=1)
    canvas.drawImage(ImageReader(image), 0, 0, width, height)
    for w in words:
        tall = max(w.y1 - w.y0, 1.0)
        font = tall / 0.9
        natural = canvas.stringWidth(w.text, "Helvetica", font)
        text = canvas.beginText()
        text.setTextRenderMode(3)
        text.setFont("Helvetica", font)
        text.setHorizScale(100 * (w.x1 - w.x0) / natural if natural > 0 else 100)
        text.setTextOrigin(w.x0, w.y0 + 0.2 * tall)
        text.textOut(w.text)
        canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _without_text(
    ops: Sequence[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage],
) -> list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage]:
    """The page's content without its text objects (BT ... ET)."""
    inside = False
    kept: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    for instruction in ops:
        op = str(instruction.operator)
        if op == "BT":
            inside = True
        elif op == "ET":
            inside = False
        elif not inside:
            kept.append(instruction)
    return kept


def _outlines(page: pdfium.PdfPage) -> bytes:
    """Content-stream operators filling each character's glyph outline at its place, one
    path per glyph (as a printer driver writes text as graphics)."""
    textpage = page.get_textpage()
    ops: list[str] = []
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        px, py = ctypes.c_float(), ctypes.c_float()
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
            if not obj or not code or chr(code).isspace():
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
            glyph = pdfium_c.FPDFFont_GetGlyphPath(
                pdfium_c.FPDFTextObj_GetFont(obj), code, ctypes.c_float(size)
            )
            if not glyph:
                continue
            pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a)
            ops.append(f"{r.value / 255:.3f} {g.value / 255:.3f} {b.value / 255:.3f} rg")
            pending: list[str] = []
            for k in range(pdfium_c.FPDFGlyphPath_CountGlyphSegments(glyph)):
                segment = pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(glyph, k)
                pdfium_c.FPDFPathSegment_GetPoint(segment, px, py)
                point = f"{x.value + px.value * size:.2f} {y.value + py.value * size:.2f}"
                kind = pdfium_c.FPDFPathSegment_GetType(segment)
                if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                    pending.append(point)
                    if len(pending) == 3:
                        ops.append(" ".join(pending) + " c")
                        pending = []
                else:
                    ops.append(point + (" m" if kind == pdfium_c.FPDF_SEGMENT_MOVETO else " l"))
                if pdfium_c.FPDFPathSegment_GetClose(segment):
                    ops.append("h")
            ops.append("f")
    finally:
        textpage.close()
    return ("\n".join(ops) + "\n").encode()
