"""Shared helpers: the text layer of a generated PDF, page by page."""

from __future__ import annotations

from collections.abc import Callable

import pypdfium2 as pdfium
import pytest

PageTexts = Callable[[bytes], list[str]]


def _page_texts(data: bytes, password: str | None = None) -> list[str]:
    doc = pdfium.PdfDocument(data, password=password)
    try:
        texts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            # pdfium reports a hyphen that ends a line as \x02 (a soft-hyphen mark)
            texts.append(textpage.get_text_bounded().replace("\x02", "-"))
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()


@pytest.fixture
def page_texts() -> Callable[..., list[str]]:
    return _page_texts
