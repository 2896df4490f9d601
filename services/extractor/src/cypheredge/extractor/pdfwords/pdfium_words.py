"""Word boxes from pypdfium2's text layer: two character-box lookups per word (~1 ms/page)."""

from __future__ import annotations

import ctypes
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cypheredge.extractor.domain.errors import UnreadablePdf
from cypheredge.extractor.domain.words import PageWords, Word
from cypheredge.extractor.pdfwords.layer_check import Hints, hints

if TYPE_CHECKING:
    from PIL.Image import Image

_PDF_DATE = re.compile(r"^(?:D:)?(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_WORD = re.compile(r"[^\s\x00-\x1f\ufffe\uffff]+")
T = TypeVar("T")
# PDFium is not thread-safe: every call into it, from any document, goes through this lock.
PDFIUM_LOCK = threading.RLock()


class PdfiumDocument:
    """An open PDF (already decrypted) that yields the words of each page on demand."""

    def __init__(self, data: bytes, password: str | None = None) -> None:
        try:
            with PDFIUM_LOCK:
                self._doc = pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as exc:
            raise UnreadablePdf(str(exc)) from exc
        # Per page read: what `layer_check` needs to tell whether to look at the page again.
        self.hints: dict[int, Hints] = {}

    def created(self) -> date | None:
        """The document's creation date (`/CreationDate D:20180921...`), when it has one."""
        with PDFIUM_LOCK:
            try:
                raw = self._doc.get_metadata_dict().get("CreationDate", "")
            except pdfium.PdfiumError:
                return None
        m = _PDF_DATE.match(raw)
        if m is None:
            return None
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None

    def __len__(self) -> int:
        with PDFIUM_LOCK:
            return len(self._doc)

    def __enter__(self) -> PdfiumDocument:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._doc.close()

    def pages(self) -> Iterator[PageWords]:
        for index in range(len(self._doc)):
            yield self.page(index + 1)

    def page_size(self, number: int) -> tuple[float, float]:
        """The page's size in points as displayed (its /Rotate applied)."""
        with PDFIUM_LOCK:
            page = self._doc[number - 1]
            try:
                width, height = page.get_size()
                return float(width), float(height)
            finally:
                page.close()

    def render(self, number: int, scale: float, rotation: int = 0, grayscale: bool = True) -> Image:
        """The page as an image at `scale` pixels per point, turned clockwise by `rotation`
        beyond its /Rotate; grey unless asked for colour (three times the memory)."""
        with PDFIUM_LOCK:
            page = self._doc[number - 1]
            try:
                bitmap = page.render(scale=scale, rotation=rotation, grayscale=grayscale)
                try:
                    image: Image = bitmap.to_pil().copy()  # owns its pixels once closed
                    return image
                finally:
                    bitmap.close()
            finally:
                page.close()

    def inspect(self, number: int, look: Callable[[pdfium.PdfPage], T]) -> T:
        """`look` run on page `number`, opened and closed under the lock (for adapters that
        need more of a page than its words)."""
        with PDFIUM_LOCK:
            page = self._doc[number - 1]
            try:
                return look(page)
            finally:
                page.close()

    def page(self, number: int) -> PageWords:
        with PDFIUM_LOCK:
            return self._page(number)

    def _page(self, number: int) -> PageWords:
        page = self._doc[number - 1]
        try:
            width, height = page.get_size()  # as displayed: /Rotate already applied
            rotation = page.get_rotation()
            # Character boxes are in the page's own (unrotated) space.
            own_w, own_h = (height, width) if rotation in (90, 270) else (width, height)
            textpage = page.get_textpage()
            try:
                words = _words(textpage, number, own_h)
                self.hints[number] = hints(page, textpage)
            finally:
                textpage.close()
            if rotation:
                words = [_turn(w, rotation, own_w, own_h) for w in words]
            return PageWords(number, width, height, words)
        finally:
            page.close()


def _turn(w: Word, rotation: int, width: float, height: float) -> Word:
    """Page-space box (top-left origin, `width` x `height` unrotated) -> the box as the page
    is displayed: /Rotate turns the page clockwise."""
    if rotation == 90:
        return Word(w.text, height - w.y1, w.x0, height - w.y0, w.x1, w.page)
    if rotation == 270:
        return Word(w.text, w.y0, width - w.x1, w.y1, width - w.x0, w.page)
    return Word(w.text, width - w.x1, height - w.y1, width - w.x0, height - w.y0, w.page)


def _words(textpage: pdfium.PdfTextPage, number: int, height: float) -> list[Word]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP shift indices: fall back to per char
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count)
        )
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    handle = textpage.raw
    out: list[Word] = []
    append = out.append
    for m in _WORD.finditer(text):
        start, end = m.span()
        loose_box(handle, start, ref)
        left, top, bottom = rect.left, rect.top, rect.bottom
        loose_box(handle, end - 1, ref)
        top = max(top, rect.top)
        bottom = min(bottom, rect.bottom)
        word = m.group()
        if not word.isascii():
            word = _normalise(word)
        append(Word(word, left, height - top, max(left, rect.right), height - bottom, number))
    return out


def _normalise(word: str) -> str:
    """Ligatures (`ﬁ`) and full-width forms (`１２３`) become plain characters; everything
    else keeps its printed form (NFKC would turn `Nº` into `No` and `m²` into `m2`)."""
    word = unicodedata.normalize("NFC", word)
    if not any(_COMPAT(c) for c in word):
        return word
    return "".join(unicodedata.normalize("NFKC", c) if _COMPAT(c) else c for c in word)


def _COMPAT(c: str) -> bool:  # noqa: N802 - reads as a character class
    code = ord(c)
    return 0xFB00 <= code <= 0xFB4F or 0xFF00 <= code <= 0xFFEF or code in (0x00A0, 0x2007)
