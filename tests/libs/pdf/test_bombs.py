"""Decompression bombs are refused as bombs, wherever the stream is and however it is packed.

Before, a bomb small enough for the worker's memory (100 MiB of zeros) was accepted as a page
without text and reported downstream as "no text layer"; a larger one as "too much memory".
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable

import pikepdf
import pytest

from cetest import hostile
from cypheredge.pdf import PdfInspector, PdfLimits, PdfRejected
from cypheredge.pdf.parse import parse_pdf

MIB = 1024 * 1024
Name = pikepdf.Name


def flate_zeros(mib: int) -> bytes:
    """zlib data that inflates to ``mib`` MiB of zeros (about 1 KiB per MiB)."""
    return hostile.repeated_flate(bytes(MIB), mib)


def save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    # Streams exactly as built: qpdf neither decodes nor re-compresses them (which would also
    # take it seconds on a bomb).
    pdf.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue()


def one_page(build: Callable[[pikepdf.Pdf, pikepdf.Page], None]) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    build(pdf, pdf.pages[0])
    return save(pdf)


def content(data: bytes, *filters: str) -> bytes:
    """One page whose content stream is ``data`` behind ``filters``."""

    def build(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        stream = pikepdf.Stream(pdf, data)
        stream.Filter = pikepdf.Array([Name(f) for f in filters])
        page.Contents = pdf.make_indirect(stream)

    return one_page(build)


def rejected(inspector: PdfInspector, data: bytes, password: str | None = None) -> str:
    with pytest.raises(PdfRejected) as caught:
        inspector.inspect(data, password)
    assert caught.value.code == "decompression_bomb", caught.value.reason
    return caught.value.reason


def test_a_bomb_that_fits_in_memory_is_a_bomb_not_a_page_without_text(
    inspector: PdfInspector,
) -> None:
    reason = rejected(inspector, content(flate_zeros(100), "/FlateDecode"))
    assert reason == (
        "a 0.1 MB stream in the file decompresses to more than 16 MB, over 100 times its size "
        "(a decompression bomb)"
    )


def test_flate_over_flate_is_inflated_stage_by_stage(inspector: PdfInspector) -> None:
    nested = zlib.compress(flate_zeros(4096), 9)  # 4 GiB behind a few KiB
    assert len(nested) < 64 * 1024
    assert "decompresses to more than" in rejected(
        inspector, content(nested, "/FlateDecode", "/FlateDecode")
    )


def test_other_filter_chains_are_decoded_by_qpdf_under_the_memory_cap(
    inspector: PdfInspector,
) -> None:
    hexed = flate_zeros(100).hex().encode() + b">"
    assert "over 100 times its size" in rejected(
        inspector, content(hexed, "/ASCIIHexDecode", "/FlateDecode")
    )
    # 4 GiB cannot even be held: qpdf runs out of the worker's memory, which also says bomb.
    huge = flate_zeros(4096).hex().encode() + b">"
    assert "more memory than the parser may use" in rejected(
        inspector, content(huge, "/ASCIIHexDecode", "/FlateDecode")
    )


def test_a_bomb_in_a_form_xobject_or_a_font_is_found(inspector: PdfInspector) -> None:
    def form(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        bomb = pikepdf.Stream(pdf, flate_zeros(100))
        bomb.Filter, bomb.Type, bomb.Subtype = Name.FlateDecode, Name.XObject, Name.Form
        bomb.BBox = [0, 0, 10, 10]
        page.Resources = pikepdf.Dictionary(XObject={"/X0": pdf.make_indirect(bomb)})
        page.Contents = pdf.make_indirect(pikepdf.Stream(pdf, b"q /X0 Do Q"))

    def font(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        program = pikepdf.Stream(pdf, flate_zeros(100))
        program.Filter = Name.FlateDecode
        descriptor = pikepdf.Dictionary(
            Type=Name.FontDescriptor, FontName=Name.Bomb, FontFile2=pdf.make_indirect(program)
        )
        f1 = pikepdf.Dictionary(
            Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name.Bomb, FontDescriptor=descriptor
        )
        page.Resources = pikepdf.Dictionary(Font={"/F1": f1})
        page.Contents = pdf.make_indirect(pikepdf.Stream(pdf, b"BT /F1 12 Tf (hello) Tj ET"))

    rejected(inspector, one_page(form))
    rejected(inspector, one_page(font))


def test_many_small_streams_add_up_to_a_bomb(inspector: PdfInspector) -> None:
    # Each 15 MiB stream stays under the per-stream floor; twenty of them pass the file's
    # 256 MiB budget.
    pdf = pikepdf.new()
    for _ in range(20):
        pdf.add_blank_page()
        stream = pikepdf.Stream(pdf, flate_zeros(15))
        stream.Filter = Name.FlateDecode
        pdf.pages[-1].Contents = pdf.make_indirect(stream)
    reason = rejected(inspector, save(pdf))
    assert reason == "the file's content decompresses to more than 256 MB (a decompression bomb)"


def test_an_encrypted_bomb_is_measured_once_decrypted(
    inspector: PdfInspector, encrypt: Callable[[bytes, str, str], bytes]
) -> None:
    locked = encrypt(content(flate_zeros(100), "/FlateDecode"), "pw", "owner")
    with pikepdf.open(io.BytesIO(locked), password="pw") as pdf:
        assert pdf.is_encrypted  # the bomb's bytes are stored encrypted: measured after decryption
    rejected(inspector, locked, password="pw")


def test_images_are_not_inflated_for_measuring(inspector: PdfInspector) -> None:
    # A 64 MiB blank greyscale image: nothing here decodes images, so it is no bomb to us.
    def image(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
        picture = pikepdf.Stream(pdf, flate_zeros(64))
        picture.Filter, picture.Type, picture.Subtype = Name.FlateDecode, Name.XObject, Name.Image
        picture.Width = picture.Height = 8192
        picture.ColorSpace, picture.BitsPerComponent = Name.DeviceGray, 8
        page.Resources = pikepdf.Dictionary(XObject={"/Im0": pdf.make_indirect(picture)})
        page.Contents = pdf.make_indirect(pikepdf.Stream(pdf, b"q 612 0 0 792 0 0 cm /Im0 Do Q"))

    assert inspector.inspect(one_page(image)).text_layer_pages == ()


def test_the_file_budget_is_a_parameter_of_the_parse() -> None:
    # 2 MiB of hex text behind Flate inflates about 2x: no ratio problem, only the budget.
    text = b"%" + bytes(range(256)).hex().encode() * 4096 + b"\n"
    data = content(zlib.compress(text), "/FlateDecode")
    assert parse_pdf(data, None, max_pages=10).pages == 1
    with pytest.raises(PdfRejected) as caught:
        parse_pdf(data, None, max_pages=10, max_decoded_bytes=MIB)
    assert caught.value.code == "decompression_bomb"
    assert "more than 1.0 MB" in caught.value.reason


def test_the_budget_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_decoded_bytes"):
        PdfLimits(max_decoded_bytes=0)


def test_the_survey_leaves_the_file_as_it_came(inspector: PdfInspector) -> None:
    data = content(zlib.compress(b"BT ET\n" * 10), "/FlateDecode")
    assert inspector.inspect(data).decrypted == data
