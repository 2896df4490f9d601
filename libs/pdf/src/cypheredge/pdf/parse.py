"""The parse itself. Runs only inside the worker process, under its resource limits.

qpdf (through pikepdf) opens, repairs and decrypts the file and counts pages from the page tree
alone; pdfium then reads each page's content to see whether it carries text.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager

import pikepdf
import pypdfium2 as pdfium

from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.protocol import Accepted

# Fewer non-whitespace characters than this is a stray page number or a scanner's stamp, not a
# text layer worth extracting.
MIN_TEXT_CHARS = 20
# Text is read in slices so that a page with 100k characters costs no more than one with 20.
_TEXT_SLICE = 256
# What qpdf says when it had to rebuild a file's cross-reference table to open it (truncated
# files, wrong offsets). Other warnings are deviations it tolerates, not damage.
_REPAIR_MARKERS = ("file is damaged", "reconstruct cross-reference table")


def parse_pdf(data: bytes, password: str | None, max_pages: int) -> Accepted:
    """Open, decrypt and survey ``data``; raises :class:`PdfRejected` if it cannot be used."""
    with _open(data, password) as pdf:
        pages = _count_pages(pdf, max_pages)
        encrypted = bool(pdf.is_encrypted)
        repaired = was_repaired(pdf.get_warnings())
        # Readers downstream get qpdf's repaired rewrite, not a damaged file that each PDF
        # engine would patch up in its own way.
        copy = _rewrite(pdf) if encrypted or repaired else b""
        document = _open_pdfium(copy or data)
        if document is None and not copy:
            # qpdf repairs more damage than pdfium tolerates; hand pdfium qpdf's rewrite.
            copy = _rewrite(pdf)
            document = _open_pdfium(copy)
    if document is None:
        raise PdfRejected("malformed", "the file is damaged and cannot be read")
    try:
        text_pages = _text_layer_pages(document, pages)
    finally:
        document.close()
    return Accepted(pages, text_pages, encrypted, copy, repaired)


def was_repaired(warnings: list[str]) -> bool:
    """Whether qpdf's warnings say it rebuilt the file's structure to open it."""
    return any(marker in w for w in warnings for marker in _REPAIR_MARKERS)


@contextmanager
def _open(data: bytes, password: str | None) -> Iterator[pikepdf.Pdf]:
    try:
        pdf = pikepdf.open(io.BytesIO(data), password=password or "")
    except pikepdf.PasswordError:
        pdf = _open_without_password(data, password)
    except pikepdf.PdfError as exc:
        raise PdfRejected("malformed", "the file is damaged and cannot be repaired") from exc
    with pdf:
        yield pdf


def _open_without_password(data: bytes, password: str | None) -> pikepdf.Pdf:
    if not password:
        raise PdfRejected("password_required", "the file is encrypted and needs a password")
    try:
        # A batch password is often sent with every file; one that only has an (empty) user
        # password opens without it, so the wrong password is no reason to refuse it.
        return pikepdf.open(io.BytesIO(data), password="")
    except (pikepdf.PasswordError, pikepdf.PdfError) as exc:
        raise PdfRejected(
            "wrong_password", "the file is encrypted and the password given is wrong"
        ) from exc


def _count_pages(pdf: pikepdf.Pdf, max_pages: int) -> int:
    try:
        pages = len(pdf.pages)
    except pikepdf.PdfError as exc:
        raise PdfRejected("malformed", "the file's page tree is damaged") from exc
    if pages == 0:
        raise PdfRejected("malformed", "the file has no pages")
    if pages > max_pages:
        raise PdfRejected(
            "too_many_pages", f"the file has {pages} pages, over the limit of {max_pages}"
        )
    return pages


def _rewrite(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    if "/Size" not in pdf.trailer:
        # A file recovered without any trailer gets a synthesised one without /Size; qpdf's
        # writer fills in the right value only for a key that exists.
        pdf.trailer.Size = 0
    # No stream decoding: stream data is only decrypted and copied, so a compressed bomb is never
    # inflated here, and the copy stays the size of the original.
    try:
        pdf.save(
            out,
            encryption=False,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
        )
    except pikepdf.PdfError as exc:
        raise PdfRejected("malformed", "the file is damaged and cannot be repaired") from exc
    return out.getvalue()


def _open_pdfium(data: bytes) -> pdfium.PdfDocument | None:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None


def _text_layer_pages(document: pdfium.PdfDocument, pages: int) -> tuple[int, ...]:
    # qpdf's page count is authoritative; a repaired file may look different to pdfium.
    count = min(len(document), pages)
    return tuple(index + 1 for index in range(count) if _has_text(document, index))


def _has_text(document: pdfium.PdfDocument, index: int) -> bool:
    try:
        page = document[index]
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        return False  # an unreadable page has no usable text; OCR can still try it
    try:
        return _enough_text(textpage)
    finally:
        textpage.close()
        page.close()


def _enough_text(textpage: pdfium.PdfTextPage) -> bool:
    total = textpage.count_chars()
    seen = 0
    for start in range(0, total, _TEXT_SLICE):
        chunk = textpage.get_text_range(start, min(_TEXT_SLICE, total - start))
        seen += sum(1 for char in chunk if not char.isspace())
        if seen >= MIN_TEXT_CHARS:
            return True
    return False
