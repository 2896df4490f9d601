"""Encrypted files made in the test: user passwords, owner-only encryption, the decrypted copy."""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pypdfium2 as pdfium
import pytest

from cypheredge.pdf import PdfInspector, PdfRejected

Encrypt = Callable[[bytes, str, str], bytes]


@pytest.mark.parametrize("password", ["s3cret", "owner-pw"])
def test_user_or_owner_password_decrypts(
    inspector: PdfInspector, encrypt: Encrypt, text_pdf: bytes, password: str
) -> None:
    result = inspector.inspect(encrypt(text_pdf, "s3cret", "owner-pw"), password=password)
    assert (result.pages, result.text_layer_pages, result.encrypted) == (2, (1, 2), True)
    with pikepdf.open(io.BytesIO(result.decrypted)) as copy:
        assert not copy.is_encrypted
    document = pdfium.PdfDocument(result.decrypted)  # opens without a password
    try:
        assert "Kowhai" in document[0].get_textpage().get_text_range()
    finally:
        document.close()


@pytest.mark.parametrize(
    ("password", "code"), [(None, "password_required"), ("guess", "wrong_password")]
)
def test_user_password_missing_or_wrong(
    inspector: PdfInspector,
    encrypt: Encrypt,
    text_pdf: bytes,
    password: str | None,
    code: str,
) -> None:
    with pytest.raises(PdfRejected) as caught:
        inspector.inspect(encrypt(text_pdf, "s3cret", "owner-pw"), password=password)
    assert caught.value.code == code


@pytest.mark.parametrize("password", [None, "a-batch-password"])
def test_owner_only_encryption_opens_without_a_password(
    inspector: PdfInspector, encrypt: Encrypt, text_pdf: bytes, password: str | None
) -> None:
    result = inspector.inspect(encrypt(text_pdf, "", "owner-pw"), password=password)
    assert (result.pages, result.text_layer_pages, result.encrypted) == (2, (1, 2), True)
    with pikepdf.open(io.BytesIO(result.decrypted)) as copy:
        assert not copy.is_encrypted


def test_password_on_an_unencrypted_file_is_ignored(
    inspector: PdfInspector, text_pdf: bytes
) -> None:
    result = inspector.inspect(text_pdf, password="unused")
    assert not result.encrypted
    assert result.decrypted == text_pdf
    assert result.password_unused  # accepted, with the fact that the password did nothing


@pytest.mark.parametrize(
    ("user", "password", "unused"),
    [
        ("s3cret", "s3cret", False),  # the user password opened it
        ("s3cret", "owner-pw", False),  # the owner password opened it; no password would not
        ("", "owner-pw", True),  # owner-only: it opens without any password
        ("", "a-batch-password", True),  # a wrong password that was not needed either
        ("", None, False),  # none given, none needed
    ],
)
def test_a_password_the_file_did_not_need_is_reported(
    inspector: PdfInspector,
    encrypt: Encrypt,
    text_pdf: bytes,
    user: str,
    password: str | None,
    unused: bool,
) -> None:
    result = inspector.inspect(encrypt(text_pdf, user, "owner-pw"), password=password)
    assert (result.encrypted, result.password_unused) == (True, unused)


def test_no_password_on_a_plain_file_is_nothing_to_report(
    inspector: PdfInspector, text_pdf: bytes
) -> None:
    assert inspector.inspect(text_pdf).password_unused is False
