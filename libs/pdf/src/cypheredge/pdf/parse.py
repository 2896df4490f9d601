"""The parse itself. Runs only inside the worker process, under its resource limits.

qpdf (through pikepdf) opens, repairs and decrypts the file, counts pages from the page tree
alone, and surveys every object (decompression bombs, scripts, attachments); pdfium then reads
each page's content to see whether it carries text.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pikepdf
import pypdfium2 as pdfium

from cypheredge.pdf.active import hazards_of
from cypheredge.pdf.bombs import DecodedBudget
from cypheredge.pdf.errors import PdfRejected
from cypheredge.pdf.inspected import HAZARDS, Hazard
from cypheredge.pdf.limits import DEFAULT_LIMITS
from cypheredge.pdf.protocol import Accepted

# Fewer non-whitespace characters than this is a stray page number or a scanner's stamp, not a
# text layer worth extracting.
MIN_TEXT_CHARS = 20
# Text is read in slices so that a page with 100k characters costs no more than one with 20.
_TEXT_SLICE = 256
# What qpdf says when it had to rebuild a file's cross-reference table to open it (truncated
# files, wrong offsets). Other warnings are deviations it tolerates, not damage.
_REPAIR_MARKERS = ("file is damaged", "reconstruct cross-reference table")


def parse_pdf(
    data: bytes,
    password: str | None,
    max_pages: int,
    max_decoded_bytes: int = DEFAULT_LIMITS.max_decoded_bytes,
) -> Accepted:
    """Open, decrypt and survey ``data``; raises :class:`PdfRejected` if it cannot be used."""
    with _open(data, password) as (pdf, password_unused):
        pages = _count_pages(pdf, max_pages)
        # Before pdfium inflates anything: a bomb is refused as one, not parsed as a blank page.
        hazards = survey(pdf, max_decoded_bytes)
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
    return Accepted(pages, text_pages, encrypted, copy, repaired, hazards, password_unused)


def survey(pdf: pikepdf.Pdf, max_decoded_bytes: int) -> tuple[Hazard, ...]:
    """One pass over every object: raises for a decompression bomb, returns the hazards."""
    budget = DecodedBudget(max_decoded_bytes)
    found: set[Hazard] = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            budget.measure(obj)
        found |= hazards_of(obj)
    return tuple(h for h in HAZARDS if h in found)


def was_repaired(warnings: list[str]) -> bool:
    """Whether qpdf's warnings say it rebuilt the file's structure to open it."""
    return any(marker in w for w in warnings for marker in _REPAIR_MARKERS)


@contextmanager
def _open(data: bytes, password: str | None) -> Iterator[tuple[pikepdf.Pdf, bool]]:
    """The open file, and whether a password was given that it did not need."""
    try:
        pdf = _pikepdf_open(data, password or "")
    except pikepdf.PasswordError:
        pdf, unused = _open_without_password(data, password), True
    except pikepdf.PdfError as exc:
        raise PdfRejected("malformed", "the file is damaged and cannot be repaired") from exc
    else:
        unused = bool(password) and _opens_without_password(pdf, data)
    with pdf:
        yield pdf, unused


def _pikepdf_open(data: bytes, password: str) -> pikepdf.Pdf:
    with warnings.catch_warnings():
        # pikepdf warns when a password was not needed; we report that ourselves.
        warnings.filterwarnings("ignore", "A password was provided", UserWarning)
        return pikepdf.open(io.BytesIO(data), password=password)


def _opens_without_password(pdf: pikepdf.Pdf, data: bytes) -> bool:
    if not pdf.is_encrypted:
        return True
    if pdf.user_password_matched:
        return False  # the given password is the (non-empty) user password: it was needed
    # It matched the owner password; the user password may still be empty.
    try:
        _pikepdf_open(data, "").close()
    except (pikepdf.PasswordError, pikepdf.PdfError):
        return False
    return True


def _open_without_password(data: bytes, password: str | None) -> pikepdf.Pdf:
    if not password:
        raise PdfRejected("password_required", "the file is encrypted and needs a password")
    try:
        # A batch password is often sent with every file; one that only has an (empty) user
        # password opens without it, so the wrong password is no reason to refuse it.
        return _pikepdf_open(data, "")
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
